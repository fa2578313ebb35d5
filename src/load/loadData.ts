// Data files. A file with a key column holds figures, one a row, each with its source and year,
// so text, callouts and charts all read the same number; derived figures are recomputed and
// must match what is written. A file without one is a plain table that feeds charts only, and
// its sidecar (data/NAME.yaml) says once where the whole table comes from.
import { readdirSync } from 'node:fs';
import { ErrorList, InputError, type SourcePlace } from '../errors.js';
import type { Cell, DataTable, Figure } from './sourceTypes.js';
import { evaluateDerived } from './derivedFigure.js';
import { parseCell } from './dataCells.js';
import { readSidecar, sidecarFile, type Sidecar } from './dataSidecar.js';
import { figureFromRow } from './figureRow.js';

import { parse as parseCsv } from 'csv-parse/sync';
import { jsonRowLines } from './jsonRowLines.js';
import { readInputFile } from './readInputFile.js';

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
  let entries: string[] = [];
  try {
    entries = readdirSync(`${root}/${dir}`).sort();
  } catch {
    return { tables, figures, errors };
  }
  const names = entries.filter((n) => /\.(csv|json)$/i.test(n));
  const tableNames = new Set(names.map((n) => n.replace(/\.(csv|json)$/i, '')));
  for (const n of entries) {
    const m = /^(.*)\.ya?ml$/i.exec(n);
    if (m && !tableNames.has(m[1])) errors.add({ file: `${dir}/${n}` }, `sidecar without a data file: there is no ${dir}/${m[1]}.csv or .json`, 'rename it to match its data file, or remove it');
  }
  for (const n of names) {
    const file = `${dir}/${n}`;
    const name = n.replace(/\.(csv|json)$/i, '');
    try {
      if (tables.has(name)) throw new InputError({ file }, `two data files are named "${name}"`, `keep one of ${tables.get(name)!.file} and ${file}`);
      const before = errors.length;
      const sidecarPath = sidecarFile(root, dir, name, errors);
      const sidecar = sidecarPath ? readSidecar(root, sidecarPath, errors) : undefined;
      if (errors.length > before) continue;
      const text = readInputFile({ root, file, kind: 'data', tooLargeHint: 'split the data or aggregate it' }).toString('utf8');
      const { columns, rows } = n.toLowerCase().endsWith('.csv') ? readCsv(text, file) : readJson(text, file);
      for (const [col, { place }] of sidecar?.columns ?? []) {
        if (!columns.includes(col)) errors.add(place, `no column "${col}" in ${file}`, `its columns are ${columns.join(', ')}`);
      }
      const table = columns.includes('key')
        ? figureTable(name, file, rows, sidecar, figures, errors)
        : plainTable(name, file, columns, rows, sidecar, errors);
      if (table) tables.set(name, table);
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
    if (typeof r === 'string') errors.add(f.place, `derived figure ${f.key}: ${r}`, 'correct the expression: figure keys and numbers with + - * / and parentheses');
    else if (typeof f.value === 'number' && Math.abs(r - f.value) > Math.max(1e-9, Math.abs(r) * 1e-6)) {
      errors.add(f.place, `derived figure ${f.key} is ${f.value} but ${f.derived} = ${r}`, 'correct the value or the expression');
    }
  }
  return { tables, figures, errors };
}

function figureTable(name: string, file: string, rows: RawRow[], sidecar: Sidecar | undefined, figures: Map<string, Figure>, errors: ErrorList): DataTable {
  const table: DataTable = { name, file, kind: 'figures', figures: [], rows: [], source: sidecar?.source };
  for (const { row, place } of rows) {
    const f = figureFromRow(row, place, sidecar, errors);
    if (!f) continue;
    const dup = figures.get(f.key);
    if (dup) {
      errors.add(place, `figure key "${f.key}" is already defined at ${dup.place.file}:${dup.place.line}`, 'keys must be unique across data files');
      continue;
    }
    figures.set(f.key, f);
    table.figures.push(f);
    table.rows.push(f.row);
  }
  return table;
}

