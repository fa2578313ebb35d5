// Runs → broken lines, honouring hard line breaks (a "\n" run), and the drawing of one line:
// fragments grouped by structure node so links, note marks and Khmer spans are tagged apart.
import { breakParagraph } from './breakParagraph.js';
import { chunkLongWords } from './longWords.js';
import type { BreakOptions, InlineRun, Line, LineFragment } from './lineTypes.js';
import type { FlowLine } from './flowTypes.js';
import type { PageItem, StructNode } from './pageTypes.js';
import type { StructureBuilder } from './structure.js';
import { memoised, type MemoSpec } from '../cache/sessionMemos.js';
import { fontId } from '../fonts/fontRegistry.js';
import { fillString } from '../documents/fillString.js';
import type { EngineStrings } from '../strings/engineStrings.js';

/**
 * Broken paragraphs, kept by the build session: in watch mode an edit re-breaks only the
 * paragraph that changed, and the ones a build used are kept on disk for the next
 * (build/persistedMemos.ts). Lines are immutable once made, so sharing them between builds of
 * a session is safe.
 */
export const BROKEN_PARAGRAPHS: MemoSpec<Line[]> = { name: 'paragraphs', limit: 20_001 };

function cacheKey(runs: InlineRun[], opts: BreakOptions): string | null {
  if (typeof opts.measure === 'function') return null;
  const ex = opts.expansion;
  let k = `${opts.measure}|${opts.align}|${opts.hyphenateLang}|${opts.protectLastWord ?? ''}|${ex ? `${ex.max},${ex.step},${ex.emergency ?? ''}` : ''}|${opts.protrusion ? 1 : 0}`;
  for (const r of runs) {
    const t = r.target;
    k += `\u0001${r.text}\u0002${fontId(r.style.font)},${r.style.size},${r.style.color},${r.noHyphenate ? 1 : 0}${r.unbreakable ? 1 : 0},${r.lang ?? ''}`;
    if (t) k += `,${t.href ?? ''},${t.dest ?? ''},${t.noteId ?? ''},${t.superscript ? 1 : 0}`;
  }
  return k;
}

export function breakRuns(runs: InlineRun[], opts: BreakOptions): Line[] {
  const key = cacheKey(runs, opts);
  if (key === null) return breakRunsUncached(runs, opts);
  return memoised(BROKEN_PARAGRAPHS, key, () => breakRunsUncached(runs, opts));
}

function breakRunsUncached(runs: InlineRun[], opts: BreakOptions): Line[] {
  const segments: InlineRun[][] = [[]];
  for (const r of runs) {
    if (r.text === '\n') segments.push([]);
    else segments[segments.length - 1].push(r);
  }
  const lines: Line[] = [];
  segments.forEach((seg, i) => {
    if (seg.length === 0 || seg.every((r) => r.text.trim() === '')) return;
    const ls = breakParagraph(chunkLongWords(seg), { ...opts, protectLastWord: i === segments.length - 1 });
    for (const l of ls) lines.push(l); // not push(...ls): a huge paragraph has more lines than a call has room for arguments
  });
  return lines;
}

/** Baseline position within a line box of the given height. */
export function baselineOffset(line: Line, height: number): number {
  const content = line.ascent + line.descent;
  return (height - content) / 2 + line.ascent;
}

/**
 * Creates Link / Span structure nodes for a paragraph's special fragments. Links are keyed by
 * their target object, so a link broken across lines stays one Link element.
 */
export function fragmentStructs(lines: Line[], para: StructNode, sb: StructureBuilder, strings: Pick<EngineStrings, 'noteTitle' | 'linkAlt' | 'destAlt'>): Map<Line, Map<number, number>> {
  const byTarget = new Map<object, StructNode>();
  const out = new Map<Line, Map<number, number>>();
  for (const line of lines) {
    const m = new Map<number, number>();
    line.fragments.forEach((f, i) => {
      if (f.target && (f.target.href || f.target.dest)) {
        let n = byTarget.get(f.target);
        if (!n) {
          const isNote = !!f.target.noteId;
          const parent = isNote ? sb.add(para, 'Reference') : para;
          const alt = isNote ? fillString(strings.noteTitle, { number: f.text.trim() })
            : f.target.href ? fillString(strings.linkAlt, { href: f.target.href }) : fillString(strings.destAlt, { dest: f.target.dest! });
          n = sb.add(parent, 'Link', { alt });
          byTarget.set(f.target, n);
        }
        m.set(i, n.id);
      } else if (f.lang && f.lang !== para.lang) {
        const n = sb.add(para, 'Span', { lang: f.lang, actualText: f.text });
        m.set(i, n.id);
      }
    });
    if (m.size) out.set(line, m);
  }
  return out;
}

