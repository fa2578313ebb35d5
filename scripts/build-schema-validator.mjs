// Generates src/load/generated/vegaLiteValidator.js: Vega-Lite's own JSON schema compiled ahead of
// time into plain JavaScript (ajv "standalone" code), so a build never compiles the schema at run
// time (ajv needs ~1.7 s for it; loading the generated code takes a few tens of ms).
//
//   node scripts/build-schema-validator.mjs          # regenerate (after upgrading vega-lite)
//   node scripts/build-schema-validator.mjs --check  # exit 1 when the committed file is stale
//
// The schema is shrunk before compiling, without changing what it accepts:
// - annotations (description, markdownDescription) are dropped;
// - inline subschemas that occur more than once (e.g. `anyOf: [{type: number}, ExprRef]`, which
//   Vega-Lite repeats ~2000 times) become shared definitions, so their code is generated once;
// - error objects lose `schemaPath` (schemaPath is relative to each definition and the loader does
//   not use it) and ajv's English messages (the loader writes its own).
// The prepared schema is exported too, as a JSON string parsed only when a spec is invalid, so the
// loader can name the keys allowed where an unknown key was found ("did you mean").
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const schemaFile = require.resolve('vega-lite/vega-lite-schema.json');
const vlVersion = JSON.parse(readFileSync(join(dirname(schemaFile), '..', 'package.json'), 'utf8')).version;
const ajvVersion = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')).version;
const outDir = join(root, 'src/load/generated');
const outJs = join(outDir, 'vegaLiteValidator.js');
const outDts = join(outDir, 'vegaLiteValidator.d.ts');

const rawText = readFileSync(schemaFile, 'utf8');
const raw = JSON.parse(rawText);

// --- 1. drop annotations ---------------------------------------------------------------------

/** `names` is true for objects whose keys are property/definition names, not keywords. */
function strip(node, names = false) {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (!names && (k === 'description' || k === 'markdownDescription' || k === '$comment')) continue;
    out[k] = strip(v, !names && (k === 'properties' || k === 'definitions' || k === 'patternProperties'));
  }
  return out;
}

// --- 2. share repeated subschemas ---------------------------------------------------------------

const SCHEMA_LIST = new Set(['anyOf', 'oneOf', 'allOf']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'propertyNames', 'contains']);

/** Visits every subschema position (not the root or the definitions themselves) bottom-up. */
function mapSubschemas(node, fn) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, fn(mapSubschemas(s, fn))]));
    } else if (SCHEMA_LIST.has(k) && Array.isArray(v)) {
      out[k] = v.map((s) => fn(mapSubschemas(s, fn)));
    } else if (SCHEMA_ONE.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = fn(mapSubschemas(v, fn));
    } else out[k] = v;
  }
  return out;
}

/** Worth sharing: anything that generates more code than a call ($ref alone or a bare type do not). */
function shareable(s) {
  const keys = Object.keys(s);
  if (keys.length === 0 || '$ref' in s) return false;
  if (keys.length === 1 && keys[0] === 'type' && typeof s.type === 'string') return false;
  return JSON.stringify(s).length > 24;
}

function hoist(schema) {
  const defs = schema.definitions;
  // Pass 1: count (bottom-up, so nested repeats are counted in their hoisted form).
  const counts = new Map();
  const names = new Map();
  const count = (s) => {
    if (shareable(s)) {
      const key = JSON.stringify(s);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return s;
  };
  for (const d of Object.values(defs)) mapSubschemas(d, count);
  // Pass 2: replace repeats with refs; a definition is named after its first use.
  let n = 0;
  const replace = (s) => {
    if (!shareable(s)) return s;
    const key = JSON.stringify(s);
    if ((counts.get(key) ?? 0) < 2) return s;
    let name = names.get(key);
    if (!name) {
      name = `_shared${n++}`;
      names.set(key, name);
      defs[name] = s;
    }
    return { $ref: `#/definitions/${name}` };
  };
  for (const [k, d] of Object.entries({ ...defs })) if (!k.startsWith('_shared')) defs[k] = mapSubschemas(d, replace);
  return n;
}

const schema = strip(raw);
const shared = hoist(schema);

// --- 3. compile to standalone code -------------------------------------------------------------

const ajv = new Ajv({
  allErrors: true,
  messages: false,
  inlineRefs: false,
  strict: false,
  allowUnionTypes: true,
  logger: false,
  code: { source: true, esm: true, lines: false, optimize: true },
  formats: {
    uri: true,
    'uri-reference': true,
    'color-hex': /^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/,
  },
});
const t0 = performance.now();
const validate = ajv.compile(schema);
const source = standaloneCode(ajv, validate);
const compileMs = performance.now() - t0;

// Bundle ajv's two runtime helpers (deep equal, ucs2length) in, minify, drop schemaPath.
const bundled = await build({
  stdin: { contents: source, loader: 'js', resolveDir: root, sourcefile: 'vegaLiteValidator.src.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'node20',
  write: false,
  legalComments: 'none',
  logLevel: 'warning',
});
let code = bundled.outputFiles[0].text.replace(/schemaPath:"[^"]*",/g, '');
if (/schemaPath:/.test(code)) throw new Error('unexpected schemaPath form in generated code');

const schemaJson = JSON.stringify(schema);
const hash = createHash('sha256').update(rawText).digest('hex').slice(0, 16);
const header =
  `// GENERATED by scripts/build-schema-validator.mjs from vega-lite ${vlVersion} (schema sha256 ${hash}) with ajv ${ajvVersion}.\n` +
  `// Do not edit: rerun the script after upgrading vega-lite.\n` +
  `/* eslint-disable */\n`;
const footer =
  `\nexport const vegaLiteVersion = ${JSON.stringify(vlVersion)};\n` +
  `export const schemaHash = ${JSON.stringify(hash)};\n` +
  `/** The prepared schema (annotations dropped, repeats shared), parsed only when needed. */\n` +
  `export const preparedSchemaJson = ${JSON.stringify(schemaJson)};\n`;
const js = header + code + footer;

const dts = `// GENERATED by scripts/build-schema-validator.mjs. Do not edit.
export interface VegaLiteSchemaError {
  /** JSON pointer into the spec, e.g. "/encoding/colr". */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
export interface VegaLiteValidateFunction {
  (spec: unknown): boolean;
  errors?: VegaLiteSchemaError[] | null;
}
declare const validate: VegaLiteValidateFunction;
export default validate;
export { validate };
export declare const vegaLiteVersion: string;
export declare const schemaHash: string;
export declare const preparedSchemaJson: string;
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outJs, 'utf8');
  } catch {
    /* missing */
  }
  if (current !== js) {
    console.error(`${outJs} is stale: run node scripts/build-schema-validator.mjs`);
    process.exit(1);
  }
  console.log('vegaLiteValidator.js is up to date');
} else {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outJs, js);
  writeFileSync(outDts, dts);
  console.log(
    `vega-lite ${vlVersion}: ${shared} shared subschemas, compiled in ${Math.round(compileMs)} ms; ` +
      `wrote ${outJs.slice(root.length + 1)} (${(js.length / 1024).toFixed(0)} KB, schema ${(schemaJson.length / 1024).toFixed(0)} KB)`,
  );
}
