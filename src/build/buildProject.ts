// Runs the stages in order for the requested documents and reports each stage's time.
// Everything is computed in memory; files are written only at the very end, all or nothing.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import type { AnyDocumentKind } from '../documents/documentKind.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { fromInputError, fromLine, type Diagnostic } from '../check/diagnostic.js';
import type { CheckContext } from '../check/checkTypes.js';
import { collectInputErrors, orderErrors, throwErrors } from '../errors.js';
import { checkPlacement, formatPlacementProblem, PlacementError, type PlacementProblem } from '../layout/checkPlacement.js';
import type { LaidOutDocument, LayoutStats } from '../layout/pageTypes.js';
import type { DocumentName } from '../load/sourceTypes.js';
import { BROKEN_PARAGRAPHS } from '../layout/textLines.js';
import { kindStringsFor } from '../strings/documentStrings.js';
import { htmlTarget } from '../targets/htmlTarget.js';
import { pdfTarget } from '../targets/pdfTarget.js';
import { printEditions, type PrintBuildOptions, type PrintEdition } from './printEditions.js';
import type { TargetDocument } from '../targets/target.js';
import { BuildSession } from './buildSession.js';
import { DiskCache, cacheWarningOnce } from './diskCache.js';
import { LanguageNotices } from './languageNotices.js';
import { loadMemo, saveMemo, takeMemo } from './memoStore.js';
import { PERSISTED_MEMOS } from './persistedMemos.js';
import { prepareDocuments, type Prepared } from './prepareDocuments.js';
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
   * `report check`: go on past input errors instead of stopping. Documents whose inputs have no
   * errors are laid out and rendered in memory, nothing is written, and the result carries every
   * error and warning in `diagnostics` and what the stages made in `checked`.
   */
  check?: boolean;
  /**
   * What a placement problem (layout/checkPlacement.ts: overlapping boxes, a box off its page,
   * frame or container) does: `fail` (the default) fails the build with a PlacementError, a
   * bug; `report` keeps it in the document's `placement` (the quality report counts them).
   */
  placement?: 'fail' | 'report';
  /** Also write the HTML edition, OUT/html/NAME.html (src/targets/htmlTarget.ts). */
  html?: boolean;
  /** Also write each document's print edition, output/print/NAME.pdf (src/targets/printTarget.ts). */
  print?: PrintBuildOptions;
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
  /** The HTML edition, when asked for. */
  html?: { file: string; data: Buffer };
  /** The print edition (and its imposition), when the build was asked for it. */
  print?: PrintEdition;
}

export interface BuildResult {
  documents: BuiltDocument[];
  warnings: string[];
  stages: Record<string, number>;
  /** What was reused rather than made again (from the session in watch mode, else from the disk cache). */
  reuse: { charts: number; chartsTotal: number; paragraphs: number; paragraphsTotal: number };
  /** Writes cache entries held back by `cache.defer`. */
  flushCache(): void;
  /** The warnings (and, with `check`, the errors), structured. */
  diagnostics: Diagnostic[];
  /** With `check`: what each stage made, for the checks in src/check/. */
  checked?: CheckContext;
}

export const STAGES = ['load', 'parse', 'charts', 'layout', 'write'] as const;

export function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const session = opts.session ?? new BuildSession();
  return session.run(() => buildInSession(opts, session));
}

/** What the stages of one build share. */
export interface BuildRun {
  opts: BuildOptions;
  session: BuildSession;
  kinds: KindRegistry;
  disk: DiskCache | undefined;
  /** Why the disk cache is not used (a folder that is a link), said once a process. */
  cacheWarning?: string;
  stages: Record<string, number>;
  lap(stage: string): void;
  reuse: BuildResult['reuse'];
}

