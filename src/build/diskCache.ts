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
// - It cannot lie: every entry carries the sha256 of its value, checked on read; an entry whose
//   checksum, key or shape is wrong is a miss and is deleted (readers validate the shape of
//   what they get and call drop()).
// - It stays in its folder: entries are read through readInputFile (regular files, no links
//   followed, within a size limit); a cache folder or version folder that is a symbolic link
//   is not used at all (a warning, once, and the build runs without the cache), and nothing is
//   deleted whose real path is not inside the cache's own folder.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { threadId } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { isInside, readInputText } from '../load/readInputFile.js';

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

  /**
   * Why this cache must not be used, or undefined when it may: a cache folder (or the
   * project's .cache folder, or this version's folder) that is a symbolic link would make
   * the build read, write and prune wherever the link points.
   */
  unusable(): string | undefined {
    const parent = dirname(this.base);
    const folders = [...(basename(parent) === '.cache' ? [parent] : []), this.base, this.dir];
    for (const f of folders) {
      if (isLink(f)) return `${relative(process.cwd(), f) || f} is a symbolic link, so the build cache is not used — remove the link (the cache is safe to delete)`;
    }
    return undefined;
  }

  /** Writes what was queued. */
  flush(): void {
    for (const w of this.queued.splice(0)) w();
  }

  private file(kind: string, key: string): string {
    return join(this.dir, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  /**
   * The value stored under `key`, or undefined. An entry that is not a regular file, is too
   * large, does not parse, or whose key or checksum is wrong, is deleted.
   */
  get<T>(kind: string, key: string): T | undefined {
    const file = this.file(kind, key);
    if (this.unusable()) return undefined;
    // Never followed: an entry that is a link is deleted (the link, not what it points to).
    if (isLink(file)) {
      this.remove(file);
      return undefined;
    }
    let text: string;
    try {
      text = readInputText({ root: this.dir, file, kind: 'cache', area: this.dir });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Missing is the usual miss; anything else there (a link, a FIFO, a huge file) goes.
      if (!/does not exist$/.test(e.problem)) this.remove(file);
      return undefined;
    }
    const value = checkedValue(text, key);
    if (value === undefined) this.remove(file);
    return value as T | undefined;
  }

  /** Deletes the entry `key`: its value was not in the shape its reader expects. */
  drop(kind: string, key: string): void {
    this.remove(this.file(kind, key));
  }

  /** Deletes a file, only if it really is in this cache's folder (and not through a link). */
  private remove(file: string): void {
    try {
      if (this.unusable()) return;
      if (!isInside(realpathSync(dirname(file)), realpathSync(this.dir))) return;
      unlinkSync(file);
    } catch {
      // Already gone, or not ours to delete.
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
      const valueText = JSON.stringify(value);
      if (valueText === undefined) return;
      writeFileSync(tmp, `{"key":${JSON.stringify(key)},"sha256":"${sha256(valueText)}","value":${valueText}}`, { flag: 'wx' });
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk: the next build does the work again.
    }
  }

  /** Once per instance: drop other versions' folders and keep this one within its size. */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    // Checked again here: a link made since the build started must not be written through.
    if (this.unusable()) throw new Error('cache folder is a link');
    mkdirSync(this.dir, { recursive: true });
    if (this.unusable()) throw new Error('cache folder is a link');
    const realBase = realpathSync(this.base);
    writeFileSync(join(this.dir, MARKER), '');
    const here = basename(this.dir);
    for (const d of readdirSync(this.base)) {
      const folder = join(this.base, d);
      // Only real folders (never a link, nor what one points to) that carry our marker file.
      if (d === here || !isRealFolder(folder) || !isRegularFile(join(folder, MARKER))) continue;
      if (isInside(realpathSync(folder), realBase)) rmSync(folder, { recursive: true, force: true });
    }
    const names = readdirSync(this.dir).filter((n) => ENTRY.test(n));
    if (names.length < MAX_ENTRIES) return;
    // Names carry no age; files are few and small, so sorting by a stat is fine here.
    const aged = names.map((n) => ({ n, t: statTime(join(this.dir, n)) })).sort((a, b) => a.t - b.t);
    for (const { n } of aged.slice(0, names.length - MAX_ENTRIES / 2)) this.remove(join(this.dir, n));
  }
}

/**
 * The value of an entry's text when it is `{key, sha256, value}` with this key and the
 * checksum of the value; undefined otherwise. The value is checked as JSON.stringify writes
 * it, which parsing and writing again gives back exactly.
 */
function checkedValue(text: string, key: string): unknown {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const e = entry as { key?: unknown; sha256?: unknown; value?: unknown };
  if (e.key !== key || typeof e.sha256 !== 'string' || !('value' in e)) return undefined;
  return sha256(JSON.stringify(e.value)) === e.sha256 ? e.value : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Warned about once a process: watch builds again and again with the same folder. */
const warned = new Set<string>();

/** The warning for an unusable cache folder, the first time it is seen in this process. */
export function cacheWarningOnce(cache: DiskCache): string | undefined {
  const why = cache.unusable();
  if (!why || warned.has(cache.dir)) return undefined;
  warned.add(cache.dir);
  return why;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function statTime(path: string): number {
  try {
    return lstatSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
