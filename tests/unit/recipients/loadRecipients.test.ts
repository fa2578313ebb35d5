// Recipients files are checked like data files: every problem at once, each with its line,
// before anything is built or sent.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../src/errors.js';
import { isEmailAddress } from '../../../src/recipients/emailAddress.js';
import { loadRecipients } from '../../../src/recipients/loadRecipients.js';
import { readRecipientsConfig } from '../../../src/recipients/recipientsConfig.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const CONFIG = `organisation: { name: AIM }
locale: en-GB
contact: { placeholder: true, website: https://example.org, donate: https://example.org/d, email: a@example.org }
recipients:
  file: donors.csv
  columns: { last_gift: USD, last_gift_date: date }
`;

function project(file: string, text: string, config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-recipients-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/config.yaml'), config.replace('donors.csv', file));
  writeFileSync(join(dir, 'content', file), text);
  return dir;
}

const load = (dir: string) => loadRecipients(dir, readRecipientsConfig(dir));
const messages = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
};

describe('recipients file', () => {
  it('reads the sample placeholder list: rows, lines, multi-line addresses, typed columns', () => {
    const list = load(REPO_ROOT);
    expect(list.file).toBe('content/recipients.example.csv');
    expect(list.recipients.map((r) => r.id)).toEqual(['d001', 'd002', 'd003', 'd004', 'd005', 'd006']);
    expect(list.recipients.every((r) => r.email.endsWith('@example.org'))).toBe(true);
    // Three comment lines, the header on line 4, three-line addresses.
    expect(list.recipients.map((r) => r.place.line)).toEqual([5, 8, 11, 14, 17, 20]);
    expect(list.recipients[0].fields.get('address')).toBe('12 Placeholder Road\nExampletown EX1 2AB\nUnited Kingdom');
    expect(list.recipients[2].fields.has('last_gift')).toBe(false);
    expect(list.recipients[3].language).toBe('fr-FR');
    expect(list.types.get('last_gift')).toBe('USD');
  });

  it('reports every problem at once, each with its file and line', () => {
    const dir = project('donors.csv', [
      'id,email,name,language,last_gift,last_gift_date',
      'a1,anna@example.org,Anna,en-GB,100,2026-01-31',
      'a2,jane@,Jane,,,',
      'a1,bob@example.org,Bob,,,',
      'a4,ANNA@example.org,Anna Again,,,',
      'a5,carl@example.org,,xx-!!,$20,2026-02-30',
      'a/6,dan@example.org,Dan,,,',
      ',eve@example.org,Eve,,,',
    ].join('\n'));
    expect(messages(() => load(dir))).toEqual([
      'content/donors.csv:3: "jane@" is not an email address — write it as name@example.org (an international domain in its xn-- form)',
      'content/donors.csv:4: id "a1" is also used on line 2 — ids must be unique: each one names a PDF and a journal entry',
      'content/donors.csv:5: email address ANNA@example.org is also used on line 2 — one letter per address: merge the two rows or remove one',
      'content/donors.csv:6: recipient a5 has no name — the name is used in the address block and the To: line',
      'content/donors.csv:6: language "xx-!!" is not a language tag — write a BCP 47 tag such as en-GB, fr-FR or km-KH',
      'content/donors.csv:6: last_gift "$20" is not a plain number — write it without currency signs or separators, e.g. 250 or 1250.50',
      'content/donors.csv:6: last_gift_date "2026-02-30" is not a date — write it as YYYY-MM-DD, e.g. 2026-03-31',
      'content/donors.csv:7: id "a/6" is not usable as a file name — use letters, digits, ".", "_" and "-" (at most 64), starting with a letter or digit',
      'content/donors.csv:8: a recipient has no id — give every row a unique id (it names the PDF: {id}.pdf)',
    ]);
  });

  it('checks the header: required columns, names usable as merge fields, declared types', () => {
    const dir = project('donors.csv', 'email,full name,last_gift,last_gift_dat\nx@example.org,X,1,2026-01-01\n');
    expect(messages(() => load(dir))).toEqual([
      'content/donors.csv:1: the recipients file has no "id" column — every recipients file needs the columns id, email, name',
      'content/donors.csv:1: the recipients file has no "name" column — every recipients file needs the columns id, email, name',
      'content/donors.csv:1: column name "full name" cannot be used in {{recipient.…}} — use letters, digits and _, starting with a letter, e.g. last_gift',
      'content/config.yaml:6:46: recipients.columns names "last_gift_date", which is not a column of content/donors.csv — did you mean "last_gift_dat"?',
    ]);
  });

  it('reads JSON, with the line of each object', () => {
    const dir = project('donors.json', JSON.stringify([{ id: 'j1', email: 'j1@example.org', name: 'J One', last_gift: 20 }, { id: 'j2', email: 'nope', name: 'J Two' }], null, 2));
    expect(messages(() => load(dir))).toEqual(['content/donors.json:8: "nope" is not an email address — write it as name@example.org (an international domain in its xn-- form)']);
    writeFileSync(join(dir, 'content/donors.json'), '[{"id": "j1", "email": "j1@example.org", "name": "J", "tags": ["a"]}]');
    expect(messages(() => load(dir))).toEqual(['content/donors.json:1: "tags" must be text or a number, not a list or object']);
    writeFileSync(join(dir, 'content/donors.json'), '[{"id": "j1",}]');
    expect(messages(() => load(dir))[0]).toMatch(/^content\/donors\.json:1:\d+: invalid JSON/);
  });

  it('a ragged CSV row, a missing file and a list of no one are located errors', () => {
    const dir = project('donors.csv', 'id,email,name\na,a@example.org,A,extra\n');
    expect(messages(() => load(dir))).toEqual([expect.stringMatching(/^content\/donors\.csv:2: cannot read CSV: /)]);
    writeFileSync(join(dir, 'content/donors.csv'), 'id,email,name\n');
    expect(messages(() => load(dir))).toEqual(['content/donors.csv:1: the recipients file has no rows — add one row per recipient under the header']);
    expect(messages(() => loadRecipients(dir, readRecipientsConfig(dir), join(dir, 'nowhere.csv')))).toEqual([expect.stringMatching(/^nowhere\.csv: the recipients file cannot be read — check the path \(ENOENT\)$/)]);
  });

  it('a file named on the command line replaces the one in config.yaml, and is named as given', () => {
    const dir = project('donors.csv', 'id,email,name\na,a@example.org,A\n');
    const other = join(mkdtempSync(join(tmpdir(), 'report-elsewhere-')), 'list.csv');
    writeFileSync(other, 'id,email,name\nb,b@,B\n');
    expect(messages(() => loadRecipients(dir, readRecipientsConfig(dir), other))).toEqual([`${other}:2: "b@" is not an email address — write it as name@example.org (an international domain in its xn-- form)`]);
  });

  it('an unknown column type in config.yaml is a located error with a suggestion', () => {
    const dir = project('donors.csv', 'id,email,name\na,a@example.org,A\n', CONFIG.replace('last_gift: USD', 'last_gift: usd'));
    expect(messages(() => readRecipientsConfig(dir))).toEqual(['content/config.yaml:6:25: recipients.columns.last_gift: unknown type "usd" — did you mean "USD"?']);
  });

  it('email addresses: what a donor list holds passes, typos do not', () => {
    for (const ok of ['jane@example.org', 'j.o\'neil+news@mail.example.co.uk', 'x@xn--bcher-kva.example']) expect(isEmailAddress(ok), ok).toBe(true);
    for (const bad of ['jane@', '@example.org', 'jane@example', 'jane @example.org', 'jane@@example.org', 'a..b@example.org', 'jane@example.org\r\nBcc: x@y.org', 'jane@-x.org', 'jane@example.123']) expect(isEmailAddress(bad), bad).toBe(false);
  });
});
