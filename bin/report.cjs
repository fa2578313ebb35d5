#!/usr/bin/env node
// The `report` command. Loads the bundled CLI (dist/report.cjs) through V8's code cache: the
// first run saves the bytecode of every function it compiled, and later runs skip parsing and
// compiling ~3.5 MB of JavaScript (about 180 ms of a ~1 s cold build). This is what Node 22's
// module.enableCompileCache() does; Node 20 has no such switch for CommonJS or ESM.
//
// In a checkout (there is a src/), it first makes sure dist/ was bundled from the sources as
// they are: a stat of each input against the bundler's stamp (~2 ms), and only when those
// differ a content hash; when the content changed, it bundles in this process (esbuild, ~1.5 s)
// and then runs the new bundle. So `npm run build` is one node process. An installed package
// has no src/ and runs its dist/ as shipped.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const root = path.join(__dirname, '..');
const file = path.join(root, 'dist', 'report.cjs');

function run() {
  // V8 checks little more than a script's length before accepting cached code: the name of the
  // cache file carries the bundle's build id too, so a new bundle never runs old bytecode.
  let buildId = 'unknown';
  try {
    buildId = fs.readFileSync(path.join(root, 'dist', 'build-id'), 'utf8').trim();
  } catch {
    // an older bundle without a build id: the bundler removes old caches when it writes one
  }
  const cacheFile = `${file}.${process.version}.${buildId}.v8cache`;
  let source;
  try {
    // The bundle is pure ASCII (scripts/bundle.mjs makes sure): Latin-1 reads it as the same
    // string, without the cost of UTF-8 decoding.
    source = fs.readFileSync(file, 'latin1').replace(/^#!.*/, '');
  } catch {
    process.stderr.write('report: dist/report.cjs is missing; run `npm run bundle` (or `npm run build`) first\n');
    process.exit(1);
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const fresh = !cachedData || script.cachedDataRejected;
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const localRequire = (id) => mod.require(id);
  localRequire.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, file, path.dirname(file));

  if (fresh) {
    // Saved at exit, once the build has compiled what it uses; written whole or not at all.
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only install simply runs without the cache.
      }
    });
  }
}

let status = { fresh: true };
if (fs.existsSync(path.join(root, 'src'))) {
  try {
    status = require('../scripts/bundle-stamp.cjs').bundleStatus(root);
  } catch (e) {
    process.stderr.write(`report: cannot check the bundle against src/: ${e.message}\n`);
    process.exit(1);
  }
}
if (status.fresh) run();
else {
  if (!process.argv.includes('--quiet')) process.stderr.write('report: bundling src/ into dist/ (no bundle yet, or the sources changed)\n');
  const { pathToFileURL } = require('node:url');
  import(pathToFileURL(path.join(root, 'scripts', 'bundle.mjs')).href)
    .then((m) => m.bundle({ root, status }))
    .then(run, (e) => {
      // esbuild has printed the errors in the sources; anything else (no esbuild) is said here.
      if (!e || !Array.isArray(e.errors)) process.stderr.write(`report: bundling failed: ${e && e.message}\n`);
      process.exit(1);
    });
}
