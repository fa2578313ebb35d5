// Checks a chart spec against Vega-Lite's own JSON schema and explains what is wrong in one
// located line per problem: `content/charts/x.vl.json:12:7: what is wrong — how to fix it`.
//
// The schema is compiled ahead of time (scripts/build-schema-validator.mjs writes
// generated/vegaLiteValidator.js): compiling it with ajv at run time takes ~1.7 s, loading the
// generated code ~20 ms and validating a spec well under a millisecond once warm.
//
// Vega-Lite's schema is one big tree of `anyOf`s (a spec is a unit, layer, facet… spec; a mark is
// a name or a definition; most properties are "a value or an expression"), so ajv reports every
// branch's complaints. We keep only the ones that matter: walking the schema alongside the spec,
// at each `anyOf` we pick the branch the author evidently meant (the one that accepts the value,
// else the one whose keys and discriminators match best), and an error is reported only if that
// branch rejects the value too. Unknown keys get a "did you mean", enums list their values.
import { didYouMean, type SourcePlace } from '../errors.js';
import validate, { preparedSchemaJson, type VegaLiteSchemaError } from './generated/vegaLiteValidator.js';

export interface ChartSpecProblem {
  place: SourcePlace;
  problem: string;
  hint?: string;
}

/** At most this many schema problems per spec (the first few say what is wrong). */
const MAX_PROBLEMS = 6;

/**
 * Validates a parsed spec. `text` is the file's JSON (for line:col); returns [] when valid.
 * Runs the generated validator only; the explanation work happens only for invalid specs.
 */
export function validateChartSpec(spec: unknown, text: string, file: string): ChartSpecProblem[] {
  if (validate(spec)) return [];
  return explain(validate.errors ?? [], spec, new JsonLocator(text), file);
}

// ---------------------------------------------------------------------------------------------
// Locating a JSON pointer in the text

interface JsonPos {
  /** Offset of the key's opening quote (absent for the root and array items). */
  key?: number;
  /** Offset of the value's first character. */
  value: number;
}

/**
 * Finds where each value of a JSON text starts. A tiny scanner (the text is known to be valid
 * JSON: JSON.parse accepted it); positions are recorded per JSON pointer on first use.
 */
export class JsonLocator {
  private map?: Map<string, JsonPos>;
  private lineStarts?: number[];
  constructor(private readonly text: string) {}

  /** Position of the value at `path` (or its key, with `key`), as 1-based line and column. */
  place(file: string, path: readonly (string | number)[], which: 'key' | 'value' = 'value'): SourcePlace {
    const map = (this.map ??= this.scan());
    // The nearest ancestor that exists (a pointer to a missing key points at its object).
    for (let n = path.length; n >= 0; n--) {
      const pos = map.get(pointer(path.slice(0, n)));
      if (!pos) continue;
      const offset = which === 'key' && n === path.length && pos.key !== undefined ? pos.key : pos.value;
      return { file, ...this.lineCol(offset) };
    }
    return { file, line: 1, col: 1 };
  }

  lineCol(offset: number): { line: number; col: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  }

  private scan(): Map<string, JsonPos> {
    const t = this.text;
    const map = new Map<string, JsonPos>();
    let i = 0;
    const ws = () => {
      while (i < t.length && (t[i] === ' ' || t[i] === '\n' || t[i] === '\r' || t[i] === '\t' || t[i] === '\uFEFF')) i++;
    };
    const str = (): string => {
      const start = i;
      i++; // opening quote
      while (i < t.length && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
      i++;
      try {
        return JSON.parse(t.slice(start, i)) as string;
      } catch {
        return t.slice(start + 1, i - 1);
      }
    };
    const value = (path: string, key?: number): void => {
      ws();
      map.set(path, { key, value: i });
      const c = t[i];
      if (c === '{') {
        i++;
        ws();
        if (t[i] === '}') {
          i++;
          return;
        }
        while (i < t.length) {
          ws();
          const k = i;
          const name = str();
          ws();
          i++; // ':'
          value(path + '/' + escapePointer(name), k);
          ws();
          if (t[i] === ',') i++;
          else {
            i++; // '}'
            return;
          }
        }
      } else if (c === '[') {
        i++;
        ws();
        if (t[i] === ']') {
          i++;
          return;
        }
        for (let n = 0; i < t.length; n++) {
          value(path + '/' + n);
          ws();
          if (t[i] === ',') i++;
          else {
            i++; // ']'
            return;
          }
        }
      } else if (c === '"') {
        str();
      } else {
        while (i < t.length && !/[\s,\]}]/.test(t[i])) i++;
      }
    };
    value('');
    return map;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + escapePointer(String(p))).join('');
}

