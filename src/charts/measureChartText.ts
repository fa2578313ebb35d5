// Chart text measured with the document's embedded fonts: by vega while it lays a chart out
// (vegaTextMetrics.ts), by the recording context vega draws into (chartDrawing.ts), and by
// the replay targets that place the text (render/pdfCanvasContext.ts, svg/chartSvg.ts), so
// all of them agree to the point.
import { fontId, getFont, lineMetrics, measureText, type FontKey } from '../fonts/fontRegistry.js';
import { fontKeyForCss } from './chartFontKey.js';

// fontkit 2 crashes positioning some marks (e.g. Khmer "ខំ" in Noto Sans Khmer: a base glyph
// with a null anchor). Such strings are laid out without the mark-positioning features, both
// when measuring and when pdfkit draws them, so the two still agree.
const NO_MARK_POSITIONING = { abvm: false, blwm: false, mark: false, mkmk: false };
const needsSafeLayout = new Set<string>();
const safeWidths = new Map<string, number>();

/** Advance width in points, like fontRegistry.measureText, but never throwing on shaping bugs. */
export function measureChartText(key: FontKey, text: string, size: number): number {
  const ck = fontId(key) + '\u0000' + text;
  if (!needsSafeLayout.has(ck)) {
    try {
      return measureText(key, text, size);
    } catch {
      if (needsSafeLayout.size > 10_000) needsSafeLayout.clear();
      needsSafeLayout.add(ck);
    }
  }
  let units = safeWidths.get(ck);
  if (units === undefined) {
    const f = getFont(key);
    units = f.font.layout(text, NO_MARK_POSITIONING).advanceWidth / f.unitsPerEm;
    if (safeWidths.size > 10_000) safeWidths.clear();
    safeWidths.set(ck, units);
  }
  return units * size;
}

/**
 * The shaping features to draw `text` with (undefined = the font's defaults): without mark
 * positioning when measuring needed that, so what is drawn is what was measured.
 */
export function chartTextFeatures(key: FontKey, text: string): Record<string, boolean> | undefined {
  return needsSafeLayout.has(key + '\u0000' + text) ? NO_MARK_POSITIONING : undefined;
}

/** What a canvas's measureText reports, for text in a CSS font, measured with the embedded fonts. */
export interface CanvasTextMetrics {
  width: number;
  actualBoundingBoxLeft: number;
  actualBoundingBoxRight: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
  fontBoundingBoxAscent: number;
  fontBoundingBoxDescent: number;
}

export function measureCanvasText(cssFont: string, text: unknown): CanvasTextMetrics {
  const str = String(text);
  const { key, size } = fontKeyForCss(cssFont, str);
  const width = measureChartText(key, str, size);
  const { ascent, descent } = lineMetrics(key, size);
  return {
    width,
    actualBoundingBoxLeft: 0,
    actualBoundingBoxRight: width,
    actualBoundingBoxAscent: ascent,
    actualBoundingBoxDescent: descent,
    fontBoundingBoxAscent: ascent,
    fontBoundingBoxDescent: descent,
  };
}
