// Templates are YAML files in templates/: geometry, type scale and colours, which the engine
// reads, plus the keys the document's kind adds (src/documents/<kind>/), which the kind reads.
// The code that composes pages lives with the kind; the template only sets its parameters.
import { ErrorList, InputError, didYouMean } from '../errors.js';
import { FONT_KEYS, type FontKey } from '../fonts/fontRegistry.js';
import { checkTypeScale } from './checkTypeScale.js';
import { readYaml } from './readYaml.js';
import { readInputFile } from './readInputFile.js';
import { colorRgb, readPrintTemplate } from '../print/readPrintTemplate.js';
import type { AnyDocumentKind, TemplateOptionReader } from '../documents/documentKind.js';
import { MM, type Template, type TypeRole, type TypeSpec } from './templateTypes.js';

const ROLES: TypeRole[] = ['body', 'h1', 'h2', 'h3', 'caption', 'note', 'table', 'running', 'code'];
/** The keys every template has, whatever its kind. */
const ENGINE_KEYS = ['kind', 'paper', 'marginsMm', 'columns', 'columnGapMm', 'figures', 'colors', 'type', 'paragraphSpace', 'expansion', 'protrusion', 'chart', 'print'];
const MARGINS = ['top', 'bottom', 'inner', 'outer'];
// Only headings have space above and below; paragraphs are spaced by paragraphSpace.
const TYPE_KEYS = ['font', 'size', 'leading'];
const HEADING_KEYS = [...TYPE_KEYS, 'spaceBefore', 'spaceAfter'];
/** microtype's defaults: up to 2 % wider or narrower glyphs; our steps are a bit coarser than its 0.4 %. */
const DEFAULT_EXPANSION = { max: 0.02, step: 0.005 };
const COLOR_NAMES = ['text', 'muted', 'accent', 'accentSoft', 'warm', 'rule'] as const;

/**
 * @param file path relative to the root, e.g. templates/brief.yaml
 * @param memo templates already read in this build session, by file, kind and text
 */
