import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed version of a package (its package.json may not be exported, so it is found on disk). */
export function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (pkg.name === name) return pkg.version;
  }
  throw new Error(`no package.json for ${name}`);
}

/** Whether `version` is at least `min` and below the next major of `min` (e.g. 6.4 -> [6.4, 7)). */
export function sameMajorAtLeast(version: string, min: string): boolean {
  const [a, b, c] = version.split('.').map((n) => parseInt(n, 10));
  const [x, y, z] = min.split('.').map((n) => parseInt(n, 10));
  if (a !== x) return false;
  return b > y || (b === y && (c ?? 0) >= (z ?? 0));
}
