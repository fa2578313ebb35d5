// Keeps a build session's persisted memos (persistedMemos.ts) on disk between builds, with
// diskCache.ts: a memo is primed from the entry the last build stored, tracks what this build
// uses, and a successful build stores exactly that. Like every cache entry, a damaged one is a
// miss. The session remembers what the disk holds, so unchanged entries are not written again.
import type { BuildSession } from './buildSession.js';
import type { DiskCache } from './diskCache.js';
import type { PersistedMemo } from './persistedMemos.js';

/** The disk cache entry kind of a memo (lower-case letters: see diskCache.ts). */
const entryKind = (p: PersistedMemo<unknown>) => p.spec.name.toLowerCase();

/**
 * Primes the memo from its stored entry `key` (once per session and entry) and starts tracking
 * what the build uses.
 */
export function loadMemo(session: BuildSession, disk: DiskCache | undefined, p: PersistedMemo<unknown>, key: string): void {
  const memo = session.memos.get(p.spec);
  if (disk) {
    const id = `${disk.dir}\u0000${p.spec.name}\u0000${key}`;
    if (!session.stored.has(id)) {
      const stored = disk.get(entryKind(p), key);
      const decoded = stored === undefined ? null : p.decode(stored);
      // A value of the wrong shape is a miss, and is deleted so it is not read again.
      if (stored !== undefined && decoded === null) disk.drop(entryKind(p), key);
      const entries = decoded ?? [];
      memo.prime(entries);
      // What is primed is what memory returns later: stored values are compared by identity.
      session.stored.set(id, new Map(entries.map(([k]) => [k, memo.get(k)])));
    }
  }
  memo.track();
}

/** Stops tracking; returns what the build used (call whether or not it succeeded). */
export function takeMemo(session: BuildSession, p: PersistedMemo<unknown>): { used: Map<string, unknown>; reused: number } {
  return session.memos.get(p.spec).take();
}

/** Stores what a successful build used, unless it is exactly what is stored. */
export function saveMemo(session: BuildSession, disk: DiskCache, p: PersistedMemo<unknown>, key: string, used: Map<string, unknown>): void {
  const id = `${disk.dir}\u0000${p.spec.name}\u0000${key}`;
  const stored = session.stored.get(id);
  if (stored && stored.size === used.size && [...used].every(([k, v]) => stored.get(k) === v)) return;
  disk.put(entryKind(p), key, () => {
    // Known only once written: a deferred write that never happens (a failed watch rebuild)
    // must not make later builds think the store is up to date.
    session.stored.set(id, used);
    return p.encode(used);
  });
}