function parsePointer(p: string): string[] {
  if (!p) return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `encoding.x.scale`, `layer[1].mark` */
export function displayPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number' || /^\d+$/.test(p)) s += `[${p}]`;
    else s += (s ? '.' : '') + (/^[A-Za-z_$][\w$]*$/.test(p) ? p : JSON.stringify(p));
  }
  return s || 'the spec';
}

// ---------------------------------------------------------------------------------------------
// Walking the schema alongside the spec

type Schema = {
  $ref?: string;
  anyOf?: Schema[];
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema | Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minProperties?: number;
  format?: string;
  [k: string]: unknown;
};

let rootSchema: Schema | undefined;
function schemaRoot(): Schema {
  return (rootSchema ??= JSON.parse(preparedSchemaJson) as Schema);
}

function deref(s: Schema): Schema {
  let n = 0;
  while (s.$ref && n++ < 50) {
    const name = s.$ref.replace(/^#\/definitions\//, '');
    const target = (schemaRoot().definitions as Record<string, Schema>)[name];
    if (!target) break;
    // Keywords next to a $ref (draft-07 ignores them, Vega-Lite never relies on them).
    s = target;
  }
  return s;
}

/** The alternatives a schema offers, with `$ref`s followed and nested `anyOf`s flattened. */
const leafCache = new WeakMap<Schema, Schema[]>();
function leavesOf(s: Schema): Schema[] {
  const hit = leafCache.get(s);
  if (hit) return hit;
  const out: Schema[] = [];
  const visit = (x: Schema, extra: Schema | undefined, depth: number) => {
    x = deref(x);
    if (x.anyOf && depth < 20) {
      const { anyOf, ...rest } = x;
      const more = Object.keys(rest).length ? { ...extra, ...rest } : extra;
      for (const b of anyOf) visit(b, more, depth + 1);
    } else out.push(extra ? { ...extra, ...x } : x);
  };
  visit(s, undefined, 0);
  leafCache.set(s, out);
  return out;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
}

function typeOk(types: string | string[] | undefined, v: unknown): boolean {
  if (types === undefined) return true;
  const t = jsonType(v);
  const list = Array.isArray(types) ? types : [types];
  return list.some((x) => x === t || (x === 'number' && t === 'integer'));
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX = /^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** The one keyword of `s` that rejects `v` at this level (not looking inside), or undefined. */
function shallowReject(s: Schema, v: unknown): string | undefined {
  if (!typeOk(s.type, v)) return 'type';
  if ('const' in s && !same(s.const, v)) return 'const';
  if (s.enum && !s.enum.some((e) => same(e, v))) return 'enum';
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) return 'minimum';
    if (s.maximum !== undefined && v > s.maximum) return 'maximum';
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return 'exclusiveMinimum';
    if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return 'exclusiveMaximum';
  }
  if (typeof v === 'string') {
    if (s.minLength !== undefined && [...v].length < s.minLength) return 'minLength';
    if (s.maxLength !== undefined && [...v].length > s.maxLength) return 'maxLength';
    if (s.format === 'color-hex' && !HEX.test(v)) return 'format';
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return 'minItems';
    if (s.maxItems !== undefined && v.length > s.maxItems) return 'maxItems';
  }
  if (isObj(v)) {
    if (s.required?.some((k) => !(k in v))) return 'required';
    if (s.additionalProperties === false && Object.keys(v).some((k) => !s.properties || !(k in s.properties))) {
      return 'additionalProperties';
    }
    if (s.minProperties !== undefined && Object.keys(v).length < s.minProperties) return 'minProperties';
  }
  return undefined;
}

