// `report send`: emails each recipient; see src/mail/sendCampaign.ts. Exit codes: 0 every
// message accepted (or already sent), 2 bad input (nothing sent), 3 some messages refused or
// not delivered (the summary lists them; a rerun sends what was not accepted).
import { relative, resolve } from 'node:path';
import { sendCampaign } from '../mail/sendCampaign.js';
import type { CliIO } from './main.js';
import { reportError } from './main.js';
import type { Command } from './parseArgs.js';
import { progressLine, type ProgressSink } from './progressLine.js';

export async function runSendCommand(cmd: Command, root: string, io: CliIO, sink: ProgressSink): Promise<number> {
  if (cmd.documents.length) {
    io.err(`report: send takes no document names (${cmd.documents.join(', ')}): what is sent is mail: in content/config.yaml`);
    return 2;
  }
  try {
    let progress: ReturnType<typeof progressLine> | undefined;
    const s = await sendCampaign({
      root,
      recipients: cmd.mail.recipients,
      outDir: cmd.outDir ? resolve(cmd.outDir) : undefined,
      shard: cmd.mail.shard,
      smtp: cmd.mail.smtp,
      dryRun: cmd.mail.dryRun,
      testTo: cmd.mail.testTo,
      testCount: cmd.mail.testCount,
      onStart: (total) => {
        if (!cmd.quiet) progress = progressLine(cmd.mail.dryRun ? 'compose' : 'send', total, sink);
      },
      onProgress: (p) => progress?.update(p.done, p.failed),
    });
    progress?.finish();
    if (cmd.mail.dryRun) {
      io.out(`dry run: wrote ${s.files.length} message${s.files.length === 1 ? '' : 's'} to ${relative(process.cwd(), s.mailDir) || '.'}/ (nothing sent)${s.linked ? `; ${s.linked} with links instead of attachments` : ''}`);
      return 0;
    }
    for (const f of s.failed) io.err(`${f.id} <${f.email}>: ${f.state === 'failed' ? 'refused' : 'not delivered'}: ${f.response}`);
    const notTried = s.total - s.sent - s.skipped - s.failed.length;
    io.out(`${cmd.mail.testTo ? `test to ${cmd.mail.testTo}: ` : ''}sent ${s.sent}, skipped ${s.skipped} (already sent), failed ${s.failed.length}${notTried ? `, not tried ${notTried}` : ''}${s.linked ? `; ${s.linked} with links instead of attachments` : ''}`);
    if (s.stopped) io.err(`report: send stopped: ${s.stopped}`);
    return s.failed.length || s.stopped ? 3 : 0;
  } catch (e) {
    return reportError(e, cmd.debug, io.err);
  }
}
