// Whether dist/ was bundled from the sources as they are now, decided cheaply enough for
// bin/report.cjs to ask at every start (~2 ms instead of ~30 ms of hashing plus a node process).
//
// The build id is a content hash of the bundle's inputs (src/, the lock file, package.json,
// tsconfig.json, the bundler): the disk cache (src/build/diskCache.ts) keeps one folder per id.
// The bundler also writes dist/bundle-stamp.json, the id with the path, size, mtime and ctime of
// every input it hashed. When the inputs still stat the same, the bundle is fresh without
// reading them; when something differs (an edit, but also `touch` or a git checkout that wrote
// the same bytes), the inputs are hashed: the same id only refreshes the stamp, and the bundle,
// its id and the V8 code cache stay. ctime is there because tools that restore mtimes (cp -p,
// tar, rsync -t) cannot set it.
// CommonJS, so that the launcher can require it synchronously; scripts/bundle.mjs imports it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');

const OUTPUTS = ['dist/report.cjs', 'dist/api.mjs', 'dist/build-worker.mjs', 'dist/synthetic.mjs', 'dist/chart-worker.mjs', 'dist/chart-worker.cjs'];
const ID_FILE = 'dist/build-id';
const STAMP = 'dist/bundle-stamp.json';
const FILES = ['package-lock.json', 'package.json', 'tsconfig.json', 'scripts/bundle.mjs', 'scripts/bundle-stamp.cjs'];

/** The inputs, relative to root with '/' separators: src/ sorted by name, then FILES. */
function inputs(root) {
  const out = [];
  const walk = (rel) => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk('src');
  return out.concat(FILES);
}

/** [path, size, mtimeMs, ctimeMs] of every input; taken before hashing, so that an edit made
 * while the bundler reads shows up as a difference next time. */
function manifest(root) {
  return inputs(root).map((p) => {
    const s = fs.statSync(path.join(root, p));
    return [p, s.size, s.mtimeMs, s.ctimeMs];
  });
}

/** The build id: sha-256 of every input's path and bytes, 16 hex digits. */
function contentId(root, files) {
  const hash = createHash('sha256');
  for (const [p] of files) hash.update(p).update(fs.readFileSync(path.join(root, p)));
  return hash.digest('hex').slice(0, 16);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeAtomic(file, data, mode = 0o644) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode });
  fs.renameSync(tmp, file);
}

function writeStamp(root, buildId, files) {
  writeAtomic(path.join(root, STAMP), JSON.stringify({ buildId, files }));
}

/**
 * { fresh: true, buildId } when dist/ holds a complete bundle of the current inputs, else
 * { fresh: false, buildId, files } with the id a new bundle gets and the manifest to stamp it
 * with. Refreshes the stamp when only file times changed.
 */
function bundleStatus(root) {
  const files = manifest(root);
  const stamp = readJson(path.join(root, STAMP));
  let bundled;
  try {
    bundled = stamp && fs.readFileSync(path.join(root, ID_FILE), 'utf8') === stamp.buildId && OUTPUTS.every((f) => fs.existsSync(path.join(root, f)));
  } catch {
    bundled = false;
  }
  if (bundled && JSON.stringify(files) === JSON.stringify(stamp.files)) return { fresh: true, buildId: stamp.buildId };
  const buildId = contentId(root, files);
  if (bundled && buildId === stamp.buildId) {
    try {
      writeStamp(root, buildId, files);
    } catch {
      // read-only: the next start hashes again
    }
    return { fresh: true, buildId };
  }
  return { fresh: false, buildId, files };
}

module.exports = { OUTPUTS, ID_FILE, STAMP, bundleStatus, manifest, contentId, writeAtomic, writeStamp };