/** How well `v` fits `s` when it does not fit exactly: higher is closer to what the author meant. */
function closeness(s: Schema, v: unknown): number {
  if (!typeOk(s.type, v)) return -1000;
  if ('const' in s && !same(s.const, v)) return -100;
  if (s.enum && !s.enum.some((e) => same(e, v))) return -100;
  if (!isObj(v)) return 0;
  let score = 0;
  for (const [k, x] of Object.entries(v)) {
    const p = s.properties?.[k] ?? (isObj(s.additionalProperties) ? s.additionalProperties : undefined);
    if (p) score += leavesOf(p).some((l) => !shallowReject(l, x)) ? 2 : 1;
    else if (s.additionalProperties === false) score -= 1;
  }
  for (const k of s.required ?? []) if (!(k in v)) score -= 2;
  return score;
}

interface Step {
  /** Every alternative the schema allows at this point. */
  all: Schema[];
  /** The alternatives the author evidently meant, best first. */
  chosen: Schema[];
}

function choose(all: Schema[], v: unknown): Schema[] {
  const fit = all.filter((s) => !shallowReject(s, v));
  if (fit.length) return fit;
  let best = -Infinity;
  let out: Schema[] = [];
  for (const s of all) {
    const c = closeness(s, v);
    if (c > best) {
      best = c;
      out = [s];
    } else if (c === best) out.push(s);
  }
  return out;
}

function childSchema(s: Schema, parent: unknown, seg: string): Schema | undefined {
  if (Array.isArray(parent)) {
    if (Array.isArray(s.items)) return s.items[Number(seg)];
    return s.items;
  }
  if (s.properties && seg in s.properties) return s.properties[seg];
  return isObj(s.additionalProperties) ? s.additionalProperties : undefined;
}

