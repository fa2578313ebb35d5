// Every file a user gives the build is read through src/load/readInputFile.ts (real path kept
// inside its folder, regular files only, a size limit enforced while reading). This walks src/
// and fails when any other file opens or reads a file with node:fs, so a new reader cannot
// quietly skip those checks. Reads that are not user input are listed below, each with why.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');
const READER = 'load/readInputFile.ts';

/** The fs functions that open or read a file. */
const READS = ['readFile', 'readFileSync', 'createReadStream', 'open', 'openSync', 'openAsBlob', 'readSync', 'read', 'readv', 'readvSync', 'promises'];

/** file → the read functions it may use, and why they are not user input. */
const ALLOWED: Record<string, { names: string[]; why: string }> = {
  'fonts/fontRegistry.ts': { names: ['readFileSync'], why: 'the bundled fonts, resolved inside node_modules packages, not project files' },
  'preview/pdfjsAssets.ts': { names: ['readFileSync'], why: 'pdf.js files served by preview, resolved and checked inside the pdfjs-dist package' },
  'preflight/inkCoverage.ts': { names: ['readFileSync'], why: 'the page images Ghostscript writes into our own temporary folder' },
  'merge/durableFile.ts': { names: ['openSync', 'readFileSync'], why: 'our own output: the merge/send journal, written and read back by us' },
  'merge/runMerge.ts': { names: ['readFileSync'], why: 'our own output: merged PDFs hashed to check they are intact' },
  'mail/sendCampaign.ts': { names: ['readFileSync'], why: 'our own output: the merged PDFs attached to messages (the DKIM key goes through the reader)' },
  'build/chartWorkerLoader.ts': { names: ['readFileSync'], why: 'the chart worker\'s own bundle and its V8 code cache in dist/, next to the loader' },
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.[cm]?[jt]s$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The fs read functions a file imports (named, or used through a namespace or default import). */
function fsReads(text: string): string[] {
  const found = new Set<string>();
  const FROM = /import\s+([^;]*?)\s+from\s+['"](?:node:)?fs(?:\/promises)?['"]/g;
  for (const m of text.matchAll(FROM)) {
    const clause = m[1];
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    for (const part of named.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
      if (READS.includes(name)) found.add(name);
    }
    // `import * as fs` / `import fs`: any fs.READ( call.
    const ns = /\*\s+as\s+(\w+)/.exec(clause)?.[1] ?? /^(\w+)/.exec(clause)?.[1];
    if (ns) for (const name of READS) if (new RegExp(`\\b${ns}\\.${name}\\s*\\(`).test(text)) found.add(name);
  }
  // require('fs') and dynamic import('fs') are not used in src/; refuse them so none slips in
  // (a type, `import('node:fs').Dirent`, is not a read).
  if (/require\(\s*['"](?:node:)?fs|import\(\s*['"](?:node:)?fs[^'"]*['"]\s*\)(?!\.[A-Z])/.test(text)) found.add('require/import(fs)');
  return [...found].sort();
}

describe('input reads', () => {
  const files = walk(SRC).map((f) => ({ rel: relative(SRC, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

  it('finds the source and the reader itself (the walk works)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(fsReads(files.find((f) => f.rel === READER)!.text)).toEqual(['openSync', 'readSync']);
  });

  it('go through readInputFile: no other file opens or reads files with node:fs, apart from the listed non-input reads', () => {
    const offenders: string[] = [];
    for (const { rel, text } of files) {
      if (rel === READER) continue;
      const extra = fsReads(text).filter((n) => !ALLOWED[rel]?.names.includes(n));
      if (extra.length) offenders.push(`${rel}: ${extra.join(', ')}`);
    }
    expect(offenders, 'read user input with readInputFile (src/load/readInputFile.ts), or add the file to ALLOWED with why it is not user input').toEqual([]);
  });

  it('has no stale allow-list entries', () => {
    const stale = Object.entries(ALLOWED).filter(([rel, a]) => {
      const f = files.find((x) => x.rel === rel);
      return !f || !a.names.every((n) => fsReads(f.text).includes(n));
    });
    expect(stale.map(([rel]) => rel)).toEqual([]);
  });

  it('recognises the ways a read is written', () => {
    expect(fsReads("import { readFileSync, statSync } from 'node:fs';")).toEqual(['readFileSync']);
    expect(fsReads("import { open as o } from 'fs/promises';")).toEqual(['open']);
    expect(fsReads("import * as fs from 'node:fs';\nfs.createReadStream(p);")).toEqual(['createReadStream']);
    expect(fsReads("import fs from 'fs';\nfs.readFile(p, cb);")).toEqual(['readFile']);
    expect(fsReads("const fs = require('node:fs');")).toEqual(['require/import(fs)']);
    expect(fsReads("const fs = await import('node:fs/promises');")).toEqual(['require/import(fs)']);
    expect(fsReads("let e: import('node:fs').Dirent[];")).toEqual([]);
    expect(fsReads("import { statSync } from 'node:fs';")).toEqual([]);
    expect(fsReads("import { promises } from 'node:fs';")).toEqual(['promises']);
  });
});
