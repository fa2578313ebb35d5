// Image marks: pictures a chart places (a logo per bar, a photo per point). vega loads an image
// mark's picture from its URL while rendering; here nothing is ever loaded: the build reads the
// files the spec can name, from content/ only and by the rules of Markdown images
// (build/chartImageFiles.ts), and hands them to compileChart by URL. Each image item of the laid
// out scene is given its picture before vega's drawer records it, so the drawing carries the
// bytes (once per picture) and can be replayed without vega or the files.
import { createHash } from 'node:crypto';
import type { ChartImage, SuppliedImage } from './chartDrawing.js';

/** A picture for compileChart: the file's bytes and pixel size. */
export interface ChartImageSource {
  data: Uint8Array;
  width: number;
  height: number;
}

/** What compileChart is given: each URL's picture, or why it cannot be drawn. */
export type ChartImageSources = Record<string, ChartImageSource | string>;

/** An image mark without a width or height gets this size, in points (its picture keeps its proportions inside). */
export const DEFAULT_IMAGE_SIZE = 32;

type Json = Record<string, unknown>;

/**
 * Gives every image mark a width and height: vega measures an image mark by its picture only
 * while rendering, so without a size its layout would not know how big it is.
 */
export function sizeImageMarks(node: unknown, depth = 0): void {
  if (depth > 100 || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const n of node) sizeImageMarks(n, depth + 1);
    return;
  }
  const obj = node as Json;
  if (obj.mark === 'image') obj.mark = { type: 'image' };
  const mark = obj.mark as Json | undefined;
  if (mark && typeof mark === 'object' && mark.type === 'image') {
    const w = typeof mark.width === 'number' ? mark.width : undefined;
    const h = typeof mark.height === 'number' ? mark.height : undefined;
    mark.width ??= h ?? DEFAULT_IMAGE_SIZE;
    mark.height ??= w ?? DEFAULT_IMAGE_SIZE;
  }
  for (const [k, v] of Object.entries(obj)) if (k !== 'mark' && k !== 'datasets' && k !== 'data') sizeImageMarks(v, depth + 1);
}

/** The pictures of one chart: each given once to the drawing, in the order first drawn. */
export class ChartImageRegistry {
  readonly images: ChartImage[] = [];
  private readonly byUrl = new Map<string, number>();

  constructor(private readonly sources: ChartImageSources = {}) {}

  /** The picture for `url` as vega's drawer wants it, or why there is none. */
  lookup(url: string): SuppliedImage | string {
    const source = Object.hasOwn(this.sources, url) ? this.sources[url] : undefined;
    if (source === undefined) return 'it is not a file under content/ named in the spec or its data (computed URLs are not followed)';
    if (typeof source === 'string') return source;
    let index = this.byUrl.get(url);
    if (index === undefined) {
      const bytes = Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength);
      const id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      index = this.images.findIndex((i) => i.id === id);
      if (index < 0) index = this.images.push({ data: bytes.toString('base64'), width: source.width, height: source.height, id }) - 1;
      this.byUrl.set(url, index);
    }
    const img = this.images[index];
    return { complete: true, width: img.width, height: img.height, url, chartImage: index };
  }
}

interface SceneNode {
  marktype?: string;
  items?: (SceneNode & { url?: unknown; image?: unknown })[];
}

/**
 * Gives each image item of a laid-out scene its picture (vega's drawer then draws it); returns
 * a warning for each URL that has none (the item is then left undrawn).
 */
export function attachImages(root: unknown, registry: ChartImageRegistry): string[] {
  const problems = new Map<string, string>();
  const visit = (node: SceneNode, depth: number): void => {
    if (depth > 64) return;
    for (const item of node.items ?? []) {
      if (node.marktype === 'image') {
        const url = item.url == null ? '' : String(item.url);
        if (!url) continue;
        const found = registry.lookup(url);
        if (typeof found === 'string') {
          problems.set(url, found);
          item.image = undefined;
        } else item.image = found;
      }
      if (item.items) visit(item, depth + 1);
    }
  };
  visit(root as SceneNode, 0);
  return [...problems].map(([url, why]) => `image ${JSON.stringify(url)} is not drawn: ${why}`);
}
