// pdfkit's openImage(), which src/render/pdfkitInternals.ts relies on to embed a chart's
// picture once however often it is drawn: not in pdfkit's typings, so checked here against the
// installed pdfkit (an upgrade that drops it fails this test, not a PDF).
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openImageOnce } from '../../../src/render/pdfkitInternals.js';
import { DATASETS_DIR } from '../../helpers/galleryData.js';
import { pdfOf } from '../../helpers/pdfOf.js';

describe('openImageOnce', () => {
  it('opens an image once per document and doc.image() draws the opened image', async () => {
    const bytes = fs.readFileSync(join(DATASETS_DIR, 'gimp.png'));
    let opened = 0;
    const raw = (await pdfOf((doc) => {
      const a = openImageOnce(doc, 'gimp', () => (opened++, bytes));
      const b = openImageOnce(doc, 'gimp', () => (opened++, bytes));
      expect(b).toBe(a);
      expect([a.width, a.height]).toEqual([100, 100]);
      doc.image(a as unknown as Buffer, 10, 10, { width: 20, height: 20 });
      doc.image(b as unknown as Buffer, 40, 10, { width: 20, height: 20 });
    })).toString('latin1');
    expect(opened).toBe(1);
    expect((raw.match(/\/I\d+ Do/g) ?? []).length).toBe(2);
    // One image and its soft mask (the PNG has an alpha channel), not two of each.
    expect((raw.match(/\/Subtype \/Image/g) ?? []).length).toBe(2);
  });
});
