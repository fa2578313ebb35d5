// `report preview`: watch mode with a browser page. Every save rebuilds what it affects (one
// build session, as `report watch`), and the page, told by a server-sent event, shows the new
// pages; a failed build shows its errors over the last good pages.
import { basename, relative } from 'node:path';
import { watchProject } from '../build/watchProject.js';
import type { CliIO } from '../cli/main.js';
import { cliCache, reportError } from '../cli/main.js';
import type { Command } from '../cli/parseArgs.js';
import { startPreviewServer, type PreviewServer } from './previewServer.js';
import { PreviewState } from './previewState.js';

export interface PreviewHandle {
  url: string;
  close(): Promise<void>;
}

/** Starts the server and the watcher; resolves once the server listens. */
export async function startPreview(cmd: Command, root: string, io: CliIO): Promise<PreviewHandle> {
  const state = new PreviewState();
  let server: PreviewServer | undefined;
  server = await startPreviewServer(state, cmd.port, basename(root));
  const w = watchProject({
    root,
    outDir: cmd.outDir,
    paper: cmd.paper,
    only: cmd.documents,
    cache: cliCache(cmd, root),
    onBuild: (e) => {
      const what = e.changed[0] === 'initial' ? 'initial build' : e.changed.join(', ');
      if (e.error) {
        state.failed(e.error);
        io.err(`✗ ${what}: build failed, the preview keeps the last good pages`);
        reportError(e.error, cmd.debug, io.err);
      } else {
        state.built(e.result!);
        for (const x of e.result!.warnings) io.err(`warning: ${x}`);
        io.out(`✓ ${what} → ${e.result!.documents.map((d) => d.name).join(', ')} in ${e.ms.toFixed(0)} ms`);
      }
      server?.announce();
    },
  });
  io.out(`preview of ${relative(process.cwd(), root) || '.'} on ${server.url} (Ctrl-C to stop)`);
  return {
    url: server.url,
    async close() {
      w.close();
      await server?.close();
      server = undefined;
    },
  };
}

export async function runPreview(cmd: Command, root: string, io: CliIO): Promise<number> {
  let handle: PreviewHandle;
  try {
    handle = await startPreview(cmd, root, io);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EADDRINUSE') {
      io.err(`report: port ${cmd.port} is in use — choose another with --port N (0 picks a free one)`);
      return 2;
    }
    return reportError(e, cmd.debug, io.err);
  }
  return new Promise((resolve) => {
    const stop = () => {
      void handle.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
