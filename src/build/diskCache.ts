// A content-addressed cache of expensive, deterministic results kept between builds (compiled
// charts, broken paragraphs, shaped Khmer, font subsets): a new `report build` after a
// one-word edit should not redo what did not change.
//
// - Entries live in <root>/.cache/report-generator/<version>/, one JSON file each, named by a
//   hash of the full key; the key is stored too and compared on read, so a hash collision or a
//   hand-edited file is a miss, never a wrong result.
// - <version> identifies the code and its dependencies (fonts included): scripts/bundle.mjs
//   hashes src/, the package and lock files into the CLI's build id, and the CLI adds the Node
//   and ICU versions (cli/main.ts). Another version's folder (one with our marker file) is
//   removed.
// - The cache is an optimisation only: a missing, unreadable, corrupt or unwritable cache
//   means the work is done again, never a failed build. Writes are atomic (temp + rename).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Build id of the bundled CLI (defined by scripts/bundle.mjs); undefined when run from source. */
declare const __REPORT_BUILD_ID__: string | undefined;
export const BUILD_ID: string | undefined = typeof __REPORT_BUILD_ID__ === 'string' ? __REPORT_BUILD_ID__ : undefined;

/** Where a project's cache lives. */
export function projectCacheDir(root: string): string {
  return join(root, '.cache', 'report-generator');
}

/** At most this many entries are kept; the oldest go first. */
const MAX_ENTRIES = 500;

/**
 * Written into every version folder this cache makes. Only folders carrying it are ever
 * removed: whatever else lives in the cache's base folder (an API user may point it anywhere)
 * is left alone.
 */
const MARKER = '.report-generator-cache';

/** Entry files: kind, then a hash of the key. Pruning touches nothing else. */
const ENTRY = /^[a-z]+-[0-9a-f]{40}\.json$/;

export class DiskCache {
  /** Identifies the folder, for what a build session knows it holds (memoStore.ts). */
  readonly dir: string;
  private prepared = false;
  private readonly queued: (() => void)[] = [];

  /**
   * @param defer queue writes until flush(): watch mode reports a rebuild first and stores its
   *   cache entries after, so the entries do not slow down the rebuild an author waits for.
   */
  constructor(
    private readonly base: string,
    private readonly version: string,
    private readonly defer = false,
  ) {
    this.dir = join(base, version.replace(/[^\w.-]/g, '_'));
  }

  /** Writes what was queued. */
  flush(): void {
    for (const w of this.queued.splice(0)) w();
  }

  private file(kind: string, key: string): string {
    return join(this.dir, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  get<T>(kind: string, key: string): T | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(kind, key), 'utf8')) as { key?: unknown; value?: T };
      return entry.key === key ? entry.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores `value`; a function is called for it only when the entry is written (deferred work). */
  put(kind: string, key: string, value: unknown): void {
    if (this.defer) this.queued.push(() => this.write(kind, key, value));
    else this.write(kind, key, value);
  }

  private write(kind: string, key: string, v: unknown): void {
    const value = typeof v === 'function' ? (v as () => unknown)() : v;
    try {
      this.prepare();
      const file = this.file(kind, key);
      // Worker threads (--jobs) share the process id.
      const tmp = `${file}.${process.pid}-${threadId}-${Math.random().toString(36).slice(2, 8)}.tmp`;
      writeFileSync(tmp, JSON.stringify({ key, value }));
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk: the next build does the work again.
    }
  }

  /** Once per instance: drop other versions' folders and keep this one within its size. */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, MARKER), '');
    const here = basename(this.dir);
    for (const d of readdirSync(this.base)) {
      if (d !== here && existsSync(join(this.base, d, MARKER))) rmSync(join(this.base, d), { recursive: true, force: true });
    }
    const names = readdirSync(this.dir).filter((n) => ENTRY.test(n));
    if (names.length < MAX_ENTRIES) return;
    // Names carry no age; files are few and small, so sorting by a stat is fine here.
    const aged = names.map((n) => ({ n, t: statTime(join(this.dir, n)) })).sort((a, b) => a.t - b.t);
    for (const { n } of aged.slice(0, names.length - MAX_ENTRIES / 2)) rmSync(join(this.dir, n), { force: true });
  }
}

function statTime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
