// Knuth–Plass total-fit line breaking ("Breaking Paragraphs into Lines", 1981), following
// TeX's implementation (tex.web §813–§890) where the paper leaves choices open: the badness
// formula and its cap, the fitness classes, the three passes, and the final-pass rule that
// always yields some result.
//
// The breaker is pure: it only sees widths. breakParagraph turns styled text into items and
// turns the chosen breaks back into positioned fragments.

export interface Box {
  type: 'box';
  width: number;
  /**
   * Character protrusion: how far the box's first glyph may hang into the left margin when the
   * box starts a line, and its last glyph into the right margin when a line ends right after it
   * (at the glue that follows, or at a penalty without width). The line may hold that much more.
   */
  hangLeft?: number;
  hangRight?: number;
}

export interface Glue {
  type: 'glue';
  width: number;
  /** May be Infinity (TeX's `fil`), which makes any shortfall free, as \parfillskip does. */
  stretch: number;
  shrink: number;
  /**
   * A break between words written without a space (Khmer): a line made mostly of such words
   * may be set ragged rather than justified (see KnuthPlassOptions.raggedStretch).
   */
  raggedEnd?: boolean;
}

export interface Penalty {
  type: 'penalty';
  /** Width added to the line when it breaks here (the hyphen). */
  width: number;
  /** >= PENALTY_INFINITY forbids a break, <= -PENALTY_INFINITY forces one. */
  penalty: number;
  /** Hyphen-like break; consecutive flagged breaks cost doubleHyphenDemerits. */
  flagged: boolean;
  /** Discretionary from the hyphenation patterns: ignored by the first pass, as in TeX. */
  hyphenation?: boolean;
  /**
   * Width added to the start of the next line when breaking here. Lets the caller correct
   * for kerning/shaping across the break, which makes the next line's width exact.
   */
  postWidth?: number;
  /** How far the penalty's own glyph (the hyphen) hangs into the right margin when the line breaks here. */
  hang?: number;
  /** Only the final pass may break here: a break for when nothing else fits (a capitalised word's hyphen). */
  lastResort?: boolean;
  /** Only the emergency and final passes may break here (a paragraph's last word). */
  emergency?: boolean;
  /**
   * The line ending here is set at its glyphs' natural width (a word split by force is set
   * ragged): font expansion must not count as stretch or shrink for it, or the breaker would
   * accept a line only narrowed glyphs could fit, which is then drawn overfull.
   */
  noExpansion?: boolean;
}

export type Item = Box | Glue | Penalty;

/** With raggedStretch, a line mostly of Khmer words is set ragged rather than stretched beyond this ratio. */
export const RAGGED_ABOVE_RATIO = 1;
/** The badness of a justified line at RAGGED_ABOVE_RATIO. */
const RAGGED_FLOOR = 100 * RAGGED_ABOVE_RATIO ** 3;

export const PENALTY_INFINITY = 10000;

/** TeX's inf_bad: the badness cap; a threshold at this value accepts any non-overfull line. */
export const INF_BAD = 10000;

/** TeX's fitness classes; adjacent lines whose classes differ by more than one cost adjDemerits. */
export const Fitness = { VeryLoose: 0, Loose: 1, Decent: 2, Tight: 3 } as const;
export type Fitness = (typeof Fitness)[keyof typeof Fitness];

