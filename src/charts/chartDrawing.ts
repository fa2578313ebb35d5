// A compiled chart as plain data: what vega's canvas drawers did, recorded call by call, and
// replayed later onto a replay target (chartCanvas.ts): the PDF's Canvas adapter
// (render/pdfCanvasContext.ts) or the SVG one (svg/chartSvg.ts). Recording makes a chart
// independent of vega once compiled, so it can be kept on disk between builds
// (build/diskCache.ts) and drawn without loading vega at all.
import { CANVAS_DEFAULTS, CANVAS_METHODS, CANVAS_PROPS, type CanvasMethod, type CanvasProp, type ChartCanvas, type ChartCanvasGradient } from './chartCanvas.js';
import type { DrawnData } from './drawnData.js';
import { measureCanvasText, type CanvasTextMetrics } from './measureChartText.js';

/** One recorded call: a method name and its arguments, "=prop" and the value set, or a gradient. */
export type ChartOp = [string, ...(string | number | boolean | null | number[] | { gradient: number } | { number: string })[]];

export interface ChartDrawing {
  /** Size of the chart box in points (1 vega px = 1 pt). */
  width: number;
  height: number;
  /** Every string the chart draws, in scenegraph order (for tests and alt text). */
  texts: string[];
  /** Where the drawing's (0,0) lies inside the chart box, in points. */
  origin: [number, number];
  /** Background colour to paint behind the chart ('transparent' paints nothing). */
  background: string;
  /** Vega-Lite / Vega warnings raised while compiling and laying out. */
  warnings: string[];
  /** The `key` of every data row the chart draws (its sources are cited). */
  datumKeys: string[];
  /** What the chart draws, after its transforms, as tables (for alt text, sources, the appendix). */
  drawn: DrawnData;
  /** The drawing, as Canvas 2D calls. */
  ops: ChartOp[];
  /** Images the drawing places (image marks), by index: `['drawImage', index, x, y, w, h]`. */
  images?: ChartImage[];
}

/** A PNG or JPEG an image mark draws, as plain data (a drawing may be kept on disk as JSON). */
export interface ChartImage {
  /** The file's bytes, base64. */
  data: string;
  /** Pixel size. */
  width: number;
  height: number;
  /** Identifies the bytes (a hash), so a target embeds each image once. */
  id: string;
}

/** What vega's image drawer is handed for an image we supplied (see compileChart.ts). */
export interface SuppliedImage {
  complete: true;
  width: number;
  height: number;
  url: string;
  /** Index into the drawing's `images`. */
  chartImage: number;
}

type Value = string | number | boolean | null | number[] | { number: string };

class RecordedGradient {
  constructor(
    readonly id: number,
    private readonly ops: ChartOp[],
  ) {}
  addColorStop(offset: number, color: string): void {
    this.ops.push(['stop', this.id, +offset, String(color)]);
  }
}

function plain(v: unknown): Value {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(Number); // setLineDash's segments
  // JSON has no NaN or Infinity: kept as text, so a drawing read back from disk is the same.
  if (typeof v === 'number' && !Number.isFinite(v)) return { number: String(v) };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return String(v);
}

// The drawing methods and properties are made in the constructor, from the lists; this
// interface merges their types into the class (deliberately: they are not written out one by one).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface RecordingContext extends Pick<ChartCanvas, CanvasMethod | CanvasProp> {}

