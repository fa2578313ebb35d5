// YAML with positions: every value can be traced back to its line for error messages.
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { ErrorList, InputError, didYouMean, type SourcePlace } from '../errors.js';
import { badDate } from './figurePeriod.js';

/**
 * Aliases a YAML file may expand to, counted as the yaml package counts them (nodes reached
 * through aliases): a real file uses a few; an alias bomb (aliases of aliases of lists) would
 * expand to billions of nodes in whatever calls toJS on it.
 */
const MAX_ALIAS_COUNT = 100;

/** Characters that cannot be printed and make the PDF's XMP metadata invalid XML (tab and line ends are fine). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The problem of a text value with a control character, or undefined. */
export function controlCharacterProblem(text: string, what: string): { problem: string; hint: string } | undefined {
  const m = CONTROL_CHARACTER.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { problem: `${what} contains the control character U+${code}`, hint: 'remove it: it cannot be printed and would make the PDF\'s metadata invalid' };
}

export interface YamlFile {
  file: string;
  doc: Document;
  /** Line offset when the YAML is embedded (front matter starts after the `---` line). */
  placeOf(node: unknown): SourcePlace;
}

export function readYaml(text: string, file: string, firstLine = 1): YamlFile {
  const lc = new LineCounter();
  // Values are read node by node and aliases are never expanded, so alias bombs cost nothing.
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const placeOf = (node: unknown): SourcePlace => {
    const range = (node as Node | undefined)?.range;
    if (!range) return { file, line: firstLine };
    const p = lc.linePos(range[0]);
    return { file, line: p.line + firstLine - 1, col: p.col };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const p = lc.linePos(e.pos[0]);
    const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError({ file, line: p.line + firstLine - 1, col: p.col }, 'invalid YAML: ' + msg,
      'check indentation and quoting');
  }
  checkAliases(doc, file, placeOf);
  return { file, doc, placeOf };
}

/**
 * Refuses an alias bomb with its place, before anything expands it: the readers that walk
 * nodes never expand aliases, but templates are read with toJS, and any later caller might.
 */
function checkAliases(doc: Document, file: string, placeOf: (node: unknown) => SourcePlace): void {
  let first: unknown;
  visit(doc, {
    Alias(_, node) {
      first = node;
      return visit.BREAK;
    },
  });
  if (first === undefined) return;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError) || !/alias/i.test(e.message)) throw e;
    throw new InputError(placeOf(first), 'YAML aliases (*name) here expand to too much (an "alias bomb")', `write the values out; ${file} may not expand aliases to more than ${MAX_ALIAS_COUNT} nodes`);
  }
}

/** `strings`: a list of texts (`[a, b]`), or one text. */
export type FieldKind = 'string' | 'date' | 'boolean' | 'url' | 'email' | 'strings';

export interface FieldSpec {
  kind: FieldKind | { oneOf: readonly string[] };
  required?: boolean;
}

/**
 * Validates a flat YAML mapping against a field list; returns plain values.
 * Unknown keys are errors with a "did you mean" so a typo never silently drops a setting.
 */
export function readMapping(
  y: YamlFile,
  node: unknown,
  fields: Record<string, FieldSpec>,
  errors: ErrorList,
  what: string,
): Record<string, string | boolean | string[]> {
  const out: Record<string, string | boolean | string[]> = {};
  if (!isMap(node)) {
    errors.add(y.placeOf(node), `${what} must be a mapping of keys to values`);
    return out;
  }
  const names = Object.keys(fields);
  for (const pair of node.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const spec = fields[key];
    if (!spec) {
      const guess = didYouMean(key, names);
      errors.add(y.placeOf(keyNode), `unknown key "${key}" in ${what}`,
        guess ? `did you mean "${guess}"?` : `allowed keys: ${names.join(', ')}`);
      continue;
    }
    const v = pair.value;
    const place = y.placeOf(v ?? keyNode);
    if (spec.kind === 'strings' && isSeq(v)) {
      const items: string[] = [];
      for (const item of v.items) {
        const checked = checkValue(isScalar(item) ? scalarText(item) : undefined, 'string', key);
        if (typeof checked === 'object' && !Array.isArray(checked)) errors.add(y.placeOf(item), checked.problem, checked.hint);
        else items.push(String(checked));
      }
      out[key] = items;
      continue;
    }
    const raw = isScalar(v) ? (spec.kind === 'boolean' ? v.value : scalarText(v)) : undefined;
    const checked = checkValue(raw, spec.kind, key);
    if (typeof checked === 'object' && !Array.isArray(checked)) errors.add(place, checked.problem, checked.hint);
    else out[key] = checked;
  }
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.required && !(name in out) && !node.items.some((p) => isScalar(p.key) && p.key.value === name)) {
      errors.add(y.placeOf(node), `${what} is missing "${name}"`, `add a line "${name}: …"`);
    }
  }
  return out;
}

/**
 * A text field's value as written: YAML reads `007` as 7, `0x10` as 16 and `1e3` as 1000, and a
 * title or phone number must keep what the author typed.
 */
function scalarText(node: { value: unknown; source?: string }): unknown {
  return typeof node.value === 'number' && typeof node.source === 'string' ? node.source : node.value;
}

function checkValue(raw: unknown, kind: FieldSpec['kind'], key: string): string | boolean | string[] | { problem: string; hint?: string } {
  if (raw instanceof Date) raw = raw.toISOString().slice(0, 10);
  if (typeof kind === 'object') {
    if (typeof raw === 'string' && kind.oneOf.includes(raw)) return raw;
    const guess = typeof raw === 'string' ? didYouMean(raw, kind.oneOf) : undefined;
    return { problem: `"${key}" must be one of ${kind.oneOf.join(', ')}, not "${String(raw)}"`, hint: guess ? `did you mean "${guess}"?` : undefined };
  }
  if (kind === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    return { problem: `"${key}" must be true or false` };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return { problem: `"${key}" must be text`, hint: 'write it on the same line after the colon' };
  const s = String(raw).trim();
  if (s === '') return { problem: `"${key}" is empty` };
  const control = controlCharacterProblem(s, `"${key}"`);
  if (control) return control;
  if (kind === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return { problem: `"${key}" must be a date like 2026-11-30, not "${s}"` };
    // A date that is not on the calendar would be printed as another day (2026-02-31 as 3 March).
    const why = s.startsWith('0000') ? `${s} is not on the calendar (there is no year 0)` : badDate(s);
    if (why) return { problem: `"${key}": ${why}`, hint: 'write a real date, e.g. 2026-11-30' };
  }
  if (kind === 'url' && !/^https?:\/\/[^\s]+$/.test(s)) return { problem: `"${key}" must be an http(s) address, not "${s}"` };
  if (kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return { problem: `"${key}" must be an email address, not "${s}"` };
  if (kind === 'strings') return [s];
  return s;
}
