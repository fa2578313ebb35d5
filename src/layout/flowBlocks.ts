// Block layout: resolved blocks → measured flow material for one column width. Paragraph
// lines come from the Knuth–Plass breaker; pagination decides where columns and pages end.
import type { Template, TypeRole } from '../load/templateTypes.js';
import type { RBlock, RInline, RNote } from '../resolve/resolvedTypes.js';
import { fillString } from '../documents/fillString.js';
import type { EngineStrings } from '../strings/engineStrings.js';
import { flowFigure } from './flowFigure.js';
import { flowImage } from './flowImage.js';
import { flowTable } from './flowTable.js';
import type { FlowItem, FlowLine, FlowNote } from './flowTypes.js';
import type { Marks } from '../parse/documentTypes.js';
import { inlineRuns } from './inlineRuns.js';
import type { BreakOptions, Line } from './lineTypes.js';
import type { PageItem, StructNode, StructType } from './pageTypes.js';
import type { StructureBuilder } from './structure.js';
import { breakRuns, fragmentStructs } from './textLines.js';
import type { TextStyle } from './textStyle.js';
import { lineMetrics, measureText } from '../fonts/fontRegistry.js';
import { unreachable } from '../unreachable.js';
import { appendAll } from './appendAll.js';

export interface FlowContext {
  template: Template;
  width: number;
  lang: string;
  sb: StructureBuilder;
  /** Notes by number, to lay out when first cited. */
  notesByNumber: Map<number, RNote>;
  laidNotes: Map<number, FlowNote>;
  /** Running paragraph counter, shared by all flows of a document. */
  counter: { para: number };
  /** Multiplier on type sizes and leading (handout copy-fitting). */
  scale: number;
  /** The engine's fixed text in the document's language. */
  strings: EngineStrings;
  /**
   * Height of the tallest frame the flow is paginated into: a figure taller than that is scaled
   * down to fit it (a box that fits no frame would otherwise be set overfull).
   */
  frameHeight?: number;
  /**
   * Set paragraphs ragged-right instead of justified: lists of sources and lists whose items
   * are mostly one line (justifying their few longer items opens wide gaps, and a column of
   * short lines reads as a list, not as prose).
   */
  ragged?: boolean;
  /**
   * Width of a figure set across all columns (template `figures: span`); figures sit in the
   * column (`width`) unless given.
   */
  figureWidth?: number;
  /**
   * In columns, the width across all of them: a figure whose chart cannot fit its column
   * (resolved with `span`) is set across them, as `figures: span` sets every figure.
   */
  spanWidth?: number;
}

export function styleOf(ctx: FlowContext, role: TypeRole, color?: string): { style: TextStyle; leading: number } {
  const t = ctx.template.type[role];
  return { style: { font: t.font, size: t.size * ctx.scale, color: color ?? ctx.template.colors.text }, leading: t.leading * ctx.scale };
}

function breakOpts(ctx: FlowContext, measure: number, align: BreakOptions['align'], hyphenate = true): BreakOptions {
  const t = ctx.template;
  return { measure, align, hyphenateLang: hyphenate ? ctx.lang : null, expansion: t.expansion, protrusion: t.protrusion };
}

/** Lays out a paragraph-like piece of inline content as flow lines under a new struct node. */
export function flowParagraph(
  ctx: FlowContext,
  inlines: RInline[],
  parent: StructNode,
  type: StructType,
  opts: { role?: TypeRole; color?: string; indent?: number; align?: BreakOptions['align']; keepWithNext?: boolean; heading?: FlowLine['heading']; hyphenate?: boolean; marks?: { em?: boolean } } = {},
): FlowLine[] {
  const { style, leading } = styleOf(ctx, opts.role ?? 'body', opts.color);
  const indent = opts.indent ?? 0;
  const runs = inlineRuns(inlines, style, { linkColor: ctx.template.colors.accent, marks: opts.marks });
  const lines = breakRuns(runs, breakOpts(ctx, ctx.width - indent, opts.align ?? 'justify', opts.hyphenate ?? true));
  const node = ctx.sb.add(parent, type);
  const fstructs = fragmentStructs(lines, node, ctx.sb, ctx.strings);
  const para = ++ctx.counter.para;
  const out = lines.map((line, index): FlowLine => {
    const notes = line.fragments.filter((f) => f.target?.noteId).map((f) => Number(f.text));
    return {
      kind: 'line', height: Math.max(leading, line.ascent + line.descent), line, indent, struct: node.id,
      fragmentStruct: fstructs.get(line), para, index, count: lines.length,
      keepWithNext: !!opts.keepWithNext, heading: index === 0 ? opts.heading : undefined, notes,
    };
  });
  // Notes cited here follow the paragraph in the structure tree (their reading position).
  for (const l of out) for (const n of l.notes) layNote(ctx, n, parent);
  for (const l of out) if (l.notes.length) l.notes = withNestedNotes(ctx, l.notes);
  return out;
}

