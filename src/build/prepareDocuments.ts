// The stages before layout (load, parse, resolve) run so that one run finds every input error:
// each part is loaded on its own, every document whose Markdown and template loaded is parsed,
// and every parsed document is resolved, whatever failed elsewhere. The caller decides what the
// collected errors mean (a build stops; `report check` lists them and goes on).
import { setFontSet } from '../fonts/fontRegistry.js';
import { formatPlace, ErrorList, collectInputErrors } from '../errors.js';
import { fromInputError, fromLine, type Diagnostic } from '../check/diagnostic.js';
import type { CheckedDocument } from '../check/checkTypes.js';
import { pageBox } from '../layout/pageGeometry.js';
import { readProject } from '../load/loadProject.js';
import { loadTemplate } from '../load/loadTemplate.js';
import { figureWidth } from '../load/templateTypes.js';
import type { Source } from '../load/sourceTypes.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import { resolveDocument } from '../resolve/resolveDocument.js';
import type { BuildRun } from './buildProject.js';
import type { ChartDrawing } from '../charts/chartDrawing.js';
import { compileCached, prewarmChartWorker } from './chartCache.js';

/** The most of a page's text block a chart may take (the rest: its caption and source line). */
const CHART_SHARE_OF_PAGE = 0.8;

export interface PreparedDocument extends CheckedDocument {
  /** Errors of this document's own Markdown, includes, template, parse and resolve. */
  errors: number;
}

export interface Prepared {
  /** Undefined when config.yaml could not be read (no document is then known). */
  source?: Source;
  documents: PreparedDocument[];
  errors: ErrorList;
  /** Parse and resolve warnings as the build prints them (`place: message — hint`), in stage order. */
  warnings: string[];
  /** The same warnings, structured. */
  diagnostics: Diagnostic[];
}

export async function prepareDocuments(run: BuildRun): Promise<Prepared> {
  const { opts, session, kinds, disk, lap, reuse } = run;
  const errors = new ErrorList();
  if (!disk) prewarmChartWorker(opts.root);
  const source = readProject(opts.root, kinds, opts.only, errors);
  // Everything measured, shaped and embedded from here on uses the project's fonts.
  setFontSet(source?.fontSet);
  const documents: PreparedDocument[] = [];
  for (const markdown of source?.documents ?? []) {
    const d: PreparedDocument = { name: markdown.name, markdown, errors: 0 };
    try {
      d.template = loadTemplate(opts.root, markdown.template, kinds.get(markdown.kind)!, session.templates);
    } catch (e) {
      d.errors += collectInto(e, errors);
    }
    documents.push(d);
  }
  lap('load');

  const warnings: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const d of documents) {
    const own = new ErrorList();
    try {
      const r = parseMarkdown(d.markdown, own);
      d.tree = r.tree;
      warnings.push(...r.warnings.map((w) => w.message));
      diagnostics.push(...r.warnings.map((w) => fromInputError(w, 'warning')));
    } catch (e) {
      collectInputErrors(e, own);
    }
    d.errors += own.length;
    for (const e of own.errors) errors.push(e);
  }
  lap('parse');

  // Every drawing's warnings (Vega-Lite's, vega's, fitting's), each printed once: a chart drawn
  // in two documents, or in two sizes, says the same thing twice.
  const drawings: Promise<ChartDrawing>[] = [];
  await Promise.all(documents.map(async (d) => {
    const t = d.template;
    if (!source || !d.tree || !t) return;
    const paper = opts.paper ?? d.tree.meta.paper ?? t.paper;
    const content = pageBox(t, paper).content(1);
    d.frameWidth = figureWidth(t, content.width);
    // A chart may take most of a page; the rest is for its caption and source line.
    const maxHeight = content.height * CHART_SHARE_OF_PAGE;
    try {
      d.resolved = await resolveDocument(d.tree, source, t, d.frameWidth, (name, w, h) => {
        const c = compileCached(session, source, t, name, w, h, disk, maxHeight);
        reuse.chartsTotal++;
        if (c.reused) reuse.charts++;
        drawings.push(c.drawing);
        return c.drawing;
      });
    } catch (e) {
      d.errors += collectInto(e, errors);
    }
  }));
  for (const d of documents) {
    for (const w of d.resolved?.warnings ?? []) {
      warnings.push(`${formatPlace(w.place)}: ${w.message}`);
      diagnostics.push({ severity: 'warning', place: w.place, message: w.message });
    }
  }
  // A chart that failed to compile has reported its error already.
  const drawn = await Promise.all(drawings.map((p) => p.catch(() => undefined)));
  for (const w of new Set(drawn.flatMap((x) => x?.warnings ?? []))) {
    warnings.push(w);
    diagnostics.push(fromLine('warning', w));
  }
  lap('charts');
  return { source, documents, errors, warnings, diagnostics };
}

/** Collects what a stage threw into `errors` (rethrowing anything but input errors); how many. */
function collectInto(e: unknown, errors: ErrorList): number {
  const before = errors.length;
  collectInputErrors(e, errors);
  return errors.length - before;
}
