// A canvas gradient as data (vega fills with createLinearGradient / createRadialGradient): the
// replay targets turn it into a PDF shading or an SVG gradient when it is painted.
import type { ChartCanvasGradient } from './chartCanvas.js';

export class ChartGradient implements ChartCanvasGradient {
  readonly stops: { offset: number; color: string }[] = [];
  /**
   * @param coords in the user space of the context that made it: x0, y0, x1, y1 (linear) or
   *   x0, y0, r0, x1, y1, r1 (radial).
   */
  constructor(
    readonly kind: 'linear' | 'radial',
    readonly coords: number[],
  ) {}
  addColorStop(offset: number, color: string): void {
    this.stops.push({ offset: Math.max(0, Math.min(1, +offset || 0)), color: String(color) });
  }
}
