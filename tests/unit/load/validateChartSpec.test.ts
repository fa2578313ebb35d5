// Chart specs: Vega-Lite schema validation with located, actionable messages, and the sandbox
// (no URLs, files, inline data or script-like links; expressions never become JavaScript).
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadCharts } from '../../../src/load/loadCharts.js';
import type { DataTable } from '../../../src/load/sourceTypes.js';
import { JsonLocator, validateChartSpec } from '../../../src/load/validateChartSpec.js';
import { schemaHash, vegaLiteVersion } from '../../../src/load/generated/vegaLiteValidator.js';
import { compileChart } from '../../../src/charts/compileChart.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { ALL_FIXTURES, REPO_ROOT } from '../../helpers/paths.js';

const require = createRequire(import.meta.url);
const ROOT = REPO_ROOT;

/** Validates a spec written as pretty JSON and returns the formatted one-line messages. */
function problems(spec: object, name = 'x'): string[] {
  const text = JSON.stringify(spec, null, 2);
  const file = `content/charts/${name}.vl.json`;
  return validateChartSpec(spec, text, file).map((p) => new InputError(p.place, p.problem, p.hint).message);
}

/** Line (1-based) of the first line of `text` containing `needle`. */
function lineOf(spec: object, needle: string): number {
  return JSON.stringify(spec, null, 2).split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const tables = new Map<string, DataTable>([
  ['ilo', { name: 'ilo', file: 'content/data/ilo.csv', kind: 'figures', figures: [], rows: [] }],
  ['tip', { name: 'tip', file: 'content/data/tip.csv', kind: 'figures', figures: [], rows: [] }],
]);

function project(files: Record<string, string | object>): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'charts-test-'));
  fs.mkdirSync(join(dir, 'content/charts'), { recursive: true });
  for (const [name, spec] of Object.entries(files)) {
    fs.writeFileSync(join(dir, 'content/charts', name), typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2));
  }
  return dir;
}

/** Every message loadCharts reports for the project (or [] when it loads). */
function loadErrors(dir: string): string[] {
  try {
    loadCharts(dir, tables);
    return [];
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
}

const bar = { data: { name: 'ilo' }, mark: 'bar', encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } };

