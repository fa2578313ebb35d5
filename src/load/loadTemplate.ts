// Templates are YAML files in templates/: geometry, type scale and colours, which the engine
// reads, plus the keys the document's kind adds (src/documents/<kind>/), which the kind reads.
// The code that composes pages lives with the kind; the template only sets its parameters.
import { readFileSync } from 'node:fs';
import { ErrorList, InputError, didYouMean } from '../errors.js';
import { FONT_KEYS, type FontKey } from '../fonts/fontRegistry.js';
import { readYaml } from './readYaml.js';
import { colorRgb, readPrintTemplate } from '../print/readPrintTemplate.js';
import type { AnyDocumentKind, TemplateOptionReader } from '../documents/documentKind.js';
import { MM, type Template, type TypeRole, type TypeSpec } from './templateTypes.js';

const ROLES: TypeRole[] = ['body', 'h1', 'h2', 'h3', 'caption', 'note', 'table', 'running', 'code'];
/** The keys every template has, whatever its kind. */
const ENGINE_KEYS = ['kind', 'paper', 'marginsMm', 'columns', 'columnGapMm', 'colors', 'type', 'paragraphSpace', 'expansion', 'protrusion', 'chart', 'print'];
/** microtype's defaults: up to 2 % wider or narrower glyphs; our steps are a bit coarser than its 0.4 %. */
const DEFAULT_EXPANSION = { max: 0.02, step: 0.005 };
const COLOR_NAMES = ['text', 'muted', 'accent', 'accentSoft', 'warm', 'rule'] as const;

/**
 * @param file path relative to the root, e.g. templates/brief.yaml
 * @param memo templates already read in this build session, by file, kind and text
 */
