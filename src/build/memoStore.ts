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

const KEY = 'shaping+subsets';

/** Per cache folder, the keys this process knows the stored entry holds ('r' runs, 's' subsets). */
const known = new Map<string, Set<string>>();

/** Primes the memos from the last build's entry (once per process) and starts tracking. */
export function loadMemos(disk: DiskCache | undefined): void {
  if (disk && !known.has(disk.dir)) {
    const loaded = new Set<string>();
    const s = disk.get<StoredMemos>('memos', KEY);
    if (s && Array.isArray(s.runs) && Array.isArray(s.subsets)) {
      const runs = s.runs.filter(([k, r]) => typeof k === 'string' && Array.isArray(r?.glyphs) && Array.isArray(r.positions) && r.glyphs.length === r.positions.length);
      const subsets = s.subsets.filter(([k, b]) => typeof k === 'string' && typeof b === 'string');
      complexRuns.prime(runs);
      fontSubsets.prime(subsets.map(([k, b]) => [k, Buffer.from(b, 'base64')]));
      for (const [k] of runs) loaded.add('r' + k);
      for (const [k] of subsets) loaded.add('s' + k);
    }
    known.set(disk.dir, loaded);
  }
  complexRuns.track();
  fontSubsets.track();
}

/** Stores what this build used, unless it is exactly what is stored (keys are content). */
export function saveMemos(disk: DiskCache | undefined): void {
  const runs = complexRuns.take();
  const subsets = fontSubsets.take();
  if (!disk) return;
  const stored = known.get(disk.dir);
  const keys = new Set([...[...runs.keys()].map((k) => 'r' + k), ...[...subsets.keys()].map((k) => 's' + k)]);
  if (stored && stored.size === keys.size && [...keys].every((k) => stored.has(k))) return;
  known.set(disk.dir, keys);
  disk.put('memos', KEY, (): StoredMemos => ({ runs: [...runs], subsets: [...subsets].map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')]) }));
}

/** Forgets what this process knows of the stores (tests that act as a new process). */
export function forgetStoredMemos(): void {
  known.clear();
}
