// The session memos that are kept on disk between builds, each with how it is written and read
// back. The disk cache works through this list (memoStore.ts): a new persisted memo is one entry
// here. `document` memos are stored per document (what its layout used); `build` memos per set
// of documents built together.
import type { MemoSpec } from '../cache/sessionMemos.js';
import { COMPLEX_RUNS, type ComplexRun } from '../fonts/fontRegistry.js';
import type { Line } from '../layout/lineTypes.js';
import { BROKEN_PARAGRAPHS } from '../layout/textLines.js';
import { FONT_SUBSETS } from '../render/pdfFonts.js';
import { decodeParagraphs, encodeParagraphs } from './paragraphCodec.js';

export interface PersistedMemo<V> {
  spec: MemoSpec<V>;
  scope: 'document' | 'build';
  encode(used: Map<string, V>): unknown;
  /** The stored entries, or null when the value is not in the expected shape (a miss). */
  decode(stored: unknown): [string, V][] | null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const isPair = (e: unknown): e is [string, unknown] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string';

const isRun = (r: unknown): r is ComplexRun => {
  const run = r as ComplexRun | null;
  return !!run && Array.isArray(run.glyphs) && Array.isArray(run.positions) && run.glyphs.length === run.positions.length &&
    run.glyphs.every((g) => !!g && Number.isInteger(g.id) && Number.isFinite(g.advanceWidth) && Array.isArray(g.codePoints)) &&
    run.positions.every((p) => !!p && [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].every(Number.isFinite));
};

const paragraphs: PersistedMemo<Line[]> = {
  spec: BROKEN_PARAGRAPHS,
  scope: 'document',
  encode: encodeParagraphs,
  decode: (stored) => {
    try {
      return decodeParagraphs(stored);
    } catch {
      return null;
    }
  },
};

const complexRuns: PersistedMemo<ComplexRun> = {
  spec: COMPLEX_RUNS,
  scope: 'build',
  encode: (used) => [...used],
  decode: (stored) => (Array.isArray(stored) ? stored.filter((e): e is [string, ComplexRun] => isPair(e) && isRun(e[1])) : null),
};

const fontSubsets: PersistedMemo<Uint8Array> = {
  spec: FONT_SUBSETS,
  scope: 'build',
  // Subset bytes in base64.
  encode: (used) => [...used].map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')]),
  // Only strict base64: Buffer.from skips what is not, and would give a broken subset.
  decode: (stored) =>
    Array.isArray(stored)
      ? stored.filter((e): e is [string, string] => isPair(e) && typeof e[1] === 'string' && BASE64.test(e[1])).map(([k, b]) => [k, Buffer.from(b, 'base64')])
      : null,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PERSISTED_MEMOS: readonly PersistedMemo<any>[] = [paragraphs, complexRuns, fontSubsets];
