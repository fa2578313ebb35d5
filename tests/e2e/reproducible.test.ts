// The same inputs give the same bytes, whatever the machine's time zone or locale, and a title
// full of XML specials still gives well-formed metadata.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { runShippedCli } from '../helpers/cliBundle.js';
import { FIXTURES, SAMPLE_ROOT, scratchProject } from '../helpers/project.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('reproducible output', () => {
  it.each(Object.entries(FIXTURES))('%s: two builds under different TZ and LANG give byte-identical PDFs', (_name, root) => {
    const outs = [
      { TZ: 'Asia/Phnom_Penh', LANG: 'km_KH.UTF-8', LC_ALL: 'km_KH.UTF-8' },
      { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    ].map((env) => {
      const out = mkdtempSync(join(tmpdir(), 'report-repro-'));
      // --no-cache: the fixture is built in place and must not get a .cache folder.
      const r = runShippedCli(['build', '--root', root, '--out', out, '--quiet', '--no-cache'], { env: { ...process.env, ...env } });
      expect(r.status, r.stderr).toBe(0);
      return { brief: sha(readFileSync(join(out, 'brief.pdf'))), handout: sha(readFileSync(join(out, 'handout.pdf'))) };
    });
    expect(outs[0]).toEqual(outs[1]);
  }, 120_000);

  it('takes its dates from SOURCE_DATE_EPOCH when set, else the front matter', async () => {
    const a = await buildProject({ root: SAMPLE_ROOT, dryRun: true, only: ['handout'] });
    expect(a.documents[0].pdf.toString('latin1')).toContain('(D:20261130000000Z)');
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const b = await buildProject({ root: SAMPLE_ROOT, dryRun: true, only: ['handout'] });
      expect(b.documents[0].pdf.toString('latin1')).toContain('(D:20231114221320Z)');
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });

  it('a title with &, < and quotes still gives well-formed XMP and passes the checker', async () => {
    const dir = scratchProject();
    const md = join(dir, 'content/handout.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^title: .*$/m, `title: 'Rescue & restore: <children> "first"'`));
    const r = await buildProject({ root: dir, dryRun: true, only: ['handout'] });
    const pdf = r.documents[0].pdf;
    const result = await checkPdfUa(pdf);
    expect(result.failures).toEqual([]);
    expect(pdf.toString('latin1')).toContain('Rescue &amp; restore: &lt;children&gt; &quot;first&quot;');
  }, 60_000);
});
