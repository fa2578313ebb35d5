// A project's own fixed text: content/strings/LANG.yaml changes any string the engine or a
// document kind prints in that language ("Contents", "Figure {number}" …), e.g.
//
//   figureLabel: Hình {number}
//   brief:
//     contents: Mục lục
//
// Engine strings sit at the top, a kind's under its name. Every key and slot is checked, with
// its line: a typo would otherwise print the default without a word, and a string missing its
// {number} would print no number.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, type Pair } from 'yaml';
import type { KindRegistry } from '../documents/kindRegistry.js';
import { ErrorList, InputError, didYouMean } from '../errors.js';
import { ENGINE_STRINGS } from '../strings/engineStrings.js';
import { slotsOf, type StringTable } from '../strings/stringTable.js';
import { controlCharacterProblem, readYaml, type YamlFile } from './readYaml.js';
import { readInputText } from './readInputFile.js';
import type { StringOverride } from './sourceTypes.js';

export const STRINGS_DIR = 'content/strings';

/** Every content/strings/*.yaml, by language subtag; none when the folder does not exist. */
export function loadStrings(root: string, kinds: KindRegistry): Map<string, StringOverride> {
  const out = new Map<string, StringOverride>();
  let names: string[];
  try {
    names = readdirSync(join(root, STRINGS_DIR)).sort();
  } catch {
    return out;
  }
  const errors = new ErrorList();
  for (const name of names) {
    const file = `${STRINGS_DIR}/${name}`;
    const m = /^(.*)\.(yaml|yml)$/.exec(name);
    // Other files (a README, an editor's backup) are not strings.
    if (!m) continue;
    const lang = m[1];
    if (!isLanguageSubtag(lang)) {
      errors.add({ file }, `"${lang}" is not a language`, 'name the file after the language subtag in lower case, e.g. fr.yaml or vi.yaml (fr-FR and fr-CA both read fr.yaml)');
      continue;
    }
    if (m[2] === 'yml') {
      errors.add({ file }, 'strings files end in .yaml', `rename it to ${lang}.yaml`);
      continue;
    }
    try {
      out.set(lang, readOverride(readYaml(readInputText({ root, file, kind: 'strings' }), file), kinds, errors));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e);
    }
  }
  errors.throwIfAny();
  return out;
}

function isLanguageSubtag(s: string): boolean {
  if (!/^[a-z]{2,3}$/.test(s)) return false;
  try {
    return new Intl.Locale(s).language === s;
  } catch {
    return false;
  }
}

function readOverride(y: YamlFile, kinds: KindRegistry, errors: ErrorList): StringOverride {
  const engine: Record<string, string> = {};
  const byKind: Record<string, Record<string, string>> = {};
  const top = y.doc.contents;
  // An empty file changes nothing.
  if (top === null || (isScalar(top) && top.value === null)) return { file: y.file, engine, kinds: byKind };
  if (!isMap(top)) {
    errors.add(y.placeOf(top), 'a strings file is a mapping of string ids to text', 'write e.g. "sourcesTitle: Sources" on a line of its own');
    return { file: y.file, engine, kinds: byKind };
  }
  const kindNames = kinds.names();
  for (const pair of top.items) {
    const key = keyOf(pair);
    if (Object.hasOwn(ENGINE_STRINGS, key)) {
      const text = readText(y, pair, key, ENGINE_STRINGS[key as keyof typeof ENGINE_STRINGS], errors);
      if (text !== undefined) engine[key] = text;
      continue;
    }
    const kind = kinds.get(key);
    if (kind) {
      byKind[key] = readKindStrings(y, pair, key, kind.strings as StringTable, errors);
      continue;
    }
    if (isMap(pair.value)) {
      errors.add(y.placeOf(pair.key), `no document kind "${key}"`, kinds.hintFor(key));
      continue;
    }
    // A kind's id written at the top: say where it belongs.
    const owner = kindNames.find((k) => Object.hasOwn(kinds.get(k)!.strings as StringTable, key));
    const guess = didYouMean(key, [...Object.keys(ENGINE_STRINGS), ...kindNames]);
    errors.add(y.placeOf(pair.key), `unknown string "${key}"`,
      owner ? `"${key}" is the ${owner}'s: put it under "${owner}:"` : guess ? `did you mean "${guess}"?` : `the ids are ${Object.keys(ENGINE_STRINGS).join(', ')}, and a kind's under its name (${kindNames.join(', ')})`);
  }
  return { file: y.file, engine, kinds: byKind };
}

function readKindStrings(y: YamlFile, pair: Pair, kind: string, english: StringTable, errors: ErrorList): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(pair.value)) {
    errors.add(y.placeOf(pair.value ?? pair.key), `"${kind}" holds the ${kind}'s strings`, `indent them under it, e.g. "${kind}:" then "  ${Object.keys(english)[0]}: …"`);
    return out;
  }
  const ids = Object.keys(english);
  for (const p of pair.value.items) {
    const key = keyOf(p);
    if (!Object.hasOwn(english, key)) {
      const guess = didYouMean(key, ids);
      const engine = Object.hasOwn(ENGINE_STRINGS, key);
      errors.add(y.placeOf(p.key), `unknown string "${key}" of the ${kind}`,
        engine ? `"${key}" is every document's: put it at the top, not under "${kind}:"` : guess ? `did you mean "${guess}"?` : `the ${kind}'s ids are ${ids.join(', ')}`);
      continue;
    }
    const text = readText(y, p, `${kind}.${key}`, english[key], errors);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/** The pair's text, if it is text with exactly the slots of the English. */
function readText(y: YamlFile, pair: Pair, id: string, english: string, errors: ErrorList): string | undefined {
  const v = pair.value;
  const place = y.placeOf(v ?? pair.key);
  if (!isScalar(v) || typeof v.value !== 'string') {
    errors.add(place, `${id} must be text`, `write it in quotes if it looks like a number or is empty; the English is "${english}"`);
    return undefined;
  }
  const text = v.value;
  const control = controlCharacterProblem(text, id);
  if (control) {
    errors.add(place, control.problem, control.hint);
    return undefined;
  }
  if (!text.trim()) {
    errors.add(place, `${id} is empty`, 'remove the line to keep the built-in text');
    return undefined;
  }
  const want = slotsOf(english);
  const have = slotsOf(text);
  const missing = want.filter((s) => !have.includes(s));
  const unknown = have.filter((s) => !want.includes(s));
  // A misspelt slot is one mistake, reported once: as the slot it was meant to be.
  const explained = new Set<string>();
  for (const s of unknown) {
    // A translated slot name ({nombre} for {number}) is the likeliest: one unknown for one missing.
    const guess = didYouMean(s, missing) ?? (unknown.length === 1 && missing.length === 1 ? missing[0] : undefined);
    if (guess) explained.add(guess);
    errors.add(place, `${id} has an unknown slot {${s}}`, guess ? `write {${guess}}: slot names stay as in the English "${english}"`
      : want.length ? `its slots are ${want.map((w) => `{${w}}`).join(', ')}` : 'it has no slots; write the text without braces');
  }
  const unexplained = missing.filter((s) => !explained.has(s));
  if (unexplained.length) errors.add(place, `${id} lacks the slot${unexplained.length > 1 ? 's' : ''} ${unexplained.map((s) => `{${s}}`).join(', ')}`, `put ${unexplained.length > 1 ? 'them' : 'it'} where the value goes, as in the English "${english}"`);
  return missing.length || unknown.length ? undefined : text;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
