// Pagination rules checked on laid-out pages (no PDF written): headings never stranded, no
// widows or orphans, long URLs broken inside the measure, tables split between rows with the
// header repeated, figures moved rather than split.
import { describe, expect, it } from 'vitest';
import { composeAsBrief } from '../../helpers/kinds.js';
import type { LaidOutDocument, Page, StructNode, TextItem } from '../../../src/layout/pageTypes.js';
import type { RBlock } from '../../../src/resolve/resolvedTypes.js';
import { figure, heading, para, plainBriefTemplate, resolvedDoc, text, words } from '../../helpers/resolvedDoc.js';

const t = plainBriefTemplate();
const lay = (blocks: RBlock[]) => composeAsBrief(resolvedDoc(blocks), t, 'a4');

function nodesOfType(root: StructNode, type: string): StructNode[] {
  const out: StructNode[] = [];
  const walk = (n: StructNode) => {
    if (n.type === type) out.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Distinct baselines of a structure node's text on each page: its lines per page. */
function linesPerPage(doc: LaidOutDocument, id: number): number[] {
  return doc.pages.map((p) => new Set(p.items.filter((i): i is TextItem => i.kind === 'text' && i.struct === id).map((i) => i.y.toFixed(2))).size).filter((n) => n > 0);
}

const bodyTexts = (p: Page) => p.items.filter((i): i is TextItem => i.kind === 'text' && i.struct !== undefined).sort((a, b) => a.y - b.y);

describe('pagination', () => {
  it('never leaves a heading at the foot of a page: it keeps at least two lines of what follows', () => {
    // Sweep the filler so that the heading falls on every possible line near the page end.
    for (let filler = 360; filler <= 560; filler += 3) {
      const doc = lay([para(words(filler)), para(words(60, 3)), heading('Next section'), para(words(120, 5))]);
      const h = nodesOfType(doc.structure, 'H1')[0];
      const after = nodesOfType(doc.structure, 'P').at(-1)!;
      const pageOfHeading = doc.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.struct === h.id));
      const followLines = new Set(doc.pages[pageOfHeading].items.filter((i): i is TextItem => i.kind === 'text' && i.struct === after.id).map((i) => i.y)).size;
      expect(followLines, `filler ${filler}`).toBeGreaterThanOrEqual(2);
      expect(doc.stats.strandedHeadings).toBe(0);
    }
  });

  it('leaves no widow or orphan: every split paragraph keeps two lines on each side', () => {
    let splits = 0;
    for (let filler = 300; filler <= 560; filler += 7) {
      const doc = lay([para(words(filler)), para(words(90, 2)), para(words(70, 4))]);
      for (const p of nodesOfType(doc.structure, 'P')) {
        const parts = linesPerPage(doc, p.id);
        if (parts.length > 1) {
          splits++;
          expect(parts[0], `first part, filler ${filler}`).toBeGreaterThanOrEqual(2);
          expect(parts.at(-1), `last part, filler ${filler}`).toBeGreaterThanOrEqual(2);
        }
      }
      expect(doc.stats.widows + doc.stats.orphans).toBe(0);
    }
    expect(splits).toBeGreaterThan(5); // the sweep really did split paragraphs
  });

  it('breaks a 300-character URL inside the measure, with nothing over the margin', () => {
    const url = 'https://example.org/' + Array.from({ length: 28 }, (_, i) => `segment${i}`).join('/') + '?q=' + 'x'.repeat(20);
    expect(url.length).toBeGreaterThanOrEqual(300);
    const doc = lay([{ kind: 'paragraph', inlines: [...text('See '), { kind: 'text', text: url, marks: {}, href: url }, ...text(' for the full record.')] }]);
    const right = 595.28 - t.margins.outer;
    let joined = '';
    for (const p of doc.pages.slice(1)) {
      for (const it of bodyTexts(p)) {
        for (const f of it.fragments) {
          expect(f.x + f.width).toBeLessThanOrEqual(right + 0.01);
          if (!f.isHyphen) joined += f.text;
        }
      }
    }
    expect(joined.replace(/\s+/g, '')).toContain(url);
    expect(doc.stats.overfullLines).toBe(0);
  });

  it('splits a 200-row table between rows and repeats the header row on each page, as an artifact', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [text(`Row ${i + 1}`), text(`${(i * 37) % 1000}.5`), text('Cambodia')]);
    const doc = lay([para(words(40)), { kind: 'table', align: [null, 'right', null], numeric: [false, true, false], header: [text('Area'), text('Value'), text('Country')], rows }]);
    const tablePages = doc.pages.filter((p) => p.items.some((i) => i.kind === 'text' && i.fragments.some((f) => /^Row \d+/.test(f.text))));
    expect(tablePages.length).toBeGreaterThanOrEqual(4);
    tablePages.forEach((p, k) => {
      const texts = p.items.filter((i): i is TextItem => i.kind === 'text').sort((a, b) => a.y - b.y);
      const headerItem = texts.find((i) => i.fragments.some((f) => f.text.startsWith('Area')))!;
      expect(headerItem, `header on table page ${k + 1}`).toBeDefined();
      const firstRow = texts.find((i) => i.fragments.some((f) => /^Row \d+/.test(f.text)))!;
      expect(headerItem.y).toBeLessThan(firstRow.y);
      // Only the first header is content; repeats are artifacts (no structure node).
      if (k > 0) expect(headerItem.struct).toBeUndefined();
      else expect(headerItem.struct).toBeDefined();
    });
    // Every row appears exactly once, in order.
    const seen = doc.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' ? i.fragments.map((f) => f.text.trim()) : []))).filter((s) => /^Row \d+$/.test(s));
    expect(seen).toEqual(rows.map((_, i) => `Row ${i + 1}`));
  });

  it('moves a figure that does not fit to the next page and fills the hole with the text after it', () => {
    const doc = lay([para(words(330)), figure(1, 420), para(words(150, 7)), para(words(150, 9))]);
    const figPage = doc.pages.findIndex((p) => p.items.some((i) => i.kind === 'chart'));
    const firstBody = doc.pages[1];
    expect(figPage).toBeGreaterThan(1);
    // The text after the figure moved up to fill the first body page...
    const textAfter = nodesOfType(doc.structure, 'P').at(-2)!.id;
    expect(firstBody.items.some((i) => i.kind === 'text' && i.struct === textAfter)).toBe(true);
    // ...so the page is filled close to its bottom margin.
    const bottom = Math.max(...bodyTexts(firstBody).map((i) => i.y));
    expect(bottom).toBeGreaterThan(841.89 - t.margins.bottom - 40);
    expect(doc.stats.splitFigures).toBe(0);
    // The figure sits whole at the top of its page.
    const chart = doc.pages[figPage].items.find((i) => i.kind === 'chart')!;
    expect(chart.kind === 'chart' && chart.y).toBeLessThan(t.margins.top + 20);
  });
});

