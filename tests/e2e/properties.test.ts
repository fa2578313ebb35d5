// Property tests: random Markdown and random chart data go into the build, which either succeeds
// or fails with InputError(s) whose every message starts with a `content/…:line` location;
// never another exception, and never text outside the page.
//
// The runs are reproducible: FC_SEED picks another seed (the failing seed and path are printed),
// FC_RUNS another number of runs.
import fc from 'fast-check';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { InputError, InputErrors } from '../../src/errors.js';
import type { LaidOutDocument } from '../../src/layout/pageTypes.js';
import { buildMarkdown, sampleStages, textOutsidePage } from '../helpers/buildMarkdown.js';
import { scratchProject } from '../helpers/project.js';

const SEED = Number(process.env.FC_SEED ?? 20261130);
const runs = (n: number) => Number(process.env.FC_RUNS ?? n);

/** `content/brief.md:12: …` or `content/data/x.csv:3:7: …` */
const LOCATED = /^content\/[^\s:]+:\d+(:\d+)?: \S/;

/** Fails the property unless `e` is an InputError or InputErrors whose messages are all located. */
function expectLocatedInputError(e: unknown): void {
  if (e instanceof InputErrors) {
    expect(e.errors.length).toBeGreaterThan(0);
    for (const x of e.errors) {
      expect(x).toBeInstanceOf(InputError);
      expect(x.message).toMatch(LOCATED);
    }
    return;
  }
  if (e instanceof InputError) {
    expect(e.message).toMatch(LOCATED);
    return;
  }
  throw new Error(`not an input error: ${e instanceof Error ? e.stack : String(e)}`);
}

/** A build that never settles fails the run instead of the whole test timing out. */
function withinSeconds<T>(p: Promise<T>, s: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the build did not finish within ${s} s`)), s * 1000);
  });
  return Promise.race([p, hung]).finally(() => clearTimeout(timer));
}

function expectOnPage(laid: LaidOutDocument): void {
  expect(textOutsidePage(laid)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Random Markdown, from a grammar

const WORDS = [
  'the', 'children', 'Cambodia', 'families', 'work', 'is', 'long', 'Hồ', 'Chí', 'Minh', 'Việt', 'Nam', 'người', 'đã', 'được',
  'ភ្នំពេញ', 'កម្ពុជា', 'កុមារ', 'ខំ', '👧🏽', '❤️', '🇰🇭', '👨‍👩‍👧', 'مرحبا', '中文', 'naïve', 'ﬁne', 'x̃', 'Ω', 'ﬀ',
  '0', '1,000', '$5', '45%', '&amp;', '&#0;', '&#x1F600;', '&bogus;', '&nbsp;', '<b>', '</i>', '<!-- c -->', '<script>alert(1)</script>',
  '\\*', '\\', '*', '_', '**', '`', '~~', '|', '[', ']', '(', ')', '{{', '}}', ':::', '#', '>', '-', '+', '1.', '!', '^', '"', "'", '--', '...',
  'https://example.org/a/very/long/path/without/spaces/at/all', 'supercalifragilisticexpialidocious'.repeat(4),
];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\t', '\u000b', '\u000c', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b',
  '\u200d', '\u200e', '\u202e', '\u2028', '\u2029', '\u2060', '\ufeff', '\ufffd', '\uffff', '\u{10ffff}'];
const URLS = ['https://example.org/a_(b)', 'http://x', 'mailto:a@example.org', '#anchor', '#', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)', 'file:///etc/passwd', 'FILE://c:/windows', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', '//evil.example',
  'relative/path.md', '', 'https://例え.jp/路径?q=ü#frag', 'https://example.org/' + 'a'.repeat(300), 'https://exa mple.org', '<>'];
const BINDING_OPS = ['figure', 'year', 'source', 'ref'];
const BAD_BINDING_OPS = ['include', 'bogus', 'FIGURE'];
const NOTE_IDS = ['1', 'a', 'note', 'x y', '^', ''];

/**
 * Keys and chart names: mostly real ones, so that most documents get through to layout, and
 * now and then a near miss or noise, which must fail with its place.
 */