/**
 * The notes `ns` and, after each, the notes its text cites (and so on): those go to the foot of
 * the same page. A note that is never placed would be missing, and would hold up the render,
 * whose tagged structure waits for its back link's content.
 */
export function withNestedNotes(ctx: FlowContext, ns: number[]): number[] {
  const seen = new Set<number>();
  const visit = (n: number) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const l of ctx.laidNotes.get(n)?.lines ?? []) l.notes.forEach(visit);
  };
  ns.forEach(visit);
  return [...seen];
}

/** Lays out note `n` (once) under `parent` in the structure tree, for pagination to place. */
export function layNote(ctx: FlowContext, n: number, parent: StructNode): void {
  if (ctx.laidNotes.has(n)) return;
  const note = ctx.notesByNumber.get(n);
  if (!note) return;
  // Registered before its text is laid out: a note that cites itself (or a note citing it) is done.
  const laid: FlowNote = { number: n, lines: [], height: 0 };
  ctx.laidNotes.set(n, laid);
  const node = ctx.sb.add(parent, 'Note', { title: fillString(ctx.strings.noteTitle, { number: n }) });
  // The number comes first in the note and links back to where the note is cited.
  const labelNode = ctx.sb.add(node, 'Lbl');
  const backLink = ctx.sb.add(labelNode, 'Link', { alt: fillString(ctx.strings.noteBackLink, { number: n }) });
  const { style, leading } = styleOf(ctx, 'note');
  // Room for two digits, or for the number when it has more (note 100 on).
  const labelW = Math.max(measureText(style.font, '00', style.size), measureText(style.font, String(n), style.size)) + 3;
  const saved = ctx.width;
  ctx.width = saved - labelW;
  const lines: FlowLine[] = [];
  for (const inlines of noteParagraphs(note.blocks)) lines.push(...flowParagraph(ctx, inlines, node, 'P', { role: 'note', indent: 0, align: 'justify' }));
  ctx.width = saved;
  // An empty note still shows its number (and gives its back link content: render waits for it).
  if (!lines[0]) {
    const m = lineMetrics(style.font, style.size);
    const empty: Line = { fragments: [], naturalWidth: 0, width: 0, measure: ctx.width - labelW, ratio: 0, hyphenated: false, last: true, ascent: m.ascent, descent: m.descent };
    lines.push({ kind: 'line', height: leading, line: empty, indent: 0, struct: node.id, para: ++ctx.counter.para, index: 0, count: 1, keepWithNext: false, notes: [] });
  }
  lines.forEach((l) => (l.indent = labelW));
  lines[0].extra = (x, y): PageItem[] => {
    const label = String(n);
    const w = measureText(style.font, label, style.size);
    return [
      { kind: 'dest', name: `note-${n}`, y },
      { kind: 'text', y: y + lines[0].height * 0.5 + style.size * 0.33, fragments: [{ text: label + ' ', style: { ...style, color: ctx.template.colors.accent }, x, width: w }], struct: backLink.id },
      { kind: 'link', x, y, w, h: leading, dest: `noteref-${n}`, struct: backLink.id },
    ];
  };
  laid.lines = lines;
  laid.height = lines.reduce((h, l) => h + l.height, 0) + 2;
}

/**
 * A note is set as paragraphs in the note style; whatever else it holds (a list, code, a
 * quote, a table) is set as paragraphs too, so none of its text is lost.
 */
