// Typesetting quality read back from a PDF, the way issue 13 measured it: pdftotext's word
// boxes (-bbox-layout) on body pages. Body lines are the lines set in the body type (their word
// boxes have the most common height); a body line that reaches the column's right edge is a
// justified line, the others are paragraph ends. Independent of the layout's own counters.
//
// Our hyphens carry an empty ActualText, so pdftotext never shows them: a justified line whose
// last word stops short of the right edge by about a hyphen's width (and ends in a letter) is
// a hyphenated line. A dash written in the text ("well-") is seen as such.
import { execFileSync } from 'node:child_process';

export interface Word {
  text: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}
export interface TextLine {
  page: number;
  words: Word[];
  x1: number;
  x2: number;
  y1: number;
}

export interface TypesetMetrics {
  pages: number;
  bodyLines: number;
  justifiedLines: number;
  /** Word spaces of justified body lines, in ems. */
  space: { mean: number; sd: number; p95: number; min: number; max: number };
  /** Justified lines whose mean word space is below 0.20 em, and above 0.40 em. */
  shrunkLines: number;
  looseLines: number;
  /** Loosest line's mean word space (em). */
  loosest: number;
  hyphenated: number;
  hyphensPer100: number;
  consecutivePairs: number;
  pageEndHyphens: number;
  capitalisedHyphenated: number;
  /** How far punctuation at line ends reaches past the right edge (pt): mean and max; same at the left. */
  overhangRight: { mean: number; max: number; lines: number };
  overhangLeft: { max: number; lines: number };
  /** Lines reaching past the right edge by more than punctuation may (pt). */
  overfull: number;
  /**
   * White at the feet of body pages, in body lines: from the lowest body line to the lowest a
   * body line reaches on any page, on pages with nothing set in other type below their body
   * text (notes, tables, captions) and not the last body page.
   */
  footWhiteLines: number;
  /** Examples, for reading. */
  examples: { capitalised: string[]; pageEnds: string[]; pairs: string[] };
}

const num = (s: string) => Number(s);

/** Lines of word boxes per page, from `pdftotext -bbox-layout`. */
export function readLines(pdf: string): { lines: TextLine[]; pages: number } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const lines: TextLine[] = [];
  let page = 0;
  let cur: TextLine | null = null;
  const re = /<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of xml.matchAll(re)) {
    if (m[0] === '<page ') { page++; continue; }
    if (m[1] !== undefined) {
      cur = { page, words: [], x1: num(m[1]), y1: num(m[2]), x2: num(m[3]) };
      lines.push(cur);
      continue;
    }
    if (!cur) continue;
    const text = m[8].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    cur.words.push({ text, x1: num(m[4]), y1: num(m[5]), x2: num(m[6]), y2: num(m[7]) });
  }
  for (const l of lines) l.words = joinNoteMarks(l.words);
  return { lines: lines.filter((l) => l.words.length > 0), pages: page };
}

/** A note mark (smaller, raised, set right after its word) is part of that word, not a word of its own. */
function joinNoteMarks(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && w.y2 - w.y1 < (prev.y2 - prev.y1) * 0.8 && w.x1 - prev.x2 < 0.5) {
      out[out.length - 1] = { ...prev, text: prev.text + w.text, x2: w.x2 };
    } else out.push(w);
  }
  return out;
}

/** A list item's marker: the gap after it is the list's indent, not a word space. */
const LIST_MARKER = /^(?:[\u2022\u2013\u2014\u25e6\u25aa-]|\d+[.)]|[a-z][.)])$/u;

function mode(values: number[], step: number): number {
  const counts = new Map<number, number>();
  let best = 0, bestN = -1;
  for (const v of values) {
    const k = Math.round(v / step);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestN) { bestN = n; best = k; }
  }
  return best * step;
}