export interface KnuthPlassOptions {
  /** Width of line i (0-based); a function allows indented or shortened lines. */
  lineWidth: number | ((line: number) => number);
  /** Badness limit of the first pass (no pattern hyphenation). Negative skips the pass. */
  pretolerance?: number;
  /** Badness limit of the second and third passes. */
  tolerance?: number;
  /** Extra stretch per line assumed by the third pass when computing badness (TeX's \emergencystretch). */
  emergencyStretch?: number;
  /**
   * Stretch every line has in addition to its glue (TeX's \rightskip/\leftskip stretch):
   * the ragged settings' way of accepting a short line.
   */
  backgroundStretch?: number;
  /**
   * Lets lines of Khmer in a justified paragraph be set ragged, judged as a ragged line with
   * this much stretch would be: a line with `raggedEnd` breaks and no stretch of its own
   * (Khmer words have no spaces between them to stretch), and a line with at least as many
   * `raggedEnd` breaks as spaces whose spaces would have to stretch beyond RAGGED_ABOVE_RATIO.
   * Such lines are marked `ragged`. Without it (0) every line is justified, and one with
   * nothing to stretch has infinite badness. Lines without `raggedEnd` breaks are unaffected.
   */
  raggedStretch?: number;
  linePenalty?: number;
  adjDemerits?: number;
  doubleHyphenDemerits?: number;
  finalHyphenDemerits?: number;
  /** Reject a break that would end more than this many consecutive lines with flagged breaks. */
  maxConsecutiveFlagged?: number;
  /**
   * Font expansion, as pdfTeX's: every line may widen or narrow its glyphs by up to this share
   * of their width, which adds that much of its boxes' width to the line's stretch and shrink.
   * The breaker chooses breaks knowing it; the setter decides how the adjustment is split.
   */
  expansion?: number;
  /**
   * More font expansion for paragraphs the normal passes could not set (the emergency and final
   * passes): a line may widen or narrow its glyphs up to this share, beyond `expansion`, where
   * its spaces would otherwise stretch past EXTRA_EXPANSION_RATIO or shrink past their limit.
   * The extra is the last resort before a loose line, so most lines keep within `expansion`.
   */
  emergencyExpansion?: number;
}

/**
 * How far a line's spaces stretch (adjustment ratio) before the emergency passes widen its
 * glyphs beyond the normal expansion: at 0.5 a space is 1.25 times its natural width. On the
 * 40- and 100-page generated texts this keeps the word spaces' spread as low as widening the
 * glyphs first does (at 1 it was 0.002 em wider), while 65 of the longer text's 4,659 lines use
 * more than the normal expansion.
 */
export const EXTRA_EXPANSION_RATIO = 0.5;

export interface BrokenLine {
  /** First item of the line (the glue and penalties after the previous break are discarded). */
  start: number;
  /** Item index of the break that ends the line. */
  end: number;
  /** Natural width of the line's content, including the penalty width at the break. */
  naturalWidth: number;
  lineWidth: number;
  /** Width of the line's boxes (what font expansion can widen or narrow). */
  boxWidth: number;
  /** How far the line's first and last glyphs hang into the margins (character protrusion). */
  hangLeft: number;
  hangRight: number;
  /** Finite stretch and shrink of the line's glue, and its count of infinite-stretch glues. */
  stretch: number;
  shrink: number;
  fil: number;
  /**
   * Adjustment ratio against the line's real stretch or shrink (background stretch included,
   * emergency stretch not: the third pass only pretends the lines can stretch more). 0 when the
   * line is short but has nothing to stretch.
   */
  ratio: number;
  badness: number;
  flagged: boolean;
  fitness: Fitness;
  /** Judged as a ragged line (see KnuthPlassOptions.raggedStretch): to be set at natural spacing, ratio 0. */
  ragged: boolean;
}

export interface BreakResult {
  lines: BrokenLine[];
  demerits: number;
  /** 1: no hyphenation, 2: hyphenation, 3: emergency stretch, 4: anything not overfull. */
  pass: 1 | 2 | 3 | 4;
  /** True when the final pass had to accept an overfull line (no legal break fits). */
  overfull: boolean;
  /** Largest font expansion the lines were judged with: `expansion`, or `emergencyExpansion` after the normal passes. */
  expansion: number;
}