function noteParagraphs(blocks: RBlock[]): RInline[][] {
  const text = (s: string, marks: Marks = {}): RInline => ({ kind: 'text', text: s, marks });
  const out: RInline[][] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        out.push(b.inlines);
        break;
      case 'list':
        b.items.forEach((item, k) => {
          const ps = noteParagraphs(item);
          const label = text(b.ordered ? `${b.start + k}. ` : '• ');
          if (ps[0]) ps[0] = [label, ...ps[0]];
          out.push(...ps);
        });
        break;
      case 'quote':
      case 'closing':
      case 'cta':
      case 'signature':
        out.push(...noteParagraphs(b.blocks));
        break;
      case 'code':
        for (const l of b.text.split('\n')) if (l.trim()) out.push([text(l, { code: true })]);
        break;
      case 'table':
        for (const row of [b.header, ...b.rows]) out.push(row.flatMap((cell, c) => (c ? [text(' | '), ...cell] : cell)));
        break;
      case 'figure':
        out.push(b.caption);
        break;
      case 'callout':
        out.push([text(`${b.value} `), ...b.label]);
        break;
      case 'image':
        // A picture cannot sit in a note: its description stands for it.
        out.push([text(b.alt, { em: true })]);
        break;
      case 'rule':
        break;
      default:
        unreachable(b, 'block');
    }
  }
  return out;
}

export function flowBlocks(ctx: FlowContext, blocks: RBlock[], parent: StructNode, indent = 0): FlowItem[] {
  const out: FlowItem[] = [];
  const t = ctx.template;
  const space = (h: number) => {
    if (h > 0) out.push({ kind: 'space', height: h * ctx.scale });
  };
  blocks.forEach((b, i) => {
    const first = i === 0;
    switch (b.kind) {
      case 'heading': {
        const level = Math.min(3, b.level) as 1 | 2 | 3;
        const role = (`h${level}`) as TypeRole;
        if (!first) space(t.type[role].spaceBefore);
        appendAll(out, flowParagraph(ctx, b.inlines, parent, `H${level}` as StructType, {
          role, color: level === 1 ? t.colors.accent : t.colors.text, indent, align: 'left', keepWithNext: true, hyphenate: false,
          heading: { level, id: b.id, text: b.text },
        }));
        space(t.type[role].spaceAfter);
        return;
      }
      case 'paragraph':
        if (!first) space(t.paragraphSpace);
        // Ragged lines need no hyphens: their ends are uneven anyway.
        appendAll(out, flowParagraph(ctx, b.inlines, parent, 'P', ctx.ragged ? { indent, align: 'left', hyphenate: false } : { indent }));
        return;
      case 'list':
        if (!first) space(t.paragraphSpace);
        appendAll(out, flowList(ctx, b, parent, indent));
        return;
      case 'quote': {
        if (!first) space(t.paragraphSpace);
        const q = ctx.sb.add(parent, 'BlockQuote');
        const base = nestedIndent(ctx, indent);
        const inner = flowBlocks(ctx, b.blocks, q, base + 14);
        for (const it of inner) {
          if (it.kind !== 'line') continue;
          const prev = it.extra;
          it.extra = (x, y) => [...(prev ? prev(x, y) : []), { kind: 'line', x1: x + base + 4, y1: y, x2: x + base + 4, y2: y + it.height, color: t.colors.rule, width: 2 }];
        }
        appendAll(out, inner);
        return;
      }
      case 'code': {
        if (!first) space(t.paragraphSpace);
        const node = ctx.sb.add(parent, 'Code');
        const { style, leading } = styleOf(ctx, 'code');
        const para = ++ctx.counter.para;
        const lines = b.text.split('\n').flatMap((src) =>
          src.trim() === '' ? [] : breakRuns([{ text: src.replace(/\t/g, '    '), style, noHyphenate: true }], breakOpts(ctx, ctx.width - indent - 8, 'left', false)));
        lines.forEach((line, index) => out.push({ kind: 'line', height: leading, line, indent: indent + 8, struct: node.id, para, index, count: lines.length, keepWithNext: false, notes: [] }));
        return;
      }
      case 'rule':
        space(t.paragraphSpace);
        out.push({ kind: 'box', height: 8, float: false, keepWithNext: false, notes: [], draw: (x, y) => [{ kind: 'line', x1: x + indent, y1: y + 4, x2: x + ctx.width, y2: y + 4, color: t.colors.rule, width: 0.6 }] });
        space(t.paragraphSpace);
        return;
      case 'table':
        if (!first) space(t.paragraphSpace + 2);
        appendAll(out, flowTable(ctx, b, parent, indent));
        space(t.paragraphSpace + 2);
        return;
      case 'figure': {
        const box = flowFigure(ctx, b, parent);
        // Notes cited in the caption go to the foot of the figure's page.
        const cited = b.caption.flatMap((x) => (x.kind === 'noteRef' ? [x.number] : []));
        for (const n of cited) layNote(ctx, n, parent);
        box.notes = withNestedNotes(ctx, cited);
        out.push(box);
        return;
      }
      case 'image':
        out.push(flowImage(ctx, b, parent, indent));
        return;
      case 'closing':
      case 'cta':
      case 'signature':
        // Kinds that place these blocks themselves take them out first (the letter's signature).
        appendAll(out, flowBlocks(ctx, b.blocks, parent, indent));
        return;
      case 'callout':
        return; // Callouts are placed by the handout kind, not in running text.
      default:
        unreachable(b, 'block');
    }
  });
  return out;
}

