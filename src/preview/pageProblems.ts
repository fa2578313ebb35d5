// Typesetting problems placed on the pages, for the preview to highlight: what the quality
// report counts (LayoutStats), found again in the laid-out pages so each has a page and a box.
// Lines are read back from the text items (a paragraph's lines share its structure element);
// a kind of problem whose place cannot be read from the pages (a split figure, loose spacing)
// is listed without a box, as is any counted problem not found again.
import type { LaidOutDocument, StructNode, TextItem } from '../layout/pageTypes.js';

export type ProblemKind = 'overfull' | 'widow' | 'orphan' | 'stranded-heading' | 'hyphen-run' | 'split-figure' | 'loose-lines';

export interface PageProblem {
  kind: ProblemKind;
  reason: string;
  /** 0-based page index and the box in points from the page's top left, when known. */
  page?: number;
  box?: { x: number; y: number; w: number; h: number };
}

interface PlacedLine {
  page: number;
  frame: string;
  y: number;
  x1: number;
  x2: number;
  size: number;
  para: number;
  heading: boolean;
  hyphenated: boolean;
  text: string;
}

const INLINE = new Set(['Link', 'Span', 'Reference']);

export function pageProblems(doc: LaidOutDocument): PageProblem[] {
  const { lines, paragraphs, contentBottom } = readLines(doc);
  const out: PageProblem[] = [];
  const box = (l: PlacedLine, pad = 1) => ({ x: l.x1 - pad, y: l.y - l.size * 0.85, w: l.x2 - l.x1 + 2 * pad, h: l.size * 1.15 });
  const quote = (l: PlacedLine) => `“${l.text.trim().slice(0, 50)}${l.text.trim().length > 50 ? '…' : ''}”`;

  // Overfull: a line of a paragraph set to its column's measure (one of its lines ends exactly
  // at the column's edge, where justified lines end) that sticks out past that edge. Text set
  // to another width (a title across the page, a callout) is never compared with the column.
  const byFrame = groupBy(lines, (l) => l.frame);
  for (const frameLines of byFrame.values()) {
    const edge = justifiedEdge(frameLines, paragraphs);
    if (edge === null) continue;
    for (const para of groupBy(frameLines.filter((l) => !l.heading), (l) => l.para).values()) {
      if (!para.some((l) => Math.abs(l.x2 - edge) < 0.5)) continue;
      for (const l of para) {
        if (l.x2 > edge + 1.5) out.push({ kind: 'overfull', page: l.page, box: box(l), reason: `Overfull line: ${(l.x2 - edge).toFixed(1)} pt past the column's edge — ${quote(l)}` });
      }
    }
  }

  for (const para of paragraphs.values()) {
    if (para.length < 2) continue;
    const frames = para.map((l) => l.frame);
    const first = frames[0];
    const last = frames[frames.length - 1];
    if (first !== last) {
      if (frames.filter((f) => f === first).length === 1) out.push({ kind: 'orphan', page: para[0].page, box: box(para[0]), reason: `Orphan: the paragraph's first line is alone at the foot of the column — ${quote(para[0])}` });
      if (frames.filter((f) => f === last).length === 1) {
        const l = para[para.length - 1];
        out.push({ kind: 'widow', page: l.page, box: box(l), reason: `Widow: the paragraph's last line is alone at the top of the column — ${quote(l)}` });
      }
    }
    // More than two hyphenated lines in a row.
    let run = 0;
    for (const l of para) {
      run = l.hyphenated ? run + 1 : 0;
      if (run > 2) out.push({ kind: 'hyphen-run', page: l.page, box: box(l), reason: `${run} hyphenated lines in a row — ${quote(l)}` });
    }
  }

  // A heading with nothing after it in its column (text of any kind but notes, charts, images).
  for (const [frame, frameLines] of byFrame) {
    const headings = frameLines.filter((l) => l.heading);
    const lastHeading = headings[headings.length - 1];
    if (lastHeading && lastHeading.y >= (contentBottom.get(frame) ?? -Infinity) && !isLastFrame(lastHeading, lines)) {
      out.push({ kind: 'stranded-heading', page: lastHeading.page, box: box(lastHeading, 2), reason: `Stranded heading: nothing follows it in this column — ${quote(lastHeading)}` });
    }
  }

  // What the layout counted but the pages cannot place.
  const s = doc.stats;
  const counted: [ProblemKind, number, string][] = [
    ['overfull', s.overfullLines, 'overfull line'],
    ['widow', s.widows, 'widow'],
    ['orphan', s.orphans, 'orphan'],
    ['stranded-heading', s.strandedHeadings, 'stranded heading'],
    ['hyphen-run', s.consecutiveHyphens, 'run of more than two hyphenated lines'],
    ['split-figure', s.splitFigures, 'figure taller than a page, split'],
  ];
  for (const [kind, n, what] of counted) {
    const found = out.filter((p) => p.kind === kind).length;
    for (let i = found; i < n; i++) out.push({ kind, reason: `${what[0].toUpperCase()}${what.slice(1)} (counted by the layout; its place is not known)` });
  }
  const loose = s.ratios.filter((r) => r > 2).length;
  if (loose) out.push({ kind: 'loose-lines', reason: `${loose} justified line${loose === 1 ? '' : 's'} stretched past twice the normal word space (max ${Math.max(...s.ratios).toFixed(2)})` });
  return out;
}

