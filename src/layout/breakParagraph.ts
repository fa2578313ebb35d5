// Styled runs → justified (or ragged) lines: the glue between the parser's runs and the
// Knuth–Plass breaker. Words become boxes, spaces glue, every place a word may be split a
// penalty; the chosen breaks are turned back into positioned fragments.
import { getFont, lineMetrics, measureText, type FontKey } from '../fonts/fontRegistry.js';
import type { BreakOptions, InlineRun, InlineTarget, Line, LineFragment } from './lineTypes.js';
import { sameStyle, type TextStyle } from './textStyle.js';
import { EXTRA_EXPANSION_RATIO, knuthPlass, PENALTY_INFINITY, type BrokenLine, type Item } from './knuthPlass.js';
import { hyphenate, looksLikeUrl } from './hyphenate.js';
import { hangLeft, hangRight, protrudes, rightShare } from './protrusion.js';

/** TeX's \hyphenpenalty and \exhyphenpenalty. */
const HYPHEN_PENALTY = 50;
const EX_HYPHEN_PENALTY = 50;
/**
 * TeX's \finalhyphendemerits: a hyphen in the line before a paragraph's last line leaves a
 * word part alone on a short line ("exploit- / ation happens."). Dearer than TeX's 5,000.
 */
const FINAL_HYPHEN_DEMERITS = 30_000;
/** After a delimiter in a URL: a bit dearer than a hyphen; a slash is best. */
const URL_SLASH_PENALTY = 100;
const URL_PENALTY = 110;
/** A URL narrower than this share of the measure is kept whole, like any other word. */
const URL_BREAK_SHARE = 0.3;
/**
 * Breaks inside a word too wide for any line. The difference of the squares (~2,400
 * demerits) is how much emptier a line may be left to break after a delimiter rather than
 * between two letters.
 */
const FORCED_PREFERRED_PENALTY = 150;
const FORCED_ANY_PENALTY = 158;
/** Ragged lines may fall this many ems short of the measure at badness 100 (plain TeX uses 2em). */
const RAGGED_STRETCH_EM = 3;
/** Third-pass stretch (LaTeX's \sloppy uses 3em). */
const EMERGENCY_STRETCH_EM = 3;
/**
 * Font expansion a paragraph the normal passes cannot set may use (the breaker's emergency and
 * final passes), as a multiple of the template's `max`, and never more than the most `max` may
 * be set to: 5 % for the default 2 %. Only lines whose spaces would stretch past
 * EXTRA_EXPANSION_RATIO (or shrink past their limit) take more than `max`. On the 100-page
 * generated text, 37 of 747 paragraphs need it, and without it 13 lines were set with word
 * spaces over 0.40 em; at 4 % three such lines were left (each a paragraph's first line that a
 * long capitalised word cannot join), at 5 % none.
 */
const EMERGENCY_EXPANSION_FACTOR = 2.5;
const EMERGENCY_EXPANSION_MOST = 0.05;
/** Overfull tolerance: below this a line is considered to fit. */
const FIT_EPS = 0.01;

const DASHES = '-\u2010\u2013\u2014';
const URL_DELIMS = '/.-_?&=#:;,~+@';
// Scripts written without spaces between words, which Intl.Segmenter can divide.
const SPACELESS = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SPACELESS_START = /[\p{L}\p{N}]/u;
const WORDCHAR = /[\p{L}\p{N}]/u;
const HAS_DASH_OR_SLASH = /[-\u2010\u2013\u2014/]/;

interface Piece {
  text: string;
  style: TextStyle;
  target?: InlineTarget;
  lang?: string;
  /** Unbreakable runs and superscripts: no break inside unless the line cannot hold them. */
  locked: boolean;
  noHyphenate: boolean;
  /** The whole piece's width, once measured (pieceWidth): a word is measured four times. */
  width?: number;
}

interface Word {
  pieces: Piece[];
  text: string;
  /** Soft-hyphen positions from the source (U+00AD), which replace the patterns. */
  soft: number[];
}

type SepKind = 'space' | 'nbsp' | 'zw';
interface Sep {
  kind: SepKind;
  style: TextStyle;
}

// 'force' breaks split a word too wide for any line; the line they end is set ragged.
type OppKind = 'hyph' | 'soft' | 'dash' | 'slash' | 'url' | 'force';
interface Opp {
  pos: number;
  kind: OppKind;
  penalty: number;
  /** Only when nothing else fits (the breaker's final pass): a capitalised word's hyphen, a hyphen in ragged text. */
  lastResort?: boolean;
  /** Only once the normal passes have failed (the breaker's emergency and final passes). */
  emergency?: boolean;
}

// Per-item bookkeeping for turning breaks back into fragments.
type Meta =
  | { k: 'text'; piece: Piece; s: number; e: number }
  | { k: 'gap'; kind: SepKind; style: TextStyle; space: number }
  | { k: 'opp'; kind: OppKind; piece: Piece }
  | { k: 'inert' };

const INERT: Meta = { k: 'inert' };

