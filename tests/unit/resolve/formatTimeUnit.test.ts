// Time-unit cells in a chart's data appendix: an error bar's months arrive as dates in Vega-Lite's
// placeholder year (2012-01-01); the appendix writes them by their unit, in the document's
// language, and leaves every cell the chart formatted itself as the chart wrote it.
import { describe, expect, it } from 'vitest';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { compileChart } from '../../../src/charts/compileChart.js';
import type { DrawnData } from '../../../src/charts/drawnData.js';
import { loadDataTables } from '../../../src/load/loadData.js';
import type { ChartSpecSource } from '../../../src/load/sourceTypes.js';
import { figureData } from '../../../src/resolve/figureData.js';
import { formatTimeUnit, timeUnitOf } from '../../../src/resolve/formatTimeUnit.js';
import { TRANSFORMED_CHARTS_ROOT } from '../../helpers/paths.js';

const JAN = Date.UTC(2012, 0, 1);
const spec = { name: 'c', file: 'content/charts/c.vl.json', spec: {}, dataNames: [] } satisfies ChartSpecSource;
/** A drawn table of one time-unit column and a number, as readDrawnData gives it. */
function drawn(field: string, cells: [string, number][]): DrawnData {
  return {
    tables: [{
      marks: ['rule'],
      columns: [{ title: field, field, channel: 'x', type: 'time' }, { title: 'Mean', field: 'mean_t', channel: 'y', type: 'number' }],
      rows: cells.map((c) => [c, ['8.23', 8.23]]),
      keys: cells.map(() => null),
    }],
    keys: [],
    traced: false,
  };
}
const firstColumn = (d: ReturnType<typeof figureData>) => {
  const t = d.tables[0];
  if (t.kind !== 'drawn') throw new Error('expected a drawn table');
  return t.rows.map((r) => r[0]);
};

describe('timeUnitOf', () => {
  it('reads the unit from the field name Vega-Lite gives a time-unit field', () => {
    expect(timeUnitOf('month_date')).toEqual(['month']);
    expect(timeUnitOf('yearmonth_date')).toEqual(['year', 'month']);
    expect(timeUnitOf('utcyearmonthdate_when')).toEqual(['year', 'month', 'date']);
    expect(timeUnitOf('dayofyear_date')).toEqual(['dayofyear']);
    expect(timeUnitOf('date')).toBeUndefined();
    expect(timeUnitOf('mean_temp_max')).toBeUndefined();
    expect(timeUnitOf('monthmonth_date')).toBeUndefined();
  });
});

describe('formatTimeUnit', () => {
  it('writes a month by its name in the document language, with its year when the unit has one', () => {
    expect(formatTimeUnit(JAN, ['month'], 'en-US')).toBe('Jan');
    expect(formatTimeUnit(JAN, ['month'], 'fr-FR')).toBe('janv.');
    expect(formatTimeUnit(JAN, ['month'], 'km')).toBe('មករា');
    expect(formatTimeUnit(JAN, ['year', 'month'], 'en-GB')).toBe('Jan 2012');
    expect(formatTimeUnit(Date.UTC(2014, 5, 3), ['year'], 'en-GB')).toBe('2014');
  });

  it('leaves units Intl does not write to the caller', () => {
    expect(formatTimeUnit(JAN, ['quarter'], 'en-GB')).toBeUndefined();
    expect(formatTimeUnit(JAN, ['year', 'week'], 'en-GB')).toBeUndefined();
  });
});

describe('the appendix of a chart with a time unit', () => {
  it('writes the placeholder dates by their unit, in the document language', () => {
    const d = drawn('month_date', [['2012-01-01', JAN], ['2012-02-01', Date.UTC(2012, 1, 1)]]);
    expect(firstColumn(figureData(d, spec, [], new Map(), 'en-US'))).toEqual(['Jan', 'Feb']);
    expect(firstColumn(figureData(d, spec, [], new Map(), 'fr-FR'))).toEqual(['janv.', 'févr.']);
  });

  it('keeps what the chart formatted itself, and dates of a field with no time unit', () => {
    expect(firstColumn(figureData(drawn('month_date', [['January', JAN]]), spec, [], new Map(), 'fr-FR'))).toEqual(['January']);
    expect(firstColumn(figureData(drawn('date', [['2012-01-01', JAN]]), spec, [], new Map(), 'fr-FR'))).toEqual(['2012-01-01']);
  });

  it('gives the error-bar chart of months its month names (compiled by Vega-Lite)', async () => {
    const { tables } = loadDataTables(TRANSFORMED_CHARTS_ROOT);
    const weather = tables.get('weather')!.figures.map((f) => ({ ...f.row }));
    const chart = await compileChart({
      spec: {
        data: { name: 'weather' },
        encoding: { x: { timeUnit: 'month', field: 'date', type: 'ordinal', title: null } },
        layer: [{ mark: { type: 'errorbar', extent: 'stdev' }, encoding: { y: { field: 'temp_max', type: 'quantitative' } } }],
      },
      datasets: { weather }, theme: defaultChartTheme, width: 400, height: 200, specFile: 'test.vl.json',
    });
    const months = figureData(chart.drawn, spec, [], new Map(), 'en-US').tables.flatMap((t) => (t.kind === 'drawn' ? t.rows.flat() : []));
    expect(months.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c))).toEqual([]);
    expect(months.filter((c) => /^[A-Z][a-z]{2}$/.test(c))).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });
});
