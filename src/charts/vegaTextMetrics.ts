// vega's text measurement, with the embedded fonts.
//
// Without node-canvas vega guesses widths as 0.8 × chars × size. We replace the guess with our
// fonts' real advance widths. While laying out, the width includes vega's label truncation (as
// its canvas measurer does); while drawing, vega truncates text itself through this same hook,
// so then the width must be the raw width of exactly the string asked about.
import { replaceTextWidth } from './vegaInternals.js';
import { chartTextValue, measureItemText, type TextItemLike } from './vegaTextItems.js';

let rawTextMetrics = false;
let textMetricsInstalled = false;

/** Makes vega measure chart text with the embedded fonts (once per process). */
export function installChartTextMetrics(): void {
  if (textMetricsInstalled) return;
  textMetricsInstalled = true;
  replaceTextWidth((item: object, text: unknown): number => {
    const it = item as TextItemLike;
    if (rawTextMetrics) return measureItemText(it, text == null ? '' : String(text));
    return measureItemText(it, chartTextValue(it, text));
  });
}

/** Runs `fn` (vega's canvas drawers) with vega measuring exact strings, for its own truncation. */
export function withRawTextMetrics<T>(fn: () => T): T {
  const prev = rawTextMetrics;
  rawTextMetrics = true;
  try {
    return fn();
  } finally {
    rawTextMetrics = prev;
  }
}