interface PassSettings {
  tolerance: number;
  hyphenate: boolean;
  emergencyStretch: number;
  /**
   * Rank lines by their real, uncapped badness. TeX ranks by the capped badness it also uses
   * for feasibility, so beyond the cap (ratio ≈ 4.6) every line looks equally bad and one
   * terrible line costs no more than a merely poor one; with emergency stretch it ranks by a
   * badness the glue will never have. Both only matter once the normal passes have failed.
   */
  realBadness: boolean;
  final: boolean;
  /** Expansion beyond the normal one this pass may use (see KnuthPlassOptions.emergencyExpansion). */
  extraExpansion: number;
}

interface BreakNode {
  pos: number;
  line: number;
  fitness: Fitness;
  /** How many lines in a row, up to this break, end with flagged breaks. */
  flaggedRun: number;
  flagged: boolean;
  totalDemerits: number;
  /** Running totals at the first item after the break (what the next line starts from). */
  w: number;
  y: number;
  z: number;
  fil: number;
  rag: number;
  spaces: number;
  boxes: number;
  prev: BreakNode | null;
}

interface Candidate {
  line: number;
  fitness: Fitness;
  flaggedRun: number;
  demerits: number;
  prev: BreakNode;
}

const EPS = 1e-9;

/**
 * 100·r³ without TeX's cap. A short line with nothing to stretch cannot be justified at all
 * (it would be left with a hole at its end), so it costs more than any stretched line.
 */
// Equivalent to a ratio of ~21; squared it stays well inside double precision for sums.
const UNJUSTIFIABLE = 1e6;
function realBadness(t: number, s: number): number {
  if (t <= 0) return 0;
  if (s <= 0) return UNJUSTIFIABLE;
  const r = t / s;
  return 100 * r * r * r;
}

/**
 * Badness of a line whose glyphs are widened or narrowed by `used` of the `most` they may be.
 * With font expansion the glyphs take a line's adjustment first and the spaces only the rest
 * (even spaces matter more than the last per cent of glyph width, which no reader sees): a line
 * set at natural spacing with fully expanded glyphs is about as good as one a little loose.
 */
const EXPANSION_BADNESS = 8;
function expansionCost(used: number, most: number): number {
  if (most <= 0 || used <= 0) return 0;
  const share = used / most;
  return EXPANSION_BADNESS * share * share;
}

/**
 * What the emergency passes' extra expansion costs a line (see KnuthPlassOptions.emergencyExpansion):
 * as much as a loose line's spaces at ratio 1 when all of it is used. Cheaper than the word spaces
 * beyond that, so it is spent where a line would otherwise be loose, but not free: a line narrowed
 * beyond the normal range after its spaces are fully shrunk looks crammed, and the breaker should
 * rather leave it a little loose.
 */
const EXTRA_EXPANSION_BADNESS = 100;
function extraExpansionCost(used: number, most: number): number {
  if (most <= 0 || used <= 0) return 0;
  const share = used / most;
  return EXTRA_EXPANSION_BADNESS * share * share * share;
}

function badness(t: number, s: number): number {
  if (t <= 0) return 0;
  if (s <= 0) return INF_BAD;
  const r = t / s;
  // TeX caps here (r ≈ 4.64); the cap is what lets a threshold of INF_BAD accept every line.
  return r > 4.6415 ? INF_BAD : Math.min(INF_BAD, 100 * r * r * r);
}

/**
 * Total-fit line breaking in up to four passes, as TeX does: first without pattern
 * hyphenation at `pretolerance`, then with it at `tolerance`, then with emergency stretch,
 * and finally accepting any line that is not overfull (and, only if a box is wider than the
 * measure, an overfull one). Looseness is always 0. The items must end with a forced break.
 */
