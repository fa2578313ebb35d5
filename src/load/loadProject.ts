// The load stage: everything read from disk and validated, nothing parsed into documents yet.
import { ErrorList, InputError } from '../errors.js';
import { loadCharts } from './loadCharts.js';
import { loadConfig } from './loadConfig.js';
import { loadDataTables } from './loadData.js';
import { loadMarkdown } from './loadMarkdown.js';
import { DOCUMENT_NAMES, type DocumentName, type MarkdownSource, type Source } from './sourceTypes.js';

export function loadProject(root: string, only: readonly DocumentName[] = DOCUMENT_NAMES): Source {
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
  const config = collect(() => loadConfig(root));
  const data = collect(() => loadDataTables(root));
  const charts = data ? collect(() => loadCharts(root, data.tables)) : undefined;
  const documents: MarkdownSource[] = [];
  if (config) {
    for (const name of only) {
      const d = collect(() => loadMarkdown(root, name, 'content/' + config.documents[name].source));
      if (d) documents.push(d);
    }
  }
  errors.throwIfAny();
  return { root, config: config!, documents, tables: data!.tables, figures: data!.figures, charts: charts! };
}
