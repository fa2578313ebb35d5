// The load stage: everything read from disk and validated, nothing parsed into documents yet.
import { basename } from 'node:path';
import type { KindRegistry } from '../documents/kindRegistry.js';
import { ErrorList, collectInputErrors } from '../errors.js';
import { readCharts } from './loadCharts.js';
import { loadBrandFonts } from './brandFonts.js';
import { loadConfigPicture } from './configPictures.js';
import { loadConfig } from './loadConfig.js';
import { readDataTables } from './loadData.js';
import { loadMarkdown } from './loadMarkdown.js';
import { loadStrings } from './loadStrings.js';
import type { DocumentName, MarkdownSource, Source } from './sourceTypes.js';

/** @param only the documents to load (all that config.yaml lists when empty or absent) */
export function loadProject(root: string, kinds: KindRegistry, only?: readonly DocumentName[]): Source {
  const errors = new ErrorList();
  const source = readProject(root, kinds, only, errors);
  errors.throwIfAny();
  return source!;
}

/**
 * Loads every part that can be loaded on its own, adding the errors of the others to `errors`:
 * data files, charts and documents do not hide each other's errors. Charts are validated
 * against the data files that loaded; a data file or chart that failed is listed in
 * `unavailable`, so what refers to it is not reported again. Undefined only when config.yaml
 * cannot be read: the documents are then unknown.
 */
export function readProject(root: string, kinds: KindRegistry, only: readonly DocumentName[] | undefined, errors: ErrorList): Source | undefined {
  let config: Source['config'] | undefined;
  try {
    config = loadConfig(root, kinds);
  } catch (e) {
    collectInputErrors(e, errors);
  }
  const data = readDataTables(root);
  for (const e of data.errors.errors) errors.push(e);
  // A data file with any error is unavailable as a whole: a chart drawn from some of its rows
  // would be wrong, and its errors already say what to fix.
  // (An error in a sidecar, data/NAME.yaml, makes data file NAME unavailable too.)
  const unavailableData = new Set(data.errors.errors.map((e) => basename(e.place.file).replace(/\.(csv|json|ya?ml)$/i, '')));
  const charts = readCharts(root, data.tables, unavailableData);
  for (const e of charts.errors.errors) errors.push(e);
  let strings: Source['strings'] = new Map();
  try {
    strings = loadStrings(root, kinds);
  } catch (e) {
    collectInputErrors(e, errors);
  }
  const documents: MarkdownSource[] = [];
  if (config) {
    const names = config.documents.map((d) => d.name);
    for (const name of only ?? []) {
      if (!names.includes(name)) errors.add({ file: 'content/config.yaml' }, `no document named "${name}"`, `the documents are ${names.join(', ')}`);
    }
    for (const entry of config.documents) {
      if (only?.length && !only.includes(entry.name)) continue;
      try {
        documents.push(loadMarkdown(root, entry));
      } catch (e) {
        collectInputErrors(e, errors);
      }
    }
  }
  if (!config) return undefined;
  const fontSet = config?.fonts?.length ? loadBrandFonts(root, config.fonts, errors) : undefined;
  for (const image of [config?.logo, config?.coverImage]) if (image) image.picture = loadConfigPicture(root, image, errors);
  return {
    root, config, documents, tables: data.tables, figures: data.figures, charts: charts.charts, strings,
    unavailable: { data: unavailableData, charts: charts.unavailable }, fontSet,
  };
}
