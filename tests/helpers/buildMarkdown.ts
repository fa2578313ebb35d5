// Drives the build stages in-process for a Markdown body of a test's choosing, with the sample
// project's data, charts and fonts loaded once: parse → resolve → layout → render, as
// src/build/buildProject.ts runs them, without touching the disk for each document.
import { formatPlace } from '../../src/errors.js';
import { BuildSession } from '../../src/build/buildSession.js';
import { compileCached } from '../../src/build/chartCache.js';
import { reproducibleDate } from '../../src/targets/reproducibleDate.js';
import { pageBox } from '../../src/layout/pageGeometry.js';
import type { LaidOutDocument } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import type { FrontMatter, MarkdownSource, Source } from '../../src/load/sourceTypes.js';
import type { Template } from '../../src/load/templateTypes.js';
import { parseMarkdown } from '../../src/parse/parseMarkdown.js';
import { renderPdf } from '../../src/render/renderPdf.js';
import { resolveDocument } from '../../src/resolve/resolveDocument.js';
import { briefTemplate, composeAsBrief, KINDS, plainTemplate } from './kinds.js';
import { SAMPLE_ROOT } from './project.js';

export interface Stages {
  source: Source;
  template: Template;
  /** Keeps compiled charts between the documents of a test file. */
  session: BuildSession;
}

let loaded: Stages | undefined;
/** The sample fixture's sources and brief template, loaded once per test file. */
export function sampleStages(opts: { plain?: boolean } = {}): Stages {
  loaded ??= { source: loadProject(SAMPLE_ROOT, KINDS, ['brief']), template: briefTemplate(SAMPLE_ROOT), session: new BuildSession() };
  // The plain template has no contents page or appendix: fewer pages to render and read.
  return opts.plain ? { ...loaded, template: plainTemplate(loaded.template) } : loaded;
}

export const FRONT_MATTER: FrontMatter = { title: 'Test document', date: '2026-11-30', language: 'en-GB', template: 'brief' };

/**
 * A brief's MarkdownSource whose body is `body`, line i of it mapped to content/brief.md line
 * i + 9 (after the front matter). Line ends are taken as loadMarkdown takes them.
 */
export function markdownSource(body: string, title = FRONT_MATTER.title): MarkdownSource {
  const file = 'content/brief.md';
  const lines = body.split(/\r\n?|\n/);
  const lineMap = lines.map((_, i) => ({ file, line: i + 9 }));
  return { name: 'brief', kind: 'brief', template: 'templates/brief.yaml', file, frontMatter: { ...FRONT_MATTER, title }, body: lines.join('\n'), lineMap };
}

export interface BuiltMarkdown {
  laid: LaidOutDocument;
  pdf?: Buffer;
  warnings: string[];
}

/** Runs the brief's stages for one Markdown body; renders the PDF unless `render` is false. */
export async function buildMarkdown(st: Stages, body: string, opts: { title?: string; render?: boolean } = {}): Promise<BuiltMarkdown> {
  const src = markdownSource(body, opts.title);
  const { tree, warnings } = parseMarkdown(src);
  const t = st.template;
  const width = (pageBox(t, t.paper).content(1).width - t.columnGap * (t.columns - 1)) / t.columns;
  return st.session.run(async () => {
    const doc = await resolveDocument(tree, st.source, t, width, (name, w, h) => compileCached(st.session, st.source, t, name, w, h).drawing);
    const laid = composeAsBrief(doc, t);
    const pdf = opts.render === false ? undefined : await renderPdf(laid, { date: reproducibleDate(doc.meta.date), producer: 'test' });
    return { laid, pdf, warnings: [...warnings.map((w) => w.message), ...doc.warnings.map((w) => `${formatPlace(w.place)}: ${w.message}`)] };
  });
}

/**
 * Every piece of text that is not wholly on its page: for each text fragment, x ≥ 0,
 * x + width ≤ page width, and its baseline within the page (with its size above it).
 * Returns one line per offending fragment (empty when all is well).
 */
export function textOutsidePage(laid: LaidOutDocument): string[] {
  const bad: string[] = [];
  const EPS = 0.5;
  laid.pages.forEach((p, i) => {
    for (const it of p.items) {
      if (it.kind !== 'text') continue;
      for (const f of it.fragments) {
        const ok = Number.isFinite(f.x) && Number.isFinite(f.width) && Number.isFinite(it.y) &&
          f.x >= -EPS && f.x + f.width <= p.width + EPS && it.y - f.style.size >= -EPS && it.y <= p.height + EPS;
        if (!ok) bad.push(`page ${i + 1}: "${f.text.slice(0, 30)}" at x=${f.x.toFixed(1)}..${(f.x + f.width).toFixed(1)}, y=${it.y.toFixed(1)} (page ${p.width.toFixed(0)}×${p.height.toFixed(0)})`);
      }
    }
  });
  return bad;
}
