// Hostile charts (issue 12): a chart that asks for generated data, allocates or backtracks
// without limit, runs for ever, eats memory, or is malformed fails the build with one located
// line naming its spec file, exit 2, no stack trace, while the project's other charts still
// compile and report their own errors in the same run, and the previous PDFs stay as they were.
// Each case runs the shipped CLI on a copy of the sample project, killed after 90 s (which
// fails the test); how long a case takes is measured by `npm run bench`, not asserted here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CLI, runShippedCli } from '../helpers/cliBundle.js';
import { scratchProject } from '../helpers/project.js';

type Json = Record<string, unknown>;

/** The sample's scale chart (placed in the brief), as a tree to plant trouble in. */
let scale: Json;
/** A project built once (its output/ and cache are copied into each case). */
let built: string;
let previous: Buffer;

const SCALE = 'content/charts/scale.vl.json';
const OTHER = 'content/charts/forced-labour.vl.json';

/** The scale chart with `transform` first in its transforms. */
function withTransform(...transform: Json[]): string {
  return JSON.stringify({ ...scale, transform: [...transform, ...(scale.transform as Json[])] }, null, 2);
}

/** The other bad chart of every case: an expression vega cannot parse, found only at compile time. */
function otherBad(root: string): void {
  const spec = JSON.parse(readFileSync(join(root, OTHER), 'utf8')) as Json;
  spec.transform = [{ calculate: 'datum.value +* 2', as: 'broken' }, ...((spec.transform as Json[] | undefined) ?? [])];
  writeFileSync(join(root, OTHER), JSON.stringify(spec, null, 2));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

interface Case {
  name: string;
  /** The bad scale chart's text. */
  text: () => string;
  /** Its error line, which must also name the line when the text has one to point at. */
  message: (text: string) => RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cases: Case[] = [
  {
    name: 'sequence data of 1e9 rows',
    text: () => JSON.stringify({ ...scale, data: { sequence: { start: 0, stop: 1e9, as: 'value' } } }, null, 2),
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, '"sequence"')}:\\d+: data\\.sequence: generated data is not allowed in chart specs — `),
  },
  {
    name: 'sequence(0, 1e9) in a calculate',
    text: () => withTransform({ calculate: 'length(sequence(0, 1e9))', as: 'n' }),
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, 'sequence(0, 1e9)')}:\\d+: chart uses too much memory: sequence\\(\\) would make 1,000,000,000 numbers`),
  },
  {
    name: "pad('x', 1e9)",
    text: () => withTransform({ calculate: "pad('x', 1e9)", as: 'p' }),
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, "pad('x'")}:\\d+: chart uses too much memory: pad\\(\\) to 1,000,000,000 characters`),
  },
  {
    name: 'a catastrophic regexp',
    text: () => withTransform({ filter: `test(/(a+)+$/, '${'a'.repeat(60)}b')` }),
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, '(a+)+$')}:\\d+: chart uses a regular expression that can run for ever`),
  },
  {
    name: 'maxbins 1e9',
    text: () => {
      const s = structuredClone(scale) as { encoding: { x: Json } };
      s.encoding.x.bin = { maxbins: 1e9 };
      return JSON.stringify(s, null, 2);
    },
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, '"maxbins"')}:\\d+: maxbins 1000000000 asks for too many \\(the limit is 1,000\\) — `),
  },
  {
    name: 'a JSON syntax error',
    text: () => JSON.stringify(scale, null, 2).replace('"height": 120,', '"height": 120,,'),
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, '"height": 120,,')}:\\d+: invalid JSON: `),
  },
  {
    name: '10,000-deep nesting',
    text: () => JSON.stringify({ ...scale, usermeta: { x: 0 } }, null, 2).replace('"x": 0', '"x": ' + '['.repeat(10_000) + ']'.repeat(10_000)),
    message: (t) => new RegExp(`^${escape(SCALE)}:${lineOf(t, '[[[[')}:\\d+: the spec is nested too deeply \\(more than 64 levels`),
  },
  {
    name: 'a signal cycle',
    text: () => JSON.stringify({ ...scale, params: [{ name: 'p', expr: 'q + 1' }, { name: 'q', expr: 'p + 1' }] }, null, 2),
    message: () => new RegExp(`^${escape(SCALE)}: chart failed to render: .*cycle`, 'i'),
  },
  {
    // Polynomial, not exponential, backtracking: it passes the pattern check, and only the
    // time limit stops it.
    name: 'a chart that runs for ever',
    text: () => withTransform({ filter: `test(/a*a*a*a*a*a*b/, '${'a'.repeat(9000)}')` }),
    message: () => new RegExp(`^${escape(SCALE)}: chart did not finish in 20 s — `),
  },
  {
    name: 'a chart that eats memory',
    text: () => withTransform(
      { calculate: 'sequence(0, 100000)', as: 'a' },
      { flatten: ['a'] },
      { calculate: 'sequence(0, 100000)', as: 'b' },
      { flatten: ['b'] },
    ),
    message: () => new RegExp(`^${escape(SCALE)}: chart used more than 512 MB of memory — `),
  },
];

describe('hostile charts', () => {
  beforeAll(() => {
    built = scratchProject();
    scale = JSON.parse(readFileSync(join(built, SCALE), 'utf8')) as Json;
    const r = runShippedCli(['build', '--root', built, '--out', join(built, 'output'), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    previous = readFileSync(join(built, 'output/brief.pdf'));
  }, 120_000);
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it.each(cases)('$name: exit 2, one located line, the other chart reported too, the PDF kept', (c) => {
    const root = mkdtempSync(join(tmpdir(), 'report-hostile-chart-'));
    try {
      // The built project with its output and cache: the good charts come from the cache, the
      // bad ones are compiled.
      cpSync(built, root, { recursive: true });
      const text = c.text();
      writeFileSync(join(root, SCALE), text);
      otherBad(root);
      const r = spawnSync(process.execPath, [SHIPPED_CLI, 'build', '--root', root, '--out', join(root, 'output'), '--quiet'], { encoding: 'utf8', timeout: 90_000 });
      expect(r.signal, 'killed after 90 s').toBeNull();
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('warning: '));
      expect(r.stderr).not.toMatch(/^\s+at |report: build failed|RangeError|FATAL/m);
      const own = lines.filter((l) => l.startsWith(SCALE));
      expect(own).toHaveLength(1);
      expect(own[0]).toMatch(c.message(text));
      // The other bad chart is reported in the same run, and nothing else.
      expect(lines.filter((l) => l.startsWith(OTHER))).toEqual([expect.stringMatching(/^content\/charts\/forced-labour\.vl\.json: invalid Vega-Lite spec: Unexpected token \*/)]);
      expect(lines).toHaveLength(2);
      expect(readFileSync(join(root, 'output/brief.pdf')).equals(previous)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