describe('pagination with microtype (issue 13)', () => {
  const LONG_WORDS = 'responsibility accountability international reconstruction transparency understanding vulnerability organisation partnership investigation';
  const hyphenProne = (n: number, offset: number) => {
    const w = LONG_WORDS.split(' ');
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(i % 3 === 0 ? w[(i + offset) % w.length] : WORDS_SHORT[(i * 7 + offset) % WORDS_SHORT.length]);
    return out.join(' ') + '.';
  };
  const WORDS_SHORT = ['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'it', 'as', 'was', 'with', 'by', 'on'];

  it('never ends a page on a hyphenated line', () => {
    let hyphenated = 0;
    for (let filler = 300; filler <= 520; filler += 11) {
      const doc = lay([para(words(filler)), para(hyphenProne(160, filler)), para(hyphenProne(200, filler + 1)), para(hyphenProne(180, filler + 2))]);
      for (const p of doc.pages) {
        const lines = bodyTexts(p);
        hyphenated += lines.filter((l) => l.fragments.at(-1)?.isHyphen).length;
        const last = lines.at(-1);
        if (last) expect(last.fragments.at(-1)?.isHyphen ?? false, `filler ${filler}`).toBe(false);
      }
      expect(doc.stats.pageEndHyphens).toBe(0);
    }
    expect(hyphenated).toBeGreaterThan(10); // the sweep really hyphenated lines
  });

  it('fills full pages to their foot by opening the paragraph spaces a little', () => {
    const blocks: RBlock[] = [];
    // Three-line paragraphs cannot split (two lines each side), so pages would end short.
    for (let i = 0; i < 80; i++) blocks.push(para(words([37, 8, 36, 38, 9, 12, 37][i % 7], i)));
    const doc = lay(blocks);
    // Body pages (not the cover), the last one excepted: it ends where the text does.
    const body = doc.pages.filter((p) => bodyTexts(p).length > 10).slice(0, -1);
    const feet = body.map((p) => Math.max(...bodyTexts(p).map((l) => l.y)));
    expect(feet.length).toBeGreaterThan(1);
    // Every full page ends on the same baseline, whatever lines its paragraphs had.
    for (const f of feet) expect(f).toBeCloseTo(Math.max(...feet), 0);
    expect(doc.stats.widows + doc.stats.orphans).toBe(0);
  });
});
