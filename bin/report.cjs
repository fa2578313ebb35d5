#!/usr/bin/env node
// The `report` command. Loads the bundled CLI (dist/report.cjs) through V8's code cache: the
// first run saves the bytecode of every function it compiled, and later runs skip parsing and
// compiling ~3.5 MB of JavaScript (about 180 ms of a ~1 s cold build). This is what Node 22's
// module.enableCompileCache() does; Node 20 has no such switch for CommonJS or ESM.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'report.cjs');
// V8 checks little more than a script's length before accepting cached code: the name of the
// cache file carries the bundle's build id too, so a new bundle never runs old bytecode.
let buildId = 'unknown';
try {
  buildId = fs.readFileSync(path.join(__dirname, '..', 'dist', 'build-id'), 'utf8').trim();
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
