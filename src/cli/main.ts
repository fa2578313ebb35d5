// The `report` command. Exit codes: 0 success, 1 failed build, 2 bad input or usage, 3 `send`
// could not deliver every message (see src/cli/sendCommand.ts).
import { relative, resolve } from 'node:path';
import { buildParallel } from '../build/buildParallel.js';
import { buildProject } from '../build/buildProject.js';
import { BUILD_ID, projectCacheDir } from '../build/diskCache.js';
import { InputError, InputErrors } from '../errors.js';
import { runCheck } from './check.js';
import { runMergeCommand } from './mergeCommand.js';
import { parseArgs, USAGE, UsageError, type Command } from './parseArgs.js';
import { runSendCommand } from './sendCommand.js';
import type { ProgressSink } from './progressLine.js';
import { printTypesetReport } from './typesetReport.js';
import { runWatch } from './watch.js';
import { runPreview } from '../preview/runPreview.js';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIO: CliIO = {
  out: (s) => void process.stdout.write(s + '\n'),
  err: (s) => void process.stderr.write(s + '\n'),
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`report: ${e.message}`);
      io.err(USAGE);
      return 2;
    }
    throw e;
  }
  if (cmd.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (cmd.command === 'preflight') {
    // pdf-lib and the checks load only for this command.
    const { runPreflight } = await import('../preflight/preflightCommand.js');
    return runPreflight({ ...cmd.preflight, files: cmd.preflight.files.map((f) => resolve(f)) }, io.out, io.err);
  }
  const root = resolve(cmd.root);
  // The print edition is made from the laid-out pages in this thread (workers send back PDFs only).
  if (cmd.command === 'build' && cmd.jobs > 1 && !cmd.print) return buildWithWorkers(cmd, root, io);
  if (cmd.command === 'check') return runCheck(cmd, root, io);
  if (cmd.command === 'merge') return runMergeCommand(cmd, root, io, progressSink(io));
  if (cmd.command === 'send') return runSendCommand(cmd, root, io, progressSink(io));
  if (cmd.command === 'watch') return runWatch({ ...cmd, outDir: cmd.outDir ? resolve(cmd.outDir) : undefined }, root, io);
  if (cmd.command === 'preview') return runPreview({ ...cmd, outDir: cmd.outDir ? resolve(cmd.outDir) : undefined }, root, io);
  try {
    const result = await buildProject({
      root,
      outDir: cmd.outDir ? resolve(cmd.outDir) : undefined,
      only: cmd.documents,
      paper: cmd.paper,
      html: cmd.html && cmd.command === 'build',
      dryRun: cmd.command === 'typeset-report',
      // The report counts placement problems instead of failing on the first document with one.
      placement: cmd.command === 'typeset-report' ? 'report' : 'fail',
      cache: cliCache(cmd, root),
      print: cmd.print ? { impose: cmd.impose, creepMm: cmd.creepMm } : undefined,
      onStage: (stage, ms) => {
        if (!cmd.quiet && cmd.command === 'build') io.out(`${stage.padEnd(7)} ${ms.toFixed(0).padStart(5)} ms`);
      },
    });
    for (const w of result.warnings) io.err(`warning: ${w}`);
    const { reuse } = result;
    if (!cmd.quiet && cmd.command === 'build' && cliCache(cmd, root)) {
      io.out(`reused  ${reuse.charts}/${reuse.chartsTotal} charts, ${reuse.paragraphs}/${reuse.paragraphsTotal} paragraphs (.cache/report-generator)`);
    }
    if (cmd.command === 'typeset-report') {
      printTypesetReport(result.documents, io.out);
      return 0;
    }
    // The benchmark reads this line: stage times and the process's peak memory.
    if (process.env.REPORT_BENCH === '1') io.out('BENCH ' + JSON.stringify({ stages: result.stages, maxRssKb: process.resourceUsage().maxRSS }));
    if (!cmd.quiet) {
      for (const d of result.documents) {
        io.out(`wrote ${relative(process.cwd(), d.file) || d.file} (${d.pages} page${d.pages === 1 ? '' : 's'}, ${(d.bytes / 1024).toFixed(0)} KB)`);
        if (d.html) io.out(`wrote ${relative(process.cwd(), d.html.file) || d.html.file} (${(d.html.data.length / 1024).toFixed(0)} KB)`);
        for (const f of d.print?.files ?? []) {
          const kind = f.path === d.print!.file ? (d.print!.pdfx ? `, PDF/X-4 for ${d.print!.pdfx}` : ', not PDF/X') : ', imposed';
          io.out(`wrote ${relative(process.cwd(), f.path) || f.path} (${f.pages} ${f.path === d.print!.file ? 'page' : 'sheet side'}${f.pages === 1 ? '' : 's'}, ${(f.data.length / 1024).toFixed(0)} KB${kind})`);
        }
      }
    }
    return 0;
  } catch (e) {
    return reportError(e, cmd.debug, io.err);
  }
}

/** Progress lines of merge and send: redrawn in place on a terminal, else one line each. */
function progressSink(io: CliIO): ProgressSink {
  const tty = io === processIO && !!process.stderr.isTTY;
  return { tty, write: tty ? (s) => void process.stderr.write(s) : (s) => io.out(s.replace(/\n$/, '')) };
}

/** The disk cache of the bundled CLI, unless --no-cache (run from source, there is no build id). */
export function cliCache(cmd: Command, root: string): { dir: string; version: string } | undefined {
  // Node's version is part of it: ICU (word segmentation of Khmer, number formats) comes with it.
  return cmd.cache && BUILD_ID ? { dir: projectCacheDir(root), version: `${BUILD_ID}-node${process.version}-icu${process.versions.icu ?? ''}` } : undefined;
}

async function buildWithWorkers(cmd: Command, root: string, io: CliIO): Promise<number> {
  try {
    // The worker is bundled next to this file (dist/build-worker.mjs).
    const workerUrl = new URL('./build-worker.mjs', import.meta.url);
    const r = await buildParallel({ root, outDir: cmd.outDir ? resolve(cmd.outDir) : undefined, only: cmd.documents, paper: cmd.paper, jobs: cmd.jobs, workerUrl, cache: cliCache(cmd, root), html: cmd.html });
    for (const w of r.warnings) io.err(`warning: ${w}`);
    if (!cmd.quiet) {
      for (const [k, ms] of Object.entries(r.stages)) io.out(`${k.padEnd(7)} ${ms.toFixed(0).padStart(5)} ms`);
      for (const d of r.documents) {
        io.out(`wrote ${relative(process.cwd(), d.file) || d.file} (${d.pages} page${d.pages === 1 ? '' : 's'}, ${(d.bytes / 1024).toFixed(0)} KB)`);
        if (d.html) io.out(`wrote ${relative(process.cwd(), d.html.file) || d.html.file} (${(d.html.data.length / 1024).toFixed(0)} KB)`);
      }
    }
    return 0;
  } catch (e) {
    return reportError(e, cmd.debug, io.err);
  }
}

export function reportError(e: unknown, debug: boolean, err: (s: string) => void): number {
  if (e instanceof InputErrors) {
    for (const x of e.errors) err(x.message);
    return 2;
  }
  if (e instanceof InputError) {
    err(e.message);
    return 2;
  }
  err(`report: build failed: ${(e as Error)?.message ?? String(e)}`);
  if (debug && e instanceof Error && e.stack) err(e.stack);
  else err('(run again with --debug for details)');
  return 1;
}
