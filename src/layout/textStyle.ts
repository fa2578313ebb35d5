import type { FontKey } from '../fonts/fontRegistry.js';

/** Everything needed to measure and draw a piece of text. Colours are CSS hex strings. */
export interface TextStyle {
  font: FontKey;
  size: number;
  color: string;
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.font === b.font && a.size === b.size && a.color === b.color;
}
