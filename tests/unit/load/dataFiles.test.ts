// Loading content/data: plain tables with a sidecar, figures files with and without one, what
// cells become, and the located errors for what cannot be read.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadDataTables } from '../../../src/load/loadData.js';
import { SAMPLE_ROOT } from '../../helpers/paths.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'data-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function load(files: Record<string, string>) {
  return loadDataTables(project(files));
}

/** The messages of the input errors loading reports, one a line as the CLI prints them. */
function errorsOf(files: Record<string, string>): string[] {
  try {
    load(files);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  throw new Error('expected input errors, but the data loaded');
}

const SIDECAR = 'source: Test Bureau of Statistics\nyear: 2012-2015\n';

describe('plain tables', () => {
  it('read cells as null, numbers, ISO dates and text, and take source and period from the sidecar', () => {
    const { tables, figures } = load({
      'content/data/weather.csv': 'date,station,temp,rain,weather\n2012-01-01,A,-3.5,0,sun\n2012-01-02,,\u22121,1.25,\n2012-01-03T12:00Z,C,,1e-3,fog\n',
      'content/data/weather.yaml': SIDECAR + 'url: https://example.org/data\nlicence: CC BY 4.0\nnote: for the test\n',
    });
    const t = tables.get('weather')!;
    expect(t.kind).toBe('plain');
    expect(figures.size).toBe(0);
    expect(t.rows).toEqual([
      { date: '2012-01-01', station: 'A', temp: -3.5, rain: 0, weather: 'sun' },
      { date: '2012-01-02', station: null, temp: -1, rain: 1.25, weather: null },
      { date: '2012-01-03T12:00Z', station: 'C', temp: null, rain: 0.001, weather: 'fog' },
    ]);
    expect(t.source).toMatchObject({ text: 'Test Bureau of Statistics', period: { kind: 'range', from: 2012, to: 2015 }, url: 'https://example.org/data', licence: 'CC BY 4.0', note: 'for the test' });
  });

  it('JSON rows: empty text is a missing value too, and numbers stay numbers', () => {
    const { tables } = load({
      'content/data/j.json': JSON.stringify([{ a: 1, b: '', c: 'x' }, { a: null, b: '2.5', c: '2020-02-29' }]),
      'content/data/j.yaml': 'source: S\nyear: "as of 2026-03-01"\n',
    });
    expect(tables.get('j')!.rows).toEqual([{ a: 1, b: null, c: 'x' }, { a: null, b: 2.5, c: '2020-02-29' }]);
    expect(tables.get('j')!.source!.period).toEqual({ kind: 'asOf', date: '2026-03-01' });
  });

  it('the sidecar’s columns override how cells look', () => {
    const { tables } = load({
      'content/data/z.csv': 'zip,label,n\n01234,"1,000",5\n',
      'content/data/z.yaml': SIDECAR + 'columns:\n  zip: text\n  label: text\n',
    });
    expect(tables.get('z')!.rows).toEqual([{ zip: '01234', label: '1,000', n: 5 }]);
  });

  it('a number written with separators is refused at its line', () => {
    const errs = errorsOf({ 'content/data/x.csv': 'region,people\nNorth,12\nSouth,"4,500,000"\n', 'content/data/x.yaml': SIDECAR });
    expect(errs).toEqual(['content/data/x.csv:3: people: "4,500,000" is not a plain number — write numbers without separators and with a decimal point, e.g. 4500000 or 1.65 (or, if it is a label, say so in the sidecar: columns: { people: text })']);
    expect(errorsOf({ 'content/data/x.csv': 'a\n"1,5"\n', 'content/data/x.yaml': SIDECAR })[0]).toMatch(/^content\/data\/x\.csv:2: a: "1,5" is not a plain number/);
    expect(errorsOf({ 'content/data/x.csv': 'a\n1 234\n', 'content/data/x.yaml': SIDECAR })[0]).toMatch(/^content\/data\/x\.csv:2: a: "1 234" is not a plain number/);
    // Decimal only: Number("0x10") is 16, which is not what a reader of the file sees.
    expect(errorsOf({ 'content/data/x.csv': 'a\n1\n0x10\n', 'content/data/x.yaml': SIDECAR })[0]).toMatch(/^content\/data\/x\.csv:3: a: "0x10" is not a plain number/);
  });

  it('a date that is not in the calendar, and a column the sidecar says is numbers but is not', () => {
    expect(errorsOf({ 'content/data/x.csv': 'd\n2023-02-30\n', 'content/data/x.yaml': SIDECAR })[0]).toMatch(/^content\/data\/x\.csv:2: d: 2023-02-30 is not a day of the calendar/);
    expect(errorsOf({ 'content/data/x.csv': 'n\n1\nn/a\n', 'content/data/x.yaml': SIDECAR + 'columns: { n: number }\n' })[0]).toMatch(/^content\/data\/x\.csv:3: n: "n\/a" is not a plain number — .*leave the cell empty/);
  });

  it('a plain table needs a sidecar', () => {
    expect(errorsOf({ 'content/data/x.csv': 'a,b\n1,2\n' })).toEqual([
      'content/data/x.csv:1: content/data/x.csv has no key column, so it is a plain table, and no sidecar says where it comes from — add content/data/x.yaml with source: and year: lines (or a key column, for figures the text can bind)',
    ]);
  });

  it('sidecar mistakes are located in the sidecar', () => {
    const errs = errorsOf({
      'content/data/x.csv': 'a\n1\n',
      'content/data/x.yaml': 'source: S\nyear: 2015-2012\nlicense: CC0\nlicence: CC0\nurll: https://example.org\ncolumns:\n  a: numbr\n  b: text\n',
    });
    expect(errs).toEqual(expect.arrayContaining([
      'content/data/x.yaml:2:7: year "2015-2012" is not a range of years: 2012 is not after 2015 — write the earlier year first, e.g. 2012-2015; a single year is written alone',
      'content/data/x.yaml:5:1: unknown key "urll" in data sidecar — did you mean "url"?',
      'content/data/x.yaml:7:6: column "a": "numbr" is not a column type — did you mean "number"?',
      expect.stringMatching(/^content\/data\/x\.yaml:3:\d+: both licence and license are given/),
    ]));
    expect(errorsOf({ 'content/data/x.csv': 'a\n1\n', 'content/data/x.yaml': 'source: S\n' })[0]).toMatch(/^content\/data\/x\.yaml:1:1: data sidecar is missing "year"/);
    expect(errorsOf({ 'content/data/x.csv': 'a\n1\n', 'content/data/x.yaml': 'source: S\nyear: 2012\ncolumns: { b: text }\n' })[0]).toMatch(/^content\/data\/x\.yaml:3:\d+: no column "b" in content\/data\/x\.csv — its columns are a$/);
  });

  it('a sidecar without a data file, and a header that loses a column', () => {
    expect(errorsOf({ 'content/data/orphan.yaml': SIDECAR })[0]).toMatch(/^content\/data\/orphan\.yaml: sidecar without a data file/);
    expect(errorsOf({ 'content/data/x.csv': 'a,a\n1,2\n', 'content/data/x.yaml': SIDECAR })[0]).toMatch(/^content\/data\/x\.csv:1: column "a" appears twice/);
    expect(errorsOf({ 'content/data/x.csv': 'a,,c\n1,2,3\n', 'content/data/x.yaml': SIDECAR })[0]).toMatch(/^content\/data\/x\.csv:1: column 2 has no name/);
  });
});

describe('figures files', () => {
  const HEADER = 'key,label,value,unit,year,source,decimals,digits\n';

  it('take year and source from the sidecar unless the row gives them', () => {
    const { figures, tables } = load({
      'content/data/w.csv': 'key,label,value,unit,year\nw.total,Total,4426,mm,\nw.coldest,Coldest,-7.1,celsius,2013\nw.days,Days,1461,count,as of 2015-12-31\n',
      'content/data/w.yaml': SIDECAR + 'url: https://example.org/w\n',
    });
    expect(tables.get('w')!.kind).toBe('figures');
    expect(figures.get('w.total')).toMatchObject({ year: '2012–2015', period: { kind: 'range', from: 2012, to: 2015 }, source: 'Test Bureau of Statistics', url: 'https://example.org/w', unit: 'mm' });
    expect(figures.get('w.coldest')).toMatchObject({ year: '2013', value: -7.1, unit: '°C' });
    expect(figures.get('w.days')).toMatchObject({ year: 'as of 2015-12-31', period: { kind: 'asOf', date: '2015-12-31' } });
    // Charts see the file's columns as written: an empty year is missing, not the sidecar's.
    expect(tables.get('w')!.rows[0]).toEqual({ key: 'w.total', label: 'Total', value: 4426, unit: 'mm', year: null });
  });

  it('decimals or digits per figure', () => {
    const { figures } = load({ 'content/data/p.csv': HEADER + 'p.a,A,15,°C,2016,S,1,\np.b,B,20900000,people,2016,S,,2\np.c,C,1,count,2016,S,,\n' });
    expect(figures.get('p.a')).toMatchObject({ decimals: 1 });
    expect(figures.get('p.b')).toMatchObject({ digits: 2 });
    expect(figures.get('p.c')!.decimals).toBeUndefined();
    expect(figures.get('p.c')!.digits).toBeUndefined();
    const errs = errorsOf({ 'content/data/p.csv': HEADER + 'p.a,A,15,°C,2016,S,1,2\np.b,B,1,count,2016,S,-1,\np.c,C,1,count,2016,S,,0\n' });
    expect(errs).toEqual([
      'content/data/p.csv:2: p.a gives both decimals and digits — give one: decimals fixes the digits after the point, digits the significant digits',
      'content/data/p.csv:3: decimals "-1" of p.b is not a whole number from 0 to 20 — decimals says how many digits to print, e.g. 1 for 15.0',
      'content/data/p.csv:4: digits "0" of p.c is not a whole number from 1 to 21 — digits says how many digits to print, e.g. 3 for 4.57 million',
    ]);
  });

  it('an unknown unit is refused at its row with a did-you-mean', () => {
    const errs = errorsOf({ 'content/data/x.csv': HEADER + 'x.a,A,1,people,2016,S,,\nx.b,B,2,celcius,2016,S,,\nx.c,C,3,usd,2016,S,,\nx.d,D,4,furlongs,2016,S,,\n' });
    expect(errs).toEqual([
      'content/data/x.csv:3: unknown unit "celcius" for x.b — did you mean "°C"?',
      'content/data/x.csv:4: unknown unit "usd" for x.c — did you mean "USD"?',
      expect.stringMatching(/^content\/data\/x\.csv:5: unknown unit "furlongs" for x\.d — use one of people, count, percent, ppm, °C, .*, or an ISO currency code such as USD, EUR or KHR$/),
    ]);
  });

  it('a bad year range is refused at its row', () => {
    const errs = errorsOf({ 'content/data/x.csv': HEADER + 'x.a,A,1,people,2015-2012,S,,\nx.b,B,1,people,2012-13,S,,\nx.c,C,1,people,2026-03-01,S,,\n' });
    expect(errs).toEqual([
      'content/data/x.csv:2: year "2015-2012" of x.a is not a range of years: 2012 is not after 2015 — write the earlier year first, e.g. 2012-2015; a single year is written alone',
      'content/data/x.csv:3: year "2012-13" of x.b is not a range of years — write both years in full, e.g. 2012-2013, or "as of 2012-13" for a month',
      'content/data/x.csv:4: year "2026-03-01" of x.c is a date, not a year — write "as of 2026-03-01" for a count on that date, or the year alone',
    ]);
  });

  it('a value with separators, and hexadecimal, are not numbers', () => {
    const errs = errorsOf({ 'content/data/x.csv': HEADER + 'x.a,A,"4,500,000",people,2016,S,,\nx.b,B,0x10,count,2016,S,,\n' });
    expect(errs).toEqual([
      'content/data/x.csv:2: value "4,500,000" of x.a is not a plain number — write it without separators, e.g. 4500000 or 1.65',
      'content/data/x.csv:3: value "0x10" of x.b is not a plain number — write it without separators, e.g. 4500000 or 1.65',
    ]);
  });

  it('without a sidecar, every row still needs its year and source', () => {
    expect(errorsOf({ 'content/data/x.csv': 'key,label,value,unit\nx.a,A,1,people\n' })).toEqual([
      'content/data/x.csv:2: row x.a has no year, source — every figure needs a key, label, value and unit, and a year and source: in the row, or once for the file in a sidecar (data/NAME.yaml)',
    ]);
  });

  it('the sample’s figure files load as before: every figure with its source and year', () => {
    const { tables, figures } = loadDataTables(SAMPLE_ROOT);
    expect([...tables.values()].every((t) => t.kind === 'figures')).toBe(true);
    expect(figures.size).toBeGreaterThan(30);
    for (const f of figures.values()) {
      expect(f.source, f.key).not.toBe('');
      expect(f.year, f.key).toMatch(/^(\d{4}|n\.d\.)$/);
      // Unused columns that were empty are missing values now, not "".
      expect(Object.values(f.row), f.key).not.toContain('');
    }
    expect(figures.get('ilo.sex_trafficking_profits')).toMatchObject({ value: 99000000000, unit: 'USD', year: 'n.d.' });
  });
});
