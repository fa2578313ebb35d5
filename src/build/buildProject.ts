// Runs the stages in order for the requested documents and reports each stage's time.
// Everything is computed in memory; files are written only at the very end, all or nothing.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatPlace } from '../errors.js';
import type { LaidOutDocument, LayoutStats } from '../layout/pageTypes.js';
import { layoutBrief } from '../layout/layoutBrief.js';
import { layoutHandout } from '../layout/layoutHandout.js';
import { pageBox } from '../layout/pageGeometry.js';
import { loadProject } from '../load/loadProject.js';
import { loadTemplate } from '../load/loadTemplate.js';
import { DOCUMENT_NAMES, type DocumentName } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import { renderPdf } from '../render/renderPdf.js';
import { resolveDocument } from '../resolve/resolveDocument.js';
import { compileCached } from './chartCache.js';
import { DiskCache } from './diskCache.js';
import { loadLines, saveLines } from './lineStore.js';
import { loadMemos, saveMemos, takeMemos } from './memoStore.js';
import { brokenParagraphs } from '../layout/textLines.js';
import { writeAllAtomic } from './writeAtomic.js';
import { reproducibleDate } from './reproducibleDate.js';

export interface BuildOptions {
  root: string;
  outDir?: string;
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
}

export interface BuiltDocument {
  name: DocumentName;
  file: string;
  pages: number;
  bytes: number;
  pdf: Buffer;
  laid: LaidOutDocument;
  stats: LayoutStats;
  /** Copy-fit scale of the handout (1 = not shrunk). */
  scale: number;
}

export interface BuildResult {
  documents: BuiltDocument[];
  warnings: string[];
  stages: Record<string, number>;
  /** What was reused rather than made again (from memory in watch mode, else from the disk cache). */
  reuse: { charts: number; chartsTotal: number; paragraphs: number; paragraphsTotal: number };
  /** Writes cache entries held back by `cache.defer`. */
  flushCache(): void;
}

export const STAGES = ['load', 'parse', 'charts', 'layout', 'write'] as const;

export async function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const only = opts.only?.length ? opts.only : DOCUMENT_NAMES;
  const disk = opts.cache ? new DiskCache(opts.cache.dir, opts.cache.version, opts.cache.defer) : undefined;
  // Shaped Khmer runs and font subsets of the last build of these documents (layout and render use them).
  const memoKey = [...only].sort().join('+');
  loadMemos(disk, memoKey);
  let result: BuildResult;
  try {
    result = await runStages(opts, only, disk);
  } catch (e) {
    takeMemos();
    throw e;
  }
  // Only a build that succeeded replaces stored entries.
  const memos = takeMemos();
  if (disk) saveMemos(disk, memoKey, memos);
  return result;
}

async function runStages(opts: BuildOptions, only: readonly DocumentName[], disk: DiskCache | undefined): Promise<BuildResult> {
  const stages: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (stage: string) => {
    const t = performance.now();
    stages[stage] = t - t0;
    opts.onStage?.(stage, t - t0);
    t0 = t;
  };
  const reuse = { charts: 0, chartsTotal: 0, paragraphs: 0, paragraphsTotal: 0 };
  const source = loadProject(opts.root, only);
  const templates = new Map<DocumentName, Template>();
  for (const d of source.documents) templates.set(d.name, loadTemplate(opts.root, d.name));
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
      const c = compileCached(source, t, name, w, h, disk);
      reuse.chartsTotal++;
      if (c.reused) reuse.charts++;
      return c.drawing;
    });
  }));
  for (const r of resolved) warnings.push(...r.warnings.map((w) => `${formatPlace(w.place)}: ${w.message}`));
  lap('charts');

  const laid = resolved.map((doc) => {
    const t = templates.get(doc.name)!;
    const paper = opts.paper ?? doc.meta.paper ?? t.paper;
    if (disk) loadLines(disk, doc.name);
    brokenParagraphs.track();
    let out: { laid: LaidOutDocument; scale: number };
    try {
      if (doc.name === 'handout') {
        const h = layoutHandout(doc, t, paper);
        if (h.scale < 1) warnings.push(`${doc.file}: copy-fitted to ${Math.round(h.scale * 100)}% type size to fit one sheet`);
        out = { laid: h.doc, scale: h.scale };
      } else {
        out = { laid: layoutBrief(doc, t, paper), scale: 1 };
      }
    } catch (e) {
      brokenParagraphs.take();
      throw e;
    }
    const { used, reused } = brokenParagraphs.take();
    reuse.paragraphs += reused;
    reuse.paragraphsTotal += used.size;
    // Only a layout that succeeded replaces the stored paragraphs.
    if (disk) saveLines(disk, doc.name, used);
    return out;
  });
  lap('layout');

  const outDir = opts.outDir ?? join(opts.root, 'output');
  const documents: BuiltDocument[] = [];
  for (const [i, l] of laid.entries()) {
    const pdf = await renderPdf(l.laid, { date: reproducibleDate(resolved[i].meta.date), producer: 'report-generator (pdfkit)' });
    documents.push({ name: resolved[i].name, file: join(outDir, `${resolved[i].name}.pdf`), pages: l.laid.pages.length, bytes: pdf.length, pdf, laid: l.laid, stats: l.laid.stats, scale: l.scale });
  }
  if (!opts.dryRun) writeAllAtomic(documents.map((d) => ({ path: d.file, data: d.pdf })));
  lap('write');
  return { documents, warnings, stages, reuse, flushCache: () => disk?.flush() };
}
