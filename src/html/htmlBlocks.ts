// Blocks of the HTML edition, from the same resolved blocks the PDF is laid out from. Notes
// follow the block that first cites them, as in the tagged PDF's reading order (a note's
// structure element follows the paragraph citing it), with links both ways.
import { fillString } from '../documents/fillString.js';
import type { RBlock, RNote } from '../resolve/resolvedTypes.js';
import type { EngineStrings } from '../strings/engineStrings.js';
import { unreachable } from '../unreachable.js';
import { figureHtml } from './htmlFigure.js';
import { escapeAttr, escapeText, safeId } from './htmlEscape.js';
import { inlinesHtml, type InlineContext } from './htmlInlines.js';

export interface BlockContext extends InlineContext {
  notes: Map<number, RNote>;
  /** Notes already written (each once, after the block that first cites it). */
  written: Set<number>;
  /** Added to Markdown heading levels: the document title is the page's <h1>. */
  headingShift: number;
  /** Headings written, for the contents. */
  headings: { level: number; id: string; text: string }[];
}

export function newBlockContext(strings: EngineStrings, notes: readonly RNote[]): BlockContext {
  return { strings, cited: [], citations: new Map(), notes: new Map(notes.map((n) => [n.number, n])), written: new Set(), headingShift: 1, headings: [] };
}

export function blocksHtml(blocks: readonly RBlock[], ctx: BlockContext): string {
  let out = '';
  for (const b of blocks) {
    out += blockHtml(b, ctx);
    out += pendingNotes(ctx);
  }
  return out;
}

export function headingHtml(level: number, id: string, inner: string, text: string, ctx: BlockContext): string {
  const h = Math.min(6, Math.max(1, level + ctx.headingShift));
  ctx.headings.push({ level, id, text });
  return `<h${h} id="${safeId(id)}">${inner}</h${h}>`;
}

function blockHtml(b: RBlock, ctx: BlockContext): string {
  switch (b.kind) {
    case 'heading':
      return headingHtml(b.level, b.id, inlinesHtml(b.inlines, ctx), b.text, ctx);
    case 'paragraph':
      return `<p>${inlinesHtml(b.inlines, ctx)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      const items = b.items.map((item) => `<li>${blocksHtml(item, ctx)}</li>`).join('');
      return `<${tag}${start}${b.tight ? ' class="tight"' : ''}>${items}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocksHtml(b.blocks, ctx)}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeText(b.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'table':
      return tableHtml(b, ctx);
    case 'image':
      return imageHtml(b, ctx.strings);
    case 'figure':
      return figureHtml(b, ctx);
    case 'callout':
      return calloutHtml(b, ctx);
    case 'closing':
    case 'cta':
    case 'signature':
      return blocksHtml(b.blocks, ctx);
    default:
      return unreachable(b, 'block');
  }
}

function tableHtml(b: Extract<RBlock, { kind: 'table' }>, ctx: BlockContext): string {
  const cls = (c: number) => {
    const a = b.align[c] ?? (b.numeric[c] ? 'right' : null);
    return a && a !== 'left' ? ` class="${a}"` : '';
  };
  const head = b.header.map((cell, c) => `<th scope="col"${cls(c)}>${inlinesHtml(cell, ctx)}</th>`).join('');
  const rows = b.rows.map((row) => `<tr>${row.map((cell, c) => `<td${cls(c)}>${inlinesHtml(cell, ctx)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function imageHtml(b: Extract<RBlock, { kind: 'image' }>, strings: EngineStrings): string {
  // PNG or JPEG, as resolve accepted them; the bytes go into the page (no external request).
  const type = b.data[0] === 0x89 ? 'image/png' : 'image/jpeg';
  const alt = b.alt.trim() || fillString(strings.imageAlt, { src: b.src });
  return `<p class="image"><img src="data:${type};base64,${b.data.toString('base64')}" width="${Math.round(b.width)}" height="${Math.round(b.height)}" alt="${escapeAttr(alt)}"></p>`;
}

export function calloutHtml(b: Extract<RBlock, { kind: 'callout' }>, ctx: BlockContext): string {
  return `<p class="callout"><strong class="value">${escapeText(b.value)}</strong> <span class="label">${inlinesHtml(b.label, ctx)}</span> <span class="source">${escapeText(b.source)}</span></p>`;
}

/** The notes cited since the last call and not yet written, then any they cite in turn. */
export function pendingNotes(ctx: BlockContext): string {
  let out = '';
  while (ctx.cited.length) {
    const n = ctx.cited.shift()!;
    if (ctx.written.has(n)) continue;
    const note = ctx.notes.get(n);
    if (!note) continue;
    ctx.written.add(n);
    const back = escapeAttr(fillString(ctx.strings.noteBackLink, { number: n }));
    // The number links back to the first mark; the note's text follows, as in the PDF (Lbl, then P).
    const saved = ctx.headingShift;
    // Headings inside a note stay below any document heading.
    ctx.headingShift = 6;
    const body = note.blocks.map((b) => (b.kind === 'heading' ? `<p>${inlinesHtml(b.inlines, ctx)}</p>` : blockHtml(b, ctx))).join('');
    ctx.headingShift = saved;
    out += `<aside class="note" id="note-${n}" role="doc-footnote" aria-label="${escapeAttr(fillString(ctx.strings.noteTitle, { number: n }))}"><a class="backref" href="#noteref-${n}" role="doc-backlink" aria-label="${back}">${n}</a>${body}</aside>`;
  }
  return out;
}
