// What a recorded chart drawing can hold, and so what a replay target must implement: the
// subset of the Canvas 2D API that vega-scenegraph's mark drawers use. The PDF adapter
// (render/pdfCanvasContext.ts) and the SVG adapter (svg/chartSvg.ts) implement it; replay
// (chartDrawing.ts) calls nothing else, so a cache file cannot make it call anything else.
import type { ChartImage } from './chartDrawing.js';

/** A gradient as a replay target makes it; replay only adds colour stops. */
export interface ChartCanvasGradient {
  addColorStop(offset: number, color: string): void;
}

export type ChartStyle = string | ChartCanvasGradient;

export interface ChartCanvas {
  fillStyle: ChartStyle;
  strokeStyle: ChartStyle;
  globalAlpha: number;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  lineDashOffset: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  globalCompositeOperation: string;
  imageSmoothingEnabled: boolean;

  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  scale(x: number, y: number): void;
  rotate(angle: number): void;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  setTransform(a: number, b?: number, c?: number, d?: number, e?: number, f?: number): void;
  resetTransform(): void;

  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  ellipse(x: number, y: number, rx: number, ry: number, rotation: number, a0: number, a1: number, ccw?: boolean): void;

  fill(rule?: string): void;
  stroke(): void;
  clip(rule?: string): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  strokeText(text: string, x: number, y: number, maxWidth?: number): void;

  /** Draws an image of the drawing (an image mark) into the box at (x, y), w × h. */
  drawImage(image: ChartImage, x: number, y: number, w: number, h: number): void;

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): ChartCanvasGradient;
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): ChartCanvasGradient;
}

/** The methods a drawing may call (gradients are recorded as ops of their own). */
export const CANVAS_METHODS = [
  'save', 'restore', 'translate', 'scale', 'rotate', 'transform', 'setTransform', 'resetTransform',
  'beginPath', 'moveTo', 'lineTo', 'bezierCurveTo', 'quadraticCurveTo', 'closePath', 'rect', 'arc',
  'arcTo', 'ellipse', 'fill', 'stroke', 'clip', 'fillRect', 'strokeRect', 'setLineDash', 'fillText',
  'strokeText',
] as const satisfies readonly (keyof ChartCanvas)[];

/** The properties a drawing may set, with a canvas's initial values. */
export const CANVAS_DEFAULTS = {
  fillStyle: '#000000', strokeStyle: '#000000', globalAlpha: 1, lineWidth: 1, lineCap: 'butt',
  lineJoin: 'miter', miterLimit: 10, lineDashOffset: 0, font: '10px sans-serif', textAlign: 'start',
  textBaseline: 'alphabetic', globalCompositeOperation: 'source-over', imageSmoothingEnabled: true,
} as const satisfies Partial<Record<keyof ChartCanvas, string | number | boolean>>;

export type CanvasMethod = (typeof CANVAS_METHODS)[number];
export type CanvasProp = keyof typeof CANVAS_DEFAULTS;
export const CANVAS_PROPS = Object.keys(CANVAS_DEFAULTS) as CanvasProp[];