export function breakParagraph(runs: InlineRun[], opts: BreakOptions): Line[] {
  const { words, seps } = tokenize(runs);
  if (words.length === 0) return [];
  const base = runs.find((r) => r.text.trim() !== '')?.style ?? runs[0].style;
  const em = base.size;
  const justify = opts.align === 'justify';
  const measure = opts.measure;
  const widthAt = typeof measure === 'function' ? measure : () => measure;
  const protectLast = opts.protectLastWord ?? true;
  // Hanging punctuation where a line's ends line up with the measure; font expansion where
  // the spaces would otherwise vary (justified lines).
  const protrude = !!opts.protrusion && (justify || opts.align === 'left');
  const expansion = justify && opts.expansion && opts.expansion.max > 0 ? opts.expansion : null;

  const segmented = segmentSpaceless(words, seps);
  const ws = segmented.words;
  const ss = segmented.seps;

  // Narrowest line the paragraph can meet; a chunk wider than this must be split by force.
  let natural = 0;
  for (const w of ws) for (const p of w.pieces) natural += pieceWidth(p);
  const first = widthAt(0);
  const estLines = Math.min(200, Math.ceil((natural * 2) / Math.max(first, 1)) + 2);
  let minMeasure = first;
  let maxMeasure = first;
  for (let i = 1; i < estLines; i++) {
    const w = widthAt(i);
    if (w < minMeasure) minMeasure = w;
    if (w > maxMeasure) maxMeasure = w;
  }

  // A paragraph that fits its first line whole is set as one line whatever its break
  // opportunities (any break would add a line's demerits to a line of badness 0), so table
  // cells, captions, headings and short items skip hyphenation and forced-break analysis.
  let oneLine = natural;
  const spaceOf = spaceWidths();
  for (const sep of ss) if (sep.kind !== 'zw') oneLine += spaceOf(sep.style);
  const fitsOneLine = oneLine <= first - FIT_EPS;

  const items: Item[] = [];
  const meta: Meta[] = [];
  const push = (it: Item, m: Meta) => { items.push(it); meta.push(m); };
  // Stretch of a line ending inside an over-wide word, which is set ragged: KP should weigh
  // how full it is, not how its spaces would stretch. A hole of a quarter of the measure
  // then costs what a justified line at ratio 1 does.
  const forcedStretch = Math.max(maxMeasure, 1) / 4;

  let hasZw = false;
  for (let wi = 0; wi < ws.length; wi++) {
    const word = ws[wi];
    const isLast = wi === ws.length - 1;
    const opps = fitsOneLine ? [] : wordOpportunities(word, opts.hyphenateLang, isLast && protectLast, minMeasure, !justify);
    if (!fitsOneLine) addForcedOpportunities(word, opps, minMeasure);
    const firstItem = items.length;
    emitWord(word, opps, push, forcedStretch, protrude);
    if (protrude) markHangs(items, meta, firstItem);
    if (wi < ss.length) {
      const sep = ss[wi];
      const space = spaceOf(sep.style);
      const m: Meta = { k: 'gap', kind: sep.kind, style: sep.style, space };
      if (sep.kind === 'zw') {
        // A break where the source has no space (between Khmer words, or at U+200B): it adds
        // nothing to a line, taken or not, and never stretches; only real spaces do.
        push({ type: 'glue', width: 0, stretch: 0, shrink: 0, raggedEnd: true }, m);
        hasZw = true;
      } else {
        if (sep.kind === 'nbsp') push({ type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false }, INERT);
        push({ type: 'glue', width: space, stretch: justify ? space / 2 : 0, shrink: justify ? space / 3 : 0 }, m);
      }
    }
  }
  // \parfillskip, protected by a penalty so the paragraph cannot end with an empty line.
  push({ type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false }, INERT);
  push({ type: 'glue', width: 0, stretch: Infinity, shrink: 0 }, INERT);
  push({ type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false }, INERT);

  const result = knuthPlass(items, {
    lineWidth: opts.measure,
    pretolerance: 100,
    tolerance: 200,
    emergencyStretch: EMERGENCY_STRETCH_EM * em,
    backgroundStretch: justify ? 0 : RAGGED_STRETCH_EM * em,
    // A justified line of Khmer with no space in it has nothing to stretch, and one of mostly
    // Khmer words may have too few spaces to stretch well: such lines are set ragged (see
    // buildLine), and judged as ragged lines. Lines without Khmer are unaffected.
    raggedStretch: justify && hasZw ? RAGGED_STRETCH_EM * em : 0,
    // Two hyphenated lines in a row only when nothing else fits (the final pass).
    maxConsecutiveFlagged: 1,
    finalHyphenDemerits: FINAL_HYPHEN_DEMERITS,
    expansion: expansion?.max ?? 0,
    emergencyExpansion: expansion ? Math.max(expansion.max, expansion.emergency ?? Math.min(EMERGENCY_EXPANSION_MOST, EMERGENCY_EXPANSION_FACTOR * expansion.max)) : 0,
  });
  // The emergency passes may have counted on more expansion than the normal one (see knuthPlass).
  const lineExpansion = expansion ? { ...expansion, extra: result.expansion } : null;

  return result.lines.map((bl, i) =>
    buildLine(bl, items, meta, opts.align, i === result.lines.length - 1, widthAt(i), base, lineExpansion),
  );
}

function pieceWidth(p: Piece): number {
  return (p.width ??= measureText(p.style.font, p.text, p.style.size));
}