export function knuthPlass(items: Item[], opts: KnuthPlassOptions): BreakResult {
  const last = items[items.length - 1];
  if (!last || last.type !== 'penalty' || last.penalty > -PENALTY_INFINITY) {
    throw new Error('knuthPlass: items must end with a forced break penalty');
  }
  const pretolerance = opts.pretolerance ?? 100;
  const tolerance = opts.tolerance ?? 200;
  const emergency = opts.emergencyStretch ?? 0;
  const hasHyphenation = items.some((it) => it.type === 'penalty' && it.hyphenation === true);
  const ctx = new Context(items, opts);
  const extra = Math.max(0, (opts.emergencyExpansion ?? 0) - (opts.expansion ?? 0));

  if (pretolerance >= 0) {
    const r = ctx.run({ tolerance: pretolerance, hyphenate: false, emergencyStretch: 0, realBadness: false, final: false, extraExpansion: 0 }, 1);
    if (r) return r;
  }
  // The second pass differs from the first only by hyphenation and the higher tolerance;
  // skip it when neither changes anything.
  if (hasHyphenation || tolerance > pretolerance || pretolerance < 0) {
    const r = ctx.run({ tolerance, hyphenate: true, emergencyStretch: 0, realBadness: false, final: false, extraExpansion: 0 }, 2);
    if (r) return r;
  }
  // Emergency stretch decides which lines are acceptable, as in TeX, but lines are ranked
  // by how loose they will really be: on a sweep of test paragraphs this halves the sum of
  // squared ratios of TeX's rule and its worst line.
  if (emergency > 0) {
    const r = ctx.run({ tolerance, hyphenate: true, emergencyStretch: emergency, realBadness: true, final: false, extraExpansion: extra }, 3);
    if (r) return r;
  }
  const r = ctx.run({ tolerance: Infinity, hyphenate: true, emergencyStretch: 0, realBadness: true, final: true, extraExpansion: extra }, 4);
  if (!r) throw new Error('knuthPlass: final pass found no breaks'); // unreachable: artificial demerits
  return r;
}

class Context {
  readonly items: Item[];
  readonly n: number;
  // Prefix sums over items [0, i): widths of boxes and glue, finite stretch, shrink, the
  // count of infinite stretches, of raggedEnd glues and of spaces (glue with width and
  // stretch). Penalty widths only count at the break that uses them.
  readonly sumW: Float64Array;
  readonly sumY: Float64Array;
  readonly sumZ: Float64Array;
  readonly sumFil: Float64Array;
  readonly sumRag: Float64Array;
  readonly sumSpaces: Float64Array;
  readonly sumBox: Float64Array;
  readonly widthFn: ((line: number) => number) | null;
  readonly fixedWidth: number;
  readonly widthCache: number[] = [];
  readonly linePenalty: number;
  readonly adjDemerits: number;
  readonly doubleHyphenDemerits: number;
  readonly finalHyphenDemerits: number;
  readonly maxFlagged: number;
  readonly background: number;
  readonly raggedStretch: number;
  readonly expansion: number;

  constructor(items: Item[], opts: KnuthPlassOptions) {
    this.items = items;
    const n = (this.n = items.length);
    this.sumW = new Float64Array(n + 1);
    this.sumY = new Float64Array(n + 1);
    this.sumZ = new Float64Array(n + 1);
    this.sumFil = new Float64Array(n + 1);
    this.sumRag = new Float64Array(n + 1);
    this.sumSpaces = new Float64Array(n + 1);
    this.sumBox = new Float64Array(n + 1);
    let w = 0, y = 0, z = 0, fil = 0, rag = 0, spaces = 0, bw = 0;
    for (let i = 0; i < n; i++) {
      this.sumW[i] = w; this.sumY[i] = y; this.sumZ[i] = z; this.sumFil[i] = fil; this.sumRag[i] = rag; this.sumSpaces[i] = spaces; this.sumBox[i] = bw;
      const it = items[i];
      if (it.type === 'box') { w += it.width; bw += it.width; } else if (it.type === 'glue') {
        w += it.width;
        if (it.stretch === Infinity) fil += 1;
        else if (it.stretch === -Infinity) fil -= 1;
        else y += it.stretch;
        z += it.shrink;
        if (it.raggedEnd) rag += 1;
        else if (it.width > 0 && it.stretch > 0 && it.stretch !== Infinity) spaces += 1;
      }
    }
    this.sumW[n] = w; this.sumY[n] = y; this.sumZ[n] = z; this.sumFil[n] = fil; this.sumRag[n] = rag; this.sumSpaces[n] = spaces; this.sumBox[n] = bw;
    if (typeof opts.lineWidth === 'function') {
      this.widthFn = opts.lineWidth;
      this.fixedWidth = 0;
    } else {
      this.widthFn = null;
      this.fixedWidth = opts.lineWidth;
    }
    this.linePenalty = opts.linePenalty ?? 10;
    this.adjDemerits = opts.adjDemerits ?? 10000;
    this.doubleHyphenDemerits = opts.doubleHyphenDemerits ?? 10000;
    this.finalHyphenDemerits = opts.finalHyphenDemerits ?? 5000;
    this.maxFlagged = opts.maxConsecutiveFlagged ?? Infinity;
    this.background = opts.backgroundStretch ?? 0;
    this.raggedStretch = opts.raggedStretch ?? 0;
    this.expansion = opts.expansion ?? 0;
  }

