// Files that survive a kill -9 (and, when fsync'd, a power cut) whole or not at all: written
// to a temporary file, renamed into place. Append-only journals get one complete line per
// record; a line torn by a kill is ignored on reading. A kill never loses what was written
// (the kernel has it); fsync is for power cuts, and costs ~5 ms a call on this machine, so it
// is asked for where nothing else can tell what happened (the send journal, manifests), not
// where a rerun checks the result anyway (a merged PDF is checked against its SHA-256).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileDurable(path: string, data: Buffer | string, sync = true): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Makes the renames and creations in `dir` durable. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a directory; the files themselves are synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Temporary files left by a killed merge are named as a build's are, and removed the same way.
export { removeStaleTemps } from '../build/writeAtomic.js';

/** An append-only file of JSON lines, each written whole (and fsync'd, when `sync`) at once. */
export class Journal {
  private constructor(private readonly fd: number, private readonly sync: boolean) {}

  /** Opens `path` for appending; `fresh` empties it first. */
  static open(path: string, fresh: boolean, sync = true): Journal {
    return new Journal(openSync(path, fresh ? 'w' : 'a'), sync);
  }

  append(record: unknown): void {
    writeSync(this.fd, JSON.stringify(record) + '\n');
    if (this.sync) fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** The complete records of a journal, in order; a torn or foreign line is skipped. */
export function readJournal<T>(path: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // A line cut short by a kill: the work it recorded is redone.
    }
  }
  return out;
}
