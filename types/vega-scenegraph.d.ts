// vega re-exports all of vega-scenegraph and vega-loader at runtime, but vega-typings leaves out
// the parts the chart renderer uses. Declared here as an augmentation of 'vega' so we always
// use the same module instance vega itself uses.
import 'vega';

declare module 'vega' {
  /** vega-scenegraph's text measurement hooks (util/text.js); `width` may be replaced. */
  export const textMetrics: {
    height: (item: object) => number;
    width: (item: object, text: unknown) => number;
    measureWidth: (item: object, text: unknown) => number;
    estimateWidth: (item: object, text: unknown) => number;
    canvas: (use: boolean) => void;
  };

  /** One mark type's canvas implementation (vega-scenegraph marks/*.js). */
  export interface SceneMarkImpl {
    type: string;
    draw(this: unknown, context: unknown, scene: unknown, bounds: unknown, markTypes?: string[]): void;
    bound(bounds: unknown, item: unknown, mode?: number): unknown;
  }

  export const Marks: Record<string, SceneMarkImpl>;

  /** vega-loader's parsers for `format.parse` types ('date', 'number', ...). */
  export const typeParsers: Record<string, (value: unknown) => unknown>;

  /** vega-scenegraph's Bounds. */
  export class Bounds {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    constructor(b?: Bounds);
    clone(): Bounds;
    set(x1: number, y1: number, x2: number, y2: number): this;
    union(b: Bounds): this;
    translate(dx: number, dy: number): this;
    width(): number;
    height(): number;
    empty(): boolean;
  }
}
