// Runs the stages in order for the requested documents and reports each stage's time.
// Everything is computed in memory; files are written only at the very end, all or nothing.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import type { AnyDocumentKind } from '../documents/documentKind.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { formatPlace } from '../errors.js';
import { checkPlacement, PlacementError, type PlacementProblem } from '../layout/checkPlacement.js';
import { pageBox } from '../layout/pageGeometry.js';
import type { LaidOutDocument, LayoutStats } from '../layout/pageTypes.js';
import { loadProject } from '../load/loadProject.js';
import { loadTemplate } from '../load/loadTemplate.js';
import type { DocumentName } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import { resolveDocument } from '../resolve/resolveDocument.js';
import { pdfTarget, type PdfArranged } from '../targets/pdfTarget.js';
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
  /**
   * What a placement problem (layout/checkPlacement.ts: overlapping boxes, a box off its page,
   * frame or container) does: `fail` (the default) fails the build with a PlacementError, a
   * bug; `report` keeps it in the document's `placement` (the quality report counts them).
   */
  placement?: 'fail' | 'report';
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
  /** Placement problems; always empty unless the build was asked to report rather than fail. */
  placement: PlacementProblem[];
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

export function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const session = opts.session ?? new BuildSession();
  return session.run(() => buildInSession(opts, session));
}

async function buildInSession(opts: BuildOptions, session: BuildSession): Promise<BuildResult> {
  const kinds = new KindRegistry([...BUILT_IN_KINDS, ...(opts.kinds ?? [])]);
  const disk = opts.cache ? new DiskCache(opts.cache.dir, opts.cache.version, opts.cache.defer) : undefined;
  const stages: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (stage: string) => {
    const t = performance.now();
    stages[stage] = t - t0;
    opts.onStage?.(stage, t - t0);
    t0 = t;
  };
  const reuse = { charts: 0, chartsTotal: 0, paragraphs: 0, paragraphsTotal: 0 };
  // Memos kept per set of documents built together (a build of the brief alone, or a --jobs
  // worker, keeps its own), and per document. Build memos track the whole build: charts may
  // shape text too.
  const buildKey = [...(opts.only?.length ? opts.only : ['*'])].sort().join('+');
  const buildMemos = PERSISTED_MEMOS.filter((p) => p.scope === 'build');
  const documentMemos = PERSISTED_MEMOS.filter((p) => p.scope === 'document');
  for (const p of buildMemos) loadMemo(session, disk, p, buildKey);
  let succeeded = false;
  try {
    const result = await runStages();
    succeeded = true;
    return result;
  } finally {
    // Only a build that succeeded replaces stored entries.
    const used = buildMemos.map((p) => takeMemo(session, p).used);
    if (disk && succeeded) buildMemos.forEach((p, i) => saveMemo(session, disk, p, buildKey, used[i]));
  }

  async function runStages(): Promise<BuildResult> {
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

  const resolved = await Promise.all(trees.map((tree) => {
    const t = templates.get(tree.name)!;
    const paper = opts.paper ?? tree.meta.paper ?? t.paper;
    const width = (pageBox(t, paper).content(1).width - t.columnGap * (t.columns - 1)) / t.columns;
    return resolveDocument(tree, source, t, width, (name, w, h) => {
      const c = compileCached(session, source, t, name, w, h, disk);
      reuse.chartsTotal++;
      if (c.reused) reuse.charts++;
      return c.drawing;
    });
  }));
  for (const r of resolved) warnings.push(...r.warnings.map((w) => `${formatPlace(w.place)}: ${w.message}`));
  lap('charts');

  const built = resolved.map((r) => {
      const template = templates.get(r.name)!;
      const doc: TargetDocument = { resolved: r, template, kind: kinds.get(template.kind)!, paper: opts.paper ?? r.meta.paper ?? template.paper };
      for (const p of documentMemos) loadMemo(session, disk, p, r.name);
      let arranged: PdfArranged;
      let placement: PlacementProblem[];
      try {
        const a = pdfTarget.arrange(doc);
        warnings.push(...a.warnings);
        // Every document of every kind: nothing overlaps, nothing leaves its page or frame.
        placement = checkPlacement(a.arranged.laid);
        if (placement.length && opts.placement !== 'report') throw new PlacementError(r.name, placement);
        arranged = a.arranged;
      } finally {
        // Only a layout that succeeded replaces the stored entries.
        for (const p of documentMemos) {
          const { used, reused } = takeMemo(session, p);
          if (arranged! && p.spec.name === 'paragraphs') {
            reuse.paragraphs += reused;
            reuse.paragraphsTotal += used.size;
          }
          if (arranged! && disk) saveMemo(session, disk, p, r.name, used);
        }
      }
      return { doc, arranged: arranged!, placement: placement! };
    });
  lap('layout');

  const outDir = opts.outDir ?? join(opts.root, 'output');
  const documents: BuiltDocument[] = [];
  for (const { doc, arranged, placement } of built) {
    const pdf = await pdfTarget.encode(arranged, doc);
    const name = doc.resolved.name;
    documents.push({ name, kind: doc.kind.name, file: pdfTarget.outputFile(outDir, name), pages: arranged.laid.pages.length, bytes: pdf.length, pdf, laid: arranged.laid, stats: arranged.laid.stats, scale: arranged.scale, placement });
  }
  if (!opts.dryRun) writeAllAtomic(documents.map((d) => ({ path: d.file, data: d.pdf })));
  lap('write');
  return { documents, warnings, stages, reuse, flushCache: () => disk?.flush() };
  }
}