/** Width of a space by style, for one paragraph (its separators share a few styles). */
function spaceWidths(): (style: TextStyle) => number {
  let last: TextStyle | null = null;
  let width = 0;
  return (style) => {
    if (style !== last) {
      last = style;
      width = measureText(style.font, ' ', style.size);
    }
    return width;
  };
}

/** Sets the protrusion of the boxes pushed from `from` on: what their first and last glyphs may hang. */
function markHangs(items: Item[], meta: Meta[], from: number): void {
  for (let i = from; i < items.length; i++) {
    const it = items[i];
    const m = meta[i];
    if (it.type !== 'box' || m.k !== 'text' || m.e <= m.s) continue;
    // A note mark is drawn raised and smaller: it does not hang.
    if (m.piece.target?.superscript) continue;
    const { font, size } = m.piece.style;
    if (!protrudes(font)) continue;
    const t = m.piece.text;
    const l = hangLeft(font, m.s === 0 ? t : t.slice(m.s, m.s + 1), size);
    const r = hangRight(font, m.e === t.length ? t : t.slice(m.e - 1, m.e), size);
    if (l > 0) it.hangLeft = l;
    if (r > 0) it.hangRight = r;
  }
}

// ---------------------------------------------------------------------------------------
// Runs → words and separators

const enum C { Text, Space, Nbsp, Zw, Shy, Drop }

function classify(ch: string): C {
  switch (ch) {
    case '\u00a0': case '\u2007': case '\u202f': return C.Nbsp;
    case '\u200b': return C.Zw;
    case '\u00ad': return C.Shy;
    case '\u2060': case '\ufeff': return C.Drop; // word joiners: they only forbid a break
  }
  return /\s/.test(ch) ? C.Space : C.Text;
}

function tokenize(runs: InlineRun[]): { words: Word[]; seps: Sep[] } {
  const words: Word[] = [];
  const seps: Sep[] = [];
  let cur: Word | null = null;
  let pending: Sep | null = null;

  const sep = (kind: SepKind, style: TextStyle) => {
    if (!cur) return; // leading whitespace
    if (!pending) pending = { kind, style };
    else if (kind === 'nbsp' || (kind === 'space' && pending.kind === 'zw')) pending = { kind, style };
  };
  const open = (): Word => {
    if (!cur || pending) {
      if (cur && pending) seps.push(pending);
      pending = null;
      cur = { pieces: [], text: '', soft: [] };
      words.push(cur);
    }
    return cur;
  };
  const shy = () => {
    if (cur && !pending) cur.soft.push(cur.text.length);
  };
  const append = (run: InlineRun, text: string, locked: boolean) => {
    const w = open();
    const last = w.pieces[w.pieces.length - 1];
    if (last && !locked && !last.locked && sameStyle(last.style, run.style) && last.target === run.target
      && last.lang === run.lang && last.noHyphenate === !!run.noHyphenate) {
      last.text += text;
    } else {
      w.pieces.push({
        text, style: run.style, target: run.target, lang: run.lang, locked,
        noHyphenate: locked || !!run.noHyphenate,
      });
    }
    w.text += text;
  };

  for (const run of runs) {
    if (!run.text) continue;
    const superscript = !!run.target?.superscript;
    if (run.unbreakable || superscript) {
      const lead = /^\s+/.test(run.text);
      const trail = /\s$/.test(run.text);
      const body = run.text.replace(/\s+/g, ' ').trim();
      // A note mark belongs to the word it follows: no space, and no break, before it.
      if (superscript) pending = null;
      else if (lead) sep('space', run.style);
      if (body) append(run, body, true);
      if (trail) sep('space', run.style);
      continue;
    }
    // Text characters are taken as slices between the others, not one string per character.
    const t = run.text;
    let from = 0;
    for (let i = 0; i < t.length; i++) {
      const cc = t.charCodeAt(i);
      // Printable ASCII other than the space is text (the common case, without a regexp).
      if (cc > 0x20 && cc < 0x7f) continue;
      const c = classify(t[i]);
      if (c === C.Text) continue;
      if (i > from) append(run, t.slice(from, i), false);
      from = i + 1;
      if (c === C.Space) sep('space', run.style);
      else if (c === C.Nbsp) sep('nbsp', run.style);
      else if (c === C.Zw) sep('zw', run.style);
      else if (c === C.Shy) shy();
    }
    if (t.length > from) append(run, t.slice(from), false);
  }
  for (const w of words) w.soft = w.soft.filter((p) => p > 0 && p < w.text.length);
  return { words, seps };
}

// ---------------------------------------------------------------------------------------
// Space-less scripts (Khmer, Thai, …): dictionary word boundaries become breaks that add no
// width and no stretch.

const segmenters = new Map<string, Intl.Segmenter>();
const segCache = new Map<string, number[]>();

function defaultLocale(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x1780 && cp <= 0x19ff) return 'km';
  if (cp >= 0x0e00 && cp <= 0x0e7f) return 'th';
  if (cp >= 0x0e80 && cp <= 0x0eff) return 'lo';
  if (cp >= 0x1000 && cp <= 0x109f) return 'my';
  return 'ja';
}