export function loadTemplate(root: string, file: string, kind: AnyDocumentKind, memo?: Map<string, Template>): Template {
  const text = readInputFile({
    root, file, kind: 'template',
    ifMissing: () => new InputError({ file }, `template ${file} not found`, `create ${file} (see templates/${kind.name}.yaml in the README)`),
  }).toString('utf8');
  const memoKey = file + '\0' + kind.name + '\0' + text;
  const hit = memo?.get(memoKey);
  if (hit) return hit;
  // A kind's key "cover.bandHeight" is the key bandHeight in the map cover.
  const kindKeys = kind.templateOptions.keys;
  const TOP = [...ENGINE_KEYS, ...new Set(kindKeys.map((k) => k.split('.')[0]))];
  const y = readYaml(text, file);
  const data = (y.doc.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
  const errors = new ErrorList();
  const at = (path: string[]) => y.placeOf(y.doc.getIn(path, true));
  const get = (path: string[]): unknown => {
    let v: unknown = data;
    for (const p of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[p] : undefined;
    return v;
  };
  // Every key is read or refused: a key the engine and the kind do not read would be ignored
  // (colours and print keys are checked by readPrintTemplate).
  const refuseUnknown = (path: string[], known: readonly string[]) => {
    const v = path.length ? get(path) : data;
    if (v === undefined) return;
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      errors.add(at(path), `${path.join('.')} must be a map of ${known.join(', ')}`);
      return;
    }
    for (const k of Object.keys(v)) {
      if (known.includes(k)) continue;
      const g = didYouMean(k, known);
      const name = [...path, k].join('.');
      errors.add(at([...path, k]), `unknown template key "${name}"`, g ? `did you mean "${path.length ? path.join('.') + '.' : ''}${g}"?` : `${path.length ? path.join('.') + ' takes' : 'the keys are'} ${known.join(', ')}`);
    }
  };
  refuseUnknown([], TOP);
  refuseUnknown(['marginsMm'], MARGINS);
  refuseUnknown(['type'], ROLES);
  for (const r of ROLES) if (get(['type', r]) !== undefined) refuseUnknown(['type', r], /^h\d$/.test(r) ? HEADING_KEYS : TYPE_KEYS);
  for (const section of new Set(kindKeys.filter((k) => k.includes('.')).map((k) => k.split('.')[0]))) {
    refuseUnknown([section], kindKeys.filter((k) => k.startsWith(section + '.')).map((k) => k.slice(section.length + 1)));
  }
  const num = (path: string[], min: number, max: number): number => {
    const v = get(path);
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
  const errorsBeforeType = errors.length;
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
      spaceBefore: t?.spaceBefore === undefined ? 0 : num(['type', r, 'spaceBefore'], 0, 72),
      spaceAfter: t?.spaceAfter === undefined ? 0 : num(['type', r, 'spaceAfter'], 0, 72),
    };
  }
  // The scale is judged only on sizes that were read (a bad size already has its error).
  if (errors.length === errorsBeforeType) checkTypeScale(type, at, errors);
  if (data.kind !== kind.name) errors.add(at(['kind']), `kind must be "${kind.name}"`, 'the document\'s kind in content/config.yaml and its template\'s must agree');
  const path = (key: string) => key.split('.');
  const reader: TemplateOptionReader = {
    boolean: (key, fallback) => {
      const v = get(path(key));
      if (v === undefined) return fallback;
      if (typeof v === 'boolean') return v;
      errors.add(at(path(key)), `${key} must be true or false`);
      return fallback;
    },
    number: (key, min, max, fallback) => (get(path(key)) === undefined ? fallback : num(path(key), min, max)),
    // The default is in points and used as it is, so a template that leaves the key out lays
    // out exactly as the code did before the key existed (no round trip through millimetres).
    length: (key, minMm, maxMm, fallbackPt) => (get(path(key)) === undefined ? fallbackPt : num(path(key), minMm, maxMm) * MM),
    color: (key, fallback) => {
      const v = get(path(key));
      if (v === undefined) return fallback;
      // A colour of the template by name ("accentSoft", "white"), or "#rrggbb".
      const named = v === 'white' ? '#ffffff' : typeof v === 'string' && (COLOR_NAMES as readonly string[]).includes(v) ? colorRgb(get(['colors', v])) : v;
      if (typeof named === 'string' && /^#[0-9a-f]{6}$/i.test(named)) return named;
      errors.add(at(path(key)), `${key} must be a colour like "#ffffff", white, or one of the template's colours (${COLOR_NAMES.join(', ')})`);
      return fallback;
    },
  };
  const options: unknown = kind.templateOptions.read(reader);
  const chart = (data.chart ?? {}) as Record<string, unknown>;
  const columns = num(['columns'], 1, 3);
  const maxColumns = kind.maxColumns ?? 1;
  if (columns > maxColumns) errors.add(at(['columns']), `a ${kind.name} is set in ${maxColumns === 1 ? 'one column' : `at most ${maxColumns} columns`}: columns ${columns} would be ignored`, `set columns: ${maxColumns}`);
  if (!Number.isInteger(columns)) errors.add(at(['columns']), 'columns must be a whole number');
  const figures = data.figures ?? 'column';
  if (figures !== 'column' && figures !== 'span') errors.add(at(['figures']), 'figures must be column or span');
  else if (figures === 'span' && !kind.spanFigures) errors.add(at(['figures']), `a ${kind.name} sets figures in its columns: figures: span would be ignored`, 'remove the key');
  // expansion: false, or { max, step, emergency } (shares of the glyph width); absent: microtype's defaults.
  let expansion: Template['expansion'] = DEFAULT_EXPANSION;
  if (data.expansion === false) expansion = null;
  else if (data.expansion !== undefined) {
    const e = data.expansion as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      errors.add(at(['expansion']), 'expansion must be false or { max, step, emergency }', 'e.g. expansion: { max: 0.02, step: 0.005 }');
    } else {
      for (const k of Object.keys(e)) if (k !== 'max' && k !== 'step' && k !== 'emergency') errors.add(at(['expansion', k]), `unknown template key "expansion.${k}"`, 'expansion takes max, step and emergency');
      const max = e.max === undefined ? DEFAULT_EXPANSION.max : num(['expansion', 'max'], 0, 0.05);
      const step = e.step === undefined ? Math.min(max, DEFAULT_EXPANSION.step) : num(['expansion', 'step'], 0.001, 0.05);
      // The emergency range (loose lines of paragraphs that cannot be set better) is never
      // narrower than the normal one; absent, the line breaker's default.
      if (e.step !== undefined && max > 0 && step > max) errors.add(at(['expansion', 'step']), `expansion.step (${step}) is larger than expansion.max (${max})`, 'a step of max or less, e.g. 0.005');
      const emergency = e.emergency === undefined ? undefined : num(['expansion', 'emergency'], 0, 0.05);
      if (emergency !== undefined && emergency < max) errors.add(at(['expansion', 'emergency']), `expansion.emergency (${emergency}) is less than expansion.max (${max})`, 'set it to max or more, up to 0.05 (equal to max: no wider range)');
      expansion = max > 0 ? { max, step: Math.min(step, max), ...(emergency !== undefined ? { emergency: Math.max(emergency, max) } : {}) } : null;
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
    columns,
    columnGap: num(['columnGapMm'], 0, 30) * MM,
    figures: figures === 'span' && columns > 1 ? 'span' : 'column',
    spanFigures: !!kind.spanFigures,
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
