// A data file's sidecar: `data/weather.yaml` beside `data/weather.csv` says once where the
// whole table comes from (source, year or period, url, licence, note) and, when a column's
// cells should not be read by how they look, what the column holds.
import { existsSync } from 'node:fs';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { ErrorList, didYouMean, type SourcePlace } from '../errors.js';
import { parsePeriod } from './figurePeriod.js';
import { readMapping, readYaml, type FieldSpec, type YamlFile } from './readYaml.js';
import type { ColumnType, DataSource } from './sourceTypes.js';
import { readInputText } from './readInputFile.js';

export interface Sidecar {
  file: string;
  source: DataSource;
  /** Column types the sidecar states; other columns are read cell by cell. */
  columns: Map<string, { type: ColumnType; place: SourcePlace }>;
}

const FIELDS: Record<string, FieldSpec> = {
  source: { kind: 'string', required: true },
  year: { kind: 'string', required: true },
  url: { kind: 'url' },
  licence: { kind: 'string' },
  // The American spelling too: other organisations write it.
  license: { kind: 'string' },
  note: { kind: 'string' },
};
const COLUMN_TYPES: readonly ColumnType[] = ['number', 'text', 'date'];

/** The sidecar file of data file `dir/name.ext`, if there is one. */
export function sidecarFile(root: string, dir: string, name: string, errors: ErrorList): string | undefined {
  const found = ['yaml', 'yml'].map((e) => `${dir}/${name}.${e}`).filter((f) => existsSync(`${root}/${f}`));
  if (found.length > 1) errors.add({ file: found[1] }, `${name} has two sidecars, ${found.join(' and ')}`, 'keep one');
  return found[0];
}

export function readSidecar(root: string, file: string, errors: ErrorList): Sidecar | undefined {
  const y = readYaml(readInputText({ root, file, kind: 'sidecar' }), file);
  const node = y.doc.contents;
  if (!isMap(node)) {
    errors.add(y.placeOf(node), 'a data sidecar must be a mapping', 'write source: and year: lines, e.g. source: NOAA and year: 2012-2015');
    return undefined;
  }
  const before = errors.length;
  const rest = node.clone() as YAMLMap;
  rest.items = rest.items.filter((p) => !(isScalar(p.key) && p.key.value === 'columns'));
  const fields = readMapping(y, rest, { ...FIELDS, columns: { kind: 'string' } }, errors, 'data sidecar');
  const columns = readColumns(y, node.get('columns', true), errors);
  const yearNode = node.get('year', true);
  let period: DataSource['period'] = { kind: 'undated' };
  if (typeof fields.year === 'string') {
    const p = parsePeriod(fields.year);
    if ('problem' in p) errors.add(y.placeOf(yearNode), `year "${fields.year}" ${p.problem}`, p.hint);
    else period = p;
  }
  if (fields.licence && fields.license) errors.add(y.placeOf(node.get('license', true)), 'both licence and license are given', 'keep one');
  if (errors.length > before) return undefined;
  const source: DataSource = {
    text: fields.source as string,
    period,
    url: fields.url as string | undefined,
    licence: (fields.licence ?? fields.license) as string | undefined,
    note: fields.note as string | undefined,
    place: y.placeOf(node.get('source', true)),
  };
  return { file, source, columns };
}

function readColumns(y: YamlFile, node: unknown, errors: ErrorList): Sidecar['columns'] {
  const out: Sidecar['columns'] = new Map();
  if (node === undefined) return out;
  if (!isMap(node)) {
    errors.add(y.placeOf(node), '"columns" must map column names to number, text or date', 'e.g. columns: { zip: text, day: date }');
    return out;
  }
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const v = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof v === 'string' && (COLUMN_TYPES as readonly string[]).includes(v)) {
      out.set(name, { type: v as ColumnType, place: y.placeOf(pair.key) });
      continue;
    }
    const g = typeof v === 'string' ? didYouMean(v, COLUMN_TYPES) : undefined;
    errors.add(y.placeOf(pair.value ?? pair.key), `column "${name}": "${String(v)}" is not a column type`, g ? `did you mean "${g}"?` : `use one of: ${COLUMN_TYPES.join(', ')}`);
  }
  return out;
}
