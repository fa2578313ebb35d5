// Empty cells reach charts as null, a missing value. Vega-Lite leaves a row with a missing
// number out of continuous scales on its own, but it draws a missing category as a category
// named "null" (and an empty string as a blank one). A row with no category cannot be put in
// any, so a chart leaves out the rows whose category it shows is missing: for each column that
// some mark encodes as nominal or ordinal, or as text, and that has a null in the data, a filter
// `isValid(datum["column"])` goes first in the transforms of the view that names the data.
//
// First, and once for all the views sharing the data, rather than in each mark: a transform in
// one layer splits the layers' data, and Vega-Lite then loses a shared sort ("sort": "-x").
// Charts whose data has no missing categories are compiled exactly as written. Vega-Lite's own
// `valid` predicate is not used: it also refuses text, testing for a finite number.
type Json = Record<string, unknown>;
type Rows = Record<string, Record<string, unknown>[]>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const DISCRETE = new Set(['nominal', 'ordinal']);
/** Channels that show no category of their own: a missing value there does not hide the row. */
const NOT_SHOWN = new Set(['tooltip', 'href', 'url', 'description', 'key', 'order', 'detail']);

/** A copy of the Vega-Lite spec in which no mark draws a row whose category is missing. */
export function leaveOutMissingCategories(spec: object, datasets: Rows): object {
  return walk(spec, {}, undefined, datasets).node as object;
}

interface Walked {
  node: unknown;
  /** Fields shown as categories by views that read the data of an ancestor. */
  fields: Set<string>;
}

/** `data` is the name of the dataset an ancestor names, undefined at the top. */
function walk(node: unknown, inherited: Json, data: string | undefined, datasets: Rows): Walked {
  if (!isObj(node)) return { node, fields: new Set() };
  const own = isObj(node.data) && typeof node.data.name === 'string' ? node.data.name : undefined;
  const encoding = isObj(node.encoding) ? { ...inherited, ...node.encoding } : inherited;
  const out: Json = { ...node };
  const fields = new Set<string>();
  if ('mark' in node) shownFields(encoding).forEach((f) => fields.add(f));
  for (const k of ['layer', 'concat', 'hconcat', 'vconcat'] as const) {
    if (!Array.isArray(node[k])) continue;
    // Layers share their parent's encoding; the views of a concat do not.
    out[k] = node[k].map((c) => {
      const w = walk(c, k === 'layer' ? encoding : {}, own ?? data, datasets);
      w.fields.forEach((f) => fields.add(f));
      return w.node;
    });
  }
  if (isObj(node.spec)) {
    const w = walk(node.spec, {}, own ?? data, datasets);
    w.fields.forEach((f) => fields.add(f));
    out.spec = w.node;
  }
  if (isObj(node.facet)) {
    const f = node.facet;
    for (const d of 'field' in f ? [f] : [f.row, f.column]) if (isObj(d) && isDiscrete(d)) fields.add(d.field as string);
  }
  if (own === undefined) return { node: out, fields };
  const rows = datasets[own] ?? [];
  const missing = [...fields].map(unescape).filter((col) => rows.some((r) => col in r && (r[col] === null || r[col] === undefined)));
  if (missing.length) {
    const filters = missing.map((col) => ({ filter: `isValid(datum[${JSON.stringify(col)}])` }));
    out.transform = [...filters, ...(Array.isArray(node.transform) ? node.transform : [])];
  }
  return { node: out, fields: new Set() };
}

function shownFields(encoding: Json): string[] {
  const fields: string[] = [];
  for (const [channel, def] of Object.entries(encoding)) {
    if (NOT_SHOWN.has(channel) || !isObj(def) || typeof def.field !== 'string') continue;
    if (channel === 'text' || isDiscrete(def)) fields.push(def.field);
  }
  return fields;
}

function isDiscrete(def: Json): boolean {
  return typeof def.field === 'string' && typeof def.type === 'string' && DISCRETE.has(def.type);
}

/** A field as a column name: Vega-Lite reads "a\.b" as the column "a.b". */
function unescape(field: string): string {
  return field.replace(/\\(.)/g, '$1');
}
