// `merge:` in content/config.yaml: which documents make each recipient's PDF, in order.
//
//   merge:
//     documents: [letter, brief]   # the recipient's letter, then the brief, as one PDF
//
// Without it, each recipient's PDF is the project's letter documents (kind letter) alone.
import { isSeq, isScalar } from 'yaml';
import { ErrorList, InputError, didYouMean } from '../errors.js';
import type { DocumentName, ProjectConfig } from '../load/sourceTypes.js';
import { configSection, entryOf, keysOf } from '../recipients/configSection.js';

export interface MergeConfig {
  /** Document names in reading order; the first is normally the letter. */
  documents: DocumentName[];
}

export function readMergeConfig(root: string, config: ProjectConfig): MergeConfig {
  const { y, node, key } = configSection(root, 'merge');
  const names = config.documents.map((d) => d.name);
  const errors = new ErrorList();
  let documents: DocumentName[] = [];
  for (const k of keysOf(node)) {
    if (k.key !== 'documents') errors.add(y.placeOf(k.node), `unknown key "${k.key}" in merge`, 'merge takes documents: [letter, brief]');
  }
  const docs = entryOf(node, 'documents');
  if (docs.node !== undefined) {
    if (!isSeq(docs.node) || !docs.node.items.length) {
      errors.add(y.placeOf(docs.node), 'merge.documents must list document names', 'e.g. documents: [letter, brief]');
    } else {
      for (const item of docs.node.items) {
        const name = isScalar(item) ? String(item.value) : '';
        if (!names.includes(name)) {
          const g = didYouMean(name, names);
          errors.add(y.placeOf(item), `merge.documents: no document named "${name}"`, g ? `did you mean "${g}"?` : `the documents are ${names.join(', ')}`);
        } else if (documents.includes(name)) errors.add(y.placeOf(item), `merge.documents names "${name}" twice`);
        else documents.push(name);
      }
    }
  } else if (node !== undefined && !(isScalar(node) && node.value === null) && !keysOf(node).length) {
    errors.add(y.placeOf(node ?? key), 'merge must be a mapping', 'e.g. merge: { documents: [letter, brief] }');
  }
  errors.throwIfAny();
  if (!documents.length) documents = config.documents.filter((d) => d.kind === 'letter').map((d) => d.name);
  if (!documents.length) {
    throw new InputError({ file: 'content/config.yaml' }, 'there is no letter to merge', 'list one under documents (letter: { source: letter.md, kind: letter }), or name the documents with merge: { documents: [...] }');
  }
  return { documents };
}
