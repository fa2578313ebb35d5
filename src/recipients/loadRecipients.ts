// Reads and checks a recipients file (CSV or a JSON array of objects) the way data files are
// checked: every problem found in one pass, each with its file and line, before anything is
// built or sent. A row that is wrong is never skipped silently: a letter that does not go out
// is as much a problem as one that goes out wrong.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { readInputText } from '../load/readInputFile.js';
import { ErrorList, InputError, didYouMean, type SourcePlace } from '../errors.js';
import { jsonError } from '../load/loadData.js';
import { isEmailAddress } from './emailAddress.js';
import { REQUIRED_COLUMNS, type FieldType, type Recipient, type RecipientList } from './recipientTypes.js';
import type { RecipientsConfig } from './recipientsConfig.js';
import { readRecipientRows, type RawRecipientRows } from './recipientRows.js';
import { unreachable } from '../unreachable.js';

/** Ids name files ({id}.pdf) and journal entries: letters, digits and . _ - only. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Column names are used as {{recipient.NAME}}. */
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * @param fileArg a file named on the command line (relative to the working directory), which
 *   replaces the one config.yaml names
 */
export function loadRecipients(root: string, config: RecipientsConfig, fileArg?: string): RecipientList {
  const path = fileArg !== undefined ? resolve(fileArg) : config.file !== undefined ? resolve(root, config.file) : undefined;
  if (path === undefined) {
    throw new InputError({ file: 'content/config.yaml' }, 'no recipients file', 'name one with --recipients FILE, or add "recipients: FILE" (a CSV or JSON file under content/) to content/config.yaml');
  }
  const rel = relative(resolve(root), path);
  const file = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
  // A list named in config.yaml must really be under content/; one named on the command line
  // may be anywhere the user points, but must still be a regular file read within its limit.
  const text = readInputText({
    root, file: path, kind: 'recipients', place: { file }, subject: 'the recipients file',
    ifMissing: () => new InputError({ file }, 'the recipients file cannot be read', 'check the path (ENOENT)'),
    area: fileArg !== undefined ? dirname(path) : 'content', tooLargeHint: 'split the list and run once per part',
  });
  let rows: RawRecipientRows;
  if (/\.json$/i.test(path)) {
    try {
      rows = readRecipientRows(text, file, 'json');
    } catch (e) {
      if (e instanceof SyntaxError) throw jsonError(e, text, file);
      throw e;
    }
  } else rows = readRecipientRows(text, file, 'csv');
  return checkRows(file, rows, config);
}

function checkRows(file: string, { columns, rows: raw, headerLine }: RawRecipientRows, config: RecipientsConfig): RecipientList {
  const errors = new ErrorList();
  const header: SourcePlace = { file, line: headerLine };
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c)) errors.add(header, `the recipients file has no "${c}" column`, `every recipients file needs the columns ${REQUIRED_COLUMNS.join(', ')}`);
  }
  const seenColumn = new Set<string>();
  for (const c of columns) {
    if (!COLUMN.test(c)) errors.add(header, `column name "${c}" cannot be used in {{recipient.…}}`, 'use letters, digits and _, starting with a letter, e.g. last_gift');
    if (seenColumn.has(c)) errors.add(header, `column "${c}" appears twice`, 'rename or remove one of them');
    seenColumn.add(c);
  }
  // A declared column a list does not have is fine (not every list has gift data: a field
  // used in the text is checked where it is used); one that looks like a typo is not.
  for (const [c, place] of config.typePlaces) {
    const g = columns.includes(c) ? undefined : didYouMean(c, columns.filter((x) => !config.types.has(x)));
    if (g) errors.add(place, `recipients.columns names "${c}", which is not a column of ${file}`, `did you mean "${g}"?`);
  }
  // Problems with the header make every row wrong in the same way: report them alone.
  errors.throwIfAny();

  const recipients: Recipient[] = [];
  const byId = new Map<string, SourcePlace>();
  const byEmail = new Map<string, SourcePlace>();
  for (const { cells, place } of raw) {
    const fields = new Map<string, string>();
    let ok = true;
    const bad = (problem: string, hint?: string) => {
      errors.add(place, problem, hint);
      ok = false;
    };
    for (const [c, v] of Object.entries(cells)) {
      if (v === '') continue;
      if (c !== 'address' && CONTROL.test(v)) {
        bad(`${c} "${printable(v)}" contains a line break or control character`, 'write it on one line');
        continue;
      }
      fields.set(c, v);
    }
    const id = fields.get('id') ?? '';
    const email = fields.get('email') ?? '';
    const name = fields.get('name') ?? '';
    if (!id) bad('a recipient has no id', 'give every row a unique id (it names the PDF: {id}.pdf)');
    else if (!ID.test(id)) bad(`id "${printable(id)}" is not usable as a file name`, 'use letters, digits, ".", "_" and "-" (at most 64), starting with a letter or digit');
    if (!email) bad(`recipient ${id || '(no id)'} has no email address`);
    else if (!isEmailAddress(email)) bad(`"${printable(email)}" is not an email address`, 'write it as name@example.org (an international domain in its xn-- form)');
    if (!name) bad(`recipient ${id || '(no id)'} has no name`, 'the name is used in the address block and the To: line');
    const language = fields.get('language');
    if (language !== undefined && !validLanguage(language)) bad(`language "${printable(language)}" is not a language tag`, 'write a BCP 47 tag such as en-GB, fr-FR or km-KH');
    for (const [c, type] of config.types) {
      const v = fields.get(c);
      if (v === undefined) continue;
      const problem = checkTyped(v, type);
      if (problem) bad(`${c} "${printable(v)}" ${problem.problem}`, problem.hint);
    }
    if (id) {
      const first = byId.get(id);
      if (first) bad(`id "${id}" is also used on line ${first.line}`, 'ids must be unique: each one names a PDF and a journal entry');
      else byId.set(id, place);
    }
    if (email && isEmailAddress(email)) {
      const key = email.toLowerCase();
      const first = byEmail.get(key);
      if (first) bad(`email address ${email} is also used on line ${first.line}`, 'one letter per address: merge the two rows or remove one');
      else byEmail.set(key, place);
    }
    if (ok) recipients.push({ id, email, name, language, fields, place });
  }
  if (!raw.length) errors.add(header, 'the recipients file has no rows', 'add one row per recipient under the header');
  errors.throwIfAny();
  return { file, columns, types: config.types, recipients };
}

function validLanguage(tag: string): boolean {
  try {
    new Intl.Locale(tag);
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

function checkTyped(v: string, type: FieldType): { problem: string; hint?: string } | undefined {
  switch (type) {
    case 'text':
      return undefined;
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const d = m ? new Date(`${v}T00:00:00Z`) : undefined;
      if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return { problem: 'is not a date', hint: 'write it as YYYY-MM-DD, e.g. 2026-03-31' };
      return undefined;
    }
    case 'year':
      return /^\d{4}$/.test(v) ? undefined : { problem: 'is not a four-digit year' };
    case 'USD':
    case 'count':
    case 'people':
    case 'percent':
      return /^-?\d+(\.\d+)?$/.test(v) ? undefined : { problem: 'is not a plain number', hint: 'write it without currency signs or separators, e.g. 250 or 1250.50' };
    default:
      return unreachable(type, 'field type');
  }
}

/** A value as it can be shown in a one-line message. */
function printable(v: string): string {
  const s = v.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}
