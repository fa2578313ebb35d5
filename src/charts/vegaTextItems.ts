// vega text items (scenegraph items of 'text' marks) measured and truncated with the embedded
// fonts, the way vega-scenegraph's util/text.js does it with a canvas.
import { chartFontKey } from './chartFontKey.js';
import { parseFontWeight } from './cssFont.js';
import { measureChartText } from './measureChartText.js';

/** The text properties of a vega text item that matter for measuring. */
export interface TextItemLike {
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
  limit?: number;
  ellipsis?: string;
  dir?: string;
}

function itemFontSize(item: TextItemLike): number {
  return item.fontSize != null ? +item.fontSize || 0 : 11;
}

/** Width in points of `text` as drawn for a vega text item (no trimming or truncation). */
export function measureItemText(item: TextItemLike, text: string): number {
  const size = itemFontSize(item);
  if (size <= 0 || !text) return 0;
  const key = chartFontKey(
    String(item.font ?? 'sans-serif'),
    parseFontWeight(item.fontWeight),
    /italic|oblique/i.test(String(item.fontStyle ?? '')),
    text,
  );
  return measureChartText(key, text, size);
}

/** vega's textValue(): trims and truncates to `item.limit` with an ellipsis, measured with our fonts. */
export function chartTextValue(item: TextItemLike, line: unknown): string {
  const text = line == null ? '' : String(line).trim();
  const limit = Number(item.limit);
  if (!(limit > 0) || !text.length) return text;
  const width = (s: string) => measureItemText(item, s);
  if (width(text) < limit) return text;
  const ellipsis = item.ellipsis || '\u2026';
  const rtl = item.dir === 'rtl';
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = text.length;
  if (rtl) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (width(text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}
