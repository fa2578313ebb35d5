// Outputs are written to temporary files and renamed into place only when every document of
// the build has rendered: a failed build leaves the previous PDFs byte for byte as they were.
// A build killed mid-write can leave a temporary file behind; the next build removes it.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

export function writeAllAtomic(files: { path: string; data: Buffer }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  for (const dir of new Set(files.map((f) => dirname(f.path)))) removeStaleTemps(dir);
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push({ tmp, path: f.path });
      writeFileSync(tmp, f.data);
    }
    for (const t of temps) renameSync(t.tmp, t.path);
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw e;
  }
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
