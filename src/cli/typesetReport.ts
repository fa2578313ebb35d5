// The typesetting quality report: what a typesetter would check on each PDF.
import type { BuiltDocument } from '../build/buildProject.js';
import { countPlacementProblems, formatPlacementProblem } from '../layout/checkPlacement.js';
import type { LayoutStats } from '../layout/pageTypes.js';

export interface QualitySummary {
  overfull: number;
  widows: number;
  orphans: number;
  strandedHeadings: number;
  splitFigures: number;
  consecutiveHyphens: number;
  hyphenatedLines: number;
  lines: number;
  stretch: { mean: number; p95: number; max: number };
  /** Hyphenated line ends per 100 lines, pairs of hyphenated lines, frames ending in a hyphen, capitalised words hyphenated. */
  hyphensPer100: number;
  hyphenPairs: number;
  pageEndHyphens: number;
  capitalisedHyphens: number;
  /** Word spaces of justified lines (em): spread and 95th percentile. */
  space: { mean: number; sd: number; p95: number };
  /** Font expansion of justified lines, in per cent: mean of its size and largest; lines beyond the template's max. */
  expansion: { mean: number; max: number; beyondMax: number };
  /** Hanging line ends (character protrusion) and how far they hang on average (pt). */
  protrusion: { lines: number; mean: number };
}

export function summarise(s: LayoutStats): QualitySummary {
  const r = [...s.ratios].map((x) => Math.max(0, x)).sort((a, b) => a - b);
  const mean = r.length ? r.reduce((a, x) => a + x, 0) / r.length : 0;
  const p95 = r.length ? r[Math.min(r.length - 1, Math.floor(r.length * 0.95))] : 0;
  return {
    overfull: s.overfullLines, widows: s.widows, orphans: s.orphans, strandedHeadings: s.strandedHeadings,
    splitFigures: s.splitFigures, consecutiveHyphens: s.consecutiveHyphens, hyphenatedLines: s.hyphenatedLines, lines: s.lines,
    stretch: { mean, p95, max: r.length ? r[r.length - 1] : 0 },
    hyphensPer100: s.lines ? (100 * s.hyphenatedLines) / s.lines : 0,
    hyphenPairs: s.hyphenPairs, pageEndHyphens: s.pageEndHyphens, capitalisedHyphens: s.capitalisedHyphens,
    space: spread(s.spaces, s.spaceCounts),
    expansion: { mean: 100 * meanOf(s.expansions.map(Math.abs)), max: 100 * Math.max(0, ...s.expansions.map(Math.abs)), beyondMax: s.beyondMaxExpansion },
    protrusion: { lines: s.hangs.length, mean: meanOf(s.hangs) },
  };
}

function meanOf(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0;
}

/** Mean, sd and 95th percentile of values each standing for `counts[i]` spaces. */
function spread(xs: readonly number[], counts: readonly number[]): { mean: number; sd: number; p95: number } {
  let n = 0, sum = 0;
  xs.forEach((x, i) => { n += counts[i]; sum += x * counts[i]; });
  if (n === 0) return { mean: 0, sd: 0, p95: 0 };
  const mean = sum / n;
  let sq = 0;
  xs.forEach((x, i) => { sq += counts[i] * (x - mean) ** 2; });
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  let seen = 0, p95 = xs[order[order.length - 1]];
  for (const i of order) {
    seen += counts[i];
    if (seen > 0.95 * n) { p95 = xs[i]; break; }
  }
  return { mean, sd: Math.sqrt(sq / n), p95 };
}

/**
 * One row per PDF. `overlaps`: pairs of content boxes drawn over each other; `off-page`: boxes
 * past the page trim; `off-frame`: boxes outside the frames their kind declares or outside the
 * box they are drawn in (layout/checkPlacement.ts). Each such problem is then listed.
 */
export function printTypesetReport(docs: Pick<BuiltDocument, 'name' | 'pages' | 'stats' | 'placement'>[], out: (s: string) => void): void {
  out('document  pages  lines  overfull  widows  orphans  stranded-headings  split-figures  hyphen-runs>2  hyphenated  overlaps  off-page  off-frame  stretch mean/p95/max');
  for (const d of docs) {
    const q = summarise(d.stats);
    const p = countPlacementProblems(d.placement);
    out([
      d.name.padEnd(8), String(d.pages).padStart(5), String(q.lines).padStart(6), String(q.overfull).padStart(9), String(q.widows).padStart(7),
      String(q.orphans).padStart(8), String(q.strandedHeadings).padStart(18), String(q.splitFigures).padStart(14), String(q.consecutiveHyphens).padStart(14),
      String(q.hyphenatedLines).padStart(11), String(p.overlaps).padStart(9), String(p.offPage).padStart(9), String(p.offFrame).padStart(10), `  ${q.stretch.mean.toFixed(2)}/${q.stretch.p95.toFixed(2)}/${q.stretch.max.toFixed(2)}`,
    ].join(' '));
  }
  for (const d of docs) for (const p of d.placement) out(formatPlacementProblem(d.name, p));
  // Microtype: how the lines were set (issue 13's measures, from the layout rather than the PDF).
  out('document  hyphens/100  pairs  page-end  capitalised  space mean/sd/p95 (em)  expansion mean/max (%) lines>max  protrusion lines/mean (pt)');
  for (const d of docs) {
    const q = summarise(d.stats);
    out([
      d.name.padEnd(8), q.hyphensPer100.toFixed(1).padStart(12), String(q.hyphenPairs).padStart(6), String(q.pageEndHyphens).padStart(9), String(q.capitalisedHyphens).padStart(12),
      `  ${q.space.mean.toFixed(3)}/${q.space.sd.toFixed(3)}/${q.space.p95.toFixed(3)}`.padEnd(24), `  ${q.expansion.mean.toFixed(2)}/${q.expansion.max.toFixed(2)}`.padEnd(24), String(q.expansion.beyondMax).padStart(9), `  ${q.protrusion.lines}/${q.protrusion.mean.toFixed(2)}`,
    ].join(' '));
  }
}
