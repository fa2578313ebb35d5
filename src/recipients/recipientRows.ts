// The rows of a recipients file as text cells with their line, before any checking: CSV
// (RFC 4180; a BOM and Windows line endings are fine; quoted cells may span lines, e.g. a
// postal address; a line starting with # is a comment) or a JSON array of flat objects.
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError, type SourcePlace } from '../errors.js';
import { jsonRowLines } from '../load/jsonRowLines.js';

export interface RawRecipientRow {
  cells: Record<string, string>;
  place: SourcePlace;
}

const MAX_ROWS = 200_000;

export interface RawRecipientRows {
  columns: string[];
  rows: RawRecipientRow[];
  /** The header's line (CSV), for errors about columns. */
  headerLine: number;
}

export function readRecipientRows(text: string, file: string, format: 'csv' | 'json'): RawRecipientRows {
  return format === 'csv' ? readCsv(text, file) : readJson(text, file);
}

function readCsv(text: string, file: string): RawRecipientRows {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parseCsv(text, { bom: true, comment: '#', comment_no_infix: true, info: true, raw: true, skip_empty_lines: true, trim: true, relax_column_count: false, to: MAX_ROWS + 2 }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message: string; lines?: number };
    const msg = err.message.split('\n')[0].replace(/^Invalid Record Length: /, '');
    throw new InputError({ file, line: err.lines }, `cannot read CSV: ${msg}`, 'every row needs as many fields as the header; quote fields that contain commas or line breaks');
  }
  if (records.length > MAX_ROWS + 1) throw new InputError({ file }, `more than ${MAX_ROWS} recipients`, 'split the list and run once per part');
  const [head, ...body] = records;
  const columns = head ? head.record.map((c) => c.trim()) : [];
  const rows = body.map((r) => {
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => (cells[c] = (r.record[i] ?? '').trim()));
    return { cells, place: { file, line: firstLine(r) } };
  });
  return { columns, rows, headerLine: head ? firstLine(head) : 1 };
}

/**
 * The line a record starts on: info.lines is its last line, and its raw text holds the
 * comment and blank lines before it and every line a quoted cell spans.
 */
function firstLine(r: { info: { lines: number }; raw: string }): number {
  const lines = r.raw.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
  let skip = 0;
  while (skip < lines.length - 1 && (lines[skip].startsWith('#') || lines[skip].trim() === '')) skip++;
  return r.info.lines - (lines.length - skip - 1);
}

function readJson(text: string, file: string): RawRecipientRows {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new InputError({ file, line: 1 }, 'a JSON recipients file must be an array of objects, one per recipient');
  if (data.length > MAX_ROWS) throw new InputError({ file }, `more than ${MAX_ROWS} recipients`, 'split the list and run once per part');
  const lines = jsonRowLines(text);
  const columns: string[] = [];
  const rows: RawRecipientRow[] = [];
  data.forEach((row: unknown, i) => {
    const place = { file, line: lines[i] ?? 1 };
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InputError(place, 'each recipient must be an object of column names to values');
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) {
      if (!columns.includes(k)) columns.push(k);
      if (v !== null && typeof v === 'object') throw new InputError(place, `"${k}" must be text or a number, not a list or object`);
      cells[k] = v === null || v === undefined ? '' : String(v).trim();
    }
    rows.push({ cells, place });
  });
  for (const r of rows) for (const c of columns) r.cells[c] ??= '';
  return { columns, rows, headerLine: 1 };
}