/** Nested lists and quotes step in for this many levels; deeper ones stay at that indent. */
const INDENT_LEVELS = 8;

/**
 * Where a nested list or quote starts: its parent's indent, but never more than about eight
 * levels' worth (nor a third of the measure), so 100 nested quotes still leave lines of a
 * readable width inside the page instead of a measure that is zero or negative.
 */
function nestedIndent(ctx: FlowContext, indent: number): number {
  return Math.min(indent, INDENT_LEVELS * 14 * ctx.scale, ctx.width / 3);
}

function flowList(ctx: FlowContext, b: Extract<RBlock, { kind: 'list' }>, parent: StructNode, parentIndent: number): FlowItem[] {
  const out: FlowItem[] = [];
  const indent = nestedIndent(ctx, parentIndent);
  const L = ctx.sb.add(parent, 'L');
  const { style } = styleOf(ctx, 'body');
  const hang = b.ordered ? measureText(style.font, `${b.start + b.items.length - 1}.`, style.size) + 6 : 12;
  const ragged = ctx.ragged;
  ctx.ragged = ragged || mostlyOneLine(ctx, b, ctx.width - indent - hang);
  b.items.forEach((item, k) => {
    if (k > 0) out.push({ kind: 'space', height: (b.tight ? 2 : ctx.template.paragraphSpace) * ctx.scale });
    const li = ctx.sb.add(L, 'LI');
    const lbl = ctx.sb.add(li, 'Lbl');
    const body = ctx.sb.add(li, 'LBody');
    const label = b.ordered ? `${b.start + k}.` : '•';
    const inner = flowBlocks(ctx, item, body, indent + hang);
    const firstLine = inner.find((x): x is FlowLine => x.kind === 'line');
    if (firstLine) {
      const prev = firstLine.extra;
      const color = b.ordered ? ctx.template.colors.text : ctx.template.colors.accent;
      firstLine.extra = (x, y) => {
        const w = measureText(style.font, label, style.size);
        const lx = b.ordered ? x + indent + hang - 6 - w : x + indent + 2;
        const baseline = y + (firstLine.height - (firstLine.line.ascent + firstLine.line.descent)) / 2 + firstLine.line.ascent;
        return [...(prev ? prev(x, y) : []), { kind: 'text', y: baseline, fragments: [{ text: label, style: { ...style, color }, x: lx, width: w }], struct: lbl.id }];
      };
    }
    appendAll(out, inner);
  });
  ctx.ragged = ragged;
  return out;
}

/**
 * Whether more than half of a list's items are a single paragraph that fits on one line: its
 * natural width (its runs measured as set, without a line break) is within the measure. Measured,
 * not broken, so the paragraph memo holds only the lines the document sets.
 */
function mostlyOneLine(ctx: FlowContext, b: Extract<RBlock, { kind: 'list' }>, measure: number): boolean {
  const { style } = styleOf(ctx, 'body');
  let short = 0;
  for (const item of b.items) {
    if (item.length !== 1 || item[0].kind !== 'paragraph') continue;
    const runs = inlineRuns(item[0].inlines, style, { linkColor: ctx.template.colors.accent });
    if (runs.some((r) => r.text.includes('\n'))) continue;
    if (runs.reduce((w, r) => w + measureText(r.style.font, r.text, r.style.size), 0) <= measure) short++;
  }
  return short * 2 > b.items.length;
}
