// Chart specs are Vega-Lite JSON whose data must come from the project's data files.
// A spec that asks for a URL or a file is refused here, before vega ever sees it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { ErrorList, InputError, type SourcePlace } from '../errors.js';
import { jsonError } from './loadData.js';
import type { ChartSpecSource, DataTable } from './sourceTypes.js';

const MAX_SPEC_BYTES = 512 * 1024;

export function loadCharts(root: string, tables: Map<string, DataTable>, dir = 'content/charts'): Map<string, ChartSpecSource> {
  const charts = new Map<string, ChartSpecSource>();
  const errors = new ErrorList();
  let names: string[] = [];
  try {
    names = readdirSync(`${root}/${dir}`).filter((n) => n.endsWith('.vl.json')).sort();
  } catch {
    return charts;
  }
  for (const n of names) {
    const file = `${dir}/${n}`;
    try {
      if (statSync(`${root}/${file}`).size > MAX_SPEC_BYTES) throw new InputError({ file }, 'chart spec is larger than 512 KB', 'put the data in content/data/ and refer to it by name');
      const text = readFileSync(`${root}/${file}`, 'utf8').replace(/^\uFEFF/, '');
      let spec: unknown;
      try {
        spec = JSON.parse(text);
      } catch (e) {
        throw jsonError(e, text, file);
      }
      if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new InputError({ file, line: 1 }, 'a chart spec must be a JSON object');
      const dataNames = new Set<string>();
      checkData(spec, text, file, tables, dataNames, errors);
      charts.set(n.replace(/\.vl\.json$/, ''), { name: n.replace(/\.vl\.json$/, ''), file, spec: spec as Record<string, unknown>, dataNames: [...dataNames] });
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  errors.throwIfAny();
  return charts;
}

/** Walks the whole spec (layers, concat, facets, lookups) and checks every data reference. */
function checkData(node: unknown, text: string, file: string, tables: Map<string, DataTable>, names: Set<string>, errors: ErrorList): void {
  if (Array.isArray(node)) {
    for (const x of node) checkData(x, text, file, tables, names, errors);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'url' || k === 'href' && typeof v === 'string' && !/^https?:/.test(v)) {
      errors.add(placeOfKey(text, file, k, v), `chart data "${k}": ${JSON.stringify(v)} is not allowed`,
        'charts read only the project\'s data files: use "data": {"name": "<file in content/data>"}');
      continue;
    }
    if (k === 'data' && typeof v === 'object' && v !== null && 'name' in v) {
      const name = String((v as { name: unknown }).name);
      if (!tables.has(name)) {
        errors.add(placeOfKey(text, file, 'name', name), `no data file named "${name}"`,
          `add content/data/${name}.csv or use one of: ${[...tables.keys()].join(', ') || '(none)'}`);
      } else names.add(name);
    }
    checkData(v, text, file, tables, names, errors);
  }
}

function placeOfKey(text: string, file: string, key: string, value: unknown): SourcePlace {
  const needle = `"${key}"`;
  let idx = text.indexOf(needle);
  const valueText = JSON.stringify(value);
  while (idx >= 0) {
    const rest = text.slice(idx + needle.length, idx + needle.length + 200);
    if (typeof value !== 'string' || rest.replace(/^\s*:\s*/, '').startsWith(valueText)) break;
    idx = text.indexOf(needle, idx + 1);
  }
  if (idx < 0) return { file, line: 1 };
  const before = text.slice(0, idx);
  return { file, line: before.split('\n').length, col: idx - before.lastIndexOf('\n') };
}
