// One row of a figures file (a data file with a key column) as a Figure that prose can bind:
// key, label, value and unit from the row; year and source from the row, or once for the whole
// file from its sidecar; optional decimals or significant digits for how it is printed.
import { ErrorList, didYouMean, type SourcePlace } from '../errors.js';
import { parseCell, parseNumber } from './dataCells.js';
import type { Sidecar } from './dataSidecar.js';
import { parsePeriod, periodText } from './figurePeriod.js';
import type { Cell, Figure, Period } from './sourceTypes.js';
import { currencyGuess, findUnit, unitIds, unitNames } from './unitTable.js';

const NEEDED = ['key', 'label', 'value', 'unit'] as const;
/** Kept as written for charts: a key is a name, and a year may be a range or "as of" a date. */
const VERBATIM = new Set(['key', 'year']);

export function figureFromRow(row: unknown, place: SourcePlace, sidecar: Sidecar | undefined, errors: ErrorList): Figure | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    errors.add(place, 'a data row must be an object');
    return undefined;
  }
  const cells = row as Record<string, unknown>;
  const get = (k: string) => (cells[k] === undefined || cells[k] === null ? '' : String(cells[k]).trim());
  const missing: string[] = NEEDED.filter((k) => get(k) === '');
  if (!sidecar) missing.push(...['year', 'source'].filter((k) => get(k) === ''));
  if (missing.length) {
    errors.add(place, `row ${get('key') || '(no key)'} has no ${missing.join(', ')}`,
      'every figure needs a key, label, value and unit, and a year and source: in the row, or once for the file in a sidecar (data/NAME.yaml)');
    return undefined;
  }
  const key = get('key');
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(key)) {
    errors.add(place, `figure key "${key}" is not of the form file.name`, 'use lower-case letters, digits and _ with a dot, e.g. ilo.forced_labour');
    return undefined;
  }
  const unitName = get('unit');
  const unit = findUnit(unitName);
  if (!unit) {
    const guess = currencyGuess(unitName) ?? didYouMean(unitName, unitNames());
    const id = guess && findUnit(guess)?.id;
    errors.add(place, `unknown unit "${unitName}" for ${key}`,
      id ? `did you mean "${id}"?` : `use one of ${unitIds().join(', ')}, or an ISO currency code such as USD, EUR or KHR`);
    return undefined;
  }
  // A list or object (JSON data) is not a value: String() would make it "[object Object]".
  for (const [k, v] of Object.entries(cells)) {
    if (typeof v === 'object' && v !== null) {
      errors.add(place, `${key}: ${k} is ${Array.isArray(v) ? 'a list' : 'an object'}; a cell must be a number, text, true, false or empty`, 'lists and objects cannot be charted or bound: give each value its own column');
      return undefined;
    }
  }
  let value: number | string = get('value');
  if (unit.style.kind !== 'text') {
    const n = typeof cells.value === 'number' && Number.isFinite(cells.value) ? cells.value : parseNumber(value);
    if (n === undefined) {
      errors.add(place, `value "${value}" of ${key} is not a plain number`, 'write it without separators, e.g. 4500000 or 1.65');
      return undefined;
    }
    value = n;
  }
  const period = figurePeriod(get('year'), key, place, sidecar, errors);
  const precision = readPrecision(get('decimals'), get('digits'), key, place, errors);
  if (!period || !precision) return undefined;
  const ownSource = get('source');
  const fileSource = ownSource ? undefined : sidecar?.source;
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(cells)) {
    if (k === 'value') out[k] = value;
    else if (VERBATIM.has(k)) out[k] = v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
    else {
      const c = parseCell(v, k, sidecar?.columns.get(k)?.type);
      if ('problem' in c) {
        errors.add(place, `${key}: ${c.problem}`, c.hint);
        return undefined;
      }
      out[k] = c.value;
    }
  }
  return {
    key,
    label: get('label'),
    value,
    unit: unit.id,
    year: periodText(period),
    period,
    source: ownSource || fileSource!.text,
    url: fileSource?.url,
    licence: fileSource?.licence,
    ...precision,
    derived: get('derived') || undefined,
    note: get('note') || undefined,
    row: out,
    place,
  };
}

function figurePeriod(written: string, key: string, place: SourcePlace, sidecar: Sidecar | undefined, errors: ErrorList): Period | undefined {
  if (!written) return sidecar!.source.period;
  const p = parsePeriod(written);
  if (!('problem' in p)) return p;
  errors.add(place, `year "${written}" of ${key} ${p.problem}`, p.hint);
  return undefined;
}

/** `decimals` (digits after the point) or `digits` (significant digits), at most one of them. */
function readPrecision(decimals: string, digits: string, key: string, place: SourcePlace, errors: ErrorList): Pick<Figure, 'decimals' | 'digits'> | undefined {
  if (decimals && digits) {
    errors.add(place, `${key} gives both decimals and digits`, 'give one: decimals fixes the digits after the point, digits the significant digits');
    return undefined;
  }
  const int = (s: string, min: number, max: number, what: string) => {
    if (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max) return Number(s);
    errors.add(place, `${what} "${s}" of ${key} is not a whole number from ${min} to ${max}`, `${what} says how many digits to print, e.g. ${what === 'decimals' ? '1 for 15.0' : '3 for 4.57 million'}`);
    return undefined;
  };
  if (decimals) {
    const d = int(decimals, 0, 20, 'decimals');
    return d === undefined ? undefined : { decimals: d };
  }
  if (digits) {
    const d = int(digits, 1, 21, 'digits');
    return d === undefined ? undefined : { digits: d };
  }
  return {};
}
