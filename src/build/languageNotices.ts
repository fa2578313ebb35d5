// What a build says about a document's language, once per language however many documents
// share it: fixed text it has no strings for (that text prints in English), and justified text
// it cannot hyphenate.
import type { AnyDocumentKind } from '../documents/documentKind.js';
import { lacksHyphenation } from '../layout/hyphenate.js';
import { STRINGS_DIR } from '../load/loadStrings.js';
import { untranslated, type StringOverrides } from '../strings/documentStrings.js';
import { languageOf } from '../strings/stringTable.js';

/** How many untranslated ids a warning names before "and N more". */
const LISTED = 6;

export class LanguageNotices {
  private readonly said = new Set<string>();

  /** Warnings for a document whose kind's or the engine's strings lack its language. */
  strings(file: string, language: string, kind: AnyDocumentKind, overrides: StringOverrides): string[] {
    const lang = languageOf(language);
    const { ids, total } = untranslated(kind, language, overrides);
    if (!ids.length) return [];
    const fix = `${STRINGS_DIR}/${lang}.yaml`;
    if (ids.length === total) return this.once(`strings ${lang}`, `${file}: no strings for language "${lang}"; fixed text is in English — add ${fix}`);
    const named = ids.slice(0, LISTED).join(', ') + (ids.length > LISTED ? ` and ${ids.length - LISTED} more` : '');
    // Another kind in the same language may lack other ids: said once per set.
    return this.once(`strings ${lang} ${ids.join()}`, `${overrides.get(lang)?.file ?? file}: no "${lang}" text for ${named}; ${ids.length > 1 ? 'they print' : 'it prints'} in English — add ${ids.length > 1 ? 'them' : 'it'} to ${fix}`);
  }

  /** A warning when justified lines were set in a language the build cannot hyphenate. */
  hyphenation(file: string, language: string, justifiedLines: number): string[] {
    if (!justifiedLines || !lacksHyphenation(language)) return [];
    const lang = languageOf(language);
    return this.once(`hyphenation ${lang}`, `${file}: no hyphenation patterns for language "${lang}"; justified lines are set without hyphens and may space out — a soft hyphen (&shy;) in a long word lets it break`);
  }

  private once(key: string, message: string): string[] {
    if (this.said.has(key)) return [];
    this.said.add(key);
    return [message];
  }
}
