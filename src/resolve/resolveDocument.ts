// The resolve stage: bind every {{…}} to its data, number figures and notes, compile charts,
// and fill in merge fields for a recipient (mergeFields.ts) when there is one. After this the
// document is complete and still knows nothing of pages.
import { ErrorList, InputError, InputErrors, collectInputErrors, didYouMean, type SourcePlace } from '../errors.js';
import { isTooWide } from '../charts/tooWide.js';
import { loadImage } from './loadImage.js';
import type { Figure, Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { Block, DocumentTree, Inline } from '../parse/documentTypes.js';
import { chartAltText } from './chartAltText.js';
import { figuresShown } from './chartFigures.js';
import { appendixOption, figureData } from './figureData.js';
import { formatFigure } from './formatFigure.js';
import { formatPeriod } from './formatPeriod.js';
import { figureSourceEntry, plainTables, sourceEntry } from './tableSources.js';
import { fieldPresent, fieldText, type MergeRecipient } from './mergeFields.js';
import type { RBlock, RInline, RNote, ResolvedDocument } from './resolvedTypes.js';
import { splitScripts } from './splitScripts.js';
import { missingGlyphWarnings } from './missingGlyphs.js';
import type { ChartDrawing } from '../charts/chartDrawing.js';
import { unreachable } from '../unreachable.js';
import { fillString } from '../documents/fillString.js';
import { engineStringsFor } from '../strings/documentStrings.js';

/** Compiles a chart for a given width; the build shares one cache between documents. */
export type ChartCompiler = (name: string, width: number, height: number) => Promise<ChartDrawing>;

/** @param merge the recipient to fill merge fields in for; none: a proof (see mergeFields.ts) */
export async function resolveDocument(tree: DocumentTree, source: Source, template: Template, figureWidth: number, compile: ChartCompiler, merge?: MergeRecipient): Promise<ResolvedDocument> {
  const errors = new ErrorList();
  const mergeWarnings: ResolvedDocument['warnings'] = [];
  /** Whether an `::: if` section is kept for this recipient (an unknown column is an error). */
  const kept = (b: Extract<Block, { kind: 'if' }>): boolean => {
    const p = fieldPresent(merge, b.field);
    if (typeof p === 'boolean') return p !== b.negate;
    errors.add(b.place, p.problem, p.hint);
    return false;
  };
  // Numbers and dates are written in the document's language (a French brief in an English
  // project writes 4,5 millions); the project's locale only when Intl does not know the tag.
  const locale = knownLocale(tree.meta.language) ?? source.config.locale;
  const strings = engineStringsFor(tree.meta.language, source.strings);
  // Data files and charts that failed to load report their own errors; what refers to them is
  // left out here instead of reported a second time.
  const unavailable = source.unavailable ?? { data: new Set<string>(), charts: new Set<string>() };
  const usedFigures = new Set<Figure>();
  const sources = new Set<string>();

  // Figures are numbered in reading order, before text is bound, so {{ref}} can point forward.
  const figureNumbers = new Map<string, number>();
  const walk = (blocks: Block[], f: (b: Block) => void) => {
    for (const b of blocks) {
      f(b);
      if (b.kind === 'list') b.items.forEach((it) => walk(it, f));
      if (b.kind === 'quote' || b.kind === 'closing' || b.kind === 'cta' || b.kind === 'signature' || (b.kind === 'if' && fieldPresent(merge, b.field) === !b.negate)) walk(b.blocks, f);
    }
  };
  walk(tree.blocks, (b) => {
    if (b.kind !== 'figure' || unavailable.charts.has(b.chart)) return;
    if (!source.charts.has(b.chart)) {
      const g = didYouMean(b.chart, [...source.charts.keys()]);
      errors.add(b.place, `no chart named "${b.chart}"`, g ? `did you mean "${g}"?` : `add content/charts/${b.chart}.vl.json`);
    } else if (!figureNumbers.has(b.chart)) figureNumbers.set(b.chart, figureNumbers.size + 1);
  });

  const noteNumbers = new Map<string, number>();
  const imageWarnings: ResolvedDocument['warnings'] = [];
  const figureWarnings: ResolvedDocument['warnings'] = [];
  const figure = (key: string, place: SourcePlace): Figure | undefined => {
    const f = source.figures.get(key);
    const table = key.split('.')[0];
    if (!f && unavailable.data.has(table)) return undefined;
    if (!f && !source.tables.has(table)) {
      errors.add(place, `no data file for figure "${key}": content/data/${table}.csv does not exist`, `add the file, or use one of: ${[...source.tables.keys()].join(', ')}`);
      return undefined;
    }
    if (!f) {
      const g = didYouMean(key, [...source.figures.keys()]);
      errors.add(place, `no figure "${key}" in content/data`, g ? `did you mean "${g}"?` : 'add it to a data file with its source and year');
      return undefined;
    }
    usedFigures.add(f);
    return f;
  };

  const inlines = (xs: Inline[]): RInline[] => {
    const out: RInline[] = [];
    for (const x of xs) {
      if (x.kind === 'lineBreak') out.push(x);
      else if (x.kind === 'noteRef') {
        if (!noteNumbers.has(x.noteId)) noteNumbers.set(x.noteId, noteNumbers.size + 1);
        out.push({ kind: 'noteRef', noteId: x.noteId, number: noteNumbers.get(x.noteId)! });
      } else if (x.kind === 'text') {
        // An internal link (#heading, checked when parsed) jumps to the heading's destination.
        const internal = x.href?.startsWith('#');
        out.push(...splitScripts(internal ? { kind: 'text', text: x.text, marks: x.marks, dest: x.href!.slice(1) } : { kind: 'text', text: x.text, marks: x.marks, href: x.href }));
      } else if (x.kind === 'field') {
        const r = fieldText(merge, x.field, x.fallback);
        if ('problem' in r) {
          errors.add(x.place, r.problem, r.hint);
          continue;
        }
        // The author's text was checked for glyphs the fonts lack; a recipient's value is too.
        for (const w of missingGlyphWarnings([{ kind: 'paragraph', inlines: [{ kind: 'text', text: r.text, marks: x.marks }], place: x.place }])) {
          mergeWarnings.push({ place: w.place, message: `recipient ${merge?.recipient.id}: ${w.message}` });
        }
        out.push(...splitScripts({ kind: 'text', text: r.text, marks: x.marks, href: x.href }));
      } else if (x.kind !== 'binding') {
        unreachable(x, 'inline');
      } else {
        let text = '';
        let dest: string | undefined;
        if (x.op === 'ref') {
          const n = figureNumbers.get(x.arg);
          if (n === undefined) {
            if (unavailable.charts.has(x.arg)) continue;
            const g = didYouMean(x.arg, [...figureNumbers.keys()]);
            errors.add(x.place, `{{ref ${x.arg}}}: no figure of this document shows chart "${x.arg}"`, g ? `did you mean "${g}"?` : 'place it with ::: figure NAME');
            continue;
          }
          text = fillString(strings.figureLabel, { number: n });
          dest = `figure-${x.arg}`;
        } else {
          const f = figure(x.arg, x.place);
          if (!f) continue;
          text = x.op === 'figure' ? formatFigure(f, locale) : x.op === 'year' ? formatPeriod(f.period, locale) : f.source;
        }
        // Split like the author's text: a label in Khmer is set in the Khmer font.
        out.push(...splitScripts({ kind: 'text', text, marks: x.marks, href: x.href, dest }));
      }
    }
    return out;
  };

  const blocks = async (bs: Block[]): Promise<RBlock[]> => {
    const out: RBlock[] = [];
    for (const b of bs) {
      switch (b.kind) {
        case 'heading': {
          const r = inlines(b.inlines);
          out.push({ kind: 'heading', level: b.level, inlines: r, id: b.id, text: textOf(r) });
          break;
        }
        case 'paragraph':
          out.push({ kind: 'paragraph', inlines: inlines(b.inlines) });
          break;
        case 'list': {
          const items: RBlock[][] = [];
          for (const it of b.items) items.push(await blocks(it));
          out.push({ kind: 'list', ordered: b.ordered, start: b.start, tight: b.tight, items });
          break;
        }
        case 'quote':
          out.push({ kind: 'quote', blocks: await blocks(b.blocks) });
          break;
        case 'closing':
        case 'cta':
        case 'signature':
          out.push({ kind: b.kind, blocks: await blocks(b.blocks) });
          break;
        case 'if':
          if (kept(b)) out.push(...await blocks(b.blocks));
          break;
        case 'code':
          out.push({ kind: 'code', text: b.text });
          break;
        case 'rule':
          out.push({ kind: 'rule' });
          break;
        case 'image':
          // A picture that cannot be placed degrades to its description, with a warning: pasted
          // content often links images that are not in the project.
          try {
            const img = loadImage(source.root, b.src, b.place);
            if (!b.alt.trim()) imageWarnings.push({ place: b.place, message: `image ${b.src} has no description; screen readers will only hear its file name — write one: ![what it shows](${b.src})` });
            out.push({ kind: 'image', ...img, alt: b.alt.trim() || fillString(strings.imageAlt, { src: b.src }), src: b.src });
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            imageWarnings.push({ place: e.place, message: `${e.problem}; its description is shown instead${e.hint ? ` — ${e.hint}` : ''}` });
            if (b.alt.trim()) out.push({ kind: 'paragraph', inlines: [{ kind: 'text', text: b.alt, marks: { em: true } }] });
          }
          break;
        case 'table': {
          const header = b.header.map(inlines);
          const rows = b.rows.map((r) => r.map(inlines));
          // A column whose body cells are all numbers is set right-aligned.
          const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+\u2212$€£]?[\d.,\s%]+(million|billion)?%?$|^$/.test(textOf(r[c] ?? []).trim())));
          out.push({ kind: 'table', align: b.align, header, rows, numeric, place: b.place });
          break;
        }
        case 'callout': {
          const f = figure(b.key, b.place);
          if (!f) break;
          const year = formatPeriod(f.period, locale);
          out.push({ kind: 'callout', key: b.key, value: formatFigure(f, locale), label: inlines(b.label), source: `${f.source}${f.year !== 'n.d.' && !f.source.includes(year) ? ', ' + year : ''}` });
          break;
        }
        case 'figure': {
          const spec = source.charts.get(b.chart);
          if (!spec) break;
          let chart: ChartDrawing;
          let span = false;
          try {
            chart = await compile(b.chart, figureWidth, template.chart.height);
          } catch (e) {
            // A chart that cannot fit its column is set across the columns where the kind can
            // (LaTeX's figure*, chosen for it), and the author is told; else it is an error.
            const across = acrossColumns(template, figureWidth);
            const problem = tooWideOnly(e);
            let spanned: ChartDrawing | undefined;
            if (across !== undefined && problem !== undefined) {
              try {
                spanned = await compile(b.chart, across, template.chart.height);
              } catch (e2) {
                collectInputErrors(tooWideAtFigure(e2, b.place, spec.file), errors);
                break;
              }
              figureWarnings.push({ place: b.place, message: `chart ${spec.file} is set across the columns: ${problem} — set figures: span in ${template.file} to set every figure so, or shorten its labels to keep it in its column` });
            }
            if (!spanned) {
              // Reported with the document's other errors, so every failing chart shows in one run.
              collectInputErrors(tooWideAtFigure(e, b.place, spec.file), errors);
              break;
            }
            chart = spanned;
            span = true;
          }
          if (appendixOption(spec.spec) === 'invalid') errors.add({ file: spec.file }, 'usermeta.appendix must be true or false', 'write "usermeta": {"appendix": false} to leave the chart out of the data appendix');
          // Cited: the data-file rows the chart draws, directly or inside its aggregates. Only
          // when some drawn row cannot be traced are all rows of the files it reads cited.
          const files = spec.dataNames.map((n) => source.tables.get(n)).filter((t) => t !== undefined);
          const shown = figuresShown(chart.drawn.keys, source.figures);
          const rows = chart.drawn.traced ? shown : files.flatMap((t) => t.figures);
          rows.forEach((f) => usedFigures.add(f));
          // Plain tables have no rows that carry a source: the chart cites their sidecars.
          const plain = plainTables(spec.dataNames, source.tables);
          plain.forEach((t) => sources.add(sourceEntry(t.source.text, t.source, locale, strings)));
          const srcs = [...new Set([...rows.map((f) => f.source), ...plain.map((t) => t.source.text)])];
          const caption = inlines(b.caption);
          const author = typeof spec.spec.description === 'string' ? spec.spec.description : '';
          let alt = chartAltText(spec.spec, author || textOf(caption), chart.drawn, source.figures, rows, locale);
          // A chart of plain tables only: its sources are the tables' sidecars.
          if (plain.length && !rows.length) alt += ` ${fillString(strings.sourceLine, { source: srcs.join('; ') })}.`;
          out.push({ kind: 'figure', name: b.chart, number: figureNumbers.get(b.chart)!, id: `figure-${b.chart}`, chart, caption, source: srcs.join('; '), alt,
            data: figureData(chart.drawn, spec, files.map((t) => t.file), source.figures, locale), ...(span ? { span: true as const } : {}) });
          break;
        }
        default:
          unreachable(b, 'block');
      }
    }
    return out;
  };

  const body = await blocks(tree.blocks);
  const notes: RNote[] = [];
  for (const [id, n] of noteNumbers) {
    const note = tree.notes.get(id);
    if (note) notes.push({ id, number: n, blocks: await blocks(note.blocks) });
  }
  const warnings: ResolvedDocument['warnings'] = [...imageWarnings, ...figureWarnings, ...mergeWarnings, ...missingGlyphWarnings([...tree.blocks, ...[...tree.notes.values()].flatMap((n) => n.blocks)])];
  for (const [id, note] of tree.notes) {
    if (!noteNumbers.has(id)) warnings.push({ place: note.place, message: `footnote [^${id}] is never cited; it is left out` });
  }
  errors.throwIfAny();
  for (const f of usedFigures) sources.add(figureSourceEntry(f, locale, strings));
  return { name: tree.name, file: tree.file, meta: tree.meta, config: source.config, blocks: body, notes, sources: [...sources].sort(), warnings, strings, recipient: merge?.recipient };
}