async function buildInSession(opts: BuildOptions, session: BuildSession): Promise<BuildResult> {
  const stages: Record<string, number> = {};
  let t0 = performance.now();
  const cache = opts.cache ? new DiskCache(opts.cache.dir, opts.cache.version, opts.cache.defer) : undefined;
  const run: BuildRun = {
    opts,
    session,
    kinds: new KindRegistry([...BUILT_IN_KINDS, ...(opts.kinds ?? [])]),
    disk: cache?.unusable() ? undefined : cache,
    cacheWarning: cache ? cacheWarningOnce(cache) : undefined,
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
  const { opts, disk, lap, reuse } = run;
  const prepared = await prepareDocuments(run);
  if (!opts.check) throwErrors(prepared.errors.errors);
  const { warnings } = prepared;
  if (run.cacheWarning) warnings.unshift(run.cacheWarning);
  const diagnostics = [...prepared.diagnostics, ...(run.cacheWarning ? [fromLine('warning', run.cacheWarning)] : [])];

  const built: { doc: TargetDocument; arranged: ReturnType<typeof pdfTarget.arrange>['arranged']; placement: PlacementProblem[] }[] = [];
  const notices = new LanguageNotices();
  for (const d of prepared.documents) {
    if (!d.resolved || !d.template || (opts.check && !inputsSound(prepared, d))) continue;
    const template = d.template;
    const r = d.resolved;
    const kind = run.kinds.get(template.kind)!;
    const languageWarnings = notices.strings(r.file, r.meta.language, kind, prepared.source!.strings);
    const strings = kindStringsFor(kind, r.meta.language, prepared.source!.strings);
    const doc: TargetDocument = { resolved: r, template, kind, paper: opts.paper ?? r.meta.paper ?? template.paper, strings };
    try {
      const a = arrangeTracked(run, doc);
      const found = [...languageWarnings, ...a.warnings, ...notices.hyphenation(r.file, r.meta.language, a.arranged.laid.stats.ratios.length)];
      warnings.push(...found);
      diagnostics.push(...found.map((w) => fromLine('warning', w)));
      // In `report check`, placement problems are listed with the rest (a layout bug either way).
      diagnostics.push(...a.placement.map((x) => fromLine('error', formatPlacementProblem(r.name, x), 'placement')));
      built.push({ doc, arranged: a.arranged, placement: a.placement });
    } catch (e) {
      // A layout that cannot be made from sound input (a handout longer than its sheet).
      if (!opts.check) throw e;
      collectInputErrors(e, prepared.errors);
    }
  }
  lap('layout');

  const outDir = opts.outDir ?? join(opts.root, 'output');
  const documents: BuiltDocument[] = [];
  for (const { doc, arranged, placement } of built) {
    const pdf = await pdfTarget.encode(arranged, doc);
    const name = doc.resolved.name;
    const html = opts.html ? { file: htmlTarget.outputFile(outDir, name), data: await htmlTarget.encode(htmlTarget.arrange(doc).arranged, doc) } : undefined;
    documents.push({ name, kind: doc.kind.name, file: pdfTarget.outputFile(outDir, name), pages: arranged.laid.pages.length, bytes: pdf.length, pdf, laid: arranged.laid, stats: arranged.laid.stats, scale: arranged.scale, placement, html });
  }
  if (opts.print) {
    const editions = await printEditions(built.map((b, i) => ({ doc: b.doc, laid: documents[i].laid })), opts.root, outDir, opts.print);
    warnings.push(...editions.warnings);
    editions.editions.forEach((e, i) => (documents[i].print = e));
  }
  if (!opts.dryRun && !opts.check) {
    writeAllAtomic(documents.flatMap((d) => [{ path: d.file, data: d.pdf }, ...(d.html ? [{ path: d.html.file, data: d.html.data }] : []), ...(d.print ? d.print.files : [])]));
  }
  lap('write');
  diagnostics.push(...orderErrors(prepared.errors.errors).map((e) => fromInputError(e)));
  return {
    documents, warnings, stages: run.stages, reuse, flushCache: () => disk?.flush(), diagnostics,
    checked: opts.check ? checkContext(prepared, documents) : undefined,
  };
}

/**
 * Whether `report check` lays a document out: only when its own files and every data file and
 * chart loaded without errors. A layout of a document with figures or charts left out would
 * be checked against text that is not what will be printed.
 */
function inputsSound(p: Prepared, d: Prepared['documents'][number]): boolean {
  const u = p.source?.unavailable;
  return d.errors === 0 && !u?.data.size && !u?.charts.size;
}

function checkContext(p: Prepared, documents: BuiltDocument[]): CheckContext | undefined {
  if (!p.source) return undefined;
  const listed = p.source.config.documents.length;
  return {
    source: p.source,
    documents: p.documents.map(({ errors: _errors, ...d }) => ({ ...d, laid: documents.find((b) => b.name === d.name)?.laid })),
    allDocuments: p.documents.length === listed && p.documents.every((d) => d.tree),
  };
}

type Arranged = ReturnType<typeof pdfTarget.arrange> & { placement: PlacementProblem[] };

/**
 * Lays out one document with its document memos primed from disk, checks its placement, and
 * stores the memos it used.
 */
function arrangeTracked(run: BuildRun, doc: TargetDocument): Arranged {
  const { session, disk, reuse, opts } = run;
  const name = doc.resolved.name;
  const memos = PERSISTED_MEMOS.filter((p) => p.scope === 'document');
  for (const p of memos) loadMemo(session, disk, p, name);
  let result: Arranged | undefined;
  try {
    // The page limit is the target's (pdfTarget.ts): a document past it stops there, located.
    const a = pdfTarget.arrange(doc);
    // Every document of every kind: nothing overlaps, nothing leaves its page or frame.
    const placement = checkPlacement(a.arranged.laid);
    if (placement.length && opts.placement !== 'report' && !opts.check) throw new PlacementError(name, placement);
    result = { ...a, placement };
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
