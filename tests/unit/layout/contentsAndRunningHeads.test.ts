// The brief's contents and running heads on laid-out pages (no PDF written): a contents that
// runs a few entries over its page is set tighter or balanced, never leaving them stranded on a
// near-empty page; a running head names the section in force at the top of its page.
import { describe, expect, it } from 'vitest';
import { checkPlacement, formatPlacementProblem } from '../../../src/layout/checkPlacement.js';
import { pageBox } from '../../../src/layout/pageGeometry.js';
import type { LaidOutDocument, Page, TextItem } from '../../../src/layout/pageTypes.js';
import type { RBlock } from '../../../src/resolve/resolvedTypes.js';
import { briefTemplate, composeAsBrief } from '../../helpers/kinds.js';
import { SAMPLE_ROOT } from '../../helpers/paths.js';
import { heading, para, plainBriefTemplate, resolvedDoc, words } from '../../helpers/resolvedDoc.js';

/** Text of the structure tree's TOCI entries, page by page (the contents pages only). */
function contentsEntriesByPage(doc: LaidOutDocument): { page: number; baselines: number[] }[] {
  const tociLinks = new Set<number>();
  const walk = (n: LaidOutDocument['structure'], inToc: boolean) => {
    if (inToc && n.type === 'Link') tociLinks.add(n.id);
    n.children.forEach((c) => walk(c, inToc || n.type === 'TOC'));
  };
  walk(doc.structure, false);
  const out: { page: number; baselines: number[] }[] = [];
  doc.pages.forEach((p, i) => {
    // An entry is two texts under its link (title and page number) on one baseline.
    const ys = [...new Set(p.items.filter((x): x is TextItem => x.kind === 'text' && x.struct !== undefined && tociLinks.has(x.struct)).map((x) => x.y))].sort((a, b) => a - b);
    if (ys.length) out.push({ page: i, baselines: ys });
  });
  return out;
}

describe('the contents', () => {
  const t = briefTemplate(SAMPLE_ROOT);
  const block = pageBox(t, t.paper).content(2);
  // Chapters of one level-1 and two level-2 headings each: 3 entries a chapter.
  const doc = (chapters: number) => {
    const blocks: RBlock[] = [];
    for (let c = 1; c <= chapters; c++) blocks.push(heading(`Chapter ${c}`), para(words(12, c)), heading(`Part ${c}.1`, 2), para(words(10, c)), heading(`Part ${c}.2`, 2), para(words(10, c + 1)));
    return resolvedDoc(blocks);
  };

  it('never leaves a few entries on a near-empty last page: tighter on one page, or balanced over two', () => {
    // From a contents that fits its page (about 34 entries here) to one that spills two dozen: a
    // bounded sweep, 3 entries a step, through the band where 2 to 7 entries would spill.
    const outcomes = new Set<string>();
    let natural = 0; // the natural distance from a level-2 entry to the next
    for (let chapters = 10; chapters <= 20; chapters++) {
      const laid = composeAsBrief(doc(chapters), t);
      const levels = Array.from({ length: chapters }, () => [1, 2, 2]).flat();
      expect(checkPlacement(laid).map((p) => formatPlacementProblem('brief', p))).toEqual([]);
      const pages = contentsEntriesByPage(laid);
      const entries = pages.reduce((n, p) => n + p.baselines.length, 0);
      // Every heading of the body is listed, and the closing page and sources ("Sources of
      // figures" is absent here: no sources) add none.
      expect(entries, `${chapters} chapters`).toBe(chapters * 3);
      // Contents pages come right after the cover, one after another.
      expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
      // The smallest step on a page: from a level-2 entry to the next.
      const step = (p: { baselines: number[] }) => Math.min(...p.baselines.slice(1).map((y, i) => y - p.baselines[i]));
      if (pages.length === 1) {
        if (natural === 0) natural = step(pages[0]);
        if (step(pages[0]) < natural - 0.01) {
          outcomes.add('tightened');
          // Within limits: at least 85% of the usual step.
          expect(step(pages[0]) / natural, `${chapters} chapters`).toBeGreaterThanOrEqual(0.85 - 1e-6);
        } else outcomes.add('natural');
      } else {
        expect(pages).toHaveLength(2);
        const counts = pages.map((p) => p.baselines.length);
        // No page holds only a few entries, and the last reaches at least a third of the way down.
        for (const p of pages) expect(p.baselines.length, `${chapters} chapters, page ${p.page}`).toBeGreaterThanOrEqual(6);
        expect(pages[1].baselines.at(-1)! - block.y, `${chapters} chapters`).toBeGreaterThanOrEqual(block.height / 3);
        // A chapter's entry never ends a page without its first section's (all pages but the last).
        const levelAt = (page: number, i: number) => levels[pages.slice(0, page).reduce((n, p) => n + p.baselines.length, 0) + i];
        expect(levelAt(0, counts[0] - 1), `${chapters} chapters: the first page ends with a chapter`).toBe(2);
        // Balanced (about as many entries on each page), or the second page simply well filled.
        outcomes.add(Math.abs(counts[0] - counts[1]) <= 4 ? 'balanced' : 'spilled');
        // Either way at the usual step: these two pages hold what two pages can.
        expect(step(pages[1])).toBeCloseTo(natural, 6);
      }
    }
    expect([...outcomes]).toEqual(['natural', 'tightened', 'balanced', 'spilled']);
  }, 60_000);
});

