// Watch mode: rebuild on every save, only the documents a change can affect. One build session
// serves every rebuild, so compiled charts, templates and broken paragraphs stay in memory and
// a one-word edit costs the layout and render of one document. Bad input is reported and the
// last good PDFs stay.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { loadConfig } from '../load/loadConfig.js';
import type { DocumentEntry, DocumentName } from '../load/sourceTypes.js';
import { buildProject, type BuildResult } from './buildProject.js';
import { BuildSession } from './buildSession.js';

export interface WatchEvent {
  /** What triggered the build ('initial' for the first). */
  changed: string[];
  documents: DocumentName[];
  ms: number;
  result?: BuildResult;
  error?: unknown;
}

export interface WatchOptions {
  root: string;
  outDir?: string;
  paper?: 'a4' | 'letter';
  only?: readonly DocumentName[];
  debounceMs?: number;
  /** Also keep the build cache on disk, for the next build (see diskCache.ts). */
  cache?: { dir: string; version: string };
  /** Quiet time after a rebuild before its cache entries are written (default 1 s). */
  cacheIdleMs?: number;
  /** Also write the HTML edition of each rebuilt document. */
  html?: boolean;
  onBuild: (e: WatchEvent) => void;
}

/**
 * Which documents a changed file (relative to the root) can affect: a document's own Markdown
 * or template rebuilds that document (or every document sharing the template); anything else
 * (data, charts, partials, the config) every document.
 */
export function affectedDocuments(file: string, documents: readonly DocumentEntry[], only: readonly DocumentName[]): DocumentName[] {
  const f = file.replace(/\\/g, '/');
  const own = documents.filter((d) => d.source === f || d.template === f);
  const names = own.length ? own.map((d) => d.name) : documents.map((d) => d.name);
  return names.filter((n) => !only.length || only.includes(n));
}

/** The project's documents, or none when the config cannot be read (the build then says why). */
function listDocuments(root: string): DocumentEntry[] {
  try {
    return loadConfig(root, new KindRegistry(BUILT_IN_KINDS)).documents;
  } catch {
    return [];
  }
}

export function watchProject(opts: WatchOptions): { close(): void; ready: Promise<void> } {
  const only = opts.only ?? [];
  const session = new BuildSession();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  // Cache entries of rebuilds, written once the author pauses (or on close): serialising the
  // stored paragraphs after every keystroke-sized edit would only add garbage for the next
  // rebuild to collect. Oldest first, so the newest state is what stays on disk.
  const unwritten: (() => void)[] = [];
  let idle: NodeJS.Timeout | undefined;
  const writeCache = () => {
    clearTimeout(idle);
    for (const flush of unwritten.splice(0)) flush();
  };

  const run = (changed: string[]) => {
    const listed = listDocuments(opts.root);
    const docs = new Set<DocumentName>();
    // A config that cannot be read: build everything asked for, and the build reports the errors.
    const all = listed.length ? listed.map((d) => d.name).filter((n) => !only.length || only.includes(n)) : [...only];
    for (const c of changed) for (const d of c === 'initial' || !listed.length ? all : affectedDocuments(c, listed, only)) docs.add(d);
    if (!docs.size && listed.length) return;
    running = running.then(async () => {
      if (closed) return;
      const t0 = performance.now();
      // In the config's order.
      const documents = listed.length ? listed.map((d) => d.name).filter((n) => docs.has(n)) : [...docs];
      try {
        const result = await buildProject({ root: opts.root, outDir: opts.outDir, paper: opts.paper, only: documents, session, cache: opts.cache && { ...opts.cache, defer: true }, html: opts.html });
        opts.onBuild({ changed, documents, ms: performance.now() - t0, result });
        // Cache entries for the next `report build`, once the rebuild has been reported.
        unwritten.push(result.flushCache);
        clearTimeout(idle);
        idle = setTimeout(writeCache, opts.cacheIdleMs ?? 1000);
      } catch (error) {
        opts.onBuild({ changed, documents, ms: performance.now() - t0, error });
      }
    });
  };

  const changedFile = (name: string) => {
    if (closed || /(^|\/)\.|~$|\.tmp$|\.swp$/.test(name)) return;
    pending.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      run(changed);
    }, opts.debounceMs ?? 40);
  };

  // content/ and templates/ are watched by what is at their path, not by the folder first seen
  // there: an editor or `git checkout` may rename a folder away and back, delete and re-create
  // it. A watcher follows the folder it was given (its inode), so when the folder at the path
  // changes — seen by a watcher on the project root, an error from the old watcher, or a
  // check of the path's inode every second — the watcher is made anew and everything rebuilt.
  const watched = new Map<string, { watcher: FSWatcher | undefined; ino: number | undefined }>();
  const inodeOf = (dir: string) => {
    try {
      const st = statSync(join(opts.root, dir));
      return st.isDirectory() ? st.ino : undefined;
    } catch {
      return undefined;
    }
  };
  const arm = (dir: string, force = false) => {
    const old = watched.get(dir);
    const ino = inodeOf(dir);
    if (!force && old && old.ino === ino && (old.watcher || ino === undefined)) return false;
    old?.watcher?.close();
    let watcher: FSWatcher | undefined;
    if (ino !== undefined) {
      try {
        watcher = watch(join(opts.root, dir), { recursive: true }, (_event, name) => {
          if (name) changedFile(`${dir}/${String(name)}`);
        });
        // The folder went away under the watcher: look again at what is at the path.
        watcher.on('error', () => rearm(dir, true));
      } catch {
        watcher = undefined;
      }
    }
    watched.set(dir, { watcher, ino: watcher ? ino : undefined });
    return old !== undefined;
  };
  const rearm = (dir: string, force = false) => {
    if (!closed && arm(dir, force)) changedFile(dir);
  };
  for (const dir of ['content', 'templates']) arm(dir);
  let rootWatcher: FSWatcher | undefined;
  try {
    rootWatcher = watch(opts.root, (_event, name) => {
      const n = String(name ?? '');
      // Even at the same inode (renamed away and back): the old watcher may have stopped.
      if (n === 'content' || n === 'templates') rearm(n, true);
    });
    rootWatcher.on('error', () => undefined);
  } catch {
    rootWatcher = undefined;
  }
  const poll = setInterval(() => {
    for (const dir of ['content', 'templates']) rearm(dir);
  }, 1000);
  poll.unref();
  run(['initial']);
  return {
    ready: running,
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      rootWatcher?.close();
      for (const w of watched.values()) w.watcher?.close();
      writeCache();
    },
  };
}
