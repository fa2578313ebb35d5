// `recipients:` in content/config.yaml: where the donor list is and how its columns read.
//
//   recipients: recipients.csv                 # a file under content/, or:
//   recipients:
//     file: recipients.csv
//     columns: { last_gift: USD, last_gift_date: date }
//
// A file given on the command line (--recipients) replaces `file`; the column types still
// come from here.
import { isMap, isScalar } from 'yaml';
import { ErrorList, InputError, didYouMean, type SourcePlace } from '../errors.js';
import { checkContentPath } from '../load/contentPath.js';
import { configSection, entryOf, keysOf } from './configSection.js';
import { FIELD_TYPES, type FieldType } from './recipientTypes.js';

export interface RecipientsConfig {
  /** Path relative to the project root (content/…), when config.yaml names one. */
  file?: string;
  types: Map<string, FieldType>;
  /** Where each type was declared, for "no such column" errors. */
  typePlaces: Map<string, SourcePlace>;
}

export function readRecipientsConfig(root: string): RecipientsConfig {
  const { y, node } = configSection(root, 'recipients');
  const out: RecipientsConfig = { types: new Map(), typePlaces: new Map() };
  if (node === undefined || (isScalar(node) && node.value === null)) return out;
  const errors = new ErrorList();
  const setFile = (v: unknown, place: SourcePlace) => {
    if (typeof v !== 'string' || v.trim() === '') {
      errors.add(place, 'recipients.file must be the name of a CSV or JSON file under content/', 'e.g. recipients: recipients.csv');
      return;
    }
    try {
      checkContentPath(v, place);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e);
      return;
    }
    if (!/\.(csv|json)$/i.test(v)) errors.add(place, `recipients file "${v}" must be a .csv or .json file`);
    else out.file = `content/${v}`;
  };
  if (isScalar(node)) {
    setFile(node.value, y.placeOf(node));
  } else if (isMap(node)) {
    for (const k of keysOf(node)) {
      if (k.key !== 'file' && k.key !== 'columns') {
        const g = didYouMean(k.key, ['file', 'columns']);
        errors.add(y.placeOf(k.node), `unknown key "${k.key}" in recipients`, g ? `did you mean "${g}"?` : 'recipients takes file and columns');
      }
    }
    const file = entryOf(node, 'file');
    if (file.node !== undefined) setFile(file.value, y.placeOf(file.node));
    const columns = entryOf(node, 'columns');
    if (columns.node !== undefined && !isMap(columns.node)) {
      errors.add(y.placeOf(columns.node), 'recipients.columns must map column names to types', `e.g. columns: { last_gift: USD }; types: ${FIELD_TYPES.join(', ')}`);
    }
    for (const c of keysOf(columns.node)) {
      const t = entryOf(columns.node, c.key);
      const place = y.placeOf(t.node ?? c.node);
      if (!(FIELD_TYPES as readonly string[]).includes(String(t.value))) {
        const g = didYouMean(String(t.value), FIELD_TYPES);
        errors.add(place, `recipients.columns.${c.key}: unknown type "${String(t.value)}"`, g ? `did you mean "${g}"?` : `use one of ${FIELD_TYPES.join(', ')}`);
        continue;
      }
      out.types.set(c.key, t.value as FieldType);
      out.typePlaces.set(c.key, place);
    }
  } else {
    errors.add(y.placeOf(node), 'recipients must name a file under content/, or be a mapping with file and columns');
  }
  errors.throwIfAny();
  return out;
}