export function textOf(xs: RInline[]): string {
  return xs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'lineBreak' ? ' ' : '')).join('');
}

/** The tag when Intl formats numbers for it (supportedLocalesOf throws on a malformed tag). */
function knownLocale(tag: string): string | undefined {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length ? tag : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A chart too wide for its column (or, set across the columns, for them) is named where the
 * document places it, its line, as well as by its file.
 */
function tooWideAtFigure(e: unknown, place: SourcePlace, specFile: string): unknown {
  const one = (x: InputError) => (isTooWide(x.problem) ? new InputError(place, `chart ${specFile}: ${x.problem}`, x.hint) : x);
  if (e instanceof InputError) return one(e);
  if (e instanceof InputErrors) return new InputErrors(e.errors.map(one));
  return e;
}

/** The width across all columns, where a figure too wide for its column may be set instead. */
function acrossColumns(template: Template, columnWidth: number): number | undefined {
  if (template.columns < 2 || template.figures !== 'column' || !template.spanFigures) return undefined;
  return columnWidth * template.columns + template.columnGap * (template.columns - 1);
}

/** The problem of a chart error that only says the chart is too wide for its column. */
function tooWideOnly(e: unknown): string | undefined {
  const all = e instanceof InputError ? [e] : e instanceof InputErrors ? e.errors : [];
  return all.length === 1 && isTooWide(all[0].problem) ? all[0].problem : undefined;
}
