// A chart's image marks go through the same decoder as Markdown images: a damaged or oversized
// picture is not drawn, and the reason (for the chart's located warning) says what is wrong.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartImageFiles } from '../../../src/build/chartImageFiles.js';
import { hugeDeclaredPng, negativeLengthPng, plainPng, pngBomb } from '../../helpers/hostileImages.js';

const root = fs.mkdtempSync(join(tmpdir(), 'report-chart-hostile-'));
fs.mkdirSync(join(root, 'content/images'), { recursive: true });
fs.writeFileSync(join(root, 'content/images/negative.png'), negativeLengthPng());
fs.writeFileSync(join(root, 'content/images/huge.png'), hugeDeclaredPng());
fs.writeFileSync(join(root, 'content/images/bomb.png'), pngBomb());
fs.writeFileSync(join(root, 'content/images/ok.png'), plainPng(12, 10));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('chart image marks with hostile pictures', () => {
  it('hands over the decoder\'s reason instead of the picture, and draws the good one', () => {
    const rows = ['negative', 'huge', 'bomb', 'ok'].map((n, i) => ({ key: `k${i}`, img: `images/${n}.png` }));
    const { images } = chartImageFiles(root, { data: { name: 'icons' }, mark: 'image', encoding: { url: { field: 'img' } } }, { icons: rows }, 'content/charts/icons.vl.json');
    expect(images['images/negative.png']).toMatch(/^image content\/images\/negative\.png: chunk 2 \("tEXt"\) claims 4294967295 bytes/);
    expect(images['images/huge.png']).toMatch(/^image content\/images\/huge\.png is 60000×60000 pixels; the limit is 10000 a side/);
    expect(images['images/bomb.png']).toMatch(/inflates to more than the 1001000 bytes/);
    expect(images['images/ok.png']).toMatchObject({ width: 12, height: 10 });
  });
});
