// Runs the stages in order for the requested documents and reports each stage's time.
// Everything is computed in memory; files are written only at the very end, all or nothing.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChartDrawing } from '../charts/chartDrawing.js';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import type { AnyDocumentKind } from '../documents/documentKind.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { formatPlace } from '../errors.js';
import { pageBox } from '../layout/pageGeometry.js';
import type { LaidOutDocument, LayoutStats } from '../layout/pageTypes.js';
import { loadProject } from '../load/loadProject.js';
import { loadTemplate } from '../load/loadTemplate.js';
import type { DocumentName } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import { resolveDocument } from '../resolve/resolveDocument.js';
import { BROKEN_PARAGRAPHS } from '../layout/textLines.js';
import { pdfTarget } from '../targets/pdfTarget.js';
import type { TargetDocument } from '../targets/target.js';
import { BuildSession } from './buildSession.js';
import { compileCached } from './chartCache.js';
import { DiskCache } from './diskCache.js';
import { loadMemo, saveMemo, takeMemo } from './memoStore.js';
import { PERSISTED_MEMOS } from './persistedMemos.js';
import { writeAllAtomic } from './writeAtomic.js';

export interface BuildOptions {
  root: string;
  outDir?: string;
  /** The documents to build, by their names in config.yaml (all when absent or empty). */
  only?: readonly DocumentName[];
  paper?: 'a4' | 'letter';
  /** Called when a stage ends, with its duration in milliseconds. */
  onStage?: (stage: string, ms: number) => void;
  /** Lay out and render but do not write files (tests, the quality report). */
  dryRun?: boolean;
  /**
   * Keep compiled charts, broken paragraphs, shaped Khmer and font subsets on disk between
   * builds (see diskCache.ts); off when absent. With `defer`, entries are written only when
   * the result's flushCache() is called.
   */
  cache?: { dir: string; version: string; defer?: boolean };
  /**
   * What this build may reuse from earlier builds in memory (watch mode passes one for all its
   * rebuilds). A new session when absent: the build then works as a new process would.
   */
  session?: BuildSession;
  /** Document kinds beyond the built-in brief and handout (see src/documents/). */
  kinds?: readonly AnyDocumentKind[];
}

export interface BuiltDocument {
  name: DocumentName;
  /** The document's kind (brief, handout …). */
  kind: string;
  file: string;
  pages: number;
  bytes: number;
  pdf: Buffer;
  laid: LaidOutDocument;
  stats: LayoutStats;
  /** Copy-fit scale (1 = not shrunk). */
  scale: number;
}

export interface BuildResult {
  documents: BuiltDocument[];
  warnings: string[];
  stages: Record<string, number>;
  /** What was reused rather than made again (from the session in watch mode, else from the disk cache). */
  reuse: { charts: number; chartsTotal: number; paragraphs: number; paragraphsTotal: number };
  /** Writes cache entries held back by `cache.defer`. */
  flushCache(): void;
}

export const STAGES = ['load', 'parse', 'charts', 'layout', 'write'] as const;

/** The most of a page's text block a chart may take (the rest: its caption and source line). */
const CHART_SHARE_OF_PAGE = 0.8;

export function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const session = opts.session ?? new BuildSession();
  return session.run(() => buildInSession(opts, session));
}

/** What the stages of one build share. */
interface BuildRun {
  opts: BuildOptions;
  session: BuildSession;
  kinds: KindRegistry;
  disk: DiskCache | undefined;
  stages: Record<string, number>;
  lap(stage: string): void;
  reuse: BuildResult['reuse'];
}

async function buildInSession(opts: BuildOptions, session: BuildSession): Promise<BuildResult> {
  const stages: Record<string, number> = {};
  let t0 = performance.now();
  const run: BuildRun = {
    opts,
    session,
    kinds: new KindRegistry([...BUILT_IN_KINDS, ...(opts.kinds ?? [])]),
    disk: opts.cache ? new DiskCache(opts.cache.dir, opts.cache.version, opts.cache.defer) : undefined,
    stages,
    lap: (stage) => {
      const t = performance.now();
      stages[stage] = t - t0;
      opts.onStage?.(stage, t - t0);
      t0 = t;
    },
    reuse: { charts: 0, chartsTotal: 0, paragraphs: 0, paragraphsTotal: 0 },
  };
  // Memos kept per set of documents built together (a build of the brief alone, or a --jobs
  // worker, keeps its own). They track the whole build: charts may shape text too.
  const buildKey = [...(opts.only?.length ? opts.only : ['*'])].sort().join('+');
  const buildMemos = PERSISTED_MEMOS.filter((p) => p.scope === 'build');
  for (const p of buildMemos) loadMemo(session, run.disk, p, buildKey);
  let succeeded = false;
  try {
    const result = await runStages(run);
    succeeded = true;
    return result;
  } finally {
    // Only a build that succeeded replaces stored entries.
    const used = buildMemos.map((p) => takeMemo(session, p).used);
    if (run.disk && succeeded) buildMemos.forEach((p, i) => saveMemo(session, run.disk!, p, buildKey, used[i]));
  }
}

