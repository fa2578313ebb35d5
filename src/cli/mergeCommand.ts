// `report merge`: one PDF per recipient and a manifest; see src/merge/runMerge.ts.
import { relative, resolve } from 'node:path';
import { runMerge } from '../merge/runMerge.js';
import type { CliIO } from './main.js';
import { reportError } from './main.js';
import type { Command } from './parseArgs.js';
import { progressLine, type ProgressSink } from './progressLine.js';

export async function runMergeCommand(cmd: Command, root: string, io: CliIO, sink: ProgressSink): Promise<number> {
  if (cmd.documents.length) {
    io.err(`report: merge takes no document names (${cmd.documents.join(', ')}): each recipient's PDF is merge.documents in content/config.yaml`);
    return 2;
  }
  try {
    let progress: ReturnType<typeof progressLine> | undefined;
    const r = await runMerge({
      root,
      recipients: cmd.mail.recipients,
      outDir: cmd.outDir ? resolve(cmd.outDir) : undefined,
      shard: cmd.mail.shard,
      paper: cmd.paper,
      onStart: (total) => {
        if (!cmd.quiet) progress = progressLine('merge', total, sink);
      },
      onProgress: (p) => progress?.update(p.done, p.failed),
    });
    progress?.finish();
    for (const w of r.warnings) io.err(`warning: ${w}`);
    for (const f of r.manifest.failed) io.err(f.error);
    const where = relative(process.cwd(), r.outDir) || '.';
    if (!cmd.quiet) {
      const pages = r.manifest.entries.reduce((n, e) => n + e.pages, 0);
      const bytes = r.manifest.entries.reduce((n, e) => n + e.bytes, 0);
      io.out(`merged ${r.manifest.entries.length} of ${r.list.recipients.length} recipients${cmd.mail.shard ? ` (shard ${r.manifest.shard})` : ''} into ${where}/: ${r.built} built, ${r.resumed} unchanged since an earlier run, ${r.manifest.failed.length} failed; ${pages} pages, ${(bytes / 1048576).toFixed(1)} MB`);
      io.out(`wrote ${relative(process.cwd(), r.manifestFile) || r.manifestFile}`);
    }
    return r.manifest.failed.length ? 2 : 0;
  } catch (e) {
    return reportError(e, cmd.debug, io.err);
  }
}
