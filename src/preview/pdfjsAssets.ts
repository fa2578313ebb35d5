// The only files the preview serves from disk: pdf.js's module and its worker, from the
// installed pdfjs-dist (a runtime dependency for this reason). Their paths are fixed here and
// checked, after following links, to lie inside the package.
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

// The CommonJS bundle has its own require; under ESM (tests) one is made.
const resolver: NodeRequire = typeof require === 'function' && typeof require.resolve === 'function' ? require : createRequire(import.meta.url);

/** URL path → file inside pdfjs-dist/build. */
const ASSETS: Record<string, string> = {
  '/pdfjs/pdf.min.mjs': 'build/pdf.min.mjs',
  '/pdfjs/pdf.worker.min.mjs': 'build/pdf.worker.min.mjs',
};

const loaded = new Map<string, Buffer>();

/** The asset's bytes, or undefined for any other path. Read once. */
export function pdfjsAsset(urlPath: string): Buffer | undefined {
  if (!Object.hasOwn(ASSETS, urlPath)) return undefined;
  let data = loaded.get(urlPath);
  if (data) return data;
  const pkg = realpathSync(dirname(resolver.resolve('pdfjs-dist/package.json')));
  const file = realpathSync(join(pkg, ASSETS[urlPath]));
  if (!file.startsWith(pkg + sep)) return undefined;
  data = readFileSync(file);
  loaded.set(urlPath, data);
  return data;
}
