import { describe, expect, it } from 'vitest';
import { INF_BAD, knuthPlass, PENALTY_INFINITY, type Item, type KnuthPlassOptions } from '../../../src/layout/knuthPlass.js';
import { measureText } from '../../../src/fonts/fontRegistry.js';
import { hyphenate } from '../../../src/layout/hyphenate.js';

const FROG_KING =
  'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; ' +
  'and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever ' +
  'it shone in her face. Close by the king’s castle lay a great dark forest, and under an old lime-tree in ' +
  'the forest was a well, and when the day was very warm, the king’s child went out into the forest and sat ' +
  'down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on ' +
  'high and caught it; and this ball was her favorite plaything.';

const SIZE = 10.5;

/** The paper's encoding of a justified paragraph, optionally with pattern hyphenation. */
function paragraphItems(text: string, withHyphens: boolean): Item[] {
  const items: Item[] = [];
  const space = measureText('serif', ' ', SIZE);
  const hyphen = measureText('serif', '-', SIZE);
  const words = text.split(' ');
  words.forEach((w, i) => {
    let prev = 0;
    if (withHyphens) {
      for (const h of hyphenate(w, 'en')) {
        items.push({ type: 'box', width: measureText('serif', w.slice(prev, h), SIZE) });
        items.push({ type: 'penalty', width: hyphen, penalty: 50, flagged: true, hyphenation: true });
        prev = h;
      }
    }
    items.push({ type: 'box', width: measureText('serif', w.slice(prev), SIZE) });
    if (i < words.length - 1) items.push({ type: 'glue', width: space, stretch: space / 2, shrink: space / 3 });
  });
  items.push(
    { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
    { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
    { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
  );
  return items;
}

function isLegal(items: Item[], b: number, hyphens: boolean): boolean {
  const it = items[b];
  if (it.type === 'glue') return b > 0 && items[b - 1].type === 'box';
  if (it.type === 'penalty') return it.penalty < PENALTY_INFINITY && (hyphens || !it.hyphenation);
  return false;
}

function lineStart(items: Item[], b: number): number {
  let j = b + 1;
  while (j < items.length) {
    const it = items[j];
    if (it.type === 'box' || (it.type === 'penalty' && it.penalty <= -PENALTY_INFINITY)) break;
    j++;
  }
  return j;
}

interface Measured { natural: number; stretch: number; shrink: number; fil: boolean }

function measureLine(items: Item[], start: number, end: number): Measured {
  let natural = 0, stretch = 0, shrink = 0, fil = false;
  for (let i = start; i < end; i++) {
    const it = items[i];
    if (it.type === 'box') natural += it.width;
    else if (it.type === 'glue') {
      natural += it.width;
      if (it.stretch === Infinity) fil = true;
      else stretch += it.stretch;
      shrink += it.shrink;
    }
  }
  const e = items[end];
  if (e.type === 'penalty') natural += e.width;
  return { natural, stretch, shrink, fil };
}

/**
 * An independent, exhaustive O(n²) dynamic programme over every (break, line, fitness class,
 * consecutive-hyphen count) with TeX's demerits: the optimum Knuth–Plass must reach.
 */
function bruteForce(items: Item[], width: (line: number) => number, tolerance: number): number | null {
  type State = { pos: number; line: number; fit: number; run: number; flagged: boolean; d: number };
  const states: State[] = [{ pos: -1, line: 0, fit: 2, run: 0, flagged: false, d: 0 }];
  const n = items.length;
  let best: number | null = null;
  for (let b = 0; b < n; b++) {
    if (!isLegal(items, b, true)) continue;
    const it = items[b];
    const pi = it.type === 'penalty' ? it.penalty : 0;
    const flagged = it.type === 'penalty' && it.flagged;
    const next = new Map<string, State>();
    for (const a of states) {
      const start = a.pos < 0 ? 0 : lineStart(items, a.pos);
      if (start > b) continue;
      const m = measureLine(items, start, b);
      const lw = width(a.line);
      const t = lw - m.natural;
      let bad: number, fit: number;
      if (t > 1e-9) {
        bad = m.fil ? 0 : m.stretch <= 0 ? INF_BAD : Math.min(INF_BAD, t / m.stretch > 4.6415 ? INF_BAD : 100 * (t / m.stretch) ** 3);
        fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
      } else if (t < -1e-9) {
        if (-t > m.shrink + 1e-9) continue;
        bad = Math.min(100, 100 * (-t / m.shrink) ** 3);
        fit = bad > 12 ? 3 : 2;
      } else { bad = 0; fit = 2; }
      if (bad > tolerance) continue;
      const run = flagged ? a.run + 1 : 0;
      if (run > 2) continue;
      let d = (10 + bad) ** 2;
      if (pi > 0) d += pi * pi; else if (pi > -PENALTY_INFINITY) d -= pi * pi;
      if (a.flagged && flagged) d += 10000;
      if (a.flagged && b === n - 1) d += 5000;
      if (Math.abs(fit - a.fit) > 1) d += 10000;
      const key = `${a.line + 1}/${fit}/${run}`;
      const cur = next.get(key);
      if (!cur || a.d + d < cur.d) next.set(key, { pos: b, line: a.line + 1, fit, run, flagged, d: a.d + d });
    }
    if (b === n - 1) for (const s of next.values()) if (best === null || s.d < best) best = s.d;
    states.push(...next.values());
  }
  return best;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomParagraph(seed: number, words: number): Item[] {
  const r = rng(seed);
  const items: Item[] = [];
  for (let i = 0; i < words; i++) {
    const syllables = 1 + Math.floor(r() * 3);
    for (let s = 0; s < syllables; s++) {
      items.push({ type: 'box', width: 6 + r() * 20 });
      if (s < syllables - 1) items.push({ type: 'penalty', width: 3.4, penalty: 50, flagged: true, hyphenation: true });
    }
    if (i < words - 1) items.push({ type: 'glue', width: 4, stretch: 2.5, shrink: 1.3 });
  }
  items.push(
    { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
    { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
    { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
  );
  return items;
}

/** First fit, as word processors do: as much as fits at natural width or shrunk. */
function greedy(items: Item[], width: number): number[] {
  const ratios: number[] = [];
  let start = 0;
  let lastFit = -1;
  let lastRatio = 0;
  for (let b = 0; b < items.length; b++) {
    if (!isLegal(items, b, false)) continue;
    const m = measureLine(items, start, b);
    const t = width - m.natural;
    const fits = t >= 0 || -t <= m.shrink;
    const forced = items[b].type === 'penalty' && (items[b] as { penalty: number }).penalty <= -PENALTY_INFINITY;
    if (fits) {
      lastFit = b;
      lastRatio = t >= 0 ? (m.fil ? 0 : t / m.stretch) : t / m.shrink;
      if (forced) { ratios.push(lastRatio); break; }
    } else {
      ratios.push(lastRatio);
      start = lineStart(items, lastFit);
      b = lastFit;
    }
  }
  return ratios;
}

const sumSq = (xs: number[]) => xs.reduce((a, x) => a + x * x, 0);

describe('knuthPlass', () => {
  it('finds the optimum an exhaustive search finds (fixed measure)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const items = randomParagraph(seed, 25 + (seed % 15));
      const width = 120 + (seed % 5) * 30;
      const kp = knuthPlass(items, { lineWidth: width, pretolerance: -1, tolerance: 2000, maxConsecutiveFlagged: 2 });
      const ref = bruteForce(items, () => width, 2000);
      if (kp.pass !== 2) {
        expect(ref).toBeNull();
        continue;
      }
      compared++;
      expect(ref).not.toBeNull();
      expect(kp.demerits).toBeCloseTo(ref!, 6);
    }
    expect(compared).toBeGreaterThan(25);
  });

  it('finds the optimum with varying line widths', () => {
    let compared = 0;
    for (let seed = 100; seed < 130; seed++) {
      const items = randomParagraph(seed, 30);
      const width = (i: number) => (i === 0 ? 130 : i === 1 ? 170 : 150);
      const kp = knuthPlass(items, { lineWidth: width, pretolerance: -1, tolerance: 2000, maxConsecutiveFlagged: 2 });
      const ref = bruteForce(items, width, 2000);
      if (kp.pass !== 2) continue;
      compared++;
      expect(kp.demerits).toBeCloseTo(ref!, 6);
      kp.lines.forEach((l, i) => expect(l.lineWidth).toBe(width(i)));
    }
    expect(compared).toBeGreaterThan(15);
  });

  it('beats first-fit on the sum of squared adjustment ratios', () => {
    // Same items, no hyphenation, no tolerance limit: only the choice of breaks differs. KP
    // minimises cubic badness and fitness jumps, not squared ratios, so at a few widths first
    // fit can come out slightly ahead; over a sweep, and at the reference width, it cannot.
    const items = paragraphItems(FROG_KING, false);
    const score = (width: number) => {
      const kp = knuthPlass(items, { lineWidth: width, tolerance: 10000, pretolerance: 10000 });
      return {
        kp: sumSq(kp.lines.slice(0, -1).map((l) => l.ratio)),
        greedy: sumSq(greedy(items, width).slice(0, -1)),
      };
    };
    const known = score(330);
    expect(known.kp).toBeLessThan(known.greedy * 0.9);
    let kpTotal = 0;
    let greedyTotal = 0;
    for (let width = 280; width <= 460; width += 10) {
      const s = score(width);
      kpTotal += s.kp;
      greedyTotal += s.greedy;
    }
    expect(kpTotal).toBeLessThan(greedyTotal);
  });

  it('keeps every line within the measure and the ratios within [-1, tolerance]', () => {
    const items = paragraphItems(FROG_KING, true);
    const r = knuthPlass(items, { lineWidth: 330, pretolerance: 100, tolerance: 200, emergencyStretch: 30 });
    expect(r.overfull).toBe(false);
    for (const l of r.lines.slice(0, -1)) {
      expect(l.ratio).toBeGreaterThanOrEqual(-1);
      const set = l.naturalWidth + (l.ratio > 0 ? l.ratio * l.stretch : l.ratio * l.shrink);
      expect(set).toBeCloseTo(330, 6);
    }
  });

  it('uses the first pass when it suffices, and hyphenates only when it must', () => {
    const easy = knuthPlass(paragraphItems(FROG_KING, true), { lineWidth: 450, pretolerance: 100, tolerance: 200 });
    expect(easy.pass).toBe(1);
    expect(easy.lines.some((l) => l.flagged)).toBe(false);
    const narrow = knuthPlass(paragraphItems(FROG_KING, true), { lineWidth: 160, pretolerance: 100, tolerance: 200, emergencyStretch: 30 });
    expect(narrow.pass).toBeGreaterThan(1);
  });

  it('never ends three consecutive lines with a hyphen', () => {
    for (let seed = 200; seed < 230; seed++) {
      const items = randomParagraph(seed, 60);
      const r = knuthPlass(items, { lineWidth: 90, pretolerance: 100, tolerance: 200, emergencyStretch: 30, maxConsecutiveFlagged: 2 });
      let run = 0;
      for (const l of r.lines) {
        run = l.flagged ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(2);
      }
    }
  });

  it('charges doubleHyphenDemerits for consecutive flagged lines', () => {
    // A three-syllable word on lines that hold one syllable and its hyphen exactly.
    const items: Item[] = [
      { type: 'box', width: 40 }, { type: 'penalty', width: 5, penalty: 50, flagged: true },
      { type: 'box', width: 40 }, { type: 'penalty', width: 5, penalty: 50, flagged: true },
      { type: 'box', width: 40 },
      { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
      { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
      { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
    ];
    const base: KnuthPlassOptions = { lineWidth: 45, pretolerance: -1, tolerance: 10000, finalHyphenDemerits: 0 };
    const cheap = knuthPlass(items, { ...base, doubleHyphenDemerits: 0 });
    const dear = knuthPlass(items, { ...base, doubleHyphenDemerits: 10000 });
    expect(dear.demerits - cheap.demerits).toBeCloseTo(10000, 6);
  });

  it('runs the emergency pass and never fails', () => {
    // A box wider than the measure: only the final pass's overfull escape can set it.
    const items: Item[] = [
      { type: 'box', width: 30 }, { type: 'glue', width: 5, stretch: 2, shrink: 1 }, { type: 'box', width: 500 },
      { type: 'glue', width: 5, stretch: 2, shrink: 1 }, { type: 'box', width: 30 },
      { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
      { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
      { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
    ];
    const r = knuthPlass(items, { lineWidth: 100, emergencyStretch: 20 });
    expect(r.pass).toBe(4);
    expect(r.overfull).toBe(true);
    expect(r.lines.map((l) => l.end)).toEqual([1, 3, 7]);
  });

  it('lets only the emergency passes use emergencyExpansion, and reports what the lines were judged with', () => {
    // Two 101 pt words overfill a 200 pt line by 7 pt: 2 % narrower glyphs and the space's 1 pt
    // of shrink take 5.04 pt, 5 % take 11.1 pt. Without them the first word stands alone, 99 pt short.
    const items: Item[] = [
      { type: 'box', width: 101 }, { type: 'glue', width: 5, stretch: 2.5, shrink: 1 }, { type: 'box', width: 101 },
      { type: 'glue', width: 5, stretch: 2.5, shrink: 1 }, { type: 'box', width: 50 },
      { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
      { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
      { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
    ];
    const normal = knuthPlass(items, { lineWidth: 200, emergencyStretch: 30, expansion: 0.02 });
    expect(normal.lines[0].end).toBe(1);
    expect(normal.expansion).toBe(0.02);
    const wider = knuthPlass(items, { lineWidth: 200, emergencyStretch: 30, expansion: 0.02, emergencyExpansion: 0.05 });
    expect(wider.pass).toBe(3);
    expect(wider.lines[0].end).toBe(3);
    expect(wider.lines[0].ratio).toBe(-1); // the glue fully shrunk, the glyphs the rest
    expect(wider.overfull).toBe(false);
    expect(wider.expansion).toBeCloseTo(0.05, 12);
    // A paragraph the normal passes can set is judged, and set, with the normal expansion only.
    const easy = knuthPlass(items, { lineWidth: 210, emergencyStretch: 30, expansion: 0.02, emergencyExpansion: 0.05 });
    expect(easy.pass).toBeLessThanOrEqual(2);
    expect(easy.expansion).toBe(0.02);
  });

  it('sets ragged the lines that only raggedEnd breaks divide, when given raggedStretch', () => {
    // Words written without spaces (Khmer): zero-width, unstretchable breaks between them.
    const words = [22, 31, 14, 40, 18, 27, 35, 12, 29, 33, 16, 24, 38, 21, 30, 19, 26, 34, 15, 28];
    const items: Item[] = [];
    words.forEach((w, i) => {
      items.push({ type: 'box', width: w });
      if (i < words.length - 1) items.push({ type: 'glue', width: 0, stretch: 0, shrink: 0, raggedEnd: true });
    });
    items.push(
      { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
      { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
      { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
    );
    // Without it no line can be justified: only the emergency passes set the paragraph.
    const plain = knuthPlass(items, { lineWidth: 100, emergencyStretch: 30 });
    expect(plain.pass).toBeGreaterThanOrEqual(3);
    expect(plain.lines.every((l) => !l.ragged)).toBe(true);
    // With it every line is a ragged line, judged by its shortfall against raggedStretch.
    const r = knuthPlass(items, { lineWidth: 100, emergencyStretch: 30, raggedStretch: 30 });
    expect(r.pass).toBeLessThanOrEqual(2);
    for (const l of r.lines.slice(0, -1)) {
      expect(l.ragged).toBe(true);
      expect(l.ratio).toBe(0);
      expect(l.badness).toBeCloseTo(100 * ((l.lineWidth - l.naturalWidth) / 30) ** 3, 6);
      expect(l.badness).toBeLessThanOrEqual(200); // the second pass's tolerance
    }
  });

  it('sets ragged a mostly-Khmer line its few spaces would stretch too far, never a line of spaces', () => {
    const space: Item = { type: 'glue', width: 3, stretch: 1.5, shrink: 1 };
    const zw: Item = { type: 'glue', width: 0, stretch: 0, shrink: 0, raggedEnd: true };
    const end: Item[] = [
      { type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false },
      { type: 'glue', width: 0, stretch: Infinity, shrink: 0 },
      { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false },
    ];
    // Khmer: four words, a space, two words; then more. The first line can only end at a
    // word break 20 short of the measure, with one space to stretch (ratio 13).
    const khmer: Item[] = [
      { type: 'box', width: 20 }, zw, { type: 'box', width: 20 }, space, { type: 'box', width: 37 }, zw,
      { type: 'box', width: 90 }, ...end,
    ];
    const r = knuthPlass(khmer, { lineWidth: 100, raggedStretch: 30 });
    expect(r.lines[0].end).toBe(5);
    expect(r.lines[0].ragged).toBe(true);
    expect(r.lines[0].ratio).toBe(0);
    // English, whose spaces outnumber its Khmer word breaks: justified, however loose.
    const english: Item[] = [
      { type: 'box', width: 20 }, space, { type: 'box', width: 20 }, space, { type: 'box', width: 17 }, zw,
      { type: 'box', width: 15 }, { ...space }, { type: 'box', width: 90 }, ...end,
    ];
    const e = knuthPlass(english, { lineWidth: 100, raggedStretch: 30 });
    expect(e.lines[0].ragged).toBe(false);
    expect(e.lines[0].ratio).toBeGreaterThan(1);
    // A paragraph without raggedEnd breaks breaks exactly as without the option.
    const items = paragraphItems(FROG_KING, true);
    const a = knuthPlass(items, { lineWidth: 300, emergencyStretch: 30 });
    const b = knuthPlass(items, { lineWidth: 300, emergencyStretch: 30, raggedStretch: 30 });
    expect(b).toEqual(a);
  });

  // (Its speed on long paragraphs is measured by npm run bench, not asserted here.)
  it('on a long paragraph, the fixed-measure shortcut finds the optimum the general path finds', () => {
    // With a fixed measure, nodes that differ only in line number are merged (TeX's easy_line);
    // a measure given as a function keeps them apart. Both must reach the same total demerits.
    const items = randomParagraph(7, 400);
    const fixed = knuthPlass(items, { lineWidth: 300, emergencyStretch: 30 });
    const general = knuthPlass(items, { lineWidth: () => 300, emergencyStretch: 30 });
    expect(fixed.lines.length).toBeGreaterThan(20);
    expect(fixed.overfull).toBe(false);
    expect(general.pass).toBe(fixed.pass);
    expect(general.demerits).toBeCloseTo(fixed.demerits, 6);
    expect(general.lines.length).toBe(fixed.lines.length);
    // Every line but the last is set within the tolerance, and consecutive lines join up.
    fixed.lines.forEach((l, i) => {
      expect(l.start).toBeLessThanOrEqual(l.end);
      if (i > 0) expect(l.start).toBeGreaterThan(fixed.lines[i - 1].end);
      if (i < fixed.lines.length - 1) expect(l.ratio).toBeGreaterThanOrEqual(-1);
    });
    expect(fixed.lines.at(-1)!.end).toBe(items.length - 1);
  });
});
