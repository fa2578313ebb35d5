// What a cell of a data file is: an empty cell is a missing value (null), a plain decimal number
// is a number, an ISO date stays its ISO text, anything else is text. Numbers written the way
// people type them for reading (4,500,000 or 1.234,5 or 0x10) are refused rather than guessed:
// a wrong guess would chart a wrong number.
import { badDate } from './figurePeriod.js';
import type { Cell, ColumnType } from './sourceTypes.js';

/** Decimal only: 0x10, 1_000 and Infinity are not numbers. U+2212 is accepted as a minus sign. */
const PLAIN_NUMBER = /^[-+\u2212]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** Looks like a number to a reader: digits with separators, a decimal comma, or hexadecimal. */
const FORMATTED_NUMBER = /^[-+\u2212]?(\d{1,3}([,\u00a0\u202f' ’]\d{3})+([.,]\d+)?|\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+|0x[0-9a-f]+)$/i;
/** ISO 8601 date or date-time; the chart compiler reads a date-time without a zone as UTC. */
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (!PLAIN_NUMBER.test(t)) return undefined;
  const n = Number(t.replace('\u2212', '-'));
  return Number.isFinite(n) ? n : undefined;
}

export type CellResult = { value: Cell } | { problem: string; hint: string };

const SEPARATOR_HINT = 'write numbers without separators and with a decimal point, e.g. 4500000 or 1.65';

/**
 * One cell of a table. `type` is the column's type when the sidecar states it; otherwise each
 * cell is what it looks like.
 */
export function parseCell(raw: unknown, column: string, type?: ColumnType): CellResult {
  if (raw === undefined || raw === null) return { value: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { problem: `${column}: ${raw} is not a finite number`, hint: 'leave the cell empty (null) for a missing value' };
    if (type === 'text') return { value: String(raw) };
    if (type === 'date') return { problem: `${column}: ${raw} is a number, not a date`, hint: 'write dates as ISO text, e.g. "2026-03-01"' };
    return { value: raw };
  }
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw !== 'string') return { problem: `${column}: a cell must be a number, text, true, false or empty`, hint: 'lists and objects cannot be charted: give each its own column' };
  const s = raw.trim();
  if (s === '') return { value: null };
  if (type === 'text') return { value: s };
  const n = parseNumber(s);
  if (type === 'number') {
    if (n !== undefined) return { value: n };
    return { problem: `${column}: "${s}" is not a plain number`, hint: FORMATTED_NUMBER.test(s) ? SEPARATOR_HINT : 'the sidecar says this column holds numbers: leave the cell empty for a missing value' };
  }
  const date = ISO_DATE.exec(s);
  if (type === 'date' || date) {
    const why = date ? badDate(date[1]) : `"${s}" is not an ISO date`;
    if (why) return { problem: `${column}: ${why}`, hint: 'write dates as YYYY-MM-DD (optionally with a time, THH:MM, read as UTC)' };
    return { value: s };
  }
  if (n !== undefined) return { value: n };
  if (FORMATTED_NUMBER.test(s)) {
    return { problem: `${column}: "${s}" is not a plain number`, hint: `${SEPARATOR_HINT} (or, if it is a label, say so in the sidecar: columns: { ${column}: text })` };
  }
  return { value: s };
}
