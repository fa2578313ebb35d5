// The load stage: everything read from disk and validated, nothing parsed into documents yet.
import type { KindRegistry } from '../documents/kindRegistry.js';
import { ErrorList, InputError } from '../errors.js';
import { loadCharts } from './loadCharts.js';
import { loadConfig } from './loadConfig.js';
import { loadDataTables } from './loadData.js';
import { loadMarkdown } from './loadMarkdown.js';
import { loadStrings } from './loadStrings.js';
import type { DocumentName, MarkdownSource, Source } from './sourceTypes.js';

/** @param only the documents to load (all that config.yaml lists when empty or absent) */
export function loadProject(root: string, kinds: KindRegistry, only?: readonly DocumentName[]): Source {
  const errors = new ErrorList();
  const collect = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else if (e instanceof Error && 'errors' in e && Array.isArray((e as { errors: unknown }).errors)) {
        for (const x of (e as { errors: InputError[] }).errors) errors.push(x);
      } else throw e;
      return undefined;
    }
  };
  const config = collect(() => loadConfig(root, kinds));
  const data = collect(() => loadDataTables(root));
  const charts = data ? collect(() => loadCharts(root, data.tables)) : undefined;
  const strings = collect(() => loadStrings(root, kinds));
  const documents: MarkdownSource[] = [];
  if (config) {
    const names = config.documents.map((d) => d.name);
    for (const name of only ?? []) {
      if (!names.includes(name)) errors.add({ file: 'content/config.yaml' }, `no document named "${name}"`, `the documents are ${names.join(', ')}`);
    }
    for (const entry of config.documents) {
      if (only?.length && !only.includes(entry.name)) continue;
      const d = collect(() => loadMarkdown(root, entry));
      if (d) documents.push(d);
    }
  }
  errors.throwIfAny();
  return { root, config: config!, documents, tables: data!.tables, figures: data!.figures, charts: charts!, strings: strings! };
}
