// The placement check on hand-made pages: what it reports, and what it must let be.
import { describe, expect, it } from 'vitest';
import { printTypesetReport } from '../../src/cli/typesetReport.js';
import { lineMetrics } from '../../src/fonts/fontRegistry.js';
import { assertPlacement, checkPlacement, countPlacementProblems, formatPlacementProblem, PlacementError, type PlacementProblem } from '../../src/layout/checkPlacement.js';
import { emptyStats } from '../../src/layout/paginate.js';
import type { LaidOutDocument, Page, PageFrame, PageItem, TextItem } from '../../src/layout/pageTypes.js';
import type { TextStyle } from '../../src/layout/textStyle.js';

const A4: [number, number] = [595.28, 841.89];
const body: TextStyle = { font: 'serif', size: 10, color: '#000000' };

/** A line of text with its baseline at y, one fragment `width` wide. */
function text(s: string, x: number, y: number, width: number, extra: Partial<TextItem> = {}, style: TextStyle = body): TextItem {
  return { kind: 'text', y, fragments: [{ text: s, style, x, width }], struct: 1, ...extra };
}

function doc(items: PageItem[], frames?: PageFrame[], name = 'handout'): LaidOutDocument {
  const page: Page = { width: A4[0], height: A4[1], items, label: null, frames };
  return {
    name, pages: [page], structure: { id: 0, type: 'Document', children: [] }, outline: [],
    info: { title: 't', author: 'a', subject: '', keywords: [], lang: 'en-GB', date: new Date(0) }, stats: emptyStats(),
  };
}

const messages = (d: LaidOutDocument) => checkPlacement(d).map((p) => formatPlacementProblem(d.name, p));