export function loadTemplate(root: string, file: string, kind: AnyDocumentKind, memo?: Map<string, Template>): Template {
  let text: string;
  try {
    text = readFileSync(`${root}/${file}`, 'utf8');
  } catch {
    throw new InputError({ file }, `template ${file} not found`, `create ${file} (see templates/${kind.name}.yaml in the README)`);
  }
  const memoKey = file + '\0' + kind.name + '\0' + text;
  const hit = memo?.get(memoKey);
  if (hit) return hit;
  const TOP = [...ENGINE_KEYS, ...kind.templateOptions.keys];
  const y = readYaml(text, file);
  const data = y.doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  const errors = new ErrorList();
  const at = (path: string[]) => y.placeOf(y.doc.getIn(path, true));
  for (const k of Object.keys(data ?? {})) {
    if (!TOP.includes(k)) {
      const g = didYouMean(k, TOP);
      errors.add(at([k]), `unknown template key "${k}"`, g ? `did you mean "${g}"?` : undefined);
    }
  }
  const num = (path: string[], min: number, max: number): number => {
    let v: unknown = data;
    for (const p of path) v = (v as Record<string, unknown> | undefined)?.[p];
    if (typeof v !== 'number' || !(v >= min && v <= max)) {
      errors.add(at(path), `${path.join('.')} must be a number from ${min} to ${max}`);
      return min;
    }
    return v;
  };
  const color = (k: string): string => {
    // A colour is "#rrggbb", or { rgb, cmyk } for print (src/print/readPrintTemplate.ts).
    const v = colorRgb((data.colors as Record<string, unknown> | undefined)?.[k]);
    if (typeof v !== 'string' || !/^#[0-9a-f]{6}$/i.test(v)) {
      errors.add(at(['colors', k]), `colors.${k} must be a colour like "#0f5c63"`);
      return '#000000';
    }
    return v;
  };
  const type = {} as Record<TypeRole, TypeSpec>;
  for (const r of ROLES) {
    const t = (data.type as Record<string, Record<string, unknown>> | undefined)?.[r];
    const font = t?.font as FontKey;
    if (!FONT_KEYS.includes(font)) {
      const g = didYouMean(String(font), FONT_KEYS);
      errors.add(at(['type', r, 'font']), `type.${r}.font "${String(font)}" is not a known font`, g ? `did you mean "${g}"?` : `use one of ${FONT_KEYS.join(', ')}`);
    }
    type[r] = {
      font,
      size: num(['type', r, 'size'], 4, 96),
      leading: num(['type', r, 'leading'], 4, 120),
      spaceBefore: typeof t?.spaceBefore === 'number' ? t.spaceBefore : 0,
      spaceAfter: typeof t?.spaceAfter === 'number' ? t.spaceAfter : 0,
    };
  }
  if (data.kind !== kind.name) errors.add(at(['kind']), `kind must be "${kind.name}"`, 'the document\'s kind in content/config.yaml and its template\'s must agree');
  const reader: TemplateOptionReader = {
    boolean: (key, fallback) => {
      if (data[key] === undefined) return fallback;
      if (typeof data[key] === 'boolean') return data[key] as boolean;
      errors.add(at([key]), `${key} must be true or false`);
      return fallback;
    },
    number: (key, min, max, fallback) => (data[key] === undefined ? fallback : num([key], min, max)),
  };
  const options: unknown = kind.templateOptions.read(reader);
  const chart = (data.chart ?? {}) as Record<string, unknown>;
  // expansion: false, or { max, step } (shares of the glyph width); absent: microtype's defaults.
  let expansion: Template['expansion'] = DEFAULT_EXPANSION;
  if (data.expansion === false) expansion = null;
  else if (data.expansion !== undefined) {
    const e = data.expansion as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      errors.add(at(['expansion']), 'expansion must be false or { max, step }', 'e.g. expansion: { max: 0.02, step: 0.005 }');
    } else {
      for (const k of Object.keys(e)) if (k !== 'max' && k !== 'step') errors.add(at(['expansion', k]), `unknown template key "expansion.${k}"`, 'expansion takes max and step');
      const max = e.max === undefined ? DEFAULT_EXPANSION.max : num(['expansion', 'max'], 0, 0.05);
      const step = e.step === undefined ? Math.min(max, DEFAULT_EXPANSION.step) : num(['expansion', 'step'], 0.001, 0.05);
      expansion = max > 0 ? { max, step: Math.min(step, max) } : null;
    }
  }
  let protrusion = true;
  if (data.protrusion !== undefined) {
    if (typeof data.protrusion === 'boolean') protrusion = data.protrusion;
    else errors.add(at(['protrusion']), 'protrusion must be true or false');
  }
  const paper = data.paper === 'letter' ? 'letter' : 'a4';
  if (data.paper !== 'a4' && data.paper !== 'letter') errors.add(at(['paper']), 'paper must be a4 or letter');
  const t: Template = {
    kind: kind.name,
    file,
    paper,
    margins: {
      top: num(['marginsMm', 'top'], 5, 60) * MM,
      bottom: num(['marginsMm', 'bottom'], 5, 60) * MM,
      inner: num(['marginsMm', 'inner'], 5, 60) * MM,
      outer: num(['marginsMm', 'outer'], 5, 60) * MM,
    },
    columns: num(['columns'], 1, 3),
    columnGap: num(['columnGapMm'], 0, 30) * MM,
    colors: { text: color('text'), muted: color('muted'), accent: color('accent'), accentSoft: color('accentSoft'), warm: color('warm'), rule: color('rule') },
    type,
    paragraphSpace: num(['paragraphSpace'], 0, 40),
    expansion,
    protrusion,
    chart: { height: num(['chart', 'height'], 40, 600), fontSize: chart.fontSize === undefined ? kind.chartFontSize : num(['chart', 'fontSize'], 4, 24) },
    options,
    print: readPrintTemplate(data ?? {}, file, at, errors, COLOR_NAMES),
  };
  for (const k of Object.keys(chart)) {
    if (k !== 'height' && k !== 'fontSize') errors.add(at(['chart', k]), `unknown template key "chart.${k}"`, 'chart takes height and fontSize');
  }
  errors.throwIfAny();
  memo?.set(memoKey, t);
  return t;
}