  /** How far the line ending at break `b` may reach past its measure: its last glyph's hang. */
  hangAtBreak(b: number): number {
    const it = this.items[b];
    if (it.type === 'penalty' && it.width > 0) return it.hang ?? 0;
    const before = b > 0 ? this.items[b - 1] : undefined;
    return before && before.type === 'box' ? (before.hangRight ?? 0) : 0;
  }

  /** How far the line starting at item `start` may begin left of its measure. */
  hangAtStart(start: number): number {
    const it = this.items[start];
    return it && it.type === 'box' ? (it.hangLeft ?? 0) : 0;
  }

  /**
   * True when a line short by `t`, with stretch `y`, is set ragged. `rags` counts its raggedEnd
   * breaks (the one it ends at included), `spaces` its spaces. A line with raggedEnd breaks and
   * nothing to stretch is ragged (a line of Khmer words); so is one with at least as many
   * raggedEnd breaks as spaces (mostly Khmer) that would have to stretch beyond
   * RAGGED_ABOVE_RATIO. A line of English with a Khmer name in it stays justified.
   */
  setRagged(t: number, y: number, rags: number, spaces: number): boolean {
    if (this.raggedStretch <= 0 || rags === 0) return false;
    return y <= EPS || (rags >= spaces && t > y * RAGGED_ABOVE_RATIO);
  }

  /**
   * Badness of a line set ragged: that of a ragged line with stretch `r`. A line that has
   * spaces to stretch costs in addition what justifying it at RAGGED_ABOVE_RATIO would, so a
   * justified line within that ratio is preferred to it.
   */
  raggedBadness(t: number, y: number, r: number, of: (t: number, s: number) => number): number {
    const b = of(t, r);
    return y > EPS ? RAGGED_FLOOR + b : b;
  }

  lineWidth(line: number): number {
    if (!this.widthFn) return this.fixedWidth;
    let w = this.widthCache[line];
    if (w === undefined) w = this.widthCache[line] = this.widthFn(line);
    return w;
  }

  /** Index of the first item the line after a break at `b` keeps (TeX discards glue and penalties). */
  lineStart(b: number): number {
    const items = this.items;
    let j = b + 1;
    while (j < this.n) {
      const it = items[j];
      if (it.type === 'box') break;
      if (it.type === 'penalty' && it.penalty <= -PENALTY_INFINITY) break;
      j++;
    }
    return j;
  }