const HANGING = /[.,:;!?'"\u2019\u201d\u2018\u201c\u2013\u2014\u2010)-]$/u;
const HANGING_START = /^[('"\u2018\u201c]/u;

/**
 * `em` is the body type size in points; by default it is derived from the word boxes' height
 * (Source Serif 4's box is 1.371 of its size).
 */
export function measureTypesetting(pdf: string, opts: { em?: number; hyphenWidthEm?: number } = {}): TypesetMetrics {
  const { lines, pages } = readLines(pdf);
  const height = (l: TextLine) => l.words[0].y2 - l.words[0].y1;
  const bodyHeight = mode(lines.map(height), 0.05);
  const em = opts.em ?? bodyHeight / 1.371;
  const hyphenWidth = (opts.hyphenWidthEm ?? 0.32) * em;
  const body = lines.filter((l) => Math.abs(height(l) - bodyHeight) < 0.1);
  // Body pages: pages with a fair number of body lines (not the cover, not a page of charts).
  const perPage = new Map<number, TextLine[]>();
  for (const l of body) perPage.set(l.page, [...(perPage.get(l.page) ?? []), l]);
  const bodyLines = [...perPage.values()].filter((ls) => ls.length >= 8).flat();

  // Columns: left edges shared by many lines; each line belongs to the nearest one at its left.
  const lefts = new Map<number, number>();
  for (const l of bodyLines) lefts.set(Math.round(l.x1), (lefts.get(Math.round(l.x1)) ?? 0) + 1);
  const colLefts = [...lefts.entries()].filter(([, n]) => n >= bodyLines.length * 0.15).map(([x]) => x).sort((a, b) => a - b);
  const column = (l: TextLine) => {
    let c = 0;
    for (let i = 0; i < colLefts.length; i++) if (colLefts[i] <= l.x1 + 4) c = i;
    return c;
  };
  const rights = colLefts.map((_, c) => mode(bodyLines.filter((l) => column(l) === c && /[\p{L}\p{N}]$/u.test(l.words.at(-1)!.text)).map((l) => l.x2), 0.1));
  const lefts2 = colLefts.map((_, c) => mode(bodyLines.filter((l) => column(l) === c).map((l) => l.x1), 0.1));

  // Reading order per page and column, top to bottom.
  const key = (l: TextLine) => l.page * 10 + column(l);
  const groups = new Map<number, TextLine[]>();
  for (const l of bodyLines) groups.set(key(l), [...(groups.get(key(l)) ?? []), l]);

  const spaces: number[] = [];
  let justified = 0, shrunk = 0, loose = 0, loosest = 0, hyphenated = 0, pairs = 0, pageEnds = 0, capitalised = 0, overfull = 0;
  const overR: number[] = [];
  let overLMax = 0, overLLines = 0;
  const examples = { capitalised: [] as string[], pageEnds: [] as string[], pairs: [] as string[] };
  for (const group of groups.values()) {
    group.sort((a, b) => a.y1 - b.y1);
    let prevHyph = false;
    group.forEach((l, i) => {
      const c = column(l);
      const right = rights[c];
      const last = l.words.at(-1)!;
      const first = l.words[0];
      const reach = l.x2 - right;
      // A justified line reaches the right edge (less at most a hanging hyphen's share).
      const isJustified = reach > -hyphenWidth - 0.6 && l.words.length > 1;
      let hyph = false;
      if (isJustified) {
        justified++;
        const gaps: number[] = [];
        for (let k = LIST_MARKER.test(first.text) ? 2 : 1; k < l.words.length; k++) {
          const g = (l.words[k].x1 - l.words[k - 1].x2) / em;
          if (g > 0.05) gaps.push(g);
        }
        spaces.push(...gaps);
        if (gaps.length) {
          const m = gaps.reduce((a, x) => a + x, 0) / gaps.length;
          if (m < 0.2) shrunk++;
          if (m > 0.4) loose++;
          loosest = Math.max(loosest, m);
        }
        const endsInLetter = /[\p{L}]$/u.test(last.text);
        hyph = /[-\u2010\u2013]$/u.test(last.text) || (endsInLetter && reach < -0.5);
        if (HANGING.test(last.text)) overR.push(reach);
        else if (reach > 0.5) overfull++;
      }
      if (l.x1 < lefts2[c] - 0.3 && HANGING_START.test(first.text)) { overLLines++; overLMax = Math.max(overLMax, lefts2[c] - l.x1); }
      if (hyph) {
        hyphenated++;
        if (prevHyph) { pairs++; if (examples.pairs.length < 8) examples.pairs.push(`p${l.page}: ${group[i - 1].words.at(-1)!.text}- / ${last.text}-`); }
        const next = group[i + 1];
        if (!next) { pageEnds++; if (examples.pageEnds.length < 8) examples.pageEnds.push(`p${l.page}: ${last.text}-`); }
        if (/^\p{Lu}/u.test(last.text.replace(/^\W+/u, '')) && !/-$/u.test(last.text)) {
          capitalised++;
          if (examples.capitalised.length < 8) examples.capitalised.push(`p${l.page}: ${last.text}-${next?.words[0].text ?? ''}`);
        }
      }
      prevHyph = hyph;
    });
  }
  // Feet: the lowest body line per page against the lowest of all (the frame's last line).
  const lowest = new Map<number, number>();
  for (const l of bodyLines) lowest.set(l.page, Math.max(lowest.get(l.page) ?? 0, l.words[0].y2));
  const bottom = Math.max(0, ...lowest.values());
  const steps: number[] = [];
  for (const group of groups.values()) for (let i = 1; i < group.length; i++) steps.push(group[i].y1 - group[i - 1].y1);
  const leading = mode(steps.filter((x) => x > 0), 0.05) || em * 1.4;
  const bodyPages = [...lowest.keys()].sort((a, b) => a - b).slice(0, -1);
  const feet = bodyPages
    .filter((p) => !lines.some((l) => l.page === p && l.words[0].y1 > lowest.get(p)! && l.words.length > 2))
    .map((p) => (bottom - lowest.get(p)!) / leading);
  const footWhiteLines = feet.length ? feet.reduce((a, x) => a + x, 0) / feet.length : 0;
  spaces.sort((a, b) => a - b);
  const mean = spaces.length ? spaces.reduce((a, x) => a + x, 0) / spaces.length : 0;
  const sd = spaces.length ? Math.sqrt(spaces.reduce((a, x) => a + (x - mean) ** 2, 0) / spaces.length) : 0;
  const p95 = spaces.length ? spaces[Math.min(spaces.length - 1, Math.floor(spaces.length * 0.95))] : 0;
  return {
    pages, bodyLines: bodyLines.length, justifiedLines: justified,
    space: { mean, sd, p95, min: spaces[0] ?? 0, max: spaces.at(-1) ?? 0 },
    shrunkLines: shrunk, looseLines: loose, loosest, hyphenated,
    hyphensPer100: bodyLines.length ? (100 * hyphenated) / bodyLines.length : 0,
    consecutivePairs: pairs, pageEndHyphens: pageEnds, capitalisedHyphenated: capitalised,
    overhangRight: { mean: overR.length ? overR.reduce((a, x) => a + x, 0) / overR.length : 0, max: overR.length ? Math.max(...overR) : 0, lines: overR.length },
    overhangLeft: { max: overLMax, lines: overLLines },
    overfull, footWhiteLines, examples,
  };
}
