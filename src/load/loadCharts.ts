// Chart specs are Vega-Lite JSON whose data must come from the project's data files (no URLs,
// no inline or generated data), within budgets (chartSpecBudget.ts).
// A spec that asks for a URL or a file is refused here, before vega ever sees it, and every spec
// is checked against Vega-Lite's JSON schema (validateChartSpec.ts), so a typo is reported at its
// line and column instead of being silently ignored by Vega-Lite.
import { readdirSync } from 'node:fs';
import { ErrorList, InputError } from '../errors.js';
import { budgetProblem, nestingError } from './chartSpecBudget.js';
import { checkContentPath } from './contentPath.js';
import { jsonError } from './loadData.js';
import { readInputText } from './readInputFile.js';
import type { ChartSpecSource, DataTable } from './sourceTypes.js';
import { JsonLocator, displayPath, validateChartSpec } from './validateChartSpec.js';

export function loadCharts(root: string, tables: Map<string, DataTable>, dir = 'content/charts'): Map<string, ChartSpecSource> {
  const r = readCharts(root, tables, new Set(), dir);
  r.errors.throwIfAny();
  return r.charts;
}

/**
 * Every chart spec that could be read and validated, the errors of the others, and the names of
 * the charts left out (`unavailable`): those with errors, and those reading a data file in
 * `unavailableData` (one that exists but failed to load, whose own errors are reported). Such a
 * chart is still validated, but neither reported as reading "no data file" nor compiled.
 */
export function readCharts(root: string, tables: Map<string, DataTable>, unavailableData: ReadonlySet<string>, dir = 'content/charts'): { charts: Map<string, ChartSpecSource>; unavailable: Set<string>; errors: ErrorList } {
  const charts = new Map<string, ChartSpecSource>();
  const unavailable = new Set<string>();
  const errors = new ErrorList();
  let names: string[] = [];
  try {
    names = readdirSync(`${root}/${dir}`).filter((n) => n.endsWith('.vl.json')).sort();
  } catch {
    return { charts, unavailable, errors };
  }
  for (const n of names) {
    const file = `${dir}/${n}`;
    const name = n.replace(/\.vl\.json$/, '');
    const before = errors.length;
    try {
      const text = readInputText({ root, file, kind: 'chart', tooLargeHint: 'put the data in content/data/ and refer to it by name' });
      // Before anything walks the spec: a 10,000-deep one would overflow the stack.
      const deep = nestingError(text, file);
      if (deep) throw deep;
      let spec: unknown;
      try {
        spec = JSON.parse(text);
      } catch (e) {
        throw jsonError(e, text, file);
      }
      if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new InputError({ file, line: 1 }, 'a chart spec must be a JSON object');
      const loc = new JsonLocator(text);
      const dataNames = new Set<string>();
      checkSandbox(spec, [], { file, loc, tables, unavailableData, names: dataNames, errors });
      for (const p of validated(spec, text, file)) errors.add(p.place, p.problem, p.hint);
      if (errors.length === before && ![...dataNames].some((d) => unavailableData.has(d))) {
        charts.set(name, { name, file, spec: spec as Record<string, unknown>, dataNames: [...dataNames], text });
      }
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
    if (!charts.has(name)) unavailable.add(name);
  }
  return { charts, unavailable, errors };
}

// Schema checks depend only on the spec's text: watch rebuilds reuse them for unchanged specs.
const validations = new Map<string, ReturnType<typeof validateChartSpec>>();
function validated(spec: unknown, text: string, file: string): ReturnType<typeof validateChartSpec> {
  const key = file + '\u0000' + text;
  let v = validations.get(key);
  if (!v) {
    v = validateChartSpec(spec, text, file);
    if (validations.size > 256) validations.clear();
    validations.set(key, v);
  }
  return v;
}

interface SandboxContext {
  file: string;
  loc: JsonLocator;
  tables: Map<string, DataTable>;
  unavailableData: ReadonlySet<string>;
  names: Set<string>;
  errors: ErrorList;
}

const DATA_HINT = 'charts read only the project\'s data files: put the rows in content/data/NAME.csv and use "data": {"name": "NAME"}';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks the whole spec (layers, concats, facets, repeats, lookups, marks, encodings) and refuses
 * anything that would make vega read a file or URL or carry data that is not in a data file:
 * - any `url` key (data.url, lookup from.data.url), except an image mark's picture: a path
 *   under content/ in mark.url or the url channel's value, or a field of such paths;
 * - inline data (`data.values`, top-level `datasets`);
 * - `href` values that are not http(s) links (and `href` expressions, which cannot be checked);
 * and checks every `data.name` against the data files.
 */
function checkSandbox(node: unknown, path: (string | number)[], ctx: SandboxContext): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => checkSandbox(x, [...path, i], ctx));
    return;
  }
  if (!isObj(node)) return;
  const refuse = (key: string, problem: string, hint: string) => ctx.errors.add(ctx.loc.place(ctx.file, [...path, key], 'key'), problem, hint);
  for (const [k, v] of Object.entries(node)) {
    const where = displayPath([...path, k]);
    const budget = budgetProblem(k, v, node, path[path.length - 1]);
    if (budget) {
      ctx.errors.add(ctx.loc.place(ctx.file, [...path, k], 'key'), budget.problem, budget.hint ?? DATA_HINT);
      continue;
    }
    if (k === 'url') {
      const parent = path[path.length - 1];
      // An image mark's picture (mark.url, or the url channel): a file under content/, read by
      // the build by the rules of Markdown images (build/chartImageFiles.ts), never by vega.
      if (parent === 'mark' || parent === 'encoding') {
        const bad = badImageUrl(v, parent === 'mark');
        if (bad) refuse(k, `${where}: ${bad}`, IMAGE_HINT);
        continue;
      }
      refuse(k, `${where}: charts may not read files or URLs (${JSON.stringify(v).slice(0, 60)})`, DATA_HINT);
      continue;
    }
    if (k === 'datasets' && path.length === 0) {
      refuse(k, '"datasets" (inline data) is not allowed in chart specs', DATA_HINT);
      continue;
    }
    if (k === 'href') {
      const bad = badHref(v);
      if (bad) refuse(k, `${where}: ${bad}`, 'links in charts must be http(s) URLs (they are not clickable in the PDF anyway): remove it');
      continue;
    }
    if (k === 'data' && isObj(v)) {
      if ('values' in v) {
        ctx.errors.add(ctx.loc.place(ctx.file, [...path, k, 'values'], 'key'), `${where}.values: inline data is not allowed in chart specs`, DATA_HINT);
      }
      if ('name' in v) {
        const name = String(v.name);
        if (ctx.unavailableData.has(name)) ctx.names.add(name);
        else if (!ctx.tables.has(name)) {
          ctx.errors.add(ctx.loc.place(ctx.file, [...path, k, 'name']), `no data file named "${name}"`,
            `add content/data/${name}.csv or use one of: ${[...ctx.tables.keys()].join(', ') || '(none)'}`);
        } else ctx.names.add(name);
      }
    }
    checkSandbox(v, [...path, k], ctx);
  }
}

