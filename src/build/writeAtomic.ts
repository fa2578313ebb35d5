// Outputs are written to temporary files and renamed into place only when every document of
// the build has rendered; the renames are all or nothing: before each output is replaced, the
// previous file gets a second name (a hard link, so the output's own name never goes missing),
// and when a later rename fails the outputs already replaced get their previous files back.
// A failed build, or a failed write, leaves every previous output byte for byte as it was.
// A build killed mid-write can leave temporary files behind; the next build removes them.
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

/** An output that could not be written or published; nothing was replaced. */
export class OutputWriteError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${path}: ${cause.code === 'EISDIR' || cause.code === 'ENOTEMPTY' || cause.code === 'EEXIST' ? 'a folder has its name' : cause.code === 'EACCES' || cause.code === 'EPERM' || cause.code === 'EROFS' ? 'permission denied' : cause.message}; no output was replaced`);
  }
}

const tempName = (path: string, tag = '') => join(dirname(path), `.${basename(path)}${tag}.${process.pid}.tmp`);

export function writeAllAtomic(files: { path: string; data: Buffer }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  for (const dir of new Set(files.map((f) => dirname(f.path)))) removeStaleTemps(dir);
  try {
    for (const f of files) {
      try {
        mkdirSync(dirname(f.path), { recursive: true });
        const tmp = tempName(f.path);
        temps.push({ tmp, path: f.path });
        writeFileSync(tmp, f.data);
      } catch (e) {
        throw new OutputWriteError(f.path, e as NodeJS.ErrnoException);
      }
    }
    publishAll(temps);
  } finally {
    for (const t of temps) rmSync(t.tmp, { force: true });
  }
}

/** Renames every temporary file onto its output, or, when one rename fails, none. */
function publishAll(temps: { tmp: string; path: string }[]): void {
  const done: { path: string; backup: string | undefined }[] = [];
  try {
    for (const t of temps) {
      let backup: string | undefined;
      try {
        backup = keepPrevious(t.path);
        renameSync(t.tmp, t.path);
      } catch (e) {
        if (backup) rmSync(backup, { force: true });
        throw new OutputWriteError(t.path, e as NodeJS.ErrnoException);
      }
      done.push({ path: t.path, backup });
    }
  } catch (e) {
    for (const d of done.reverse()) {
      try {
        if (d.backup) renameSync(d.backup, d.path);
        else rmSync(d.path, { force: true });
      } catch {
        // Restoring failed too (the disk went away): the previous file is still under its backup name.
      }
    }
    throw e;
  }
  for (const d of done) if (d.backup) rmSync(d.backup, { force: true });
}

/** A second name for the file at `path`, if there is one (a link; a copy where links fail). */
function keepPrevious(path: string): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const backup = tempName(path, '.previous');
  rmSync(backup, { force: true });
  try {
    linkSync(path, backup);
  } catch {
    copyFileSync(path, backup);
  }
  return backup;
}

/**
 * Temporary files (`.NAME.PID.tmp`) of writers that are no longer running (killed, or the
 * machine restarted): builds, and merges (merge/durableFile.ts).
 */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = TEMP.exec(n);
    if (!m || Number(m[2]) === process.pid || isAlive(Number(m[2]))) continue;
    rmSync(join(dir, n), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