/** The schema alternatives at each step of `path` (index 0 = the root); stops where it gets lost. */
function walk(spec: unknown, path: string[]): Step[] {
  const all0 = leavesOf(schemaRoot());
  const steps: Step[] = [{ all: all0, chosen: choose(all0, spec) }];
  let v: unknown = spec;
  for (const seg of path) {
    const parent = v;
    v = isObj(parent) || Array.isArray(parent) ? (parent as Record<string, unknown>)[seg] : undefined;
    const all: Schema[] = [];
    const seen = new Set<Schema>();
    for (const s of steps[steps.length - 1].chosen) {
      const c = childSchema(s, parent, seg);
      if (!c) continue;
      for (const l of leavesOf(c)) {
        if (seen.has(l)) continue;
        seen.add(l);
        all.push(l);
      }
    }
    if (!all.length) break;
    steps.push({ all, chosen: choose(all, v) });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Explaining

interface Finding {
  path: string[];
  at: 'key' | 'value';
  /** Extra key segment for the position (the unknown key itself). */
  keyOf?: string;
  problem: string;
  hint?: string;
  /** For an unknown key: the key the author probably meant. */
  meant?: string;
  /** For a missing key: the key that is missing, and the alternatives to it. */
  missing?: string[];
  order: number;
}

function valueAt(spec: unknown, path: string[]): unknown {
  let v = spec;
  for (const seg of path) v = isObj(v) || Array.isArray(v) ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

function quoteList(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((x) => JSON.stringify(x));
  return shown.join(', ') + (values.length > max ? `, … (${values.length} in all)` : '');
}

function describeValue(v: unknown): string {
  const t = jsonType(v);
  if (t === 'string') return `the string ${JSON.stringify(v).slice(0, 40)}`;
  if (t === 'integer' || t === 'number') return `the number ${String(v)}`;
  if (t === 'boolean') return String(v);
  if (t === 'null') return 'null';
  return t === 'array' ? 'an array' : 'an object';
}

function isExprRef(s: Schema): boolean {
  return !!s.properties && 'expr' in s.properties && Object.keys(s.properties).length === 1;
}

/** "a number from 0 to 1", "one of "a", "b"", "an expression {"expr": …}". */
function describeSchema(s: Schema): string {
  if (isExprRef(s)) return 'an expression {"expr": "…"}';
  if ('const' in s) return JSON.stringify(s.const);
  if (s.enum) return s.enum.length === 1 ? JSON.stringify(s.enum[0]) : `one of ${quoteList(s.enum, 8)}`;
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const words = types.map((t) =>
    t === 'number' || t === 'integer'
      ? (t === 'integer' ? 'a whole number' : 'a number') +
        (s.minimum !== undefined && s.maximum !== undefined
          ? ` from ${s.minimum} to ${s.maximum}`
          : s.minimum !== undefined
            ? ` ≥ ${s.minimum}`
            : s.maximum !== undefined
              ? ` ≤ ${s.maximum}`
              : '')
      : t === 'string'
        ? s.format === 'color-hex' ? 'a hex colour like "#1d5c63"' : 'a string'
        : t === 'boolean'
          ? 'true or false'
          : t === 'null'
            ? 'null'
            : t === 'array'
              ? 'an array'
              : s.properties && s.required?.length
                ? `an object with ${quoteList(s.required, 3)}`
                : 'an object',
  );
  return words.join(' or ') || 'something else';
}

/** Vega-Lite's list of CSS colour names is too long to print: name it instead. */
const isColorNames = (s: Schema) => !!s.enum && s.enum.length > 100 && s.enum.includes('steelblue');

function expected(all: Schema[]): string {
  const kinds: string[] = [];
  const values: string[] = [];
  for (const s of all) {
    if (isColorNames(s)) {
      if (!kinds.includes('a CSS colour name')) kinds.push('a CSS colour name');
      continue;
    }
    if ('const' in s || s.enum) {
      for (const x of 'const' in s ? [s.const] : s.enum!) {
        const q = JSON.stringify(x);
        if (!values.includes(q)) values.push(q);
      }
      continue;
    }
    const d = describeSchema(s);
    if (!kinds.includes(d)) kinds.push(d);
  }
  if (values.length) {
    const shown = values.slice(0, 12).join(', ') + (values.length > 12 ? `, … (${values.length} in all)` : '');
    kinds.push(values.length === 1 ? values[0] : `one of ${shown}`);
  }
  if (kinds.length > 6) return kinds.slice(0, 6).join(', ') + ', …';
  return kinds.length > 1 ? kinds.slice(0, -1).join(', ') + ' or ' + kinds[kinds.length - 1] : (kinds[0] ?? 'something else');
}

/**
 * didYouMean, made careful for short words: an anagram or a word with the same first letter wins
 * a tie, and a guess must share most of its letters with the word ("up" is not "x").
 */
function guess(word: string, candidates: readonly string[]): string | undefined {
  const sorted = (w: string) => [...w.toLowerCase()].sort().join('');
  const rank = (c: string) => (sorted(c) === sorted(word) ? 0 : c[0]?.toLowerCase() === word[0]?.toLowerCase() ? 1 : 2);
  const ordered = [...candidates].sort((a, b) => rank(a) - rank(b));
  const g = didYouMean(word, ordered);
  if (!g) return undefined;
  const letters = new Set(g.toLowerCase());
  const common = [...new Set(word.toLowerCase())].filter((ch) => letters.has(ch)).length;
  return common * 2 >= new Set(word.toLowerCase()).size ? g : undefined;
}

function keysOf(all: Schema[]): string[] {
  const keys = new Set<string>();
  for (const s of all) for (const k of Object.keys(s.properties ?? {})) keys.add(k);
  return [...keys];
}

function explain(errors: VegaLiteSchemaError[], spec: unknown, loc: JsonLocator, file: string): ChartSpecProblem[] {
  const walks = new Map<string, Step[]>();
  const stepsFor = (path: string[]): Step[] => {
    const k = path.join('\u0000');
    let w = walks.get(k);
    if (!w) walks.set(k, (w = walk(spec, path)));
    return w;
  };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Omit<Finding, 'order'>) => {
    const k = `${f.path.join('/')}|${f.keyOf ?? ''}|${f.problem}`;
    if (seen.has(k)) return;
    seen.add(k);
    findings.push({ ...f, order: findings.length });
  };

  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue; // summaries
    const path = parsePointer(e.instancePath);
    const steps = stepsFor(path);
    const v = valueAt(spec, path);
    const name = displayPath(path);
    if (steps.length < path.length + 1) {
      // The walk could not follow the spec this far: report ajv's finding as it stands.
      add(generic(e, path, name, v));
      continue;
    }
    const { all, chosen } = steps[path.length];
    const primary = chosen[0];
    const why = shallowReject(primary, v);

    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        if (primary.additionalProperties !== false || primary.properties?.[key]) break;
        const here = keysOf(chosen);
        const anywhere = keysOf(all);
        const g = guess(key, here.filter((k) => !(isObj(v) && k in v)));
        if (g) {
          add({ path, at: 'key', keyOf: key, problem: `unknown key "${key}" in ${name}`, hint: `did you mean "${g}"?`, meant: g });
        } else if (anywhere.includes(key)) {
          add({
            path,
            at: 'key',
            keyOf: key,
            problem: `"${key}" cannot be used in ${name} together with ${quoteList(Object.keys(v as object).filter((k) => k !== key), 4)}`,
            hint: 'remove it, or check which keys go together in the Vega-Lite documentation',
          });
        } else {
          add({
            path,
            at: 'key',
            keyOf: key,
            problem: `unknown key "${key}" in ${name}`,
            hint: `remove it; ${name} may have ${quoteList(here.sort(), 10)}`,
          });
        }
        break;
      }
      case 'required': {
        const missing = String(e.params.missingProperty);
        if (!primary.required?.includes(missing) || (isObj(v) && missing in v)) break;
        // Alternatives the author may have meant: what each close branch is missing.
        const options = new Set<string>([missing]);
        for (const s of chosen) {
          const m = s.required?.find((k) => !(isObj(v) && k in v));
          if (m) options.add(m);
        }
        const others = [...options].filter((k) => k !== missing);
        add({
          path,
          at: 'value',
          problem: `${name} is missing "${missing}"` + (others.length ? ` (or ${quoteList(others, 6).replace(/, ([^,]*)$/, ' or $1')})` : ''),
          hint: `add "${missing}"`,
          missing: [...options],
        });
        break;
      }
      case 'type':
      case 'const':
      case 'enum': {
        if (!why || (why !== 'type' && why !== 'const' && why !== 'enum')) break;
        // Values that would fit here, from every alternative the schema allows.
        const values: unknown[] = [];
        for (const s of all) {
          if (isColorNames(s)) continue;
          if ('const' in s) values.push(s.const);
          for (const x of s.enum ?? []) values.push(x);
        }
        const uniq = [...new Set(values.map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as unknown);
        const onlyValues = all.every((s) => 'const' in s || s.enum || isExprRef(s));
        if (typeof v === 'string' && uniq.length && (why !== 'type' || onlyValues)) {
          const g = guess(v, uniq.filter((x): x is string => typeof x === 'string'));
          const use = onlyValues
            ? (uniq.length === 1 ? JSON.stringify(uniq[0]) : 'one of ' + quoteList(uniq, 16)) + (all.some(isExprRef) ? ' or {"expr": "…"}' : '')
            : expected(all);
          add({
            path,
            at: 'value',
            problem: `${JSON.stringify(v)} is not a valid value for ${name}`,
            hint: (g ? `did you mean "${g}"? ` : '') + `use ${use}`,
          });
        } else {
          let hint = `use ${expected(all)}`;
          if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) && all.some((s) => typeOk(s.type, 0) && s.type !== undefined)) {
            hint = `write ${v.trim()} without quotes`;
          }
          add({ path, at: 'value', problem: `${name} cannot be ${describeValue(v)}`, hint });
        }
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
      case 'minProperties':
      case 'format': {
        if (why !== e.keyword) break;
        add(generic(e, path, name, v, primary));
        break;
      }
      default:
        if (why) add(generic(e, path, name, v, primary));
    }
  }

  // Nothing survived the filtering (ajv disagrees with our reading of the anyOfs): fall back to
  // ajv's deepest complaint, which is rarely wrong about where the problem is.
  if (!findings.length) {
    const real = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
    const depth = (e: VegaLiteSchemaError) => parsePointer(e.instancePath).length;
    const deepest = real.sort((a, b) => depth(b) - depth(a))[0] ?? errors[0];
    if (deepest) {
      const path = parsePointer(deepest.instancePath);
      add(generic(deepest, path, displayPath(path), valueAt(spec, path)));
    }
  }

  // A missing or mistyped value at a place with problems further in is usually a side effect of
  // reading the wrong branch there: keep the deeper, more specific findings.
  // And a missing key that a misspelt key next to it was meant to be is one problem, not two.
  const samePath = (a: string[], b: string[]) => a.length === b.length && a.every((p, i) => b[i] === p);
  const kept = findings.filter(
    (f) =>
      f.at === 'key' ||
      (!findings.some((g) => g !== f && g.path.length > f.path.length && f.path.every((p, i) => g.path[i] === p)) &&
        !(f.missing && findings.some((g) => g.meant !== undefined && f.missing!.includes(g.meant) && samePath(g.path, f.path)))),
  );

  const problems = kept.map((f) => ({
    place: f.keyOf !== undefined ? loc.place(file, [...f.path, f.keyOf], 'key') : loc.place(file, f.path, f.at),
    problem: f.problem,
    hint: f.hint,
  }));
  problems.sort((a, b) => (a.place.line ?? 0) - (b.place.line ?? 0) || (a.place.col ?? 0) - (b.place.col ?? 0));
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - (MAX_PROBLEMS - 1);
    problems.splice(MAX_PROBLEMS - 1);
    problems.push({ place: problems[problems.length - 1].place, problem: `and ${more} more problems in this spec`, hint: 'fix the ones above first' });
  }
  return problems;
}

