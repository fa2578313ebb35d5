// Image marks draw the pictures the build hands over (PNG files from npm vega-datasets here):
// each drawn item becomes a recorded drawImage, each picture is carried once by the drawing
// and embedded once in the PDF however often it is drawn, the SVG target draws them too, and a
// URL without a picture is left out with a warning naming it. Nothing is ever loaded by vega.
import fs from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileChart, type ChartScene } from '../../../src/charts/compileChart.js';
import { DEFAULT_IMAGE_SIZE, type ChartImageSources } from '../../../src/charts/chartImages.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { chartToSvg } from '../../../src/charts/svg/chartSvg.js';
import { drawChart } from '../../../src/render/drawChart.js';
import { DATASETS_DIR } from '../../helpers/galleryData.js';
import { pdfOf } from '../../helpers/pdfOf.js';

function png(name: string): { data: Buffer; width: number; height: number } {
  const data = fs.readFileSync(join(DATASETS_DIR, name));
  return { data, width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const rows = [
  { label: '7zip', img: 'images/7zip.png', n: 3 },
  { label: 'gimp', img: 'images/gimp.png', n: 5 },
  { label: 'ffox', img: 'images/ffox.png', n: 4 },
  { label: '7zip again', img: 'images/7zip.png', n: 1 },
  { label: 'missing', img: 'images/missing.png', n: 2 },
];
const pictures: ChartImageSources = {
  'images/7zip.png': png('7zip.png'),
  'images/gimp.png': png('gimp.png'),
  'images/ffox.png': png('ffox.png'),
  'images/missing.png': 'image content/images/missing.png does not exist — put images under content/ and give the path from there',
};
const spec = {
  data: { name: 'icons' },
  mark: { type: 'image', width: 30, height: 30 },
  encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'n', type: 'quantitative' }, url: { field: 'img', type: 'nominal' } },
};

let chart: ChartScene;
beforeAll(async () => {
  chart = await compileChart({ spec, datasets: { icons: rows }, theme: defaultChartTheme, width: 400, height: 200, specFile: 'content/charts/icons.vl.json', images: pictures });
});

const draws = (c: ChartScene) => c.ops.filter((op) => op[0] === 'drawImage');

describe('image marks', () => {
  it('record one drawImage per drawn item, each picture carried once', () => {
    expect(draws(chart).length).toBe(4);
    expect(chart.images?.length).toBe(3);
    // The 7zip picture, drawn twice, is one entry: both draws point at it.
    const sevenZip = chart.images!.findIndex((i) => Buffer.from(i.data, 'base64').equals(png('7zip.png').data));
    expect(draws(chart).filter((op) => op[1] === sevenZip).length).toBe(2);
    for (const op of draws(chart)) expect([op[4], op[5]]).toEqual([30, 30]);
  });

  it('leave out an item without a picture, and say which and why', () => {
    expect(chart.warnings).toEqual(['content/charts/icons.vl.json: image "images/missing.png" is not drawn: image content/images/missing.png does not exist — put images under content/ and give the path from there']);
  });

  it('embed each picture once in the PDF and paint it at every draw', async () => {
    const raw = (await pdfOf((doc) => drawChart(doc, chart, 40, 40))).toString('latin1');
    // Each PNG with an alpha channel is an image and its soft mask.
    const images = raw.match(/\/Subtype \/Image/g) ?? [];
    expect(images.length).toBeGreaterThanOrEqual(3);
    expect(images.length).toBeLessThanOrEqual(6);
    expect((raw.match(/\/I\d+ Do/g) ?? []).length).toBe(4);
  });

  it('draw the same PDF after the disk cache’s JSON round trip', async () => {
    const again = JSON.parse(JSON.stringify({ ...chart, scene: undefined })) as ChartScene;
    // (Uncompressed, with the creation date, file ID and font subset tags masked.)
    const masked = (b: Buffer) => b.toString('latin1').replace(/\(D:\d+Z\)|<[0-9a-f]{32}>|\/[A-Z]{6}\+/g, '#');
    const a = await pdfOf((doc) => drawChart(doc, chart, 40, 40));
    const b = await pdfOf((doc) => drawChart(doc, again, 40, 40));
    expect(masked(b) === masked(a)).toBe(true);
  });

  it('are drawn by the SVG target too', () => {
    const svg = chartToSvg(chart);
    expect((svg.match(/<image /g) ?? []).length).toBe(4);
    expect(svg).toContain(`href="data:image/png;base64,${png('gimp.png').data.toString('base64')}"`);
  });

  it('get a size when the spec gives none, keeping the picture’s proportions inside it', async () => {
    const c = await compileChart({ spec: { ...spec, mark: 'image' }, datasets: { icons: rows.slice(0, 2) }, theme: defaultChartTheme, width: 300, height: 150, images: pictures });
    for (const op of draws(c)) expect([op[4], op[5]]).toEqual([DEFAULT_IMAGE_SIZE, DEFAULT_IMAGE_SIZE]);
    const wide = await compileChart({ spec: { ...spec, mark: { type: 'image', width: 40 } }, datasets: { icons: rows.slice(0, 1) }, theme: defaultChartTheme, width: 300, height: 150, images: pictures });
    expect(draws(wide).map((op) => [op[4], op[5]])).toEqual([[40, 40]]);
  });

  it('draw nothing for URLs the build did not hand over (vega reads no file)', async () => {
    const c = await compileChart({ spec, datasets: { icons: rows.slice(0, 2) }, theme: defaultChartTheme, width: 300, height: 150 });
    expect(draws(c)).toEqual([]);
    expect(c.images).toBeUndefined();
    expect(c.warnings.join('\n')).toMatch(/image "images\/7zip\.png" is not drawn: it is not a file under content\//);
  });
});
