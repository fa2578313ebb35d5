// The pictures a chart's image marks may draw, read before the chart is compiled: the paths in
// `mark.url` and the url channel's `value`, and the values of the url channel's field in the
// chart's data. Each is read by the rules of Markdown images (resolve/loadImage.ts: a PNG or
// JPEG under content/, at most 5 MB); one that cannot be read is handed over as the reason,
// and the chart warns and leaves it out. vega itself never reads a file.
import { createHash } from 'node:crypto';
import type { ChartImageSources } from '../charts/chartImages.js';
import { InputError } from '../errors.js';
import { loadImage } from '../resolve/loadImage.js';

/** At most this many pictures, and this many bytes of them, per chart (memory stays bounded). */
const MAX_IMAGES = 64;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The URLs a spec's image marks name, and the fields of its url channels. */
function imageRefs(spec: unknown): { urls: Set<string>; fields: Set<string> } {
  const urls = new Set<string>();
  const fields = new Set<string>();
  const visit = (node: unknown, parent: string | undefined, depth: number): void => {
    if (depth > 100) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, undefined, depth + 1);
      return;
    }
    if (!isObj(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'url' && parent === 'mark' && typeof v === 'string') urls.add(v);
      else if (k === 'url' && parent === 'encoding' && isObj(v)) {
        if (typeof v.value === 'string') urls.add(v.value);
        if (typeof v.field === 'string') fields.add(v.field);
      } else if (k !== 'data') visit(v, k, depth + 1);
    }
  };
  visit(spec, undefined, 0);
  return { urls, fields };
}

/**
 * The pictures for `spec` drawn over `datasets` (project root `root`), and a key that changes
 * when any of their bytes do (for the chart caches).
 */
export function chartImageFiles(root: string, spec: object, datasets: Record<string, Record<string, unknown>[]>, specFile: string): { images: ChartImageSources; key: string[] } {
  const { urls, fields } = imageRefs(spec);
  if (fields.size) {
    for (const rows of Object.values(datasets)) {
      for (const row of rows) for (const f of fields) if (typeof row[f] === 'string' && row[f]) urls.add(row[f]);
    }
  }
  const images: ChartImageSources = {};
  const key: string[] = [];
  let total = 0;
  for (const url of [...urls].sort()) {
    if (Object.keys(images).length >= MAX_IMAGES) {
      images[url] = `the chart already draws ${MAX_IMAGES} pictures, the most one chart may`;
      continue;
    }
    try {
      const img = loadImage(root, url, { file: specFile });
      if (total + img.data.length > MAX_TOTAL_BYTES) {
        images[url] = `the chart's pictures would take more than ${MAX_TOTAL_BYTES / 1048576} MB`;
        continue;
      }
      total += img.data.length;
      images[url] = img;
      key.push(url, createHash('sha256').update(img.data).digest('hex'));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      images[url] = e.problem + (e.hint ? ` — ${e.hint}` : '');
      key.push(url, images[url]);
    }
  }
  return { images, key };
}