async function runStages(run: BuildRun): Promise<BuildResult> {
  const { opts, session, kinds, disk, lap, reuse } = run;
  const source = loadProject(opts.root, kinds, opts.only);
  const templates = new Map<DocumentName, Template>();
  for (const d of source.documents) templates.set(d.name, loadTemplate(opts.root, d.template, kinds.get(d.kind)!, session.templates));
  lap('load');

  const warnings: string[] = [];
  const trees = source.documents.map((d) => {
    const r = parseMarkdown(d);
    warnings.push(...r.warnings.map((w) => w.message));
    return r.tree;
  });
  lap('parse');

  // Every drawing's warnings (Vega-Lite's, vega's, fitting's), each printed once: a chart drawn
  // in two documents, or in two sizes, says the same thing twice.
  const drawings: Promise<ChartDrawing>[] = [];
  const resolved = await Promise.all(trees.map((tree) => {
    const t = templates.get(tree.name)!;
    const paper = opts.paper ?? tree.meta.paper ?? t.paper;
    const content = pageBox(t, paper).content(1);
    const width = (content.width - t.columnGap * (t.columns - 1)) / t.columns;
    // A chart may take most of a page; the rest is for its caption and source line.
    const maxHeight = content.height * CHART_SHARE_OF_PAGE;
    return resolveDocument(tree, source, t, width, (name, w, h) => {
      const c = compileCached(session, source, t, name, w, h, disk, maxHeight);
      reuse.chartsTotal++;
      if (c.reused) reuse.charts++;
      drawings.push(c.drawing);
      return c.drawing;
    });
  }));
  for (const r of resolved) warnings.push(...r.warnings.map((w) => `${formatPlace(w.place)}: ${w.message}`));
  warnings.push(...new Set((await Promise.all(drawings)).flatMap((d) => d.warnings)));
  lap('charts');

  const built = resolved.map((r) => {
    const template = templates.get(r.name)!;
    const doc: TargetDocument = { resolved: r, template, kind: kinds.get(template.kind)!, paper: opts.paper ?? r.meta.paper ?? template.paper };
    const a = arrangeTracked(run, doc);
    warnings.push(...a.warnings);
    return { doc, arranged: a.arranged };
  });
  lap('layout');

  const outDir = opts.outDir ?? join(opts.root, 'output');
  const documents: BuiltDocument[] = [];
  for (const { doc, arranged } of built) {
    const pdf = await pdfTarget.encode(arranged, doc);
    const name = doc.resolved.name;
    documents.push({ name, kind: doc.kind.name, file: pdfTarget.outputFile(outDir, name), pages: arranged.laid.pages.length, bytes: pdf.length, pdf, laid: arranged.laid, stats: arranged.laid.stats, scale: arranged.scale });
  }
  if (!opts.dryRun) writeAllAtomic(documents.map((d) => ({ path: d.file, data: d.pdf })));
  lap('write');
  return { documents, warnings, stages: run.stages, reuse, flushCache: () => disk?.flush() };
}

/** Lays out one document with its document memos primed from disk, and stores what it used. */
function arrangeTracked(run: BuildRun, doc: TargetDocument): ReturnType<typeof pdfTarget.arrange> {
  const { session, disk, reuse } = run;
  const name = doc.resolved.name;
  const memos = PERSISTED_MEMOS.filter((p) => p.scope === 'document');
  for (const p of memos) loadMemo(session, disk, p, name);
  let result: ReturnType<typeof pdfTarget.arrange> | undefined;
  try {
    result = pdfTarget.arrange(doc);
    return result;
  } finally {
    for (const p of memos) {
      const { used, reused } = takeMemo(session, p);
      // Only a layout that succeeded replaces the stored entries.
      if (!result) continue;
      if (p.spec === BROKEN_PARAGRAPHS) {
        reuse.paragraphs += reused;
        reuse.paragraphsTotal += used.size;
      }
      if (disk) saveMemo(session, disk, p, name, used);
    }
  }
}
