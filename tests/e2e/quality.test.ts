// The typesetting quality report on the fixture projects' PDFs and on a long generated document: no
// overfull lines, widows, orphans, stranded headings, split figures or runs of 3+ hyphens.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { summarise } from '../../src/cli/typesetReport.js';
import type { LaidOutDocument, StructNode, TextItem } from '../../src/layout/pageTypes.js';
import { syntheticMarkdown } from '../../src/synthetic/syntheticMarkdown.js';
import { fixtureDocuments } from '../helpers/fixtureDocuments.js';
import { ALL_FIXTURES, fixtureBuild, scratchProject } from '../helpers/project.js';

function expectClean(name: string, q: ReturnType<typeof summarise>) {
  expect({ name, overfull: q.overfull, widows: q.widows, orphans: q.orphans, stranded: q.strandedHeadings, split: q.splitFigures, hyphenRuns: q.consecutiveHyphens })
    .toEqual({ name, overfull: 0, widows: 0, orphans: 0, stranded: 0, split: 0, hyphenRuns: 0 });
}

/** Checks the rules again from the pages themselves, not from the counters layout keeps. */
function checkPages(doc: LaidOutDocument) {
  const paras: StructNode[] = [];
  const walk = (n: StructNode) => {
    if (n.type === 'P') paras.push(n);
    n.children.forEach(walk);
  };
  walk(doc.structure);
  for (const p of paras) {
    const perPage = doc.pages.map((pg) => new Set(pg.items.filter((i): i is TextItem => i.kind === 'text' && i.struct === p.id).map((i) => i.y.toFixed(1))).size).filter((n) => n > 0);
    if (perPage.length > 1) {
      expect(perPage[0]).toBeGreaterThanOrEqual(2);
      expect(perPage.at(-1)).toBeGreaterThanOrEqual(2);
    }
  }
  for (const pg of doc.pages) {
    for (const it of pg.items) {
      if (it.kind !== 'text') continue;
      for (const f of it.fragments) {
        expect(f.x).toBeGreaterThanOrEqual(0);
        expect(f.x + f.width).toBeLessThanOrEqual(pg.width);
      }
      expect(it.y).toBeGreaterThan(0);
      expect(it.y).toBeLessThan(pg.height);
    }
  }
}

describe('typesetting quality', () => {
  it.each(Object.entries(ALL_FIXTURES))('is clean on every PDF of the %s fixture', async (_name, root) => {
    const b = await fixtureBuild(root);
    expect(b.documents.map((d) => d.name)).toEqual(fixtureDocuments(root).map((d) => d.name));
    for (const d of b.documents) {
      const q = summarise(d.stats);
      expectClean(d.name, q);
      expect(q.lines).toBeGreaterThan(20);
      checkPages(d.laid);
    }
  });

  it('is clean on a generated document of more than 100 pages', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'content/brief.md'), syntheticMarkdown({ pages: 100, charts: ['forced-labour', 'scale', 'timeline'] }));
    const r = await buildProject({ root: dir, dryRun: true, only: ['brief'] });
    const d = r.documents[0];
    expect(d.pages).toBeGreaterThan(100);
    const q = summarise(d.stats);
    expectClean('synthetic', q);
    expect(q.lines).toBeGreaterThan(3000);
    expect(q.hyphenatedLines).toBeGreaterThan(50);
    // Justified lines stay moderately stretched. The generated vocabulary is half long words
    // ("accountability", "reconstruction"), harder than real prose (the brief's p95 is ~0.8).
    expect(q.stretch.p95).toBeLessThan(2);
    expect(q.stretch.mean).toBeLessThan(0.6);
    checkPages(d.laid);
  }, 120_000);
});
