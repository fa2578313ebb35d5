// PDF/UA-1 machine checks (tests/helpers/pdfUaCheck.ts) on every document of every fixture
// project. (The checker's own tests, on hand-made broken PDFs, are tests/unit/pdfUaChecker.test.ts.)
import { describe, expect, it } from 'vitest';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { fixtureDocuments } from '../helpers/fixtureDocuments.js';
import { ALL_FIXTURES, fixtureBuild } from '../helpers/project.js';

describe.each(Object.entries(ALL_FIXTURES))('%s PDFs', (_fixture, root) => {
  it('the fixture has documents to check', () => expect(fixtureDocuments(root).length).toBeGreaterThan(0));
  for (const { name } of fixtureDocuments(root)) {
    it(`${name} passes the PDF/UA machine checks`, async () => {
      const build = await fixtureBuild(root);
      const doc = build.documents.find((d) => d.name === name);
      expect(doc, `no ${name} document in the build`).toBeDefined();
      const res = await checkPdfUa(doc!.pdf);
      // The checker really looked at something (guards against a vacuous pass).
      expect(res.stats.structElems).toBeGreaterThan(10);
      expect(res.stats.mcids).toBeGreaterThan(10);
      expect(res.stats.paintOps).toBeGreaterThan(50); // a one-page letter paints about 90
      expect(res.stats.fonts).toBeGreaterThan(0);
      if (res.failures.length) console.log(`${name}.pdf PDF/UA failures:\n  ${res.failures.join('\n  ')}`);
      expect(res.failures).toEqual([]);
      expect(res.ok).toBe(true);
    });
  }
});
