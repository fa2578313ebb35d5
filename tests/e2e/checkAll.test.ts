// Every problem in one run (issue "Any organisation's content builds right", item 8): data,
// chart and Markdown errors no longer hide each other, and `report check` lists every error and
// warning without writing anything.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runShippedCli } from '../helpers/cliBundle.js';
import { SAMPLE_ROOT, scratchProject } from '../helpers/project.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

/** Replaces the first `find` in a project file and returns the 1-based line where it was. */
function edit(dir: string, file: string, find: string, replace: string): number {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const idx = text.indexOf(find);
  expect(idx, `${find} in ${file}`).toBeGreaterThanOrEqual(0);
  writeFileSync(path, text.replace(find, replace));
  return text.slice(0, idx).split('\n').length;
}

/** One data error, one chart error, one Markdown error; the lines they are on. */
function threeErrors(dir: string) {
  return {
    md: edit(dir, 'content/brief.md', '{{figure cambodia.gsi_people}} people in modern slavery', '{{figure cambodia.gsi_peopel}} people in modern slavery'),
    chart: edit(dir, 'content/charts/scale.vl.json', '"type": "nominal"', '"type": "nominl"'),
    data: edit(dir, 'content/data/ilo.csv', 'Forced sexual exploitation,4500000', 'Forced sexual exploitation,"4,500,000"'),
  };
}

describe('all the problems of a project in one run', () => {
  it('a data error, a chart error and a Markdown error are reported together, sorted by file and line, exit 2', async () => {
    const dir = scratchProject();
    const at = threeErrors(dir);
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out'), '--quiet']);
    expect(r.code).toBe(2);
    // Nothing else: the data file's broken row is bound in both documents and drawn in a
    // chart, and the broken chart is placed in both, but they are not reported again.
    expect(r.err).toEqual([
      `content/brief.md:${at.md}:3: no figure "cambodia.gsi_peopel" in content/data — did you mean "cambodia.gsi_people"?`,
      expect.stringMatching(new RegExp(`^content/charts/scale\\.vl\\.json:${at.chart}:\\d+: "nominl" is not a valid value for encoding\\.y\\.type — did you mean "nominal"\\?`)),
      `content/data/ilo.csv:${at.data}: value "4,500,000" of ilo.sexual_exploitation is not a plain number — write it without separators, e.g. 4500000 or 1.65`,
    ]);
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('what refers to a data file or chart that failed to load is not reported again', async () => {
    const dir = scratchProject();
    // The whole of ilo.csv fails (bound in both documents, read by a chart placed in both),
    // and a chart placed in both documents is not JSON.
    const data = edit(dir, 'content/data/ilo.csv', 'ilo.forced_labour,', 'ilo.forced_labour,extra,');
    edit(dir, 'content/charts/timeline.vl.json', '{', '{,');
    const r = await run(['build', '--root', dir, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toMatch(/^content\/charts\/timeline\.vl\.json:1:\d+: invalid JSON/);
    expect(r.err[1]).toMatch(new RegExp(`^content/data/ilo\\.csv:${data}: cannot read CSV`));
  });

  it('a footnote citation with no definition fails the build at its place, with a did-you-mean', async () => {
    const dir = scratchProject();
    const line = edit(dir, 'content/brief.md', 'forms of pressure.', 'forms of pressure.[^ipum]');
    const r = await run(['build', '--root', dir, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(new RegExp(`^content/brief\\.md:${line}:\\d+: footnote \\[\\^ipum\\] is cited but never defined — did you mean \\[\\^iom\\]\\?$`))]);
  });
});

const LINE = /^content\/[\w/.-]+(:\d+(:\d+)?)?: (error|warning): \S.*$/;

describe('report check', () => {
  it('on the sample: no errors, each warning on a line of its own, then how many', async () => {
    const r = await run(['check', '--root', SAMPLE_ROOT]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const listed = r.out.slice(0, -1);
    for (const l of listed) expect(l).toMatch(LINE);
    expect(listed.every((l) => l.includes(': warning: '))).toBe(true);
    expect(r.out.at(-1)).toBe(`0 errors, ${listed.length} warning${listed.length === 1 ? '' : 's'}`);
    // The one figure its authors left out of the text on purpose ("check before use").
    expect(listed).toContain('content/data/cambodia.csv:14: warning: figure cambodia.weekly_wage_multiple is never used: no document binds it and no chart in a document draws it — bind it with {{figure cambodia.weekly_wage_multiple}}, or remove the row');
    expect((await run(['check', '--root', SAMPLE_ROOT, '--strict'])).code).toBe(2);
  }, 60_000);

  it('lists errors of every stage with the warnings, in order, and exits 2', async () => {
    const dir = scratchProject();
    const at = threeErrors(dir);
    const r = await run(['check', '--root', dir]);
    expect(r.code).toBe(2);
    const errors = r.out.filter((l) => l.includes(': error: '));
    expect(errors.map((l) => l.split(': error: ')[0])).toEqual([`content/brief.md:${at.md}:3`, expect.stringMatching(new RegExp(`^content/charts/scale\\.vl\\.json:${at.chart}:\\d+$`)), `content/data/ilo.csv:${at.data}`]);
    expect(r.out.at(-1)).toMatch(/^3 errors, \d+ warnings?$/);
  }, 60_000);

  it('lays out the documents and reports a typed number and a handout that does not fit', async () => {
    const dir = scratchProject();
    const t = join(dir, 'templates/handout.yaml');
    writeFileSync(t, readFileSync(t, 'utf8').replace(/copyFitMax: [\d.]+/, 'copyFitMax: 0'));
    const extra = Array.from({ length: 14 }, () => 'Survivors are supported to recover and return to life in their communities, through education, access to safer jobs and other help with reintegration.').join(' ');
    edit(dir, 'content/handout.md', '# What AIM does', `${extra}\n\n${extra}\n\n# What AIM does`);
    const typed = edit(dir, 'content/brief.md', 'Some are abducted.', 'Some 12,000 are abducted.');
    const r = await run(['check', '--root', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toContainEqual(expect.stringMatching(/^content\/handout\.md: error: the handout does not fit on one sheet/));
    expect(r.out).toContainEqual(expect.stringMatching(new RegExp(`^content/brief\\.md:${typed}:\\d+: warning: "12,000" is typed into the text`)));
  }, 60_000);

  it('checks only the documents named, and then not whether data is used', async () => {
    const r = await run(['check', 'handout', '--root', SAMPLE_ROOT]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).not.toContain('never used');
  }, 60_000);

  it('writes nothing: no PDF, no cache, no temporary file (the shipped CLI, cache on)', () => {
    const dir = scratchProject();
    const before = snapshot(dir);
    const r = runShippedCli(['check', '--root', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings?$/m);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});

/** Every file and folder under `dir`, with its size and modification time. */
function snapshot(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = join(rel, name);
    const s = statSync(join(dir, path));
    out.push(`${path} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`);
    if (s.isDirectory()) out.push(...snapshot(dir, path));
  }
  return out;
}