describe('the generated validator', () => {
  it('was generated from the installed vega-lite', () => {
    const schemaFile = require.resolve('vega-lite/vega-lite-schema.json');
    const pkg = JSON.parse(fs.readFileSync(join(schemaFile, '../../package.json'), 'utf8')) as { version: string };
    expect(vegaLiteVersion).toBe(pkg.version);
    const schema = fs.readFileSync(schemaFile, 'utf8');
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    expect(createHash('sha256').update(schema).digest('hex').slice(0, 16)).toBe(schemaHash);
  });

  it('stays small enough to commit (< 2 MB)', () => {
    expect(fs.statSync(join(ROOT, 'src/load/generated/vegaLiteValidator.js')).size).toBeLessThan(2_000_000);
  });

  it('accepts the fixture projects’ charts', () => {
    let checked = 0;
    for (const root of Object.values(ALL_FIXTURES)) {
      for (const f of fs.readdirSync(join(root, 'content/charts'))) {
        const text = fs.readFileSync(join(root, 'content/charts', f), 'utf8');
        expect(validateChartSpec(JSON.parse(text), text, f), f).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(6 + 7 + 4 + 3 + 3); // sample and other-org, other-org-2, transformed-charts, two-column, brand
  });
});

describe('JsonLocator', () => {
  const text = '{\n  "a": {"b c": [1, {"d\\"e": "x\\"}"}]},\n  "f/g": true, "h": "é"\n}';
  const loc = new JsonLocator(text);
  it('finds values and keys by path', () => {
    expect(loc.place('f', [])).toEqual({ file: 'f', line: 1, col: 1 });
    expect(loc.place('f', ['a'])).toEqual({ file: 'f', line: 2, col: 8 });
    expect(loc.place('f', ['a'], 'key')).toEqual({ file: 'f', line: 2, col: 3 });
    expect(loc.place('f', ['a', 'b c', 0])).toEqual({ file: 'f', line: 2, col: 17 });
    expect(loc.place('f', ['a', 'b c', 1, 'd"e'])).toEqual({ file: 'f', line: 2, col: 29 });
    expect(loc.place('f', ['f/g'], 'key')).toEqual({ file: 'f', line: 3, col: 3 });
    expect(loc.place('f', ['h'])).toEqual({ file: 'f', line: 3, col: 21 });
  });
  it('falls back to the nearest existing ancestor', () => {
    expect(loc.place('f', ['a', 'nope', 3])).toEqual({ file: 'f', line: 2, col: 8 });
  });
});

describe('schema errors: one useful, located line each', () => {
  it('an unknown encoding channel gets a "did you mean"', () => {
    const spec = { ...bar, encoding: { ...bar.encoding, colr: { field: 'label' } } };
    expect(problems(spec)).toEqual([
      `content/charts/x.vl.json:${lineOf(spec, '"colr"')}:5: unknown key "colr" in encoding — did you mean "color"?`,
    ]);
  });

  it('unknown keys in marks, axes, titles and nested layers', () => {
    expect(problems({ ...bar, mark: { type: 'bar', colr: 'red' } })).toEqual([expect.stringMatching(/:\d+:5: unknown key "colr" in mark — did you mean "color"\?$/)]);
    expect(problems({ ...bar, title: { text: 'T', fontsize: 3 } })).toEqual([expect.stringMatching(/unknown key "fontsize" in title — did you mean "fontSize"\?$/)]);
    expect(problems({ data: { name: 'ilo' }, layer: [{ mark: 'bar' }, { mark: { type: 'line', strokeDsh: [2, 2] } }] })).toEqual([
      expect.stringMatching(/unknown key "strokeDsh" in layer\[1\]\.mark — did you mean "strokeDash"\?$/),
    ]);
    expect(problems({ ...bar, trasform: [] })).toEqual([expect.stringMatching(/:\d+:3: unknown key "trasform" in the spec — did you mean "transform"\?$/)]);
  });

  it('a bad enum value lists the allowed values (and guesses)', () => {
    const spec = { ...bar, encoding: { x: { field: 'label', type: 'quantitive' } } };
    const [m] = problems(spec);
    expect(m).toMatch(new RegExp(`^content/charts/x\\.vl\\.json:${lineOf(spec, 'quantitive')}:\\d+: "quantitive" is not a valid value for encoding\\.x\\.type — `));
    expect(m).toContain('did you mean "quantitative"?');
    expect(m).toContain('"quantitative", "ordinal", "temporal", "nominal"');
    expect(problems({ ...bar, mark: 'bra' })[0]).toMatch(/"bra" is not a valid value for mark — did you mean "bar"\? use .*"arc", "area", "bar"/);
    expect(problems({ ...bar, encoding: { y: { field: 'v', type: 'quantitative', scale: { type: 'logg' } } } })[0]).toMatch(/did you mean "log"\?/);
  });

  it('a wrong type says what fits, and spots quoted numbers', () => {
    expect(problems({ ...bar, mark: { type: 'bar', opacity: '0.5' } })).toEqual([
      expect.stringMatching(/mark\.opacity cannot be the string "0\.5" — write 0\.5 without quotes$/),
    ]);
    expect(problems({ ...bar, mark: { type: 'bar', fill: true } })).toEqual([
      expect.stringMatching(/mark\.fill cannot be true — use a CSS colour name, a hex colour like "#1d5c63", .*an expression \{"expr": "…"\}$/),
    ]);
    expect(problems({ ...bar, mark: { type: 'bar', opacity: 1.5 } })).toEqual([expect.stringMatching(/mark\.opacity is 1\.5, above the maximum 1 — use a number from 0 to 1$/)]);
  });

  it('a missing mark names the alternatives', () => {
    expect(problems({ data: { name: 'ilo' }, encoding: bar.encoding })).toEqual([
      'content/charts/x.vl.json:1:1: the spec is missing "mark" (or "layer") — add "mark"',
    ]);
  });

  it('a misspelt required key is one problem, not two', () => {
    expect(problems({ data: { namx: 'ilo' }, mark: 'bar' })).toEqual([expect.stringMatching(/unknown key "namx" in data — did you mean "name"\?$/)]);
    expect(problems({ ...bar, transform: [{ filter: 'datum.value > 1' }, { calculat: '1', as: 'z' }] })).toEqual([
      expect.stringMatching(/unknown key "calculat" in transform\[1\] — did you mean "calculate"\?$/),
    ]);
  });

  it('reports several problems of one spec together, in file order', () => {
    const spec = { ...bar, encoding: { x: { field: 'v', type: 'nominal', axis: { titel: 'x' } }, colour: { value: 'red' } } };
    const p = problems(spec);
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/unknown key "titel" in encoding\.x\.axis — did you mean "title"\?/);
    expect(p[1]).toMatch(/unknown key "colour" in encoding — did you mean "color"\?/);
  });

  it('keys that belong to another kind of spec are not called unknown', () => {
    expect(problems({ data: { name: 'ilo' }, mark: 'bar', layer: [{ mark: 'line' }] })[0]).toMatch(/"layer" cannot be used in the spec together with "data", "mark"/);
  });

  it('loadCharts reports every spec’s problems at once, with line and column', () => {
    const dir = project({
      'a.vl.json': '{\n  "data": {"name": "ilo"},\n  "mark": "bar",\n  "encoding": {"colr": {"field": "label"}}\n}\n',
      'b.vl.json': { ...bar, mark: 'lines' },
      'c.vl.json': bar,
    });
    const errs = loadErrors(dir);
    expect(errs).toEqual([
      'content/charts/a.vl.json:4:16: unknown key "colr" in encoding — did you mean "color"?',
      expect.stringMatching(/^content\/charts\/b\.vl\.json:5:11: "lines" is not a valid value for mark — did you mean "line"\?/),
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('sandbox', () => {
  afterEach(() => vi.restoreAllMocks());

  function spyOnIo() {
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    const readFile = vi.spyOn(fs, 'readFile');
    const promisesReadFile = vi.spyOn(fs.promises, 'readFile');
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    return () => {
      expect(readFile).not.toHaveBeenCalled();
      expect(promisesReadFile).not.toHaveBeenCalled();
      expect(fetch).not.toHaveBeenCalled();
      // The loader reads the spec files themselves and nothing else.
      for (const c of readFileSync.mock.calls) expect(String(c[0])).toMatch(/content\/charts\/[\w-]+\.vl\.json$/);
    };
  }

  const refused: [string, object, RegExp][] = [
    ['data.url', { data: { url: '/etc/passwd' }, mark: 'point' }, /:3:5: data\.url: charts may not read files or URLs \("\/etc\/passwd"\) — charts read only the project's data files/],
    ['http data', { data: { url: 'http://x/y.csv', format: { type: 'csv' } }, mark: 'bar' }, /data\.url: charts may not read files or URLs/],
    ['a layer’s data', { layer: [{ data: { name: 'ilo' }, mark: 'bar' }, { data: { url: 'file:///etc/passwd' }, mark: 'rule' }] }, /:\d+:9: layer\[1\]\.data\.url: charts may not read/],
    [
      'a lookup’s data',
      { data: { name: 'ilo' }, transform: [{ lookup: 'key', from: { data: { url: '/etc/passwd' }, key: 'a', fields: ['b'] } }], mark: 'bar' },
      /transform\[0\]\.from\.data\.url: charts may not read files or URLs/,
    ],
    ['an image mark’s url outside content/', { data: { name: 'ilo' }, mark: { type: 'image', url: '/etc/passwd' } }, /mark\.url: charts may not read files or URLs outside content\/ .* — image marks draw PNG or JPEG files under content\//],
    ['a url channel value outside content/', { data: { name: 'ilo' }, mark: 'image', encoding: { url: { value: 'file:///etc/passwd' } } }, /encoding\.url: charts may not read files or URLs outside content\//],
    ['a computed url channel', { data: { name: 'ilo' }, mark: 'image', encoding: { url: { value: 'a.png', condition: { test: 'true', value: '../x.png' } } } }, /encoding\.url: computed image URLs/],
    ['a javascript: href', { data: { name: 'ilo' }, mark: { type: 'bar', href: 'javascript:alert(1)' } }, /mark\.href: link "javascript:alert\(1\)" is not an http\(s\) URL/],
    ['a file: href value', { data: { name: 'ilo' }, mark: 'bar', encoding: { href: { value: 'file:///etc/passwd' } } }, /encoding\.href: link "file:\/\/\/etc\/passwd" is not/],
    ['a conditional href', { data: { name: 'ilo' }, mark: 'bar', encoding: { href: { condition: { test: 'true', value: 'data:text/html,x' }, value: 'https://ok.example' } } }, /encoding\.href: link "data:text\/html,x"/],
    ['a computed href', { data: { name: 'ilo' }, mark: 'bar', encoding: { href: { value: { expr: "'java' + 'script:'" } } } }, /encoding\.href: computed links \(expressions\) are not allowed/],
    ['inline datasets', { datasets: { d: [{ a: 1 }] }, data: { name: 'd' }, mark: 'bar' }, /"datasets" \(inline data\) is not allowed/],
    ['inline values', { data: { values: [{ a: 1 }] }, mark: 'bar' }, /data\.values: inline data is not allowed/],
    ['sequence data', { data: { sequence: { start: 0, stop: 1e9, as: 'a' } }, mark: 'bar' }, /:3:5: data\.sequence: generated data is not allowed in chart specs — charts read only/],
    ['a layer’s graticule', { layer: [{ data: { name: 'ilo' }, mark: 'bar' }, { data: { graticule: true }, mark: 'geoshape' }] }, /data\.graticule: generated data is not allowed/],
    ['sphere data', { data: { sphere: true }, mark: 'geoshape' }, /data\.sphere: generated data is not allowed/],
    ['maxbins 1e9', { data: { name: 'ilo' }, mark: 'bar', encoding: { x: { field: 'value', bin: { maxbins: 1e9 } } } }, /:10:9: maxbins 1000000000 asks for too many \(the limit is 1,000\) — /],
    ['a huge tickCount', { data: { name: 'ilo' }, mark: 'bar', encoding: { x: { field: 'value', axis: { tickCount: 1e7 } } } }, /tickCount 10000000 asks for too many/],
    ['a quantile step of 1e-9', { data: { name: 'ilo' }, transform: [{ quantile: 'value', step: 1e-9 }], mark: 'point' }, /a quantile step of 1e-9 asks for too many quantiles \(the limit is 10,000\)/],
    ['a density of a billion steps', { data: { name: 'ilo' }, transform: [{ density: 'value', maxsteps: 1e9 }], mark: 'area' }, /maxsteps 1000000000 asks for too many/],
    ['a regression of order 1e6', { data: { name: 'ilo' }, transform: [{ regression: 'value', on: 'year', method: 'poly', order: 1e6 }], mark: 'line' }, /a regression of order 1000000 is too high/],
    ['impute keyvals of a billion', { data: { name: 'ilo' }, mark: 'line', encoding: { x: { field: 'value', impute: { keyvals: { start: 0, stop: 1e9 } } } } }, /keyvals would make 1,000,000,000 keys/],
  ];

  it.each(refused)('refuses %s with a located error and reads nothing', (_name, spec, message) => {
    const dir = project({ 'evil.vl.json': spec });
    const check = spyOnIo();
    const errs = loadErrors(dir);
    check();
    expect(errs.join('\n')).toMatch(message);
    for (const e of errs) expect(e).toMatch(/^content\/charts\/evil\.vl\.json:\d+:\d+: .+ — .+/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('allows http(s) links and data from the project’s files', () => {
    const dir = project({
      'ok.vl.json': { ...bar, mark: { type: 'bar', href: 'https://example.org/a' }, transform: [{ lookup: 'key', from: { data: { name: 'tip' }, key: 'key', fields: ['value'] }, as: ['tipValue'] }] },
    });
    const charts = loadCharts(dir, tables);
    expect(charts.get('ok')!.dataNames.sort()).toEqual(['ilo', 'tip']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a 10,000-deep spec at the bracket past the limit, without walking it', () => {
    const text = '{\n  "mark": "bar",\n  "usermeta": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n}\n';
    const dir = project({ 'deep.vl.json': text, 'bad.vl.json': '{\n  "mark": "bar",,\n}' });
    const errs = loadErrors(dir);
    // 63 brackets deep on line 3, the 64th (at column 15 + 63) is one too many.
    expect(errs).toContain('content/charts/deep.vl.json:3:78: the spec is nested too deeply (more than 64 levels of objects and arrays) — a chart needs far fewer: look for a runaway layer, concat or condition');
    // the other chart's syntax error is reported in the same run, at its line and column
    expect(errs.find((e) => e.startsWith('content/charts/bad.vl.json'))).toMatch(/^content\/charts\/bad\.vl\.json:2:\d+: invalid JSON: /);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names a missing data file at its "name"', () => {
    const dir = project({ 'a.vl.json': '{\n  "data": {"name": "nosuch"},\n  "mark": "bar"\n}\n' });
    expect(loadErrors(dir)).toEqual(['content/charts/a.vl.json:2:20: no data file named "nosuch" — add content/data/nosuch.csv or use one of: ilo, tip']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('expressions are interpreted, never compiled to JavaScript', () => {
  const escapes = [
    "constructor.constructor('globalThis.__chartPwned = 1')()",
    "datum.constructor.constructor('globalThis.__chartPwned = 2')()",
    "'x'['constructor']['constructor']('globalThis.__chartPwned = 3')()",
    "(''+'').constructor.constructor('globalThis.__chartPwned = 4')()",
  ];
  const places: [string, (e: string) => object][] = [
    ['calculate', (e) => ({ transform: [{ calculate: e, as: 'z' }] })],
    ['filter', (e) => ({ transform: [{ filter: e }] })],
    ['a param', (e) => ({ params: [{ name: 'p', expr: e }] })],
    ['an encoding value', (e) => ({ encoding: { x: { field: 'a', type: 'quantitative' }, opacity: { value: { expr: e } } } })],
  ];
  const cases = escapes.flatMap((e) => places.map(([where, make]) => [where, e, make(e)] as const));

  it.each(cases)('%s: %s throws a located error and runs nothing', async (_where, _expr, extra) => {
    const spec = { data: { name: 't' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } }, ...extra };
    const run = compileChart({ spec, datasets: { t: [{ a: 1 }, { a: 2 }] }, theme: defaultChartTheme, width: 200, height: 100, specFile: 'content/charts/evil.vl.json' });
    await expect(run).rejects.toThrow(/^content\/charts\/evil\.vl\.json: /);
    expect((globalThis as Record<string, unknown>).__chartPwned).toBeUndefined();
  });

  it('no Function is constructed while compiling and running expressions', async () => {
    const spec = {
      data: { name: 't' },
      transform: [{ calculate: "datum.a * 2 + length('ab')", as: 'b' }, { filter: 'datum.b > 0' }],
      params: [{ name: 'k', expr: 'max(1, 2)' }],
      mark: 'point',
      encoding: {
        x: { field: 'a', type: 'quantitative', sort: 'descending' },
        y: { field: 'b', type: 'quantitative' },
        opacity: { value: { expr: 'k / 2' } },
      },
    };
    const opts = { datasets: { t: [{ a: 1 }, { a: 2 }, { a: 3 }] }, theme: defaultChartTheme, width: 200, height: 100 };
    await compileChart({ spec, ...opts }); // modules loaded, process-wide setup done
    const real = globalThis.Function;
    const made: string[] = [];
    globalThis.Function = new Proxy(real, {
      apply(target, self, args: string[]) {
        made.push(String(args[args.length - 1]));
        return Reflect.apply(target, self, args);
      },
      construct(target, args: string[]) {
        made.push(String(args[args.length - 1]));
        return Reflect.construct(target, args);
      },
    });
    try {
      const chart = await compileChart({ spec: { ...spec, title: 'again' }, ...opts });
      expect(chart.texts).toContain('again');
    } finally {
      globalThis.Function = real;
    }
    expect(made).toEqual([]);
  });
});
