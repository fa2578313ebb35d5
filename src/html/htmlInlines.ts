// Inline content of the HTML edition: marks as <strong>/<em>/<code>, links, runs in another
// language as <span lang>, and note marks linking to their notes (and back: see htmlNotes.ts).
import { fillString } from '../documents/fillString.js';
import type { RInline } from '../resolve/resolvedTypes.js';
import type { EngineStrings } from '../strings/engineStrings.js';
import { escapeAttr, escapeText, safeId } from './htmlEscape.js';

export interface InlineContext {
  strings: EngineStrings;
  /** Notes cited so far, in order of citation (the block writer places them after the block). */
  cited: number[];
  /** How many times each note has been cited: the first mark gets the id the note links back to. */
  citations: Map<number, number>;
}

export function inlinesHtml(xs: readonly RInline[], ctx: InlineContext): string {
  let out = '';
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x.kind === 'lineBreak') out += '<br>';
    else if (x.kind === 'noteRef') out += noteRef(x.number, ctx);
    else {
      // Consecutive runs with the same link make one <a>: a link split by script or by marks
      // is still one link for a reader.
      const link = x.href ?? (x.dest ? `#${safeId(x.dest)}` : undefined);
      if (!link) {
        out += runHtml(x);
        continue;
      }
      let inner = runHtml(x);
      while (i + 1 < xs.length) {
        const n = xs[i + 1];
        if (n.kind !== 'text' || (n.href ?? (n.dest ? `#${safeId(n.dest)}` : undefined)) !== link) break;
        inner += runHtml(n);
        i++;
      }
      out += `<a href="${escapeAttr(link)}">${inner}</a>`;
    }
  }
  return out;
}

function runHtml(x: Extract<RInline, { kind: 'text' }>): string {
  let s = escapeText(x.text);
  if (x.marks.code) s = `<code>${s}</code>`;
  if (x.marks.em) s = `<em>${s}</em>`;
  if (x.marks.strong) s = `<strong>${s}</strong>`;
  if (x.lang) s = `<span lang="${escapeAttr(x.lang)}">${s}</span>`;
  return s;
}

function noteRef(n: number, ctx: InlineContext): string {
  const count = (ctx.citations.get(n) ?? 0) + 1;
  ctx.citations.set(n, count);
  if (!ctx.cited.includes(n)) ctx.cited.push(n);
  const id = count === 1 ? `noteref-${n}` : `noteref-${n}-${count}`;
  const label = escapeAttr(fillString(ctx.strings.noteTitle, { number: n }));
  return `<a class="noteref" id="${id}" href="#note-${n}" role="doc-noteref" aria-label="${label}"><sup>${n}</sup></a>`;
}

/** Plain text of inline content (for accessible names). */
export function inlinesText(xs: readonly RInline[]): string {
  return xs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'noteRef' ? '' : ' ')).join('').replace(/\s+/g, ' ').trim();
}
