// Keeps the process-wide memos of shaped Khmer runs and encoded font subsets on disk between
// builds (with diskCache.ts): each build stores the entries it used, and the next build starts
// with them. Like every cache entry, a damaged one is a miss.
import { complexRuns, type ComplexRun } from '../fonts/fontRegistry.js';
import { fontSubsets } from '../render/pdfFonts.js';
import type { DiskCache } from './diskCache.js';

interface StoredMemos {
  runs: [string, ComplexRun][];
  /** Subset bytes in base64. */
  subsets: [string, string][];
}

/** Per cache folder and documents, the keys this process knows the stored entry holds ('r' runs, 's' subsets). */
const known = new Map<string, Set<string>>();

const isRun = (r: unknown): r is ComplexRun => {
  const run = r as ComplexRun | null;
  return !!run && Array.isArray(run.glyphs) && Array.isArray(run.positions) && run.glyphs.length === run.positions.length &&
    run.glyphs.every((g) => !!g && Number.isInteger(g.id) && Number.isFinite(g.advanceWidth) && Array.isArray(g.codePoints)) &&
    run.positions.every((p) => !!p && [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].every(Number.isFinite));
};
const isPair = (e: unknown): e is [string, unknown] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string';

/**
 * Primes the memos from the entry the last build of these documents stored (once per process)
 * and starts tracking what this build uses. `documents` names the entry: a build of the brief
 * alone, or a --jobs worker, keeps its own.
 */
export function loadMemos(disk: DiskCache | undefined, documents: string): void {
  const id = disk && disk.dir + '\u0000' + documents;
  if (disk && id && !known.has(id)) {
    const loaded = new Set<string>();
    const s = disk.get<StoredMemos>('memos', documents);
    if (s && Array.isArray(s.runs) && Array.isArray(s.subsets)) {
      const runs = s.runs.filter((e): e is [string, ComplexRun] => isPair(e) && isRun(e[1]));
      const subsets = s.subsets.filter((e): e is [string, string] => isPair(e) && typeof e[1] === 'string');
      complexRuns.prime(runs);
      fontSubsets.prime(subsets.map(([k, b]) => [k, Buffer.from(b, 'base64')]));
      for (const [k] of runs) loaded.add('r' + k);
      for (const [k] of subsets) loaded.add('s' + k);
    }
    known.set(id, loaded);
  }
  complexRuns.track();
  fontSubsets.track();
}

/** Stops tracking; returns what this build used. Call whether or not the build succeeded. */
export function takeMemos(): { runs: Map<string, ComplexRun>; subsets: Map<string, Uint8Array> } {
  return { runs: complexRuns.take().used, subsets: fontSubsets.take().used };
}

/** Stores what a successful build used, unless it is exactly what is stored (keys are content). */
export function saveMemos(disk: DiskCache, documents: string, used: { runs: Map<string, ComplexRun>; subsets: Map<string, Uint8Array> }): void {
  const id = disk.dir + '\u0000' + documents;
  const stored = known.get(id);
  const keys = new Set([...[...used.runs.keys()].map((k) => 'r' + k), ...[...used.subsets.keys()].map((k) => 's' + k)]);
  if (stored && stored.size === keys.size && [...keys].every((k) => stored.has(k))) return;
  disk.put('memos', documents, (): StoredMemos => {
    // Known only once written: a deferred write that never happens (a failed watch rebuild)
    // must not make later builds think the store is up to date.
    known.set(id, keys);
    return {
      runs: [...used.runs],
      subsets: [...used.subsets].map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')]),
    };
  });
}

/** Forgets what this process knows of the stores (tests that act as a new process). */
export function forgetStoredMemos(): void {
  known.clear();
}