describe('running heads', () => {
  const t = plainBriefTemplate();
  /** The section named at the top of each body page (the running head's accent-coloured half). */
  const heads = (laid: LaidOutDocument) =>
    laid.pages.map((p: Page) => p.items.find((x): x is TextItem => x.kind === 'text' && x.struct === undefined && x.y < 80 && x.fragments[0]?.style.font === 'sans-semibold')?.fragments.map((f) => f.text).join('') ?? null);
  const pageOf = (laid: LaidOutDocument, s: string) => laid.pages.findIndex((p) => p.items.some((x) => x.kind === 'text' && x.struct !== undefined && x.fragments.map((f) => f.text).join('') === s));

  it('name the section in force at the top of the page, not the one starting halfway down', () => {
    const laid = composeAsBrief(resolvedDoc([heading('Section A'), para(words(700)), heading('Section B'), para(words(900, 3)), heading('Section C'), para(words(60, 5))]), t);
    const b = pageOf(laid, 'Section B');
    expect(b).toBeGreaterThan(pageOf(laid, 'Section A'));
    // The page that opens inside A and starts B part-way down is headed A; the next, B.
    const top = laid.pages[b].items.filter((x): x is TextItem => x.kind === 'text' && x.struct !== undefined).sort((p, q) => p.y - q.y)[0];
    expect(top.fragments.map((f) => f.text).join('')).not.toBe('Section B');
    expect(heads(laid)[b]).toBe('Section A');
    // The next page opens inside B (it runs on), whatever starts further down.
    expect(pageOf(laid, 'Section C')).toBeGreaterThan(b);
    expect(heads(laid)[b + 1]).toBe('Section B');
  });

  it('name a section whose heading opens the page', () => {
    // Sweep the text before the heading until the heading is pushed to the top of a page.
    let seen = 0;
    for (let n = 380; n <= 1000 && seen === 0; n += 6) {
      const laid = composeAsBrief(resolvedDoc([heading('Section A'), para(words(n)), heading('Section B'), para(words(300, 3))]), t);
      const b = pageOf(laid, 'Section B');
      const first = laid.pages[b].items.filter((x): x is TextItem => x.kind === 'text' && x.struct !== undefined).sort((p, q) => p.y - q.y)[0];
      if (first.fragments.map((f) => f.text).join('') !== 'Section B') continue;
      seen++;
      expect(heads(laid)[b], `${n} words`).toBe('Section B');
    }
    expect(seen).toBe(1);
  });
});
