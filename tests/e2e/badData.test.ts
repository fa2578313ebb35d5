// Data files, YAML and text the fonts lack: each either builds or fails with one located line.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { main } from '../../src/cli/main.js';
import { spawnShippedCli } from '../helpers/cliBundle.js';
import { scratchProject } from '../helpers/project.js';

async function run(args: string[]) {
  const err: string[] = [];
  const code = await main(args, { out: () => undefined, err: (s) => err.push(s) });
  return { code, err: err.join('\n') };
}

describe('data files', () => {
  it('reads CSV with a byte-order mark and Windows line endings', async () => {
    const dir = scratchProject();
    const p = join(dir, 'content/data/ilo.csv');
    writeFileSync(p, '\uFEFF' + readFileSync(p, 'utf8').replace(/\r?\n/g, '\r\n'));
    const r = await buildProject({ root: dir, dryRun: true, only: ['handout'] });
    expect(r.documents[0].pages).toBeGreaterThanOrEqual(1);
  });

  it('refuses a ragged row with its line number', async () => {
    const dir = scratchProject();
    const p = join(dir, 'content/data/ilo.csv');
    const lines = readFileSync(p, 'utf8').split('\n');
    lines.splice(2, 0, 'ilo.extra,Extra,5,people');
    writeFileSync(p, lines.join('\n'));
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^content\/data\/ilo\.csv:3: cannot read CSV/m);
  });

  it('refuses a number written with separators, naming the row', async () => {
    const dir = scratchProject();
    const p = join(dir, 'content/data/ilo.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace(',4500000,', ',"4,500,000",'));
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/content\/data\/ilo\.csv:\d+: value "4,500,000" of ilo\.sexual_exploitation is not a plain number — write it without separators/);
  });

  it('refuses an invented-looking year', async () => {
    const dir = scratchProject();
    const p = join(dir, 'content/data/ilo.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/,2012,/, ',circa 2012,'));
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a four-digit year — write the year the figure refers to, or n.d.');
  });
});