/** A table without keys: charts only, its source from the sidecar. */
function plainTable(name: string, file: string, columns: string[], rows: RawRow[], sidecar: Sidecar | undefined, errors: ErrorList): DataTable | undefined {
  if (!sidecar) {
    errors.add({ file, line: 1 }, `${file} has no key column, so it is a plain table, and no sidecar says where it comes from`,
      `add ${file.replace(/\.(csv|json)$/i, '.yaml')} with source: and year: lines (or a key column, for figures the text can bind)`);
    return undefined;
  }
  const out: Record<string, Cell>[] = [];
  for (const { row, place } of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      errors.add(place, 'a data row must be an object');
      continue;
    }
    const cells: Record<string, Cell> = {};
    for (const col of columns) {
      const c = parseCell(row[col], col, sidecar.columns.get(col)?.type);
      if ('problem' in c) errors.add(place, c.problem, c.hint);
      else cells[col] = c.value;
    }
    out.push(cells);
  }
  return { name, file, kind: 'plain', figures: [], rows: out, source: sidecar.source };
}

interface RawRow { row: Record<string, unknown>; place: SourcePlace }

interface RawTable { columns: string[]; rows: RawRow[] }

function readCsv(text: string, file: string): RawTable {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: false, to: MAX_ROWS + 1 });
  } catch (e) {
    const err = e as { message: string; lines?: number };
    const msg = err.message.split('\n')[0].replace(/^Invalid Record Length: /, '');
    throw new InputError({ file, line: err.lines }, `cannot read CSV: ${msg}`, 'every row needs as many fields as the header; quote fields that contain commas');
  }
  if (records.length > MAX_ROWS) throw new InputError({ file }, `more than ${MAX_ROWS} rows`, 'split the data or aggregate it');
  const columns = csvHeader(text, file);
  // A figures file must have the figure columns even when it has no rows yet.
  for (const col of columns.includes('key') ? ['label', 'value', 'unit'] : []) {
    if (!columns.includes(col)) throw new InputError({ file, line: 1 }, `missing column "${col}"`, 'a file with a key column holds figures: its header must include key,label,value,unit (and year,source unless a sidecar gives them)');
  }
  return { columns, rows: records.map((r) => ({ row: r.record, place: { file, line: r.info.lines } })) };
}

/** The header's names, checked: a missing or repeated name would silently lose a column. */
function csvHeader(text: string, file: string): string[] {
  let header: string[] = [];
  try {
    header = (parseCsv(text, { bom: true, trim: true, to_line: 1 }) as string[][])[0] ?? [];
  } catch {
    // The full parse above has already reported unreadable CSV.
  }
  if (!header.length) throw new InputError({ file, line: 1 }, 'the data file has no header line', 'the first line names the columns, e.g. date,temp_max,weather');
  header.forEach((h, i) => {
    if (h === '') throw new InputError({ file, line: 1 }, `column ${i + 1} has no name`, 'name every column in the header');
    if (header.indexOf(h) !== i) throw new InputError({ file, line: 1 }, `column "${h}" appears twice in the header`, 'give each column its own name');
  });
  return header;
}

function readJson(text: string, file: string): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw jsonError(e, text, file);
  }
  if (!Array.isArray(data)) throw new InputError({ file, line: 1 }, 'a JSON data file must be an array of rows');
  const starts = jsonRowLines(text);
  if (data.length > MAX_ROWS) throw new InputError({ file }, `more than ${MAX_ROWS} rows`, 'split the data or aggregate it');
  const columns = [...new Set(data.flatMap((row) => (typeof row === 'object' && row !== null && !Array.isArray(row) ? Object.keys(row) : [])))];
  return { columns, rows: data.map((row, i) => ({ row: row as Record<string, unknown>, place: { file, line: starts[i] ?? 1 } })) };
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
