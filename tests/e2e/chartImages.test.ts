// Image marks in a real build (a scratch copy of the other-org fixture): the chart's data names
// PNG files under content/images/, the build reads them by the rules of Markdown images, the
// PDF embeds them, and a row naming a missing file is left out with a warning that names the
// spec, the path and the fix.
import fs from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import type { ChartItem } from '../../src/layout/pageTypes.js';
import { DATASETS_DIR } from '../helpers/galleryData.js';
import { OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';

let result: BuildResult;

beforeAll(async () => {
  const root = scratchProject(OTHER_ORG_ROOT);
  fs.mkdirSync(join(root, 'content/images'));
  fs.copyFileSync(join(DATASETS_DIR, '7zip.png'), join(root, 'content/images/7zip.png'));
  fs.copyFileSync(join(DATASETS_DIR, 'gimp.png'), join(root, 'content/images/gimp.png'));
  fs.writeFileSync(join(root, 'content/data/icons.csv'), [
    'key,label,value,unit,year,source,derived,note,img',
    'icons.zip,7-Zip,3,count,2015,Test survey,,,images/7zip.png',
    'icons.gimp,GIMP,5,count,2015,Test survey,,,images/gimp.png',
    'icons.gone,Gone,2,count,2015,Test survey,,,images/missing.png',
  ].join('\n') + '\n');
  fs.writeFileSync(join(root, 'content/charts/icons.vl.json'), JSON.stringify({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Each programme as its icon, at the height of its score.',
    data: { name: 'icons' },
    mark: { type: 'image', width: 36, height: 36 },
    encoding: {
      x: { field: 'label', type: 'nominal', title: null },
      y: { field: 'value', type: 'quantitative', title: 'Score' },
      url: { field: 'img' },
    },
  }, null, 2));
  const md = join(root, 'content/brief.md');
  fs.writeFileSync(md, fs.readFileSync(md, 'utf8').replace('# Kinds of day', '::: figure icons\nIcons.\n:::\n\n# Kinds of day'));
  result = await buildProject({ root, dryRun: true });
});

describe('image marks in a build', () => {
  it('draw the pictures under content/ into the PDF', () => {
    const brief = result.documents.find((d) => d.name === 'brief')!;
    const chart = brief.laid.pages.flatMap((p) => p.items.filter((i): i is ChartItem => i.kind === 'chart')).find((c) => c.chart.texts.includes('Score'))!;
    expect(chart.chart.images?.length).toBe(2);
    expect(chart.chart.ops.filter((op) => op[0] === 'drawImage').length).toBe(2);
    expect((brief.pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('leave out a missing picture and say so once, naming the spec', () => {
    const w = result.warnings.filter((x) => x.includes('is not drawn'));
    expect(w).toEqual(['content/charts/icons.vl.json: image "images/missing.png" is not drawn: image content/images/missing.png does not exist — put images under content/ and give the path from there']);
  });
});