const IMAGE_HINT = 'image marks draw PNG or JPEG files under content/: give a path such as "images/logo.png", or a data field holding such paths';

/**
 * Why an image mark's URL is refused, or undefined when it is fine: a path inside content/
 * (no URL, no absolute path, no ".."), or (the url channel) a data field of such paths; a
 * computed URL cannot be checked.
 */
function badImageUrl(v: unknown, mark: boolean): string | undefined {
  const path = (p: unknown): string | undefined => {
    if (typeof p !== 'string') return `image URL ${JSON.stringify(p).slice(0, 60)} is not a path`;
    try {
      checkContentPath(p, { file: '' });
      return undefined;
    } catch {
      return `charts may not read files or URLs outside content/ (${JSON.stringify(p).slice(0, 60)})`;
    }
  };
  if (mark || typeof v === 'string') return path(v);
  if (!isObj(v)) return `image URL ${JSON.stringify(v).slice(0, 60)} is not a path or a field`;
  if ('expr' in v || 'signal' in v || 'condition' in v || 'datum' in v) return 'computed image URLs (expressions, conditions) are not allowed';
  if ('value' in v) return path(v.value);
  if (typeof v.field === 'string') return undefined;
  return 'an image URL needs a "field" or a "value"';
}

/** Why an `href` value is refused, or undefined when it is fine. */
function badHref(v: unknown): string | undefined {
  if (typeof v === 'string') return /^https?:\/\//i.test(v.trim()) ? undefined : `link ${JSON.stringify(v).slice(0, 60)} is not an http(s) URL`;
  if (Array.isArray(v)) {
    for (const x of v) {
      const b = badHref(x);
      if (b) return b;
    }
    return undefined;
  }
  if (!isObj(v)) return undefined;
  if ('expr' in v || 'signal' in v) return 'computed links (expressions) are not allowed';
  for (const k of ['value', 'condition']) {
    if (k in v) {
      const b = badHref(v[k]);
      if (b) return b;
    }
  }
  return undefined;
}