function names() {
  const st = sampleStages();
  const keys = [...st.source.figures.keys()];
  const charts = [...st.source.charts.keys()];
  return {
    key: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...keys) }, fc.constantFrom('ilo.nosuch', 'nosuch.key', 'Bad Key', 'a.b.c', '.', 'ilo.', '{{x}}'), fc.string({ maxLength: 8 })),
    chart: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...charts) }, fc.constantFrom('nosuch', 'Scale', '../scale', 'scale extra', ''), fc.string({ maxLength: 8 })),
  };
}

function markdownArb() {
  const { key, chart } = names();
  const word = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTROL) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
  );
  const url = fc.oneof(fc.constantFrom(...URLS), fc.webUrl(), fc.string({ maxLength: 12 }));
  const { inline } = fc.letrec<{ inline: string }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word,
      fc.array(tie('inline'), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' ')),
      tie('inline').map((s) => `*${s}*`),
      tie('inline').map((s) => `**${s}**`),
      tie('inline').map((s) => `_${s}_`),
      word.map((s) => `\`${s}\``),
      fc.tuple(tie('inline'), url).map(([t, u]) => `[${t}](${u})`),
      fc.tuple(tie('inline'), url).map(([t, u]) => `[${t}](${u} "title")`),
      url.map((u) => `<${u}>`),
      fc.tuple(tie('inline'), url).map(([t, u]) => `![${t}](${u})`),
      fc.constantFrom(...NOTE_IDS).map((id) => `[^${id}]`),
      fc.tuple(fc.constantFrom(...BINDING_OPS), key, chart).map(([op, k, c]) => `{{${op} ${op === 'ref' ? c : k}}}`),
      fc.tuple(fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...BINDING_OPS) }, fc.constantFrom(...BAD_BINDING_OPS)), fc.oneof(key, chart)).map(([op, k]) => `{{${op} ${k}}}`),
      fc.constantFrom('  \n', '\\\n', '\n'),
    ),
  }));
  const indent = (s: string, by: string, first: string) => s.split('\n').map((l, i) => (i === 0 ? first : by) + l).join('\n');
  const closed = fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, fc.constant(false));
  const { block } = fc.letrec<{ block: string; blocks: string }>((tie) => ({
    blocks: fc.array(tie('block'), { minLength: 0, maxLength: 4 }).map((bs) => bs.join('\n\n')),
    block: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: inline },
      fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
      fc.tuple(inline, fc.constantFrom('===', '---')).map(([t, u]) => `${t}\n${u}`),
      fc.tuple(fc.boolean(), fc.constantFrom(0, 1, 7, 99, 999999999), fc.array(tie('blocks'), { minLength: 1, maxLength: 4 })).map(([ordered, start, items]) =>
        items.map((it, k) => (ordered ? indent(it, '    ', `${start + k}.  `) : indent(it, '  ', '- '))).join('\n')),
      tie('blocks').map((b) => indent(b, '> ', '> ')),
      fc.tuple(fc.constantFrom('', 'js', 'mermaid', '{.x}'), fc.array(word, { maxLength: 8 }), fc.boolean()).map(([lang, ws, shut]) => '```' + lang + '\n' + ws.join(' ') + (shut ? '\n```' : '')),
      fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => '    ' + ws.join(' ')),
      fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(inline, { maxLength: 7 }), { maxLength: 6 }), fc.constantFrom('---', ':--', '--:', ':-:')).map(([cols, rows, delim]) => {
        const row = (cells: string[]) => '| ' + cells.map((c) => c.replace(/\n/g, ' ').replace(/\|/g, '\\|')).join(' | ') + ' |';
        const head = row(Array.from({ length: cols }, (_, i) => `H${i}`));
        return [head, row(Array.from({ length: cols }, () => delim)), ...rows.map(row)].join('\n');
      }),
      fc.constantFrom('---', '***', '___'),
      fc.tuple(fc.constantFrom(...NOTE_IDS), inline).map(([id, t]) => `[^${id}]: ${t}`),
      fc.tuple(fc.constantFrom(...NOTE_IDS), tie('blocks')).map(([id, b]) => indent(b, '    ', `[^${id}]:\n    `)),
      fc.tuple(chart, inline, closed).map(([c, t, shut]) => `::: figure ${c}\n${t}${shut ? '\n:::' : ''}`),
      fc.tuple(key, inline, closed).map(([k, t, shut]) => `::: callout ${k}\n${t}${shut ? '\n:::' : ''}`),
      fc.tuple(fc.oneof({ weight: 10, arbitrary: fc.constantFrom('closing', 'cta') }, fc.constantFrom('bogus', 'figure', '')), tie('blocks'), closed)
        .map(([n, b, shut]) => `::: ${n}\n${b}${shut ? '\n:::' : ''}`),
    ),
  }));
  // A document: up to twenty blocks at the top level, each nesting a few levels at most.
  return fc.array(block, { minLength: 0, maxLength: 20 }).map((bs) => bs.join('\n\n'));
}

