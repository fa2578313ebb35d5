// Watch mode: rebuild on every save, only the documents a change can affect. Fonts, compiled
// charts, templates and broken paragraphs stay cached in the process, so a one-word edit costs
// the layout and render of one document. Bad input is reported and the last good PDFs stay.
import { watch, type FSWatcher } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DOCUMENT_NAMES, type DocumentName } from '../load/sourceTypes.js';
import { buildProject, type BuildResult } from './buildProject.js';

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
  onBuild: (e: WatchEvent) => void;
}

/** Which documents a changed file (relative to the root) can affect. */
export function affectedDocuments(file: string, only: readonly DocumentName[]): DocumentName[] {
  const f = file.replace(/\\/g, '/');
  for (const name of DOCUMENT_NAMES) {
    if (f === `content/${name}.md` || f === `templates/${name}.yaml`) return only.includes(name) ? [name] : [];
  }
  return [...only];
}

export function watchProject(opts: WatchOptions): { close(): void; ready: Promise<void> } {
  const only = opts.only?.length ? opts.only : DOCUMENT_NAMES;
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
    const docs = new Set<DocumentName>();
    for (const c of changed) for (const d of c === 'initial' ? only : affectedDocuments(c, only)) docs.add(d);
    if (!docs.size) return;
    running = running.then(async () => {
      if (closed) return;
      const t0 = performance.now();
      const documents = DOCUMENT_NAMES.filter((d) => docs.has(d));
      try {
        const result = await buildProject({ root: opts.root, outDir: opts.outDir, paper: opts.paper, only: documents, cache: opts.cache && { ...opts.cache, defer: true } });
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

  const watchers: FSWatcher[] = [];
  for (const dir of ['content', 'templates']) {
    const w = watch(`${opts.root}/${dir}`, { recursive: true }, (_event, name) => {
      if (!name || /(^|\/)\.|~$|\.tmp$|\.swp$/.test(String(name))) return;
      pending.add(`${dir}/${String(name)}`);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const changed = [...pending];
        pending.clear();
        run(changed);
      }, opts.debounceMs ?? 40);
    });
    watchers.push(w);
  }
  run(['initial']);
  return {
    ready: running,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      writeCache();
    },
  };
}