/** Where the column's justified lines end: the commonest right edge of lines that are not a paragraph's last. */
function justifiedEdge(frameLines: PlacedLine[], paragraphs: Map<number, PlacedLine[]>): number | null {
  const counts = new Map<number, number>();
  for (const l of frameLines) {
    const para = paragraphs.get(l.para);
    if (!para || para[para.length - 1] === l) continue;
    const x = Math.round(l.x2 * 10) / 10;
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 1;
  for (const [x, c] of counts) {
    if (c > n) {
      best = x;
      n = c;
    }
  }
  return best;
}

function isLastFrame(l: PlacedLine, lines: PlacedLine[]): boolean {
  return !lines.some((o) => o.page > l.page || (o.page === l.page && o.frame > l.frame));
}

/** The text lines of every page, each with its paragraph (the P or H element it belongs to). */
function readLines(doc: LaidOutDocument): { lines: PlacedLine[]; paragraphs: Map<number, PlacedLine[]>; contentBottom: Map<string, number> } {
  const owner = new Map<number, StructNode>();
  const inNote = new Set<number>();
  const walk = (n: StructNode, block: StructNode | null, note: boolean) => {
    const b = INLINE.has(n.type) && block ? block : n;
    owner.set(n.id, b);
    if (note) inNote.add(n.id);
    for (const c of n.children) walk(c, b, note || n.type === 'Note');
  };
  walk(doc.structure, null, false);
  const lines: PlacedLine[] = [];
  // The lowest content that is not a heading or a note, per column: what a heading needs below it.
  const contentBottom = new Map<string, number>();
  const frameOf = (p: number, x: number, width: number) => `${String(p).padStart(5, '0')}:${x > width / 2 ? 1 : 0}`;
  doc.pages.forEach((page, p) => {
    const rows = new Map<string, TextItem[]>();
    for (const it of page.items) {
      const content = it.kind === 'text' && it.struct !== undefined && it.fragments.length && !inNote.has(it.struct) && !/^H\d$/.test(owner.get(it.struct)?.type ?? '')
        ? { x: it.fragments[0].x, y: it.y } : it.kind === 'chart' || it.kind === 'image' ? { x: it.x, y: it.y } : null;
      if (content) {
        const f = frameOf(p, content.x, page.width);
        contentBottom.set(f, Math.max(contentBottom.get(f) ?? -Infinity, content.y));
      }
      if (it.kind !== 'text' || it.struct === undefined || !it.fragments.length) continue;
      const o = owner.get(it.struct);
      if (!o || !/^(P|H\d)$/.test(o.type)) continue;
      const key = `${o.id}@${it.y.toFixed(2)}`;
      rows.set(key, [...(rows.get(key) ?? []), it]);
    }
    for (const [key, items] of rows) {
      const frags = items.flatMap((i) => i.fragments);
      const x1 = Math.min(...frags.map((f) => f.x));
      const x2 = Math.max(...frags.map((f) => f.x + f.width));
      const o = owner.get(items[0].struct!)!;
      lines.push({
        page: p, frame: frameOf(p, x1, page.width), y: items[0].y, x1, x2,
        size: Math.max(...frags.map((f) => f.style.size)), para: Number(key.split('@')[0]), heading: o.type.startsWith('H'),
        hyphenated: frags[frags.length - 1].isHyphen === true, text: frags.filter((f) => !f.isHyphen).map((f) => f.text).join(''),
      });
    }
  });
  const paragraphs = groupBy(lines.filter((l) => !l.heading && !inNote.has(l.para)), (l) => l.para);
  return { lines, paragraphs, contentBottom };
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
