// Bad input fails with one located line per problem, exit code 2, and no PDF written or replaced.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scratchProject } from '../helpers/project.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Replaces `find` in a project file and returns the 1-based line where the change landed. */
function edit(dir: string, file: string, find: string | RegExp, replace: string): number {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const idx = typeof find === 'string' ? text.indexOf(find) : text.search(find);
  expect(idx, `${find} in ${file}`).toBeGreaterThanOrEqual(0);
  writeFileSync(path, text.replace(find, replace));
  return text.slice(0, idx).split('\n').length;
}

/** An output folder holding "previous" PDFs, to prove a failed build leaves them alone. */
function previousOutputs(dir: string) {
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'brief.pdf'), 'previous brief');
  writeFileSync(join(out, 'handout.pdf'), 'previous handout');
  return out;
}

function expectUntouched(out: string) {
  expect(readFileSync(join(out, 'brief.pdf'), 'utf8')).toBe('previous brief');
  expect(readFileSync(join(out, 'handout.pdf'), 'utf8')).toBe('previous handout');
  expect(readdirSync(out).sort()).toEqual(['brief.pdf', 'handout.pdf']);
}

describe('bad input', () => {
  it('a missing data key names the Markdown file and line, exits 2 and writes nothing', async () => {
    const dir = scratchProject();
    const out = previousOutputs(dir);
    const line = edit(dir, 'content/brief.md', '{{figure ilo.sexual_exploitation}}', '{{figure ilo.sexual_exploitatoin}}');
    const r = await run(['build', '--root', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`content/brief.md:${line}:`);
    expect(r.err).toContain('ilo.sexual_exploitatoin');
    expect(r.err).toContain('did you mean "ilo.sexual_exploitation"');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expectUntouched(out);
  });

  it('a missing chart names the figure block’s line', async () => {
    const dir = scratchProject();
    const out = previousOutputs(dir);
    const line = edit(dir, 'content/brief.md', '::: figure scale', '::: figure scales-missing');
    const r = await run(['build', '--root', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`content/brief.md:${line}:`);
    expect(r.err).toContain('no chart named "scales-missing"');
    expectUntouched(out);
  });

  it('a missing data file named by a binding is reported at the binding', async () => {
    const dir = scratchProject();
    const out = previousOutputs(dir);
    const line = edit(dir, 'content/brief.md', '{{figure ilo.forced_labour}}', '{{figure unodc.forced_labour}}');
    const r = await run(['build', '--root', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`content/brief.md:${line}:`);
    expect(r.err).toContain('content/data/unodc.csv does not exist');
    expectUntouched(out);
  });

  it('a chart reading a data file that does not exist is reported in the spec', async () => {
    const dir = scratchProject();
    const out = previousOutputs(dir);
    edit(dir, 'content/charts/scale.vl.json', /"name": "\w+"/, '"name": "nosuch"');
    const r = await run(['build', '--root', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/content\/charts\/scale\.vl\.json:\d+:\d+: no data file named "nosuch"/);
    expectUntouched(out);
  });

  it('reports several problems together, one line each', async () => {
    const dir = scratchProject();
    const out = previousOutputs(dir);
    edit(dir, 'content/brief.md', '{{figure ilo.sexual_exploitation}}', '{{figure ilo.nope_one}}');
    edit(dir, 'content/brief.md', '{{figure ilo.forced_labour}}', '{{figure ilo.nope_two}}');
    const r = await run(['build', '--root', dir, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.err.split('\n').filter((l) => l.startsWith('content/brief.md:'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(r.err).toContain('ilo.nope_one');
    expect(r.err).toContain('ilo.nope_two');
  });

  it('an unknown front-matter key gets a did-you-mean', async () => {
    const dir = scratchProject();
    const line = edit(dir, 'content/brief.md', 'subtitle:', 'subtitel:');
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`content/brief.md:${line}:`);
    expect(r.err).toContain('did you mean "subtitle"');
    expect(existsSync(join(dir, 'out', 'brief.pdf'))).toBe(false);
  });

  it('a derived figure that does not match its inputs is refused', async () => {
    const dir = scratchProject();
    const line = edit(dir, 'content/data/ilo.csv', '16400000', '16500000');
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`content/data/ilo.csv:${line}:`);
    expect(r.err).toMatch(/derived figure ilo\.other_forced_labour is 16500000/);
  });

  it('usage mistakes exit 2 with the usage text', async () => {
    const r = await run(['biuld']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "build"');
    expect(r.err).toContain('usage: report build');
    const p = await run(['build', '--paper', 'a5']);
    expect(p.code).toBe(2);
  });
});

describe('a good build', () => {
  it('prints one line per stage, then the files with page counts and sizes', async () => {
    const dir = scratchProject();
    const out = join(dir, 'out');
    const r = await run(['build', 'handout', '--root', dir, '--out', out]);
    expect(r.code).toBe(0);
    for (const stage of ['load', 'parse', 'charts', 'layout', 'write']) expect(r.out).toMatch(new RegExp(`^${stage}\\s+\\d+ ms$`, 'm'));
    expect(r.out).toMatch(/wrote .*handout\.pdf \([12] pages?, \d+ KB\)/);
    expect(existsSync(join(out, 'handout.pdf'))).toBe(true);
    expect(existsSync(join(out, 'brief.pdf'))).toBe(false);
    expect(readFileSync(join(out, 'handout.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);
});
