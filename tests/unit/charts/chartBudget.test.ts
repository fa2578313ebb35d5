// Expression functions that could allocate or backtrack without limit are bounded: a chart over
// a budget fails with one line naming its spec file, quickly, and never takes the process down.
import { describe, expect, it } from 'vitest';
import { compileChart } from '../../../src/charts/compileChart.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { riskyRegex } from '../../../src/charts/expressionBudget.js';

const FILE = 'content/charts/evil.vl.json';
const rows = [{ a: 1, s: 'aaa' }, { a: 2, s: 'bbb' }];

function compile(extra: object, specText?: string) {
  const spec = { data: { name: 't' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } }, ...extra };
  return compileChart({ spec, datasets: { t: rows }, theme: defaultChartTheme, width: 200, height: 100, specFile: FILE, specText });
}
const calc = (expr: string) => ({ transform: [{ calculate: expr, as: 'z' }] });

describe('expression budgets', () => {
  it.each([
    ['sequence(0, 1e9) in a calculate', calc('length(sequence(0, 1e9))'), /chart uses too much memory: sequence\(\) would make 1,000,000,000 numbers \(more than 100,000\)/],
    ['sequence with a tiny step', calc('length(sequence(0, 1, 1e-9))'), /sequence\(\) would make/],
    ['pad to 1e9 characters', calc("pad('x', 1e9)"), /chart uses too much memory: pad\(\) to 1,000,000,000 characters/],
    ['pad with a long padding string', calc(`pad('x', 5000, '${'y'.repeat(100)}')`), /pad\(\)/],
    ['a catastrophic regex literal in test()', calc(`test(/(a+)+$/, '${'a'.repeat(40)}b')`), /regular expression that can run for ever \(\/\(a\+\)\+\$\/: a repeated group repeats/],
    ['a catastrophic regexp() string', calc("test(regexp('(x|x)*y'), datum.s)"), /regular expression that can run for ever/],
    ['a catastrophic pattern in replace()', calc("replace(datum.s, /(\\w+\\s?)*$/, '')"), /regular expression that can run for ever/],
    ['a backreference', calc('test(/(a)\\1/, datum.s)'), /backreference/],
    ['a time sequence of a billion days', calc("length(timeSequence('day', 0, 1e7 * 864e5))"), /time sequence of 10,000,000 dates/],
  ])('%s: a located error', async (_name, extra, message) => {
    const run = compile(extra);
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.toThrow(/^content\/charts\/evil\.vl\.json: chart uses /);
  });

  it('given the spec’s text, the error names the line and column of the expression', async () => {
    const extra = { transform: [{ calculate: 'datum.a + 1', as: 'b' }, { calculate: "replace(datum.s, /(\\w+\\s?)*$/, '')", as: 'z' }] };
    const text = JSON.stringify(extra, null, 2);
    // The pattern as the JSON text writes it (backslashes doubled) is found on line 8.
    expect(text.split('\n')[7]).toContain('(\\\\w+');
    await expect(compile(extra, text)).rejects.toThrow(/^content\/charts\/evil\.vl\.json:8:\d+: chart uses a regular expression/);
    const seq = { transform: [{ calculate: 'length(sequence(0, 1e9))', as: 'n' }] };
    const seqText = JSON.stringify(seq, null, 2);
    await expect(compile(seq, seqText)).rejects.toThrow(`content/charts/evil.vl.json:4:${seqText.split('\n')[3].indexOf('sequence(') + 1}: chart uses too much memory`);
  });

  it('within the limits they keep vega’s meaning', async () => {
    const c = await compile({
      transform: [
        { calculate: 'length(sequence(0, 10))', as: 'n' },
        { calculate: "test(/^a+$/, datum.s) ? 'A' : replace(datum.s, /b/g, 'c')", as: 'r' },
      ],
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'n', type: 'quantitative' }, text: { field: 'r' } },
      mark: 'text',
    });
    expect(c.texts).toEqual(expect.arrayContaining(['A', 'ccc']));
    const j = await compile({ transform: [{ calculate: "join(split('x,y', ','), '+') + join(split('a1b2', /\\d/), '') + length(split('xy'))", as: 'j' }], mark: 'text', encoding: { x: { field: 'a', type: 'quantitative' }, text: { field: 'j' } } });
    expect(j.texts).toContain('x+yab1');
    const p = await compile({ transform: [{ calculate: "pad(datum.s, 5, '-', 'left') + '|' + pad(datum.s, 4) + '|'", as: 'p' }], mark: 'text', encoding: { x: { field: 'a', type: 'quantitative' }, text: { field: 'p' } } });
    expect(p.texts).toContain('--aaa|aaa |');
  });

  it('riskyRegex tells nested repetition from safe patterns', () => {
    for (const bad of ['(a+)+$', '(a*)*', '(a|aa)+', '((ab)*c)+', '(x{2,})*', '(\\d+\\.)+x', '(a)\\1']) expect(riskyRegex(bad), bad).toBeDefined();
    for (const ok of ['^a+$', '[ab]+c', '(ab)+', '(a{1})*', '\\(a+\\)+', '[(a+)]+', '^\\d{4}-\\d{2}$', '(?:foo)?bar']) expect(riskyRegex(ok), ok).toBeUndefined();
  });
});

describe('vega errors are located', () => {
  it('a signal cycle', async () => {
    const run = compile({ params: [{ name: 'p', expr: 'q + 1' }, { name: 'q', expr: 'p + 1' }] });
    await expect(run).rejects.toThrow(/^content\/charts\/evil\.vl\.json: chart failed to render: .*cycle/i);
  });
});