function generic(e: VegaLiteSchemaError, path: string[], name: string, v: unknown, s?: Schema): Omit<Finding, 'order'> {
  const p = e.params as Record<string, unknown>;
  const limit = p.limit as number | undefined;
  switch (e.keyword) {
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, at: 'value', problem: `${name} is ${String(v)}, below the minimum ${limit ?? s?.minimum}`, hint: `use ${s ? describeSchema(s) : 'a larger number'}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, at: 'value', problem: `${name} is ${String(v)}, above the maximum ${limit ?? s?.maximum}`, hint: `use ${s ? describeSchema(s) : 'a smaller number'}` };
    case 'minItems':
    case 'maxItems':
      return {
        path,
        at: 'value',
        problem: `${name} has ${Array.isArray(v) ? v.length : '?'} items`,
        hint: `it needs ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${limit ?? (e.keyword === 'minItems' ? s?.minItems : s?.maxItems)}`,
      };
    case 'format':
      return { path, at: 'value', problem: `${name}: ${JSON.stringify(v)} is not ${s ? describeSchema(s) : `a valid ${String(p.format)}`}`, hint: 'write colours as "#rgb" or "#rrggbb", or use a CSS colour name' };
    case 'required':
      return { path, at: 'value', problem: `${name} is missing "${String(p.missingProperty)}"`, hint: `add "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { path, at: 'key', keyOf: String(p.additionalProperty), problem: `unknown key "${String(p.additionalProperty)}" in ${name}`, hint: 'remove it' };
    case 'type':
      return { path, at: 'value', problem: `${name} must be ${String(p.type)}, not ${describeValue(v)}`, hint: `use ${String(p.type)}` };
    case 'enum':
      return { path, at: 'value', problem: `${JSON.stringify(v)} is not a valid value for ${name}`, hint: `use one of ${quoteList((p.allowedValues as unknown[]) ?? [])}` };
    default:
      return {
        path,
        at: 'value',
        problem: `${name} does not match the Vega-Lite schema (${e.keyword})`,
        hint: 'see https://vega.github.io/vega-lite/docs/',
      };
  }
}