function wordBoundaries(text: string, locale: string): number[] {
  const key = locale + '\u0000' + text;
  let b = segCache.get(key);
  if (b) return b;
  let seg = segmenters.get(locale);
  if (!seg) {
    seg = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, seg);
  }
  b = [];
  for (const s of seg.segment(text)) if (s.index > 0) b.push(s.index);
  if (segCache.size > 10_000) segCache.clear();
  segCache.set(key, b);
  return b;
}

function segmentSpaceless(words: Word[], seps: Sep[]): { words: Word[]; seps: Sep[] } {
  if (!words.some((w) => SPACELESS.test(w.text))) return { words, seps };
  const ow: Word[] = [];
  const os: Sep[] = [];
  words.forEach((w, i) => {
    const parts = SPACELESS.test(w.text) ? splitSpaceless(w) : [w];
    parts.forEach((p, j) => {
      ow.push(p);
      if (j < parts.length - 1) os.push({ kind: 'zw', style: p.pieces[p.pieces.length - 1].style });
    });
    if (i < seps.length) os.push(seps[i]);
  });
  return { words: ow, seps: os };
}

function splitSpaceless(w: Word): Word[] {
  const firstSpaceless = w.text.match(SPACELESS)![0];
  const piece = w.pieces.find((p) => SPACELESS.test(p.text));
  const locale = piece?.lang ?? defaultLocale(firstSpaceless);
  const cuts: number[] = [];
  let pieceStart = 0;
  const lockedRanges: [number, number][] = [];
  for (const p of w.pieces) {
    if (p.locked) lockedRanges.push([pieceStart, pieceStart + p.text.length]);
    pieceStart += p.text.length;
  }
  for (const b of wordBoundaries(w.text, locale)) {
    if (b >= w.text.length) continue;
    const before = charBefore(w.text, b);
    const after = String.fromCodePoint(w.text.codePointAt(b)!);
    if (!SPACELESS.test(before) || !SPACELESS.test(after) || !SPACELESS_START.test(after)) continue;
    if (lockedRanges.some(([s, e]) => b > s && b < e)) continue;
    cuts.push(b);
  }
  if (cuts.length === 0) return [w];
  return splitWord(w, cuts);
}

function charBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

