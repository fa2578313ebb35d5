// Data files: one figure a row, each with its source and year, so text, callouts and charts
// all read the same number. Derived figures are recomputed and must match what is written.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { ErrorList, InputError, type SourcePlace } from '../errors.js';
import type { DataTable, Figure } from './sourceTypes.js';
import { evaluateDerived } from './derivedFigure.js';

import { parse as parseCsv } from 'csv-parse/sync';

const REQUIRED = ['key', 'label', 'value', 'unit', 'year', 'source'] as const;
const KNOWN_UNITS = ['people', 'count', 'USD', 'percent', 'year', 'text', 'multiple'];
const MAX_DATA_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 100_000;

export function loadDataTables(root: string, dir = 'content/data'): { tables: Map<string, DataTable>; figures: Map<string, Figure> } {
  const r = readDataTables(root, dir);
  r.errors.throwIfAny();
  return r;
}

/**
 * Every table and row that could be read, and the errors of the others: a build reports these
 * together with the errors of the charts and documents, which are still checked.
 */
export function readDataTables(root: string, dir = 'content/data'): { tables: Map<string, DataTable>; figures: Map<string, Figure>; errors: ErrorList } {
  const tables = new Map<string, DataTable>();
  const figures = new Map<string, Figure>();
  const errors = new ErrorList();
  let names: string[] = [];
  try {
    names = readdirSync(`${root}/${dir}`).filter((n) => /\.(csv|json)$/i.test(n)).sort();
  } catch {
    return { tables, figures, errors };
  }
  for (const n of names) {
    const file = `${dir}/${n}`;
    const name = n.replace(/\.(csv|json)$/i, '');
    try {
      const size = statSync(`${root}/${file}`).size;
      if (size > MAX_DATA_BYTES) throw new InputError({ file }, `data file is ${(size / 1048576).toFixed(1)} MB`, 'data files are limited to 5 MB');
      const text = readFileSync(`${root}/${file}`, 'utf8');
      const rows = n.toLowerCase().endsWith('.csv') ? readCsv(text, file) : readJson(text, file);
      const table: DataTable = { name, file, figures: [] };
      for (const { row, place } of rows) {
        const f = toFigure(row, place, errors);
        if (!f) continue;
        const dup = figures.get(f.key);
        if (dup) {
          errors.add(place, `figure key "${f.key}" is already defined at ${dup.place.file}:${dup.place.line}`, 'keys must be unique across data files');
          continue;
        }
        figures.set(f.key, f);
        table.figures.push(f);
      }
      tables.set(name, table);
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  // Derived figures are checked only when every row loaded: a bad input row would otherwise
  // be reported a second time as an "unknown figure" in the formulas that use it.
  for (const f of errors.length ? [] : figures.values()) {
    if (!f.derived) continue;
    const r = evaluateDerived(f.derived, figures);
    if (typeof r === 'string') errors.add(f.place, `derived figure ${f.key}: ${r}`);
    else if (typeof f.value === 'number' && Math.abs(r - f.value) > Math.max(1e-9, Math.abs(r) * 1e-6)) {
      errors.add(f.place, `derived figure ${f.key} is ${f.value} but ${f.derived} = ${r}`, 'correct the value or the expression');
    }
  }
  return { tables, figures, errors };
}

interface RawRow { row: Record<string, unknown>; place: SourcePlace }

function readCsv(text: string, file: string): RawRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: false, to: MAX_ROWS + 1 });
  } catch (e) {
    const err = e as { message: string; lines?: number };
    const msg = err.message.split('\n')[0].replace(/^Invalid Record Length: /, '');
    throw new InputError({ file, line: err.lines }, `cannot read CSV: ${msg}`, 'every row needs as many fields as the header; quote fields that contain commas');
  }
  if (records.length > MAX_ROWS) throw new InputError({ file }, `more than ${MAX_ROWS} rows`, 'split the data or aggregate it');
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
  for (const col of REQUIRED) {
    if (!header.includes(col)) throw new InputError({ file, line: 1 }, `missing column "${col}"`, `the header must include ${REQUIRED.join(',')}`);
  }
  return records.map((r) => ({ row: r.record, place: { file, line: r.info.lines } }));
}

function readJson(text: string, file: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw jsonError(e, text, file);
  }
  if (!Array.isArray(data)) throw new InputError({ file, line: 1 }, 'a JSON data file must be an array of rows');
  // Line of each row: find the start of each top-level object, good enough for messages.
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') {
      if (depth === 1 && c === '{') starts.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return data.map((row, i) => ({ row: row as Record<string, unknown>, place: { file, line: starts[i] ?? 1 } }));
}

export function jsonError(e: unknown, text: string, file: string): InputError {
  const msg = (e as Error).message;
  const m = /position (\d+)/.exec(msg);
  let line = 1;
  let col = 1;
  if (m) {
    const before = text.slice(0, Number(m[1]));
    line = before.split('\n').length;
    col = Number(m[1]) - before.lastIndexOf('\n');
  }
  return new InputError({ file, line, col }, 'invalid JSON: ' + msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), 'check for a missing comma, quote or bracket');
}

function toFigure(row: Record<string, unknown>, place: SourcePlace, errors: ErrorList): Figure | undefined {
  if (typeof row !== 'object' || row === null) {
    errors.add(place, 'a data row must be an object');
    return undefined;
  }
  const get = (k: string) => (row[k] === undefined || row[k] === null ? '' : String(row[k]).trim());
  const missing = REQUIRED.filter((k) => get(k) === '');
  if (missing.length) {
    errors.add(place, `row ${get('key') || '(no key)'} has no ${missing.join(', ')}`, 'every figure needs a key, label, value, unit, year and source');
    return undefined;
  }
  const key = get('key');
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(key)) {
    errors.add(place, `figure key "${key}" is not of the form file.name`, 'use lower-case letters, digits and _ with a dot, e.g. ilo.forced_labour');
    return undefined;
  }
  const unit = get('unit');
  if (!KNOWN_UNITS.includes(unit)) {
    errors.add(place, `unknown unit "${unit}" for ${key}`, `use one of ${KNOWN_UNITS.join(', ')}`);
    return undefined;
  }
  let value: number | string = get('value');
  if (unit !== 'text') {
    const n = Number(value);
    if (!Number.isFinite(n) || /[,\s]/.test(value)) {
      errors.add(place, `value "${value}" of ${key} is not a plain number`, 'write it without separators, e.g. 4500000 or 1.65');
      return undefined;
    }
    value = n;
  }
  const year = get('year');
  if (!/^(\d{4}|n\.d\.)$/.test(year)) {
    errors.add(place, `year "${year}" of ${key} is not a four-digit year`, 'write the year the figure refers to, or n.d. when the source gives none');
    return undefined;
  }
  const rowOut: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined || v === null) continue;
    const s = String(v).trim();
    rowOut[k] = k === 'value' ? value : s !== '' && /^-?\d+(\.\d+)?$/.test(s) && k !== 'year' && k !== 'key' ? Number(s) : s;
  }
  return {
    key,
    label: get('label'),
    value,
    unit,
    year,
    source: get('source'),
    derived: get('derived') || undefined,
    note: get('note') || undefined,
    row: rowOut,
    place,
  };
}
