// Broken paragraphs as a disk cache entry (see persistedMemos.ts): a new build after a
// one-word edit re-breaks only the paragraph that changed, as watch mode does in memory.
//
// Each document keeps the paragraphs its last build used, by the same key the session's line
// memo uses (text, styles, measure, alignment, language). Fragments of one paragraph that
// share a target object (a link broken across lines) must still share it after the round
// trip, because structure tagging groups them by identity; targets and styles are therefore
// stored once per document and referred to by index.
import type { InlineTarget, Line, LineFragment } from '../layout/lineTypes.js';
import type { TextStyle } from '../layout/textStyle.js';

type StoredFragment = Omit<LineFragment, 'style' | 'target'> & { style: number; target?: number };
type StoredLine = Omit<Line, 'fragments'> & { fragments: StoredFragment[] };

interface StoredLines {
  styles: TextStyle[];
  targets: InlineTarget[];
  paragraphs: [key: string, lines: StoredLine[]][];
}

export function encodeParagraphs(used: Map<string, Line[]>): StoredLines {
  const styles: TextStyle[] = [];
  const styleIndex = new Map<string, number>();
  const targets: InlineTarget[] = [];
  const targetIndex = new Map<InlineTarget, number>();
  const paragraphs: [string, StoredLine[]][] = [];
  for (const [key, lines] of used) {
    paragraphs.push([key, lines.map((line) => ({
      ...line,
      fragments: line.fragments.map((f) => {
        const sk = `${f.style.font}|${f.style.size}|${f.style.color}`;
        let si = styleIndex.get(sk);
        if (si === undefined) {
          styleIndex.set(sk, (si = styles.length));
          styles.push({ font: f.style.font, size: f.style.size, color: f.style.color });
        }
        const out: StoredFragment = { ...f, style: si, target: undefined };
        if (f.target) {
          let ti = targetIndex.get(f.target);
          if (ti === undefined) {
            targetIndex.set(f.target, (ti = targets.length));
            targets.push(f.target);
          }
          out.target = ti;
        }
        return out;
      }),
    }))]);
  }
  return { styles, targets, paragraphs };
}

/** The stored paragraphs, or null when the entry is not in the expected shape. */
export function decodeParagraphs(stored: unknown): [string, Line[]][] | null {
  const s = stored as StoredLines;
  if (!Array.isArray(s?.styles) || !Array.isArray(s.targets) || !Array.isArray(s.paragraphs)) return null;
  const targets = s.targets.map((t) => ({ ...t }));
  const out: [string, Line[]][] = [];
  for (const [key, lines] of s.paragraphs) {
    if (typeof key !== 'string' || !Array.isArray(lines)) return null;
    const restored: Line[] = [];
    for (const line of lines) {
      if (!Array.isArray(line?.fragments)) return null;
      const fragments: LineFragment[] = [];
      for (const f of line.fragments) {
        const style = s.styles[f.style];
        if (!style || typeof f.text !== 'string') return null;
        const { target: ti, style: _si, ...rest } = f;
        const frag: LineFragment = { ...rest, style };
        if (ti !== undefined && ti !== null) {
          if (!targets[ti]) return null;
          frag.target = targets[ti];
        }
        fragments.push(frag);
      }
      restored.push({ ...line, fragments });
    }
    out.push([key, restored]);
  }
  return out;
}
