// Command-line arguments → a typed command. Usage mistakes are reported as UsageError (exit 2).
import type { DocumentName } from '../load/sourceTypes.js';
import { didYouMean } from '../errors.js';
import { emptyMailArgs, MAIL_COMMANDS, MAIL_OPTIONS, MAIL_USAGE, takeMailOption, type MailArgs } from './mailArgs.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  command: 'build' | 'watch' | 'typeset-report' | 'help' | (typeof MAIL_COMMANDS)[number];
  documents: DocumentName[];
  outDir?: string;
  paper?: 'a4' | 'letter';
  quiet: boolean;
  debug: boolean;
  /** Worker threads for building several documents at once (1: in this thread). */
  jobs: number;
  /** Use and keep the build cache in .cache/report-generator/. */
  cache: boolean;
  root: string;
  /** Options of merge and send (mailArgs.ts). */
  mail: MailArgs;
}

export const USAGE = `usage: report build [DOCUMENT…] [--out DIR] [--paper a4|letter] [--jobs N] [--no-cache] [--quiet] [--debug]
       report watch [DOCUMENT…] [--out DIR] [--paper a4|letter]
       report typeset-report [DOCUMENT…] [--paper a4|letter]
${MAIL_USAGE}
documents are named in content/config.yaml (default: all of them)
options:
  --out DIR        write the PDFs to DIR (default: output/)
  --paper SIZE     a4 or letter (default: the template's, or the front matter's)
  --root DIR       the project folder holding content/ and templates/ (default: .)
  --jobs N         build up to N documents at once in worker threads (default 1)
  --no-cache       make everything anew: neither read nor write .cache/report-generator/
  --quiet          print only errors and warnings
  --debug          print stack traces of unexpected errors
${MAIL_OPTIONS}`;

const COMMANDS = ['build', 'watch', 'typeset-report', 'help', ...MAIL_COMMANDS] as const;

export function parseArgs(argv: string[]): Command {
  const out: Command = { command: 'build', documents: [], quiet: false, debug: false, root: '.', jobs: 1, cache: true, mail: emptyMailArgs() };
  const rest = [...argv];
  const first = rest.shift();
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h') return { ...out, command: 'help' };
  if (!(COMMANDS as readonly string[]).includes(first)) {
    const g = didYouMean(first, COMMANDS);
    throw new UsageError(`unknown command "${first}"${g ? ` (did you mean "${g}"?)` : ''}`);
  }
  out.command = first as Command['command'];
  while (rest.length) {
    const a = rest.shift()!;
    const value = (flag: string) => {
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (a === '--out') out.outDir = value(a);
    else if (a === '--root') out.root = value(a);
    else if (a === '--jobs' || a === '-j') {
      const v = value(a);
      if (!/^[1-9]\d?$/.test(v)) throw new UsageError(`--jobs must be a whole number from 1 to 99, not "${v}"`);
      out.jobs = Number(v);
    } else if (a === '--paper') {
      const v = value(a);
      if (v !== 'a4' && v !== 'letter') throw new UsageError(`--paper must be a4 or letter, not "${v}"`);
      out.paper = v;
    } else if (a === '--quiet' || a === '-q') out.quiet = true;
    else if (a === '--no-cache') out.cache = false;
    else if (a === '--debug') out.debug = true;
    else if (a === '--help' || a === '-h') out.command = 'help';
    else if ((MAIL_COMMANDS as readonly string[]).includes(out.command) && takeMailOption(a, value, out.mail, (m) => new UsageError(m))) continue;
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(a)) {
      // A document named in content/config.yaml; the build checks the name against it.
      if (!out.documents.includes(a)) out.documents.push(a);
    } else {
      const g = didYouMean(a, COMMANDS);
      throw new UsageError(`"${a}" is not a document name${g ? ` (did you mean the command "${g}"?)` : ''}; documents are named in content/config.yaml`);
    }
  }
  return out;
}