function splitWord(w: Word, cuts: number[]): Word[] {
  const out: Word[] = [];
  const bounds = [0, ...cuts, w.text.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const s = bounds[k], e = bounds[k + 1];
    const nw: Word = { pieces: [], text: w.text.slice(s, e), soft: w.soft.filter((p) => p > s && p < e).map((p) => p - s) };
    let off = 0;
    for (const p of w.pieces) {
      const ps = off, pe = off + p.text.length;
      off = pe;
      const a = Math.max(ps, s), b = Math.min(pe, e);
      if (a < b) nw.pieces.push({ ...p, text: p.text.slice(a - ps, b - ps), width: undefined });
    }
    out.push(nw);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Break opportunities inside a word

function pieceIndexAt(w: Word, pos: number): number {
  let off = 0;
  for (let i = 0; i < w.pieces.length; i++) {
    off += w.pieces[i].text.length;
    if (pos < off) return i;
  }
  return w.pieces.length - 1;
}

/** True when `pos` falls strictly inside a locked piece. */
function insideLocked(w: Word, pos: number): boolean {
  let off = 0;
  for (const p of w.pieces) {
    const e = off + p.text.length;
    if (p.locked && pos > off && pos < e) return true;
    off = e;
  }
  return false;
}

function wordOpportunities(
  w: Word, hyphenateLang: string | null, protect: boolean, minMeasure: number, ragged: boolean,
): Opp[] {
  const opps: Opp[] = [];
  const text = w.text;
  if (w.soft.length > 0) {
    // Like TeX's \-: an author's discretionary hyphens replace the patterns for that word.
    for (const p of w.soft) if (!insideLocked(w, p)) opps.push({ pos: p, kind: 'soft', penalty: HYPHEN_PENALTY });
  } else if (hyphenateLang) {
    const lang = w.pieces.find((p) => WORDCHAR.test(p.text))?.lang ?? hyphenateLang;
    // Note marks and code must not stop the rest of the word from hyphenating ("word¹" has a
    // digit), so they are masked with a character that is neither letter nor digit.
    let htext = '';
    for (const p of w.pieces) htext += p.noHyphenate ? '\u2063'.repeat(p.text.length) : p.text;
    // Capitalised words are mostly names, which the patterns split badly ("Vi-etnamese",
    // "Indoch-inese", "Re-source"), and ragged text and table cells have room to spare: their
    // hyphens are for when nothing else fits (a word wider than a narrow cell). A sentence's
    // capitalised first word is no name, but "Re-sponsibility" at a line end reads as badly
    // (issue 13 counts every capitalised hyphen): the emergency passes' wider font expansion
    // (EMERGENCY_EXPANSION_FACTOR) sets the lines around it instead. Letting such words break
    // in the emergency pass, as before, left 15 of them in the 100-page generated text.
    const capitalised = /^\P{L}*\p{Lu}/u.test(htext);
    const lastResort = ragged || capitalised;
    for (const p of hyphenate(htext, lang)) {
      if (w.pieces[pieceIndexAt(w, p - 1)].noHyphenate || w.pieces[pieceIndexAt(w, p)].noHyphenate) continue;
      opps.push({ pos: p, kind: 'hyph', penalty: HYPHEN_PENALTY, lastResort });
    }
  }
  // Only a long address is worth splitting (and setting its lines ragged); "node.js" is not.
  const url = looksLikeUrl(text) && chunkWidth(w, 0, text.length) > URL_BREAK_SHARE * minMeasure;
  // Only a URL, or a word with a dash or slash, has breaks of its own to look for.
  const scan = url || HAS_DASH_OR_SLASH.test(text);
  for (let p = 2; scan && p < text.length; p++) {
    const prev = text[p - 1];
    if (url) {
      // As LaTeX's url package: after a delimiter, never inside "://" or a run of delimiters.
      if (URL_DELIMS.includes(prev) && prev !== ':' && !URL_DELIMS.includes(text[p])) {
        opps.push({ pos: p, kind: 'url', penalty: prev === '/' ? URL_SLASH_PENALTY : URL_PENALTY });
      }
    } else if (DASHES.includes(prev)) {
      // After a dash between word characters: "well-|known", "1990–|2000".
      if (WORDCHAR.test(text[p - 2]) && WORDCHAR.test(text[p])) opps.push({ pos: p, kind: 'dash', penalty: EX_HYPHEN_PENALTY });
    } else if (prev === '/') {
      // "and/|or", "docs/|guide"; never between the slashes of "https://".
      if (text[p - 2] !== '/' && text[p] !== '/' && text[p - 2] !== ':' && text[p - 2] !== '<') {
        opps.push({ pos: p, kind: 'slash', penalty: EX_HYPHEN_PENALTY });
      }
    }
  }
  if (opps.length === 0) return opps;
  const clean = opps.filter((o) => !insideLocked(w, o.pos) && o.pos > 0 && o.pos < text.length);
  // One opportunity per position; an explicit dash or slash wins over an added hyphen there.
  const added = (o: Opp) => (o.kind === 'hyph' || o.kind === 'soft' ? 1 : 0);
  clean.sort((a, b) => a.pos - b.pos || added(a) - added(b));
  const out = clean.filter((o, i) => i === 0 || o.pos !== clean[i - 1].pos);
  // The paragraph's last word is split only when the lines cannot be set well otherwise (a
  // short paragraph ending in a long word): a word part alone on the last line reads badly.
  if (protect) for (const o of out) o.emergency = true;
  return out;
}

// Made on first use: most documents never split a word by graphemes, and making an ICU
// segmenter costs start-up time.
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = { segment: (s: string) => (graphemeSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(s) };

/**
 * A word wider than the narrowest line must be split somewhere. A URL's lines are set ragged
 * (nothing in it can stretch), so its delimiter breaks become 'force' breaks; any stretch of
 * the word with no break that is still too wide gets a break at every character, preferring
 * URL delimiters.
 */
function addForcedOpportunities(w: Word, opps: Opp[], minMeasure: number): void {
  // The common case, a word well inside the measure, needs no chunk measured.
  if (chunkWidth(w, 0, w.text.length) <= minMeasure - FIT_EPS) return;
  for (const o of opps) if (o.kind === 'url') o.kind = 'force';
  const bounds = [0, ...opps.map((o) => o.pos), w.text.length];
  const added: Opp[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const s = bounds[k], e = bounds[k + 1];
    if (chunkWidth(w, s, e) <= minMeasure - FIT_EPS) continue;
    const chunk = w.text.slice(s, e);
    for (const g of graphemes.segment(chunk)) {
      if (g.index === 0) continue;
      const pos = s + g.index;
      const before = charBefore(w.text, pos);
      const preferred = URL_DELIMS.includes(before) && !URL_DELIMS.includes(w.text[pos]);
      added.push({ pos, kind: 'force', penalty: preferred ? FORCED_PREFERRED_PENALTY : FORCED_ANY_PENALTY });
    }
  }
  if (added.length) {
    opps.push(...added);
    opps.sort((a, b) => a.pos - b.pos);
  }
}

function chunkWidth(w: Word, s: number, e: number): number {
  let width = 0;
  let off = 0;
  for (const p of w.pieces) {
    const ps = off, pe = off + p.text.length;
    off = pe;
    const a = Math.max(ps, s), b = Math.min(pe, e);
    if (a < b) width += a === ps && b === pe ? pieceWidth(p) : measureText(p.style.font, p.text.slice(a - ps, b - ps), p.style.size);
  }
  return width;
}

// ---------------------------------------------------------------------------------------
// Words → items

/**
 * Advance of text.slice(0, k) for every k at which the font's shaping allows a split
 * (NaN inside a ligature or a multi-glyph cluster): one layout instead of one per prefix,
 * which matters for a 2,000-character word.
 */
function prefixAdvances(font: FontKey, text: string, size: number): Float64Array | null {
  const f = getFont(font);
  const run = f.font.layout(text);
  const out = new Float64Array(text.length + 1).fill(NaN);
  let adv = 0;
  let off = 0;
  out[0] = 0;
  for (let i = 0; i < run.glyphs.length; i++) {
    for (const cp of run.glyphs[i].codePoints) off += cp > 0xffff ? 2 : 1;
    adv += run.positions[i].xAdvance;
    if (off > text.length) return null;
    out[off] = (adv / f.unitsPerEm) * size;
  }
  if (off !== text.length) return null; // reordered or decomposed shaping: don't trust the mapping
  return out;
}

function emitWord(w: Word, opps: Opp[], push: (it: Item, m: Meta) => void, forcedStretch: number, protrude: boolean): void {
  let off = 0;
  let oi = 0;
  for (const piece of w.pieces) {
    const T = piece.text;
    const { font, size } = piece.style;
    const ps = off;
    const pe = off + T.length;
    off = pe;
    while (oi < opps.length && opps[oi].pos <= ps) oi++;
    const local: Opp[] = [];
    for (let j = oi; j < opps.length && opps[j].pos < pe; j++) local.push(opps[j]);
    const boundary = oi + local.length < opps.length && opps[oi + local.length].pos === pe && pe < w.text.length
      ? opps[oi + local.length] : null;

    const hasForced = local.some((o) => o.kind === 'force');
    const table = hasForced ? prefixAdvances(font, T, size) : null;
    const full = pieceWidth(piece);
    const prefix = (k: number): number => {
      if (k === 0) return 0;
      if (k === T.length) return table ? table[k] : full;
      return table ? table[k] : measureText(font, T.slice(0, k), size);
    };

    let s = 0;
    let ps0 = 0;
    for (const o of local) {
      const k = o.pos - ps;
      const pk = prefix(k);
      if (Number.isNaN(pk)) continue; // inside a ligature: not a place the glyphs can part
      push({ type: 'box', width: pk - ps0 }, { k: 'text', piece, s, e: k });
      let pre = 0;
      let post = 0;
      if (table) {
        // The in-context advance of the last character carries the kern with the next one,
        // which disappears at a break; the standalone width is what will be drawn.
        const lastCh = charBefore(T, k);
        const pp = prefix(k - lastCh.length);
        pre = Number.isNaN(pp) ? 0 : Math.max(0, measureText(font, lastCh, size) - (pk - pp));
        pre += FIT_EPS / 2;
      } else {
        // Kerning and ligatures across the break: the next line starts with the standalone
        // suffix, not with what is left of the whole word.
        post = measureText(font, T.slice(k), size) - (full - pk);
      }
      emitOpp(o, piece, pre, post, push, forcedStretch, protrude);
      s = k;
      ps0 = pk;
    }
    push({ type: 'box', width: prefix(T.length) - ps0 }, { k: 'text', piece, s, e: T.length });
    if (boundary) emitOpp(boundary, piece, 0, 0, push, forcedStretch, protrude);
  }
}

function emitOpp(
  o: Opp, piece: Piece, pre: number, post: number, push: (it: Item, m: Meta) => void, forcedStretch: number, protrude: boolean,
): void {
  const m: Meta = { k: 'opp', kind: o.kind, piece };
  switch (o.kind) {
    case 'hyph':
    case 'soft': {
      const hw = measureText(piece.style.font, '-', piece.style.size);
      const pen: Item = { type: 'penalty', width: hw + pre, penalty: o.penalty, flagged: true, hyphenation: o.kind === 'hyph', postWidth: post };
      if (protrude && protrudes(piece.style.font)) pen.hang = rightShare('-') * hw;
      if (o.lastResort) pen.lastResort = true;
      if (o.emergency) pen.emergency = true;
      push(pen, m);
      return;
    }
    case 'dash':
    case 'slash':
    case 'url': {
      const pen: Item = { type: 'penalty', width: pre, penalty: o.penalty, flagged: o.kind === 'dash', postWidth: post };
      if (o.emergency) pen.emergency = true;
      push(pen, m);
      return;
    }
    case 'force':
      // TeX's \penalty10000\hskip0pt plus S\penalty p\hskip0pt plus -S: if the break is
      // taken the line gets stretch S (it will be set ragged); if not, the glue cancels.
      push({ type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false }, INERT);
      push({ type: 'glue', width: 0, stretch: forcedStretch, shrink: 0 }, INERT);
      // The line is set ragged, its glyphs unexpanded (buildLine): the breaker must judge it so.
      push({ type: 'penalty', width: pre, penalty: o.penalty, flagged: false, postWidth: post, noExpansion: true }, m);
      push({ type: 'glue', width: 0, stretch: -forcedStretch, shrink: 0 }, INERT);
      return;
  }
}

// ---------------------------------------------------------------------------------------
// Breaks → lines

interface TextAtom {
  piece: Piece;
  s: number;
  e: number;
}
interface GapAtom {
  kind: SepKind;
  width: number;
  stretch: number;
  shrink: number;
  style: TextStyle;
  space: number;
}

function mergeable(a: { style: TextStyle; target?: InlineTarget; lang?: string }, b: Piece): boolean {
  return sameStyle(a.style, b.style) && a.target === b.target && a.lang === b.lang;
}

/**
 * The font expansion of a justified line short by `shortfall` (negative: too long), whose glue
 * can shrink `shrink` and whose glyphs are `text` wide. The glyphs take the adjustment first, up
 * to `max` of their width and rounded to whole steps, and the spaces only the rest: the breaker
 * judged the line that way (knuthPlass.ts, expansionCost), since even spaces are what the eye
 * sees, not a per cent of glyph width. pdfTeX shares it in proportion instead; on the sample
 * brief that left the word spaces' spread twice as wide. In a paragraph the breaker could set
 * only with `ex.extra`, a line whose glue (`stretch`) would have to stretch past
 * EXTRA_EXPANSION_RATIO, or shrink past `shrink`, takes up to that much instead.
 */
export function chooseExpansion(shortfall: number, shrink: number, text: number, ex: LineExpansion, stretch = 0): number {
  if (text <= 0 || Math.abs(shortfall) < 1e-9) return 0;
  const step = ex.step > 0 ? ex.step : ex.max;
  let max = ex.max;
  let e = Math.round(Math.max(-max, Math.min(max, shortfall / text)) / step) * step;
  if ((ex.extra ?? 0) > max) {
    const beyond = shortfall > 0 ? (shortfall - EXTRA_EXPANSION_RATIO * stretch) / text : (shortfall + shrink) / text;
    if (Math.abs(beyond) > max) {
      // Whole steps, rounded away from zero: far enough to keep the spaces within their limit.
      max = Math.min(ex.extra!, Math.ceil(Math.abs(beyond) / step - 1e-9) * step);
      e = Math.sign(beyond) * max;
    }
  }
  // Rounding up must not leave the glue more to shrink than it can.
  while (e > -max + 1e-12 && shortfall - e * text < -shrink - 1e-9) e -= step;
  return Math.max(-max, Math.min(max, e));
}

/** A justified line's font expansion: up to `max`, in `step`s; up to `extra` where the breaker's emergency passes counted on it. */
export interface LineExpansion {
  max: number;
  step: number;
  extra?: number;
}

function buildLine(
  bl: BrokenLine, items: Item[], meta: Meta[], align: BreakOptions['align'], last: boolean, measure: number,
  base: TextStyle, expansion: LineExpansion | null,
): Line {
  // Collect the line's text as contiguous slices of pieces, and the gaps between them.
  const atoms: (TextAtom | GapAtom)[] = [];
  for (let i = bl.start; i < bl.end; i++) {
    const m = meta[i];
    if (m.k === 'text') {
      const prev = atoms[atoms.length - 1];
      if (prev && 'piece' in prev && prev.piece === m.piece && prev.e === m.s) prev.e = m.e;
      else atoms.push({ piece: m.piece, s: m.s, e: m.e });
    } else if (m.k === 'gap') {
      const it = items[i] as Extract<Item, { type: 'glue' }>;
      atoms.push({ kind: m.kind, width: it.width, stretch: it.stretch, shrink: it.shrink, style: m.style, space: m.space });
    }
  }
  while (atoms.length && !('piece' in atoms[atoms.length - 1])) atoms.pop();

  const endMeta = meta[bl.end];
  const endKind = endMeta.k === 'opp' ? endMeta.kind : null;
  const hyphenPiece = endMeta.k === 'opp' && (endKind === 'hyph' || endKind === 'soft') ? endMeta.piece : null;
  const forced = endKind === 'force';

  // Real widths of what will be drawn; KP's item widths agree to within rounding.
  const widths = atoms.map((a) => ('piece' in a ? (a.s === 0 && a.e === a.piece.text.length ? pieceWidth(a.piece) : measureText(a.piece.style.font, a.piece.text.slice(a.s, a.e), a.piece.style.size)) : a.width));
  const hyphenWidth = hyphenPiece ? measureText(hyphenPiece.style.font, '-', hyphenPiece.style.size) : 0;
  let naturalWidth = hyphenWidth;
  let stretch = 0;
  let shrink = 0;
  let fallbackShrink = 0;
  atoms.forEach((a, i) => {
    naturalWidth += widths[i];
    if (!('piece' in a)) {
      stretch += a.stretch;
      shrink += a.shrink;
      fallbackShrink += a.kind === 'zw' ? 0 : a.space / 3;
    }
  });

  // Protrusion: the line starts left of the measure by its first glyph's hang and, when it
  // reaches the right edge (justified, or a ragged line the breaker let run long), ends right
  // of it by its last glyph's.
  const hangL = bl.hangLeft;
  const hangR = bl.hangRight;
  const shortfall = measure + hangL + hangR - naturalWidth;
  // A paragraph's last line is set at natural spacing, unless it is too long: then it shrinks
  // (its glyphs too) as the breaker counted on.
  const justified = align === 'justify' && (!last || shortfall < 0) && !forced && !bl.ragged;
  const textWidth = naturalWidth - atoms.reduce((a, at, i) => a + ('piece' in at ? 0 : widths[i]), 0);
  let ratio = 0;
  let useShrink = shrink;
  let spaceShrink = false; // shrinking by a third of each space instead of the glue's own shrink
  let ex = 0;
  if (justified) {
    if (expansion) ex = chooseExpansion(shortfall, shrink, textWidth, expansion, stretch);
    const rest = shortfall - ex * textWidth;
    if (rest > 0) ratio = stretch > 0 ? rest / stretch : 0;
    else if (rest < 0 && shrink > 0) ratio = Math.max(-1, rest / shrink);
  } else if (shortfall < -FIT_EPS / 2) {
    // Natural spacing would not fit (ragged lines carry no shrink; kerning may differ from
    // the estimate): close the spaces up as much as justified text may.
    if (shrink <= 0) { useShrink = fallbackShrink; spaceShrink = true; }
    if (useShrink > 0) ratio = Math.max(-1, shortfall / useShrink);
  }

  const place = (merge: boolean): { fragments: LineFragment[]; width: number } => {
    const fragments: LineFragment[] = [];
    const merged = new Set<LineFragment>();
    let x = -hangL;
    let lastText: LineFragment | null = null;
    const scale = 1 + ex;
    atoms.forEach((a, i) => {
      if ('piece' in a) {
        const p = a.piece;
        const text = p.text.slice(a.s, a.e);
        const prevAtom = atoms[i - 1];
        // Across a space only if the space is in the fragment's style, so the space pdfkit
        // draws is the one that was measured.
        const joinable = prevAtom && ('piece' in prevAtom || sameStyle(prevAtom.style, p.style));
        if (merge && lastText && joinable && mergeable(lastText, p)) {
          lastText.text += text;
          lastText.width = x + widths[i] - lastText.x;
          merged.add(lastText);
        } else {
          lastText = { text, style: p.style, x, width: widths[i] * scale };
          if (p.target) lastText.target = p.target;
          if (p.lang) lastText.lang = p.lang;
          if (ex !== 0) lastText.hscale = scale;
          fragments.push(lastText);
        }
        x += widths[i] * scale;
      } else {
        // The space belongs to the text before it, so extracted text keeps word separation;
        // the next fragment is positioned explicitly, so the drawn space width is irrelevant.
        if (a.kind !== 'zw' && lastText) lastText.text += ' ';
        const shrinkOf = spaceShrink ? (a.kind === 'zw' ? 0 : a.space / 3) : a.shrink;
        const adj = ratio > 0 ? a.stretch * ratio : ratio < 0 ? shrinkOf * ratio : 0;
        x += a.width + adj;
      }
    });
    if (merged.size) {
      // A merged fragment is drawn as one string, with kerning against its spaces that the
      // word-by-word measure did not see: take its real width and move what follows.
      let shift = 0;
      for (const f of fragments) {
        f.x += shift;
        if (!merged.has(f)) continue;
        const real = measureText(f.style.font, f.text.trimEnd(), f.style.size);
        shift += real - f.width;
        f.width = real;
      }
      x += shift;
    }
    if (hyphenPiece) {
      const h: LineFragment = { text: '-', style: hyphenPiece.style, x, width: hyphenWidth * scale, isHyphen: true };
      if (hyphenPiece.target) h.target = hyphenPiece.target;
      if (hyphenPiece.lang) h.lang = hyphenPiece.lang;
      if (ex !== 0) h.hscale = scale;
      fragments.push(h);
      x += hyphenWidth * scale;
    }
    return { fragments, width: x };
  };

  // Same-styled words share a fragment only where nothing is stretched or shrunk: fewer
  // text objects, same extracted text. Justified lines keep one fragment per word.
  const reach = measure + hangR; // where the line may end
  const plain = ratio === 0 && ex === 0;
  let placed = place(plain);
  if (plain && placed.width > reach + FIT_EPS / 2 && naturalWidth - hangL <= reach + FIT_EPS / 2) placed = place(false);
  const { fragments } = placed;
  // `place` returns where the line ends; it starts at -hangL.
  const width = placed.width + hangL;

  let offset = 0;
  // Centred and right-aligned lines get no hangs (protrusion is off for them).
  if (width < measure && (align === 'center' || align === 'right')) offset = align === 'center' ? (measure - width) / 2 : measure - width;
  if (offset) for (const f of fragments) f.x += offset;

  let ascent = 0;
  let descent = 0;
  const seen = new Set<string>();
  for (const f of fragments.length ? fragments : [{ style: base } as LineFragment]) {
    const key = f.style.font + '@' + f.style.size;
    if (seen.has(key)) continue;
    seen.add(key);
    const lm = lineMetrics(f.style.font, f.style.size);
    if (lm.ascent > ascent) ascent = lm.ascent;
    if (lm.descent > descent) descent = lm.descent;
  }

  const line: Line = {
    fragments,
    naturalWidth: plain ? width : naturalWidth,
    width,
    measure,
    ratio,
    hyphenated: bl.flagged,
    last,
    ascent,
    descent,
  };
  if (forced) line.forcedBreak = true;
  if (endKind) line.midWord = true;
  if (placed.width > reach + FIT_EPS) line.overfull = true;
  if (ex !== 0) line.expansion = ex;
  if (expansion && Math.abs(ex) > expansion.max + 1e-12) line.beyondMaxExpansion = true;
  if (hangL > 0 && fragments.length) {
    line.hangLeft = hangL;
    fragments[0].hangLeft = hangL;
  }
  if (hangR > 0 && placed.width > measure && fragments.length) {
    line.hangRight = placed.width - measure;
    fragments[fragments.length - 1].hangRight = Math.min(line.hangRight, fragments[fragments.length - 1].width);
  }
  return line;
}