describe('YAML', () => {
  it('an alias bomb in front matter is refused, not expanded', async () => {
    const dir = scratchProject();
    const md = join(dir, 'content/handout.md');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]'].join('\n');
    writeFileSync(md, readFileSync(md, 'utf8').replace('---\n', '---\n' + bomb + '\n'));
    const r = await run(['build', 'handout', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    // Refused at the first alias (line 3, "b:"), before anything expands it.
    expect(r.err).toMatch(/^content\/handout\.md:3:\d+: YAML aliases \(\*name\) here expand to too much \(an "alias bomb"\) — /m);
    // Expanded, "g" alone would be 9^6 = 531,441 strings; the refusal prints none of them (and
    // a build that expanded them would hit the test's timeout).
    expect(r.err.length).toBeLessThan(5000);
    expect(r.err).not.toMatch(/"x", "x", "x"|x,x,x/);
    expect(existsSync(join(dir, 'out', 'handout.pdf'))).toBe(false);
  });

  it('a YAML syntax error in the config names its line', async () => {
    const dir = scratchProject();
    const p = join(dir, 'content/config.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('locale: en-GB', 'locale: [en-GB'));
    const r = await run(['build', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^content\/config\.yaml:\d+:\d+: invalid YAML/m);
  });
});

describe('text the fonts cannot draw', () => {
  it('warns with the characters and where they are, and still builds', async () => {
    const dir = scratchProject();
    const md = join(dir, 'content/handout.md');
    const text = readFileSync(md, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('Sex trafficking is a form')) + 1;
    writeFileSync(md, text.replace('Sex trafficking is a form', 'Sex trafficking 🙂 is a form'));
    const r = await buildProject({ root: dir, dryRun: true, only: ['handout'] });
    expect(r.warnings.join('\n')).toContain(`content/handout.md:${line}: the fonts have no glyph for "🙂" (U+1F642)`);
  });

  it('does not warn for the sample, whose Khmer and Vietnamese the fonts cover', async () => {
    const r = await buildProject({ root: scratchProject(), dryRun: true });
    expect(r.warnings.filter((w) => w.includes('no glyph'))).toEqual([]);
  });
});

describe('the handout is one sheet', () => {
  it('fails saying by how much and from which block, when copy-fitting is off', async () => {
    const dir = scratchProject();
    const t = join(dir, 'templates/handout.yaml');
    writeFileSync(t, readFileSync(t, 'utf8').replace(/copyFitMax: [\d.]+/, 'copyFitMax: 0'));
    const md = join(dir, 'content/handout.md');
    const extra = Array.from({ length: 14 }, () => 'Survivors are supported to recover and return to life in their communities, through education, access to safer jobs and other help with reintegration.').join(' ');
    writeFileSync(md, readFileSync(md, 'utf8').replace('# What AIM does', `${extra}\n\n${extra}\n\n# What AIM does`));
    const r = await run(['build', 'handout', '--root', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^content\/handout\.md: the handout does not fit on one sheet: \d+ mm \(about \d+ lines\) too long, from .+ on — shorten the text or allow copy-fitting/m);
    expect(existsSync(join(dir, 'out', 'handout.pdf'))).toBe(false);
  });

  it('copy-fits a slightly long handout within the template bounds and says so', async () => {
    const dir = scratchProject();
    const md = join(dir, 'content/handout.md');
    const extra = 'Survivors are supported to recover and return to life in their communities, through education, access to safer jobs and other help with reintegration.';
    const text = readFileSync(md, 'utf8');
    // Grow the text until the natural size no longer fits, then check the copy-fitted build.
    for (let n = 1; n < 40; n++) {
      writeFileSync(md, text.replace('# What AIM does', `${Array(n).fill(extra).join(' ')}\n\n# What AIM does`));
      try {
        const r = await buildProject({ root: dir, dryRun: true, only: ['handout'] });
        const fit = r.documents[0].scale;
        if (fit < 1) {
          expect(fit).toBeGreaterThanOrEqual(0.94);
          expect(r.warnings.join('\n')).toMatch(/copy-fitted to 9\d% type size/);
          expect(r.documents[0].pages).toBeLessThanOrEqual(2);
          return;
        }
      } catch (e) {
        throw new Error(`failed before any copy-fitting happened at n=${n}: ${(e as Error).message}`);
      }
    }
    throw new Error('never needed copy-fitting');
  }, 120_000);
});

describe('a build killed while writing', () => {
  it('leaves the previous PDFs intact (or the complete new ones), and the next build removes its temporary files', async () => {
    const dir = scratchProject();
    const out = join(dir, 'out');
    mkdirSync(out, { recursive: true });
    let untouched = 0;
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(out, 'brief.pdf'), 'previous brief');
      writeFileSync(join(out, 'handout.pdf'), 'previous handout');
      await new Promise<void>((resolve) => {
        const child = spawnShippedCli(['build', '--root', dir, '--out', out]);
        child.stdout.on('data', (d: Buffer) => {
          // "layout" is printed when layout ends: the write stage has begun.
          if (/^layout /m.test(d.toString())) setTimeout(() => child.kill('SIGKILL'), i * 40);
        });
        child.on('exit', () => resolve());
      });
      for (const name of ['brief', 'handout']) {
        const data = readFileSync(join(out, `${name}.pdf`));
        const previous = data.toString() === `previous ${name}`;
        const complete = data.subarray(0, 5).toString() === '%PDF-' && data.subarray(-6).toString().includes('%%EOF');
        expect(previous || complete, `${name}.pdf after kill ${i}`).toBe(true);
        if (previous) untouched++;
      }
    }
    expect(untouched).toBeGreaterThan(0); // some kills really landed before the rename
    const r = await run(['build', '--root', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['brief.pdf', 'handout.pdf']);
  }, 120_000);
});