  run(pass: PassSettings, passNo: 1 | 2 | 3 | 4): BreakResult | null {
    const { items, n, sumW, sumY, sumZ, sumFil, sumBox, expansion } = this;
    // With a fixed measure every line is alike, so nodes that differ only in line number are
    // interchangeable and only the best needs to survive (TeX's "easy_line" optimisation).
    const keyedByLine = this.widthFn !== null;
    const active: BreakNode[] = [
      {
        pos: -1, line: 0, fitness: Fitness.Decent, flaggedRun: 0, flagged: false, totalDemerits: 0,
        w: -this.hangAtStart(0), y: 0, z: 0, fil: 0, rag: 0, spaces: 0, boxes: 0, prev: null,
      },
    ];
    const cands: Candidate[] = [];

    for (let b = 0; b < n; b++) {
      const it = items[b];
      let pw = 0, pi = 0, flagged = false, raggedEnd = false, exShare = expansion, extraShare = pass.extraExpansion;
      if (it.type === 'box') continue;
      if (it.type === 'glue') {
        // Glue is a legal break only right after a box; glue after a penalty (e.g. the
        // penalty 10000 of a no-break space) is not.
        if (b === 0 || items[b - 1].type !== 'box') continue;
        raggedEnd = it.raggedEnd === true;
      } else {
        if (it.penalty >= PENALTY_INFINITY) continue;
        if (it.hyphenation && !pass.hyphenate) continue;
        if (it.lastResort && !pass.final) continue;
        if (it.emergency && !pass.final && pass.emergencyStretch <= 0) continue;
        pw = it.width; pi = it.penalty; flagged = it.flagged;
        if (it.noExpansion) exShare = extraShare = 0;
      }
      pw -= this.hangAtBreak(b);
      const forced = pi <= -PENALTY_INFINITY;
      const isFinal = b === n - 1;
      cands.length = 0;
      let kept = 0;
      const nActive = active.length;
      for (let i = 0; i < nActive; i++) {
        const a = active[i];
        const lw = this.lineWidth(a.line);
        const L = sumW[b] - a.w + pw;
        let bad: number; // decides feasibility
        let rank: number; // enters the demerits
        let fitness: Fitness;
        let overfull = false;
        const shortfall = lw - L;
        if (shortfall > EPS) {
          if (sumFil[b] - a.fil > 0) bad = rank = 0;
          else {
            const ex = exShare * (sumBox[b] - a.boxes);
            const y = sumY[b] - a.y + this.background + ex;
            if (this.setRagged(shortfall, y, this.sumRag[b] - a.rag + (raggedEnd ? 1 : 0), this.sumSpaces[b] - a.spaces)) {
              bad = this.raggedBadness(shortfall, y, this.raggedStretch + pass.emergencyStretch, badness);
              rank = pass.realBadness ? this.raggedBadness(shortfall, y, this.raggedStretch, realBadness) : bad;
            } else if (ex > 0) {
              // The glyphs take what they can (see expansionCost); the spaces the rest; in the
              // emergency passes, the glyphs any extra once the spaces reach EXTRA_EXPANSION_RATIO.
              let rest = shortfall - ex;
              let cost = expansionCost(Math.min(shortfall, ex), ex);
              const glue = y - ex;
              if (extraShare > 0 && rest > glue * EXTRA_EXPANSION_RATIO) {
                const most = extraShare * (sumBox[b] - a.boxes);
                const more = Math.min(most, rest - glue * EXTRA_EXPANSION_RATIO);
                rest -= more;
                cost += extraExpansionCost(more, most);
              }
              bad = (rest > 0 ? badness(rest, glue + pass.emergencyStretch) : 0) + cost;
              rank = pass.realBadness ? (rest > 0 ? realBadness(rest, glue) : 0) + cost : bad;
            } else {
              bad = badness(shortfall, y + pass.emergencyStretch);
              rank = pass.realBadness ? realBadness(shortfall, y) : bad;
            }
          }
          fitness = rank > 99 ? Fitness.VeryLoose : rank > 12 ? Fitness.Loose : Fitness.Decent;
        } else if (shortfall < -EPS) {
          const ex = exShare * (sumBox[b] - a.boxes);
          const z = sumZ[b] - a.z + ex;
          const most = extraShare * (sumBox[b] - a.boxes);
          if (-shortfall > z + most + EPS) {
            overfull = true;
            bad = INF_BAD + 1;
          } else if (-shortfall > z + EPS) {
            // Only narrower glyphs than the normal expansion allows make it fit (emergency passes).
            bad = 100 + expansionCost(ex, ex) + extraExpansionCost(-shortfall - z, most);
          } else if (ex > 0) {
            const rest = -shortfall - ex;
            bad = (rest > 0 ? Math.min(100, badness(rest, z - ex)) : 0) + expansionCost(Math.min(-shortfall, ex), ex);
          } else bad = z > 0 ? Math.min(100, badness(-shortfall, z)) : 0;
          rank = bad;
          fitness = bad > 12 ? Fitness.Tight : Fitness.Decent;
        } else {
          bad = rank = 0;
          fitness = Fitness.Decent;
        }

        // Lines from `a` only get longer, so an overfull node is dead; a forced break ends
        // every line that reaches it.
        const stays = !overfull && !forced;
        // TeX §854: in the final pass, if this is the last node standing and nothing else can
        // break here, break anyway (an overfull line) rather than fail.
        const artificial = overfull && pass.final && cands.length === 0 && kept === 0 && i === nActive - 1;
        if (artificial || (!overfull && bad <= pass.tolerance)) {
          let run = flagged ? a.flaggedRun + 1 : 0;
          let d: number;
          if (artificial) {
            d = 0;
          } else {
            d = this.linePenalty + rank;
            d = !pass.realBadness && Math.abs(d) >= 10000 ? 100000000 : d * d;
            if (pi > 0) d += pi * pi;
            else if (pi > -PENALTY_INFINITY) d -= pi * pi;
            if (a.flagged) {
              if (flagged) d += this.doubleHyphenDemerits;
              else if (isFinal) d += this.finalHyphenDemerits;
            }
            if (Math.abs(fitness - a.fitness) > 1) d += this.adjDemerits;
          }
          let ok = true;
          if (run > this.maxFlagged) {
            // A hard rule in the normal passes; in the final pass only very expensive, so a
            // paragraph of nothing but compound words still gets set.
            if (pass.final) { d += 1e40; run = this.maxFlagged; } else ok = false;
          }
          if (ok) this.addCandidate(cands, keyedByLine ? a.line + 1 : 0, fitness, run, a.totalDemerits + d, a);
        }
        if (stays) active[kept++] = a;
      }
      active.length = kept;

      if (cands.length > 0) this.activate(cands, active, b, flagged, keyedByLine);
      if (active.length === 0) return null;
    }

    let best: BreakNode | null = null;
    for (const a of active) {
      if (a.pos === n - 1 && (!best || a.totalDemerits < best.totalDemerits)) best = a;
    }
    if (!best) return null;
    return this.collect(best, passNo, pass.extraExpansion);
  }

