// The pictures a chart's image marks name are read by the rules of Markdown images before the
// chart is compiled: PNG or JPEG under content/, at most 5 MB; anything else is handed over as
// the reason it is not drawn. Their bytes are part of the chart's cache key.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartImageFiles } from '../../../src/build/chartImageFiles.js';
import { DATASETS_DIR } from '../../helpers/galleryData.js';

const root = fs.mkdtempSync(join(tmpdir(), 'report-chart-images-'));
fs.mkdirSync(join(root, 'content/images'), { recursive: true });
fs.copyFileSync(join(DATASETS_DIR, '7zip.png'), join(root, 'content/images/7zip.png'));
fs.copyFileSync(join(DATASETS_DIR, 'gimp.png'), join(root, 'content/images/gimp.png'));
fs.writeFileSync(join(root, 'content/images/logo.gif'), 'GIF89a not really');
fs.writeFileSync(join(root, 'secret.png'), fs.readFileSync(join(DATASETS_DIR, 'ffox.png')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const spec = {
  data: { name: 'icons' },
  layer: [
    { mark: { type: 'image', url: 'images/gimp.png' } },
    { mark: 'image', encoding: { url: { field: 'img' } } },
  ],
};
const rows = ['images/7zip.png', 'images/logo.gif', 'images/missing.png', '../secret.png', 'https://example.org/x.png', 'images/7zip.png'].map((img, i) => ({ key: `k${i}`, img }));

describe('chartImageFiles', () => {
  it('reads the pictures under content/ that the spec and its url field name, and says why not for the rest', () => {
    const { images } = chartImageFiles(root, spec, { icons: rows }, 'content/charts/icons.vl.json');
    expect(Object.keys(images).sort()).toEqual(['../secret.png', 'https://example.org/x.png', 'images/7zip.png', 'images/gimp.png', 'images/logo.gif', 'images/missing.png']);
    const read = (u: string) => images[u] as { data: Uint8Array; width: number; height: number };
    expect([read('images/7zip.png').width, read('images/7zip.png').height]).toEqual([100, 100]);
    expect(read('images/gimp.png').data.length).toBe(fs.statSync(join(root, 'content/images/gimp.png')).size);
    expect(images['images/logo.gif']).toMatch(/is not a PNG or JPEG image/);
    expect(images['images/missing.png']).toMatch(/does not exist/);
    expect(images['../secret.png']).toMatch(/is not allowed here/);
    expect(images['https://example.org/x.png']).toMatch(/is on the web and is not fetched/);
  });

  it('reads nothing for a chart without image marks', () => {
    expect(chartImageFiles(root, { data: { name: 'icons' }, mark: 'bar', encoding: { x: { field: 'img' } } }, { icons: rows }, 'c.vl.json')).toEqual({ images: {}, key: [] });
  });

  it('changes the key when a picture’s bytes change', () => {
    const before = chartImageFiles(root, spec, { icons: rows }, 'c.vl.json').key;
    fs.copyFileSync(join(DATASETS_DIR, 'ffox.png'), join(root, 'content/images/gimp.png'));
    const after = chartImageFiles(root, spec, { icons: rows }, 'c.vl.json').key;
    expect(after).not.toEqual(before);
  });
});
