// README.md's examples of brand fonts, logo and template keys are built: the config.yaml block
// (```yaml example=config) and the brief template excerpt (```yaml example=brief-template) go
// into a copy of the brand fixture, with font and picture files of the names the README uses.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { REPO_ROOT, scratchProject } from '../helpers/project.js';
import { fontNames } from '../helpers/readPdf.js';

const BRAND = join(REPO_ROOT, 'tests/fixtures/brand');

function example(name: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`^\`\`\`yaml example=${name}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(readme);
  if (!m) throw new Error(`README.md has no \`\`\`yaml example=${name} block`);
  return m[1];
}

describe('README.md: the brand and template examples', () => {
  it('build: the brand fonts are embedded, the brief set in two columns with the cover keys', async () => {
    const root = scratchProject(BRAND);
    const config = example('config');
    // The files the example names: the fixture's open font under both names, its logo and cover.
    for (const f of [...config.matchAll(/(fonts\/\S+\.ttf)/g)].map((m) => m[1])) copyFileSync(join(BRAND, 'content/fonts/SourceSans3_300Light.ttf'), join(root, 'content', f));
    const own = readFileSync(join(root, 'content/config.yaml'), 'utf8');
    writeFileSync(join(root, 'content/config.yaml'), own.slice(0, own.indexOf('fonts:')) + config);
    const excerpt = example('brief-template');
    const keys = new Set([...excerpt.matchAll(/^(\w+):/gm)].map((m) => m[1]));
    const template = readFileSync(join(root, 'templates/brief.yaml'), 'utf8').split('\n').filter((l) => !keys.has(l.split(':')[0])).join('\n');
    writeFileSync(join(root, 'templates/brief.yaml'), template + '\n' + excerpt);
    const r = await buildProject({ root, only: ['brief'], dryRun: true });
    const brief = r.documents[0];
    expect(brief.laid.pages.length).toBeGreaterThan(4);
    expect(fontNames(brief.pdf).some((n) => n.endsWith('+SourceSans3-Light'))).toBe(true);
    const band = brief.laid.pages[0].items.find((it) => it.kind === 'rect' && it.container === 'cover band');
    expect(band?.kind === 'rect' && band.h).toBeCloseTo(792 * 0.4, 6);
    // A figure across both columns: a chart wider than one column.
    const chart = brief.laid.pages.flatMap((p) => p.items).find((it) => it.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.width).toBeGreaterThan(300);
  }, 120_000);
});
