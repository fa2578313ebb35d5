import { isMap, isScalar } from 'yaml';
import { ErrorList, InputError, didYouMean } from '../errors.js';
import { readMapping, readYaml } from './readYaml.js';
import type { KindRegistry } from '../documents/kindRegistry.js';
import { readBrandConfig } from './brandConfig.js';
import { checkContentPath } from './contentPath.js';
import { readInputText } from './readInputFile.js';
import { DEFAULT_DOCUMENTS, type ContactDetails, type DocumentEntry, type ProjectConfig } from './sourceTypes.js';

// recipients, merge and mail are read by src/recipients, src/merge and src/mail.
const TOP_KEYS = ['organisation', 'locale', 'contact', 'documents', 'fonts', 'logo', 'coverImage', 'recipients', 'merge', 'mail'];

export function loadConfig(root: string, kinds: KindRegistry, file = 'content/config.yaml'): ProjectConfig {
  const text = readInputText({
    root, file, kind: 'config',
    ifMissing: () => new InputError({ file }, 'project configuration not found', 'create content/config.yaml (see README)'),
  });
  const y = readYaml(text, file);
  const errors = new ErrorList();
  const top = y.doc.contents;
  if (!isMap(top)) throw new InputError({ file, line: 1 }, 'configuration must be a YAML mapping');
  const section = (name: string) => top.items.find((p) => isScalar(p.key) && p.key.value === name)?.value;
  for (const p of top.items) {
    const k = isScalar(p.key) ? String(p.key.value) : '';
    if (!TOP_KEYS.includes(k)) {
      const g = didYouMean(k, TOP_KEYS);
      errors.add(y.placeOf(p.key), `unknown key "${k}"`, g ? `did you mean "${g}"?` : `allowed: ${TOP_KEYS.join(', ')}`);
    }
  }
  const org = readMapping(y, section('organisation'), { name: { kind: 'string', required: true }, fullName: { kind: 'string' } }, errors, 'organisation');
  const contact = readMapping(y, section('contact'), {
    placeholder: { kind: 'boolean', required: true },
    website: { kind: 'url', required: true },
    donate: { kind: 'url', required: true },
    email: { kind: 'email', required: true },
    phone: { kind: 'string' },
    address: { kind: 'string' },
  }, errors, 'contact');
  const localeNode = section('locale');
  const locale = isScalar(localeNode) ? String(localeNode.value) : 'en-GB';
  if (!Intl.NumberFormat.supportedLocalesOf([locale]).length) errors.add(y.placeOf(localeNode), `unknown locale "${locale}"`, 'use a BCP 47 tag such as en-GB');

  const documents: DocumentEntry[] = [];
  const docsNode = section('documents');
  if (docsNode === undefined) {
    // No list: the two documents every project started with.
    for (const name of DEFAULT_DOCUMENTS) documents.push(documentEntry(name, {}, { file }));
  } else if (isMap(docsNode)) {
    for (const p of docsNode.items) {
      const name = isScalar(p.key) ? String(p.key.value) : '';
      const place = y.placeOf(p.key);
      if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
        errors.add(place, `document name "${name}" must be letters, digits, "-" or "_"`, 'it is also the name of the PDF');
        continue;
      }
      const m = readMapping(y, p.value, { source: { kind: 'string' }, kind: { kind: 'string' }, template: { kind: 'string' } }, errors, `documents.${name}`);
      const entry = documentEntry(name, m as Record<string, string>, place);
      if (!kinds.get(entry.kind)) {
        errors.add(y.placeOf(p.value), `documents.${name}: unknown document kind "${entry.kind}"`, m.kind === undefined ? `add "kind:" (${kinds.names().join(', ')})` : kinds.hintFor(entry.kind));
        continue;
      }
      for (const [what, path, folder] of [['source', m.source, 'content/'], ['template', m.template, 'templates/']] as const) {
        if (typeof path !== 'string') continue;
        // At the value itself, so the line named is the one to fix.
        const at = isMap(p.value) ? y.placeOf(p.value.get(what, true)) : place;
        try {
          checkContentPath(path, at);
        } catch {
          errors.add(at, `documents.${name}.${what} "${path}" must be a path inside ${folder}`, 'without "..", a leading "/" or a URL');
        }
      }
      documents.push(entry);
    }
    if (!docsNode.items.length) errors.add(y.placeOf(docsNode), 'documents lists no document', 'add e.g. "brief: { source: brief.md, kind: brief }"');
  } else {
    errors.add(y.placeOf(docsNode), 'documents must be a mapping of document names to their source, kind and template');
  }
  const brand = readBrandConfig(y, section, errors);
  errors.throwIfAny();
  return {
    ...brand,
    organisation: { name: String(org.name), fullName: org.fullName as string | undefined },
    locale,
    contact: contact as unknown as ContactDetails,
    documents,
  };
}

/** A listed document with its defaults: source NAME.md, kind NAME, template templates/KIND.yaml. */
function documentEntry(name: string, m: { source?: string; kind?: string; template?: string }, place: DocumentEntry['place']): DocumentEntry {
  const kind = m.kind ?? name;
  return { name, source: `content/${m.source ?? `${name}.md`}`, kind, template: `templates/${m.template ?? `${kind}.yaml`}`, place };
}
