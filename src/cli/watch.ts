// `report watch`: prints what was rebuilt and how long it took, or the errors, on every save.
import { relative } from 'node:path';
import { watchProject } from '../build/watchProject.js';
import type { CliIO } from './main.js';
import { cliCache, reportError } from './main.js';
import type { Command } from './parseArgs.js';

export function runWatch(cmd: Command, root: string, io: CliIO): Promise<number> {
  io.out(`watching ${relative(process.cwd(), root) || '.'}/content and templates (Ctrl-C to stop)`);
  const w = watchProject({
    root,
    outDir: cmd.outDir,
    paper: cmd.paper,
    only: cmd.documents,
    cache: cliCache(cmd, root),
    html: cmd.html,
    onBuild: (e) => {
      const what = e.changed[0] === 'initial' ? 'initial build' : e.changed.join(', ');
      if (e.error) {
        io.err(`✗ ${what}: build failed, previous PDFs kept`);
        reportError(e.error, cmd.debug, io.err);
        return;
      }
      for (const w2 of e.result!.warnings) io.err(`warning: ${w2}`);
      const files = e.result!.documents.map((d) => `${d.name}.pdf (${d.pages} p.)`).join(', ');
      io.out(`✓ ${what} → ${files} in ${e.ms.toFixed(0)} ms`);
    },
  });
  return new Promise((resolve) => {
    process.once('SIGINT', () => {
      w.close();
      resolve(0);
    });
  });
}
