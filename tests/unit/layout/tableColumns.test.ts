// Column widths of a table: the limit is what fits, each column as narrow as its cells can be
// set (words broken between characters), not a count of columns; a table past it is refused
// at its place in the source instead of drawn with text past the cell edges.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { measureText } from '../../../src/fonts/fontRegistry.js';
import type { LaidOutDocument, TextItem } from '../../../src/layout/pageTypes.js';
import { CELL_PAD_X, columnWidths, narrowestSetting } from '../../../src/layout/tableColumns.js';
import type { TextStyle } from '../../../src/layout/textStyle.js';
import type { RBlock } from '../../../src/resolve/resolvedTypes.js';
import { composeAsBrief } from '../../helpers/kinds.js';
import { plainBriefTemplate, resolvedDoc, text } from '../../helpers/resolvedDoc.js';
import { thrownError } from '../../helpers/thrownMessage.js';

const body: TextStyle = { font: 'sans', size: 8.8, color: '#000000' };
const head: TextStyle = { ...body, font: 'sans-bold' };
const WIDTH = 454;
const place = { file: 'content/brief.md', line: 25 };
const table = (cols: number, cell: (c: number) => string, rows = 2) => ({
  header: Array.from({ length: cols }, (_, c) => text(cell(c))),
  rows: Array.from({ length: rows }, () => Array.from({ length: cols }, (_, c) => text(cell(c)))),
  place,
});
const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
const thrown = thrownError;
/** 30 columns of long words, the first of wide letters: an even share (15.1 pt) is less than one "W" and its padding. */
const wideFirst = (c: number) => (c === 0 ? 'WWWWWWWWWW' : 'iiiiiiiiiiiiiiii');

describe('columnWidths', () => {
  it('gives a table that fits on one line its natural widths, stretched to the text width', () => {
    const w = columnWidths(table(3, (c) => ['Area', 'Value', 'Country'][c]), body, head, WIDTH);
    expect(sum(w)).toBeCloseTo(WIDTH, 6);
    expect(w[2]).toBeGreaterThan(w[0]);
  });

  it('takes as many one-character columns as fit and refuses one more, wherever that limit falls', () => {
    // Each column needs its widest character (the bold header's) and the padding either side.
    const least = Math.max(measureText('sans-bold', 'W', 8.8), measureText('sans', 'W', 8.8)) + 2 * CELL_PAD_X;
    const fit = Math.floor(WIDTH / least);
    const w = columnWidths(table(fit, () => 'W'), body, head, WIDTH);
    expect(sum(w)).toBeCloseTo(WIDTH, 6);
    for (const x of w) expect(x).toBeGreaterThanOrEqual(least - 1e-9);
    const e = thrown(() => columnWidths(table(fit + 1, () => 'W'), body, head, WIDTH));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).place).toEqual(place);
    expect((e as InputError).message).toMatch(new RegExp(`^content/brief\\.md:25: a table of ${fit + 1} columns is too wide for the page: .* the text is 454 pt wide — split it`));
    // Narrow characters fit more columns in the same width: the limit is not a count.
    expect(() => columnWidths(table(fit + 10, () => 'i'), body, head, WIDTH)).not.toThrow();
  });

  it('refuses 100 columns of tiny cells at the table', () => {
    const e = thrown(() => columnWidths(table(100, (c) => `c${c}`), body, head, WIDTH));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problem).toMatch(/^a table of 100 columns is too wide for the page: even with its words broken to fit, its columns need [\d,]+ pt and the text is 454 pt wide$/);
  });

  it('gives a squeezed column room for its widest character even when that is more than an even share', () => {
    const t = table(30, wideFirst);
    const w = columnWidths(t, body, head, WIDTH);
    expect(sum(w)).toBeCloseTo(WIDTH, 6);
    for (const [r, row] of [t.header, ...t.rows].entries()) {
      row.forEach((cell, c) => expect(w[c] - 2 * CELL_PAD_X, `row ${r} column ${c}`).toBeGreaterThanOrEqual(narrowestSetting(cell, r ? body : head) - 1e-9));
    }
    expect(w[0]).toBeGreaterThan(WIDTH / 30);
  });

  it('treats a table the engine made too wide as its own fault, not an input error', () => {
    const { place: _, ...unplaced } = table(100, (c) => `c${c}`);
    const e = thrown(() => columnWidths(unplaced, body, head, WIDTH));
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(InputError);
  });
});

describe('tables in a laid-out brief', () => {
  const t = plainBriefTemplate();
  const lay = (blocks: RBlock[]): LaidOutDocument => composeAsBrief(resolvedDoc(blocks), t, 'a4');
  const tableBlock = (cols: number, cell: (c: number) => string): RBlock => ({ kind: 'table', align: [], numeric: [], ...table(cols, cell) });

  it('stops at the table of 100 columns with its place', () => {
    const e = thrown(() => lay([tableBlock(100, (c) => `c${c}`)]));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).place).toEqual(place);
  });

  it('sets a squeezed table with no cell running into the next or past the margin', () => {
    const doc = lay([tableBlock(30, wideFirst)]);
    // The table is on page 2, after the cover.
    const right = 595.28 - t.margins.outer;
    const frags = doc.pages[1].items.filter((i): i is TextItem => i.kind === 'text' && i.struct !== undefined).flatMap((i) => i.fragments.map((f) => ({ ...f, y: i.y })));
    expect(frags.length).toBeGreaterThan(90);
    const byLine = new Map<string, typeof frags>();
    for (const f of frags) byLine.set(f.y.toFixed(2), [...(byLine.get(f.y.toFixed(2)) ?? []), f]);
    for (const line of byLine.values()) {
      line.sort((a, b) => a.x - b.x);
      line.forEach((f, k) => {
        expect(f.x + f.width, f.text).toBeLessThanOrEqual(right + 0.01);
        if (k) expect(f.x, `${line[k - 1].text} | ${f.text}`).toBeGreaterThanOrEqual(line[k - 1].x + line[k - 1].width - 0.01);
      });
    }
  });
});
