// Vega-Lite gallery specs with their `data.url` turned into data by name, as a project's chart
// reads its data files: the rows come from npm `vega-datasets` (types inferred for CSV, as
// vega's loader does).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');
// The package's main entry is build/index.js; its data files sit in data/ beside build/.
export const DATASETS_DIR = join(dirname(require.resolve('vega-datasets')), '..', 'data');

type Json = Record<string, unknown>;
export type Rows = Record<string, unknown>[];

/** The rows of a vega-datasets file (JSON arrays and CSV). */
export function readDataset(url: string): Rows {
  const file = join(DATASETS_DIR, basename(url));
  const text = fs.readFileSync(file, 'utf8');
  return file.endsWith('.csv') ? (parseCsv(text, { columns: true, cast: true }) as Rows) : (JSON.parse(text) as Rows);
}

/** The dataset name a `data.url` becomes ("data/seattle-weather.csv" → "seattle_weather"). */
export const datasetName = (url: string): string => basename(url).replace(/\.\w+$/, '').replace(/\W/g, '_');

/** A copy of `spec` reading its data by name, and those datasets. */
export function withNamedData(spec: Json): { spec: Json; datasets: Record<string, Rows> } {
  const datasets: Record<string, Rows> = {};
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'data' && typeof v === 'object' && v !== null && 'url' in v) {
        const url = String((v as { url: unknown }).url);
        const name = datasetName(url);
        datasets[name] ??= readDataset(url);
        out[k] = { name };
      } else out[k] = visit(v);
    }
    return out;
  };
  return { spec: visit(spec) as Json, datasets };
}