/** A Canvas 2D context that draws nothing and records every call, for vega's mark drawers. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class RecordingContext {
  readonly ops: ChartOp[] = [];
  /** vega scales picking coordinates by this; we never pick. */
  readonly pixelRatio = 1;
  private state: Record<CanvasProp, Value | RecordedGradient> = { ...CANVAS_DEFAULTS };
  private readonly stack: Record<CanvasProp, Value | RecordedGradient>[] = [];
  private gradients = 0;

  constructor() {
    for (const m of CANVAS_METHODS) {
      (this as unknown as Record<string, (...a: unknown[]) => void>)[m] = (...args: unknown[]) => {
        // Trailing undefined arguments are left out, so defaults apply again on replay.
        let n = args.length;
        while (n > 0 && args[n - 1] === undefined) n--;
        this.ops.push([m, ...args.slice(0, n).map(plain)]);
        if (m === 'save') this.stack.push({ ...this.state });
        else if (m === 'restore') this.state = this.stack.pop() ?? this.state;
      };
    }
    for (const p of CANVAS_PROPS) {
      Object.defineProperty(this, p, {
        get: () => this.state[p],
        set: (v: unknown) => {
          const value = v instanceof RecordedGradient ? v : plain(v);
          this.state[p] = value;
          this.ops.push([`=${p}`, value instanceof RecordedGradient ? { gradient: value.id } : value]);
        },
      });
    }
  }

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): RecordedGradient {
    const g = new RecordedGradient(this.gradients++, this.ops);
    this.ops.push(['linearGradient', g.id, x0, y0, x1, y1]);
    return g;
  }

  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): RecordedGradient {
    const g = new RecordedGradient(this.gradients++, this.ops);
    this.ops.push(['radialGradient', g.id, x0, y0, r0, x1, y1, r1]);
    return g;
  }

  createPattern(): null {
    return null;
  }

  isPointInPath(): boolean {
    return false;
  }

  isPointInStroke(): boolean {
    return false;
  }

  /** Records an image we supplied (anything else vega might hand over is not ours to draw). */
  drawImage(img: unknown, x: number, y: number, w: number, h: number): void {
    const index = (img as Partial<SuppliedImage> | null)?.chartImage;
    if (typeof index !== 'number' || ![x, y, w, h].every(Number.isFinite)) return;
    this.ops.push(['drawImage', index, x, y, w, h]);
  }

  getLineDash(): number[] {
    return [];
  }

  measureText(text: string): CanvasTextMetrics {
    return measureCanvasText(String(this.state.font), text);
  }
}

const METHOD_SET = new Set<string>(CANVAS_METHODS);
const PROP_SET = new Set<string>(CANVAS_PROPS);

/** Draws a recorded chart onto `ctx`, call for call (`images`: the drawing's images). */
export function replayChart(ops: readonly ChartOp[], ctx: ChartCanvas, images: readonly ChartImage[] = []): void {
  // Names were checked against the lists above; the values are what was recorded.
  const target = ctx as unknown as Record<string, unknown>;
  const gradients: ChartCanvasGradient[] = [];
  for (const op of ops) {
    const name = op[0];
    const a = op.slice(1).map((v) => (v !== null && typeof v === 'object' && 'number' in v ? Number(v.number) : v)) as never[];
    if (name.startsWith('=')) {
      const prop = name.slice(1);
      if (!PROP_SET.has(prop)) throw new Error(`chart drawing: unknown property ${prop}`);
      const v = op[1];
      target[prop] = v !== null && typeof v === 'object' && 'gradient' in v ? gradients[v.gradient] : a[0];
    } else if (name === 'linearGradient') {
      gradients[op[1] as number] = ctx.createLinearGradient(a[1], a[2], a[3], a[4]);
    } else if (name === 'radialGradient') {
      gradients[op[1] as number] = ctx.createRadialGradient(a[1], a[2], a[3], a[4], a[5], a[6]);
    } else if (name === 'stop') {
      gradients[op[1] as number]?.addColorStop(a[1], a[2]);
    } else if (name === 'drawImage') {
      const image = images[op[1] as number];
      if (image) ctx.drawImage(image, a[1], a[2], a[3], a[4]);
    } else if (METHOD_SET.has(name)) {
      (target[name] as (...x: unknown[]) => void).apply(ctx, a);
    } else {
      throw new Error(`chart drawing: unknown call ${name}`);
    }
  }
}