/**
 * True when the line was broken at an inter-word space. The space is then kept at the end of
 * the line (an invisible glyph past the text): copy-and-paste and screen readers otherwise join
 * the last word of a line with the first of the next. Not where the breaker split a word (after
 * a hyphen, a dash, a slash, a delimiter of a long URL or file name: "seattle-|weather.csv" in
 * a narrow column must not read "seattle- weather.csv"), nor between Khmer words (no spaces).
 */
export function endsAtSpace(line: Line): boolean {
  if (line.last || line.midWord || line.hyphenated || line.forcedBreak) return false;
  const last = line.fragments[line.fragments.length - 1];
  if (!last || last.isHyphen) return false;
  return !/[\s/\u1780-\u17FF\u200B]$/.test(last.text);
}

/** A line's fragments placed at x, with the line-end space kept (see endsAtSpace). */
export function placeFragments(line: Line, x: number): LineFragment[] {
  const space = endsAtSpace(line);
  const last = line.fragments.length - 1;
  return line.fragments.map((f, k) => moved(f, x + f.x, space && k === last ? f.text + ' ' : f.text));
}

/**
 * A copy of a fragment at another x. Written out rather than spread: fragments come in many
 * shapes (links, languages, hyphens, expansion, hangs), and a spread over all of them was the
 * largest cost of drawing a long document's lines.
 */
function moved(f: LineFragment, x: number, text: string): LineFragment {
  const out: LineFragment = { text, style: f.style, x, width: f.width };
  if (f.target !== undefined) out.target = f.target;
  if (f.lang !== undefined) out.lang = f.lang;
  if (f.isHyphen !== undefined) out.isHyphen = f.isHyphen;
  if (f.hscale !== undefined) out.hscale = f.hscale;
  if (f.hangLeft !== undefined) out.hangLeft = f.hangLeft;
  if (f.hangRight !== undefined) out.hangRight = f.hangRight;
  return out;
}

/** Page items for one placed line: text grouped by structure node, link areas, note anchors. */
export function drawLine(fl: FlowLine, x: number, top: number): PageItem[] {
  const items: PageItem[] = [];
  const baseline = top + baselineOffset(fl.line, fl.height);
  let group: { struct: number; frags: typeof fl.line.fragments } | null = null;
  const lastIndex = fl.line.fragments.length - 1;
  const spaceAtEnd = endsAtSpace(fl.line);
  fl.line.fragments.forEach((f, i) => {
    const struct = fl.fragmentStruct?.get(i) ?? fl.struct;
    const placed = moved(f, x + fl.indent + f.x, i === lastIndex && spaceAtEnd ? f.text + ' ' : f.text);
    if (!group || group.struct !== struct) {
      group = { struct, frags: [] };
      items.push({ kind: 'text', y: baseline, fragments: group.frags, struct: struct < 0 ? undefined : struct });
    }
    group.frags.push(placed);
    const t = f.target;
    if (t && (t.href || t.dest) && !f.isHyphen) {
      items.push({ kind: 'link', x: placed.x, y: top, w: f.width, h: fl.height, href: t.href, dest: t.dest, struct: fl.fragmentStruct?.get(i) });
      if (t.noteId) items.push({ kind: 'dest', name: `noteref-${t.dest!.slice(5)}`, y: top });
    }
  });
  if (fl.heading) items.push({ kind: 'dest', name: fl.heading.id, y: top });
  if (fl.extra) items.push(...fl.extra(x, top));
  return items;
}
