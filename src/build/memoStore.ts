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

/** Primes the memos from the last build's entry, starts tracking, and returns the keys loaded. */
export function loadMemos(disk: DiskCache | undefined): Set<string> {
  const loaded = new Set<string>();
  const s = disk?.get<StoredMemos>('memos', KEY);
  if (s && Array.isArray(s.runs) && Array.isArray(s.subsets)) {
    const runs = s.runs.filter(([k, r]) => typeof k === 'string' && Array.isArray(r?.glyphs) && Array.isArray(r.positions) && r.glyphs.length === r.positions.length);
    const subsets = s.subsets.filter(([k, b]) => typeof k === 'string' && typeof b === 'string');
    complexRuns.prime(runs);
    fontSubsets.prime(subsets.map(([k, b]) => [k, Buffer.from(b, 'base64')]));
    for (const [k] of runs) loaded.add('r' + k);
    for (const [k] of subsets) loaded.add('s' + k);
  }
  complexRuns.track();
  fontSubsets.track();
  return loaded;
}

/** Stores what this build used, unless it is exactly what was loaded (keys are content). */
export function saveMemos(disk: DiskCache | undefined, loaded: Set<string>): void {
  const runs = complexRuns.take();
  const subsets = fontSubsets.take();
  if (!disk) return;
  const same = runs.size + subsets.size === loaded.size && [...runs.keys()].every((k) => loaded.has('r' + k)) && [...subsets.keys()].every((k) => loaded.has('s' + k));
  if (same) return;
  disk.put('memos', KEY, { runs: [...runs], subsets: [...subsets].map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')]) } satisfies StoredMemos);
}
