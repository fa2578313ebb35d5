import { readFileSync } from 'node:fs';
import { isMap, isScalar } from 'yaml';
import { ErrorList, InputError, didYouMean } from '../errors.js';
import { readMapping, readYaml } from './readYaml.js';
import { DOCUMENT_NAMES, type ContactDetails, type DocumentName, type ProjectConfig } from './sourceTypes.js';

const TOP_KEYS = ['organisation', 'locale', 'contact', 'documents'];

export function loadConfig(root: string, file = 'content/config.yaml'): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(`${root}/${file}`, 'utf8');
  } catch {
    throw new InputError({ file }, 'project configuration not found', 'create content/config.yaml (see README)');
  }
  const y = readYaml(text.replace(/^\uFEFF/, ''), file);
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

  const documents = {} as Record<DocumentName, { source: string }>;
  const docsNode = section('documents');
  if (isMap(docsNode)) {
    for (const p of docsNode.items) {
      const name = isScalar(p.key) ? String(p.key.value) : '';
      if (!(DOCUMENT_NAMES as readonly string[]).includes(name)) {
        const g = didYouMean(name, DOCUMENT_NAMES);
        errors.add(y.placeOf(p.key), `unknown document "${name}"`, g ? `did you mean "${g}"?` : `documents are ${DOCUMENT_NAMES.join(', ')}`);
        continue;
      }
      const m = readMapping(y, p.value, { source: { kind: 'string', required: true } }, errors, `documents.${name}`);
      documents[name as DocumentName] = { source: String(m.source ?? `${name}.md`) };
    }
  }
  for (const n of DOCUMENT_NAMES) documents[n] ??= { source: `${n}.md` };
  errors.throwIfAny();
  return {
    organisation: { name: String(org.name), fullName: org.fullName as string | undefined },
    locale,
    contact: contact as unknown as ContactDetails,
    documents,
  };
}
