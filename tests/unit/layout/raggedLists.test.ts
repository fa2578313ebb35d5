// Lists of sources, and lists whose items are mostly one line, are set ragged-right; prose and
// lists of long items stay justified. Checked on laid-out pages (no PDF written).
import { describe, expect, it } from 'vitest';
import type { LaidOutDocument, StructNode, TextItem } from '../../../src/layout/pageTypes.js';
import type { RBlock } from '../../../src/resolve/resolvedTypes.js';
import { composeAsBrief } from '../../helpers/kinds.js';
import { para, plainBriefTemplate, resolvedDoc, words } from '../../helpers/resolvedDoc.js';

const t = plainBriefTemplate();
const list = (items: string[]): RBlock => ({ kind: 'list', ordered: false, start: 1, tight: true, items: items.map((s) => [para(s)]) });

/**
 * Every P of the structure tree, in order, with the right edge of each of its lines but the last,
 * and for each of those lines how far its widest word space is from the space's natural width.
 */
function paragraphs(doc: LaidOutDocument): { text: string; rightEdges: number[]; spaceStretch: number[] }[] {
  const ps: StructNode[] = [];
  const walk = (n: StructNode) => {
    if (n.type === 'P') ps.push(n);
    n.children.forEach(walk);
  };
  walk(doc.structure);
  const texts = doc.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text' && i.struct !== undefined));
  const under = (n: StructNode): Set<number> => new Set([n.id, ...n.children.flatMap((c) => [...under(c)])]);
  return ps.map((p) => {
    const ids = under(p);
    const lines = new Map<number, TextItem[]>();
    for (const x of texts) if (x.struct !== undefined && ids.has(x.struct)) lines.set(x.y, [...(lines.get(x.y) ?? []), x]);
    const ys = [...lines.keys()].sort((a, b) => a - b);
    const edge = (y: number) => Math.max(...lines.get(y)!.flatMap((x) => x.fragments.map((f) => f.x + f.width)));
    // A fragment ending in a space is drawn with its natural space; the gap to the next fragment
    // beyond that is what justification added (0 in ragged text).
    const stretch = (y: number) => {
      const frags = lines.get(y)!.flatMap((x) => x.fragments).sort((a, b) => a.x - b.x);
      let most = 0;
      for (let i = 0; i + 1 < frags.length; i++) {
        if (frags[i].text.endsWith(' ')) most = Math.max(most, Math.abs(frags[i + 1].x - frags[i].x - frags[i].width));
      }
      return most;
    };
    return {
      text: ys.map((y) => lines.get(y)!.flatMap((x) => x.fragments.map((f) => f.text)).join('')).join(' '),
      rightEdges: ys.slice(0, -1).map(edge),
      spaceStretch: ys.slice(0, -1).map(stretch),
    };
  });
}

describe('ragged-right lists', () => {
  const LONG = words(45, 2);
  const doc = composeAsBrief(
    {
      ...resolvedDoc([
        para(words(120)),
        // Short items and one long one: the long one's lines are ragged.
        list(['Rain', 'Sun and clear skies', 'Fog in the morning', LONG, 'Snow']),
        // Items of several lines each: a list of prose, justified.
        list([words(40, 1), words(44, 3), words(38, 5)]),
      ]),
      sources: ['International Labour Organization, global estimate of forced labour and forced marriage, with the methods and the regional tables of the report (2022)', 'UNICEF'],
    },
    t,
  );
  const ps = paragraphs(doc);
  const prose = ps.find((p) => p.text.startsWith(words(120).slice(0, 30)))!;
  const measureEnd = Math.max(...prose.rightEdges);
  const justified = (p: { rightEdges: number[] }) => p.rightEdges.every((e) => Math.abs(e - measureEnd) < 0.5);

  it('prose is justified: every line but the last ends at the measure', () => {
    expect(prose.rightEdges.length).toBeGreaterThan(3);
    expect(justified(prose)).toBe(true);
    // Justified lines open their spaces (so the ragged test below can tell them apart).
    expect(prose.spaceStretch.some((g) => g > 0.05)).toBe(true);
  });

  it('a list of mostly one-line items is ragged, its long item too', () => {
    const long = ps.find((p) => p.text.startsWith(LONG.slice(0, 30)))!;
    expect(long.rightEdges.length).toBeGreaterThanOrEqual(2);
    expect(long.rightEdges.some((e) => e < measureEnd - 1)).toBe(true);
    expect(long.text).not.toMatch(/-\s/); // and not hyphenated
  });

  it('a list of long items stays justified', () => {
    const items = ps.filter((p) => [words(40, 1), words(44, 3), words(38, 5)].some((w) => p.text.startsWith(w.slice(0, 30))));
    expect(items).toHaveLength(3);
    for (const p of items) {
      expect(p.rightEdges.length).toBeGreaterThanOrEqual(1);
      expect(justified(p)).toBe(true);
    }
  });

  it('the list of sources is ragged', () => {
    const src = ps.find((p) => p.text.startsWith('International Labour Organization'))!;
    expect(src.rightEdges.length).toBeGreaterThanOrEqual(1);
    // Ragged: word spaces at their natural width. (A line may still reach the measure, its final
    // comma hanging into the margin by protrusion; so the right edge alone does not tell.)
    expect(src.spaceStretch.every((g) => g < 0.05)).toBe(true);
  });
});