// ---------------------------------------------------------------------------------------------
// Random chart data

interface Row { key: string; label: string; value: unknown; unit: string; year: string; source: string; group: string }

const BAD_VALUES = ['NaN', 'nan', 'Infinity', '-Infinity', '1e999', '-1e999', '', ' ', '1,000', '12%', '0x1F', '٣', '1_000', '--1',
  '123456789012345678901234567890x', 'null', 'undefined', '"5"'];
/** Numbers the data files accept, from the ordinary to the absurd. */
const GOOD_VALUES = ['-0', '1e308', '-1e308', '5e-324', '.5', '5.', '+5', '4500000', '0', '-273.15', '123456789012345678901234567890'];

const TEXT = fc.oneof(
  fc.constantFrom('Cambodia', 'Hồ Chí Minh', 'ភ្នំពេញ', 'a, b', 'say "hi"', 'line\nbreak', '👧🏽', 'NaN', '<b>x</b>', '{{figure rand.k0}}', ''),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const nonEmpty = (a: fc.Arbitrary<string>) => a.map((s) => (s.trim() ? s : 'x'));

/** A row the data files accept, with values from the ordinary to the absurd. */
function goodRow(i: number): fc.Arbitrary<Row> {
  return fc.constantFrom('people', 'count', 'USD', 'percent', 'year', 'multiple', 'text').chain((unit) => fc.record({
    key: fc.constant(`rand.k${i}`),
    label: nonEmpty(TEXT),
    value: unit === 'text'
      ? nonEmpty(fc.oneof(TEXT, fc.constantFrom(...BAD_VALUES)))
      : fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...GOOD_VALUES)),
    unit: fc.constant(unit),
    year: fc.oneof(fc.integer({ min: 1000, max: 9999 }).map(String), fc.constant('n.d.')),
    source: nonEmpty(TEXT),
    group: TEXT,
  }));
}

/** A row that may be wrong in any field. */
function anyRow(i: number): fc.Arbitrary<Row> {
  return fc.record({
    key: fc.oneof({ weight: 4, arbitrary: fc.constant(`rand.k${i}`) }, { weight: 1, arbitrary: fc.constantFrom('rand.k0', 'Rand.K', 'rand', 'rand.a b', 'other.k1', '') }),
    label: TEXT,
    value: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...BAD_VALUES, ...GOOD_VALUES), fc.constantFrom(null, true, [1], { v: 1 })),
    unit: fc.constantFrom('people', 'count', 'USD', 'percent', 'year', 'multiple', 'text', '', 'kg', 'People'),
    year: fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('n.d.', '', '2020-21', 'nd')),
    source: TEXT,
    group: TEXT,
  });
}

const COLUMNS = ['key', 'label', 'value', 'unit', 'year', 'source', 'group'] as const;

function csvField(v: unknown): string {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const SPECS: Record<string, unknown>[] = [
  { mark: 'bar', encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' } } },
  { mark: { type: 'line', point: true }, encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' }, color: { field: 'group', type: 'nominal' } } },
  { mark: 'arc', encoding: { theta: { field: 'value', type: 'quantitative' }, color: { field: 'label', type: 'nominal' } } },
  { mark: 'text', encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'group', type: 'nominal' }, text: { field: 'label' } } },
];

const dataArb = fc.record({
  // Half the runs have only rows the data files accept, so the chart is drawn; the rest may
  // have a wrong field anywhere.
  rows: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()).chain(([n, good]) => fc.tuple(...Array.from({ length: n }, (_, i) => (good ? goodRow(i) : anyRow(i))))),
  format: fc.constantFrom('csv', 'csv', 'json'),
  spec: fc.integer({ min: 0, max: SPECS.length - 1 }),
  bind: fc.boolean(),
  /** A raw line appended to the CSV (a stray quote, too many fields…), or nothing. */
  junk: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('"unclosed,quote', 'a,b', 'x,y,z,1,2,3,4,5,6', ',,,,,,') }),
});

