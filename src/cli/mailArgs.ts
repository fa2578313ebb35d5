// The options of `report merge` and `report send`, parsed beside the other commands' in
// parseArgs.ts (which hands every option it does not know to takeMailOption).
import { parseShard, type Shard } from '../merge/shard.js';

export interface MailArgs {
  /** A recipients file instead of config.yaml's. */
  recipients?: string;
  shard?: Shard;
  /** SMTP server URL (else REPORT_SMTP_URL). Never read from a committed file. */
  smtp?: string;
  /** send: write each message as .eml to output/mail/ instead of sending. */
  dryRun: boolean;
  /** send: send the first `testCount` messages to this address instead of the recipients. */
  testTo?: string;
  testCount: number;
}

export const MAIL_COMMANDS = ['merge', 'send'] as const;

export const MAIL_USAGE = `       report merge [--recipients FILE] [--out DIR] [--shard K/N]
       report send [--recipients FILE] [--out DIR] [--smtp URL] [--dry-run] [--test-to ADDRESS [--test-count N]] [--shard K/N]`;

export const MAIL_OPTIONS = `  --recipients FILE  merge, send: the recipients (CSV or JSON) instead of recipients: in config.yaml
  --shard K/N        merge, send: only the recipients whose id hashes to share K of N (K from 1)
  --smtp URL         send: smtp://user:pass@host:587 or smtps://…:465 (default: $REPORT_SMTP_URL)
  --dry-run          send: write each message to output/mail/ID.eml instead of sending
                     (--out moves the letters only: the journal and .eml stay in output/mail/)
  --test-to ADDRESS  send: send the first messages (--test-count N, default 3) to ADDRESS only`;

export function emptyMailArgs(): MailArgs {
  return { dryRun: false, testCount: 3 };
}

/**
 * Takes option `a` (and its value, through `value`) if it is a mail option; returns whether it
 * did. Throws a message for the UsageError when a value is wrong.
 */
export function takeMailOption(a: string, value: (flag: string) => string, m: MailArgs, usage: (msg: string) => Error): boolean {
  switch (a) {
    case '--recipients':
      m.recipients = value(a);
      return true;
    case '--shard': {
      const s = parseShard(value(a));
      if (typeof s === 'string') throw usage(s);
      m.shard = s;
      return true;
    }
    case '--smtp':
      m.smtp = value(a);
      return true;
    case '--dry-run':
      m.dryRun = true;
      return true;
    case '--test-to':
      m.testTo = value(a);
      return true;
    case '--test-count': {
      const v = value(a);
      if (!/^[1-9]\d{0,3}$/.test(v)) throw usage(`--test-count must be a whole number from 1 to 9999, not "${v}"`);
      m.testCount = Number(v);
      return true;
    }
    default:
      return false;
  }
}
