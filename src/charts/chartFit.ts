// Finding the panel size factor that makes a composite chart a given width (or height).
//
// A chart's width is nearly an affine function of its panels' width factor k: the panels grow
// with k, while axes, headers, legends and spacing keep their size (W ≈ fixed + k · panels).
// Not exactly: tick counts, label overlap removal and wrapped titles change as panels change.
// So the factor is searched for with the secant method on measured layouts: the first guess
// scales by the ratio of target to measured, later ones follow the line through the last two
// measurements. Each measurement is a full Vega layout, so the search is short and bounded.

export interface FitSample {
  /** The factor the layout was made with. */
  k: number;
  /** What it measured (width or height, in points). */
  size: number;
}

/** Factors are kept in this range: beyond it the chart is fitted by scaling its drawing instead. */
export const MIN_FACTOR = 1 / 64;
export const MAX_FACTOR = 4;

/**
 * The next factor to try so that the measured size becomes `target`, from the samples so far
 * (oldest first, at least one); the last factor again when changing it changed nothing.
 */
export function nextFactor(samples: readonly FitSample[], target: number, min = MIN_FACTOR, max = MAX_FACTOR): number {
  const last = samples[samples.length - 1];
  let k = last.size > 0 ? (last.k * target) / last.size : last.k;
  // The most recent earlier sample at a different factor gives the slope.
  for (let i = samples.length - 2; i >= 0; i--) {
    const s = samples[i];
    if (Math.abs(s.k - last.k) < 1e-9) continue;
    const slope = (last.size - s.size) / (last.k - s.k);
    // Flat: the factor does not set this size (fixed radii, a wide legend): stop changing it.
    if (Math.abs(last.size - s.size) < 0.05) return last.k;
    // A falling slope says nothing useful: keep the proportional guess.
    if (slope > 1e-6 && Number.isFinite(slope)) k = last.k + (target - last.size) / slope;
    break;
  }
  // Never jump more than 4× in one step: a wild guess costs a layout and may meet edge cases.
  k = Math.min(Math.max(k, last.k / 4), last.k * 4);
  // Sizes move in steps (Vega rounds each panel to whole points): once the target is bracketed
  // by a factor that came out under it and one that came out over, stay between them.
  let lo = -Infinity;
  let hi = Infinity;
  for (const s of samples) {
    if (s.size <= target) lo = Math.max(lo, s.k);
    else hi = Math.min(hi, s.k);
  }
  if (lo < hi && Number.isFinite(lo) && Number.isFinite(hi) && !(k > lo && k < hi)) k = (lo + hi) / 2;
  return Math.min(Math.max(k, min), max);
}
