// The CLI as it ships (bin/report.cjs running the esbuild bundle dist/report.cjs that
// scripts/bundle.mjs makes; bundled by the e2e global setup) writes exactly the bytes that an
// in-process buildProject of the same project makes from src/, for every fixture project, with
// and without its build cache, whatever the machine's time zone and locale; and bad input
// through the bundle is one located line, exit 2.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { runShippedCli } from '../helpers/cliBundle.js';
import { FIXTURES, OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';

describe.each(Object.entries(FIXTURES))('the shipped bundle on the %s fixture', (_name, fixture) => {
  it('writes the same bytes as an in-process build, first with an empty build cache and then with it', async () => {
    // A copy, so that the CLI's build cache (.cache/ under the project root) stays out of the fixture.
    const root = scratchProject(fixture);
    const inProcess = await buildProject({ root, dryRun: true });
    expect(inProcess.documents.map((d) => d.name)).toEqual(['brief', 'handout']);
    // Each run in another time zone and locale: the bytes depend on neither.
    const runs: [string, Record<string, string>][] = [
      ['empty cache', { TZ: 'Asia/Phnom_Penh', LANG: 'km_KH.UTF-8', LC_ALL: 'km_KH.UTF-8' }],
      ['cache of the first run', { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }],
    ];
    for (const [run, env] of runs) {
      const out = mkdtempSync(join(tmpdir(), 'shipped-'));
      const r = runShippedCli(['build', '--root', root, '--out', out], { env: { ...process.env, ...env } });
      expect(r.status, `${run}: ${r.stderr}`).toBe(0);
      // Only the warnings the in-process build gives (the sample's scale chart has a Vega-Lite one).
      expect(r.stderr, run).toBe(inProcess.warnings.map((w) => `warning: ${w}\n`).join(''));
      expect(readdirSync(out).sort()).toEqual(['brief.pdf', 'handout.pdf']);
      if (run !== 'empty cache') expect(r.stdout).toMatch(/^reused\s+(\d+)\/\1 charts/m);
      for (const d of inProcess.documents) {
        const written = readFileSync(join(out, `${d.name}.pdf`));
        expect(written.length, `${run}: ${d.name}.pdf`).toBeGreaterThan(10_000);
        expect(written.equals(d.pdf), `${run}: ${d.name}.pdf differs from the in-process build`).toBe(true);
      }
    }
  }, 120_000);
});

describe('bad input through the shipped bundle', () => {
  it('a misspelt figure key: exit 2, one located line on stderr, no stack, no PDF', () => {
    const root = scratchProject(OTHER_ORG_ROOT);
    const md = join(root, 'content/handout.md');
    const text = readFileSync(md, 'utf8');
    const find = '{{figure monthly.rain_jul}}';
    const at = text.indexOf(find);
    expect(at).toBeGreaterThan(0);
    const line = text.slice(0, at).split('\n').length;
    const col = at - text.lastIndexOf('\n', at - 1);
    writeFileSync(md, text.replace(find, '{{figure monthly.rain_jull}}'));
    const out = join(root, 'out');
    const r = runShippedCli(['build', '--root', root, '--out', out]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^content/handout\\.md:${line}:${col}: no figure "monthly\\.rain_jull" .*did you mean "monthly\\.rain_jul"\\?`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'handout.pdf'))).toBe(false);
    expect(existsSync(join(out, 'brief.pdf'))).toBe(false);
  }, 60_000);
});
