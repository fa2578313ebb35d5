// The same inputs give the same bytes, whatever the machine's time zone or locale, and a title
// full of XML specials still gives well-formed metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { SAMPLE_ROOT, scratchProject } from '../helpers/project.js';

describe('reproducible output', () => {
  // Builds under different TZ and LANG, as separate processes of the shipped CLI, are compared
  // byte for byte with in-process builds in shippedBundle.test.ts.

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