  private addCandidate(
    cands: Candidate[], line: number, fitness: Fitness, run: number, demerits: number, prev: BreakNode,
  ): void {
    for (const c of cands) {
      if (c.line === line && c.fitness === fitness && c.flaggedRun === run) {
        if (demerits < c.demerits) { c.demerits = demerits; c.prev = prev; }
        return;
      }
    }
    cands.push({ line, fitness, flaggedRun: run, demerits, prev });
  }

  private activate(cands: Candidate[], active: BreakNode[], b: number, flagged: boolean, keyed: boolean): void {
    const start = this.lineStart(b);
    const it = this.items[b];
    const post = it.type === 'penalty' ? (it.postWidth ?? 0) : 0;
    const w = this.sumW[start] - post - this.hangAtStart(start), y = this.sumY[start], z = this.sumZ[start], fil = this.sumFil[start];
    const rag = this.sumRag[start], spaces = this.sumSpaces[start], boxes = this.sumBox[start];
    for (const c of cands) {
      // A candidate is useless if some other candidate here is cheaper by more than the most
      // its fitness class could cost later (adjDemerits) and is no more constrained by the
      // consecutive-hyphen limit. This is TeX's minimal_demerits + adj_demerits test.
      let dominated = false;
      for (const o of cands) {
        if (o !== c && o.line === c.line && o.flaggedRun <= c.flaggedRun && o.demerits + this.adjDemerits < c.demerits) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue;
      active.push({
        pos: b, line: keyed ? c.line : c.prev.line + 1, fitness: c.fitness, flaggedRun: c.flaggedRun,
        flagged, totalDemerits: c.demerits, w, y, z, fil, rag, spaces, boxes, prev: c.prev,
      });
    }
  }

  private collect(best: BreakNode, pass: 1 | 2 | 3 | 4, extraExpansion: number): BreakResult {
    const chain: BreakNode[] = [];
    for (let node: BreakNode | null = best; node && node.pos >= 0; node = node.prev) chain.push(node);
    chain.reverse();
    const lines: BrokenLine[] = [];
    let start = 0;
    let prevTotals = { w: 0, y: 0, z: 0, fil: 0, rag: 0, spaces: 0, boxes: 0 };
    let hangLeft = this.hangAtStart(0);
    let overfull = false;
    for (let k = 0; k < chain.length; k++) {
      const node = chain[k];
      const b = node.pos;
      const it = this.items[b];
      const pw = it.type === 'penalty' ? it.width : 0;
      const natural = this.sumW[b] - prevTotals.w + pw;
      const boxWidth = this.sumBox[b] - prevTotals.boxes;
      const hangRight = this.hangAtBreak(b);
      const glueStretch = this.sumY[b] - prevTotals.y + this.background;
      const glueShrink = this.sumZ[b] - prevTotals.z;
      const exShare = it.type === 'penalty' && it.noExpansion ? 0 : this.expansion;
      const stretch = glueStretch + exShare * boxWidth;
      const shrink = glueShrink + exShare * boxWidth;
      const extraShrink = exShare > 0 ? extraExpansion * boxWidth : 0;
      const fil = this.sumFil[b] - prevTotals.fil;
      const lw = this.lineWidth(k);
      const t = lw + hangLeft + hangRight - natural;
      let ratio = 0;
      let bad = 0;
      let ragged = false;
      if (t > EPS) {
        if (fil > 0) ratio = 0;
        else if (this.setRagged(t, stretch, this.sumRag[b] - prevTotals.rag + (it.type === 'glue' && it.raggedEnd ? 1 : 0), this.sumSpaces[b] - prevTotals.spaces)) {
          ragged = true;
          bad = this.raggedBadness(t, stretch, this.raggedStretch, badness);
        } else if (stretch > 0) { ratio = t / stretch; bad = badness(t, stretch); } else bad = INF_BAD;
      } else if (t < -EPS) {
        if (shrink > 0) { ratio = t / shrink; bad = Math.min(100, badness(-t, shrink)); }
        if (-t > shrink + extraShrink + EPS) {
          overfull = true;
          bad = INF_BAD + 1;
        } else if (ratio < -1) {
          // Fits only with the emergency passes' narrower glyphs: the glue is fully shrunk.
          ratio = -1;
          bad = 100;
        }
      }
      lines.push({
        start, end: b, naturalWidth: natural, lineWidth: lw, boxWidth, hangLeft, hangRight, stretch: glueStretch, shrink: glueShrink,
        fil, ratio, badness: bad, flagged: node.flagged, fitness: node.fitness, ragged,
      });
      start = this.lineStart(b);
      hangLeft = this.hangAtStart(start);
      prevTotals = { w: node.w + hangLeft, y: node.y, z: node.z, fil: node.fil, rag: node.rag, spaces: node.spaces, boxes: node.boxes };
    }
    return { lines, demerits: best.totalDemerits, pass, overfull, expansion: this.expansion + extraExpansion };
  }
}