// ---------------------------------------------------------------------------------------------

describe('properties', () => {
  it('random Markdown builds, or fails with located input errors; text stays on the page', async () => {
    const st = sampleStages({ plain: true });
    await fc.assert(
      fc.asyncProperty(markdownArb(), async (md) => {
        let built;
        try {
          built = await withinSeconds(buildMarkdown(st, md), 20);
        } catch (e) {
          expectLocatedInputError(e);
          return;
        }
        expectOnPage(built.laid);
        expect(built.pdf!.subarray(0, 5).toString()).toBe('%PDF-');
        for (const w of built.warnings) expect(w).toMatch(LOCATED);
      }),
      { numRuns: runs(100), seed: SEED },
    );
  }, 120_000);

  it('random chart data builds, or fails with located input errors; text stays on the page', async () => {
    const dir = scratchProject();
    const FRONT = '---\ntitle: Random data\ndate: 2026-11-30\nlanguage: en-GB\ntemplate: brief\n---\n\n';
    await fc.assert(
      fc.asyncProperty(dataArb, async ({ rows, format, spec, bind, junk }) => {
        rmSync(join(dir, 'content/data/rand.csv'), { force: true });
        rmSync(join(dir, 'content/data/rand.json'), { force: true });
        if (format === 'csv') {
          const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))];
          if (junk) lines.push(junk);
          writeFileSync(join(dir, 'content/data/rand.csv'), lines.join('\n') + '\n');
        } else {
          writeFileSync(join(dir, 'content/data/rand.json'), JSON.stringify(rows, null, 2));
        }
        writeFileSync(join(dir, 'content/charts/rand.vl.json'), JSON.stringify({ description: 'Random data.', data: { name: 'rand' }, ...SPECS[spec] }, null, 2));
        const bindings = bind ? 'The first figure is {{figure rand.k0}} ({{year rand.k0}}; {{source rand.k0}}), shown in {{ref rand}}.\n\n' : '';
        writeFileSync(join(dir, 'content/brief.md'), `${FRONT}# Random data\n\n${bindings}::: figure rand\nRandom data, as read.\n:::\n`);
        let result;
        try {
          result = await withinSeconds(buildProject({ root: dir, only: ['brief'], dryRun: true }), 20);
        } catch (e) {
          expectLocatedInputError(e);
          return;
        }
        for (const d of result.documents) expectOnPage(d.laid);
      }),
      { numRuns: runs(60), seed: SEED },
    );
  }, 120_000);

  // Counterexamples the properties found, kept as plain tests.
  it('Khmer with above-base marks (ភ្នំពេញ, ខំ) builds wherever it appears', async () => {
    const st = sampleStages({ plain: true });
    const km = 'ភ្នំពេញ ខំប្រឹង';
    const md = `# ${km}\n\n${km} in a paragraph, \`${km}\` in code.\n\n| ${km} | b |\n|---|---|\n| [${km}](https://example.org) | ${'ខំ'.repeat(150)} |\n`;
    const r = await withinSeconds(buildMarkdown(st, md), 20);
    expectOnPage(r.laid);
  });

  it('an empty footnote that is never cited is reported at its line', async () => {
    const st = sampleStages({ plain: true });
    const r = await buildMarkdown(st, 'Text.\n\n[^1]:\n    > [^a]:\n    >     [^1]\n');
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) expect(w).toMatch(LOCATED);
  });

  it('a lone CR ends a line for error locations as it does for the parser', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'content/brief.md'), '---\ntitle: T\ndate: 2026-11-30\nlanguage: en-GB\ntemplate: brief\n---\n\nOne.\r\rTwo.\r\n\r\n{{figure ilo.nosuch}}\n');
    const e = await buildProject({ root: dir, only: ['brief'], dryRun: true }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^content\/brief\.md:12:1: no figure "ilo\.nosuch"/);
  });
});