describe('the placement check', () => {
  it('reports two texts drawn over each other, naming the page and both', () => {
    const d = doc([text('Donations fund outreach', 100, 200, 120), text('Safe homes for children', 150, 203, 120)]);
    const problems = checkPlacement(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'overlap', page: 1, a: 'text "Donations fund outreach"', b: 'text "Safe homes for children"' });
    expect(messages(d)[0]).toMatch(/^handout page 1: text "Donations fund outreach" overlaps text "Safe homes for children" \(/);
  });

  it('lets lines of a paragraph be set closer than the font’s ascent and descent, but not closer than solid', () => {
    const m = lineMetrics(body.font, body.size);
    const leading = 11; // tighter than ascent + descent (13.7 pt), looser than the size (10 pt)
    expect(m.ascent + m.descent).toBeGreaterThan(leading);
    expect(checkPlacement(doc([text('first line of a paragraph', 100, 200, 200), text('second line of a paragraph', 100, 200 + leading, 200)]))).toEqual([]);
    expect(checkPlacement(doc([text('first line of a paragraph', 100, 200, 200), text('second line of a paragraph', 100, 209, 200)]))).toHaveLength(1);
  });

  it('lets pieces of one line touch, and texts side by side not overlap', () => {
    const d = doc([text('linked', 100, 200, 30), text(' words', 130, 200, 30), text('column two', 167, 200, 60)]);
    expect(checkPlacement(d)).toEqual([]);
  });

  it('lets text be drawn inside its container, and reports text under a box it is not inside', () => {
    const box: PageItem = { kind: 'rect', x: 40, y: 700, w: 515, h: 100, fill: '#0f5c63', container: 'call to action' };
    const inside = text('Give today', 52, 720, 60, { within: 'call to action' });
    expect(checkPlacement(doc([box, inside]))).toEqual([]);
    const under = text('Donations fund the outreach teams', 40, 705, 200);
    const d = doc([under, box, inside]);
    expect(messages(d)).toEqual([expect.stringMatching(/^handout page 1: text "Donations fund the outre…" overlaps call to action box \(/)]);
  });

  it('lets containers nest, and reports two things inside one container drawn over each other', () => {
    const items: PageItem[] = [
      { kind: 'rect', x: 40, y: 700, w: 515, h: 100, fill: '#0f5c63', container: 'call to action' },
      { kind: 'rect', x: 460, y: 705, w: 90, h: 90, fill: '#ffffff', container: 'QR code background', within: 'call to action' },
      { kind: 'qr', x: 464, y: 709, size: 82, modules: [[true]], color: '#000000', within: 'QR code background', struct: 2 },
    ];
    expect(checkPlacement(doc(items))).toEqual([]);
    const long = text('www.example.org/donate/a-very-long-address', 52, 740, 430, { within: 'call to action' });
    expect(messages(doc([...items, long]))).toEqual([
      expect.stringMatching(/^handout page 1: text "www\.example\.org\/donate\/a…" overlaps QR code background box/),
      expect.stringMatching(/^handout page 1: QR code overlaps text "www\.example\.org\/donate\/a…" \(/),
    ]);
  });

  it('reports content sticking out of the container it is drawn in', () => {
    const d = doc([
      { kind: 'rect', x: 40, y: 100, w: 120, h: 80, container: 'callout 4' },
      text('Tier 2 Watch List', 50, 130, 150, { within: 'callout 4' }),
    ]);
    expect(messages(d)).toEqual(['handout page 1: text "Tier 2 Watch List" sticks out of callout 4 box (40.0 pt at the right)']);
  });

  it('reports an item past the trim, and a decoration too', () => {
    const d = doc([
      { kind: 'image', x: 500, y: 300, w: 150, h: 100, data: Buffer.alloc(0), struct: 3 },
      { kind: 'line', x1: 40, y1: 850, x2: 200, y2: 850, color: '#000000', width: 1 },
      { kind: 'rect', x: 0, y: 0, w: A4[0], h: 86, container: 'title band' },
    ]);
    const problems = checkPlacement(d);
    expect(problems.map((p) => p.kind)).toEqual(['off-page', 'off-page']);
    expect(messages(d)[0]).toBe('handout page 1: image leaves the page (54.7 pt at the right)');
    expect(countPlacementProblems(problems)).toEqual({ overlaps: 0, offPage: 2, offFrame: 0 });
  });

  it('holds tagged content to the frames a page declares, but not artifacts such as page numbers', () => {
    const frames: PageFrame[] = [{ name: 'text block', x: 70, y: 68, w: 455, h: 712 }];
    expect(checkPlacement(doc([text('in the text block', 70, 100, 100), text('12', 500, 810, 10, { struct: undefined })], frames))).toEqual([]);
    const d = doc([text('Contents', 70, 68 + 10, 40)], frames, 'brief');
    expect(messages(d)).toEqual([expect.stringMatching(/^brief page 1: text "Contents" is outside the text block \(\d+\.\d pt at the top\)$/)]);
  });

  it('raises a superscript with its baseline', () => {
    const small: TextStyle = { ...body, size: 6 };
    const mark: TextItem = { kind: 'text', y: 200, fragments: [{ text: '1', style: small, x: 100, width: 4, target: { superscript: true, dest: 'note-1' } }], struct: 1 };
    // A line 9 pt above: clear of the mark drawn on the baseline, not of the raised mark.
    const above = text('the line above', 90, 191, 100);
    expect(checkPlacement(doc([above, { ...mark, fragments: [{ ...mark.fragments[0], target: undefined }] }]))).toEqual([]);
    expect(checkPlacement(doc([above, mark]))).toHaveLength(1);
  });

  it('fails with the first problem and how many more', () => {
    const d = doc([
      text('Donations fund outreach', 40, 705, 200),
      { kind: 'rect', x: 40, y: 700, w: 515, h: 100, container: 'call to action' },
      text('Safe homes for children', 40, 720, 200),
    ]);
    expect(() => assertPlacement(d)).toThrow(PlacementError);
    expect(() => assertPlacement(d)).toThrow(/^handout page 1: text "Donations fund outreach" overlaps call to action box \(.*\) \(and 1 more placement problem\)$/);
  });

  it('is counted by the typesetting report', () => {
    const problems: PlacementProblem[] = [
      { kind: 'overlap', page: 1, a: 'text "a"', b: 'call to action box', by: { left: 0, top: 0, right: 1, bottom: 1 } },
      { kind: 'off-page', page: 2, a: 'image', overhang: '3.0 pt at the right' },
    ];
    const out: string[] = [];
    printTypesetReport([{ name: 'handout', pages: 2, stats: emptyStats(), placement: problems }], (s) => out.push(s));
    const cols = out[0].split(/\s{2,}/);
    const row = out[1].trim().split(/\s+/);
    expect(row[cols.indexOf('overlaps')]).toBe('1');
    expect(row[cols.indexOf('off-page')]).toBe('1');
    expect(row[cols.indexOf('off-frame')]).toBe('0');
    // The placement problems are listed under the first table; the microtype table follows them.
    expect(out.slice(2, 4)).toEqual([expect.stringMatching(/^handout page 1: text "a" overlaps call to action box/), 'handout page 2: image leaves the page (3.0 pt at the right)']);
    expect(out[4]).toMatch(/^document\s+hyphens\/100\s+pairs\s+page-end/);
    expect(out[5].trim().split(/\s+/).slice(0, 5)).toEqual(['handout', '0.0', '0', '0', '0']);
  });
});
