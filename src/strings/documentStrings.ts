// The fixed text of one document: its `language` front matter picks the tables by language
// subtag (vi-VN → vi), the project's content/strings/vi.yaml changes any string in them, and
// English fills whatever neither gives.
import type { AnyDocumentKind } from '../documents/documentKind.js';
import type { StringOverride } from '../load/sourceTypes.js';
import { ENGINE_STRINGS, ENGINE_TRANSLATIONS, type EngineStrings } from './engineStrings.js';
import { languageOf, type StringTable, type Translations } from './stringTable.js';

export type StringOverrides = ReadonlyMap<string, StringOverride>;

function translation<S extends StringTable>(table: Translations<S> | undefined, lang: string): S | undefined {
  return table && Object.hasOwn(table, lang) ? table[lang] : undefined;
}

/** The engine's strings ("Figure {number}", "Source: {source}" …) for a document in `language`. */
export function engineStringsFor(language: string, overrides: StringOverrides): EngineStrings {
  const lang = languageOf(language);
  return { ...ENGINE_STRINGS, ...translation(ENGINE_TRANSLATIONS, lang), ...overrides.get(lang)?.engine };
}

/** A kind's strings ("Contents", "Please turn over" …) for a document in `language`. */
export function kindStringsFor(kind: AnyDocumentKind, language: string, overrides: StringOverrides): StringTable {
  const lang = languageOf(language);
  return { ...(kind.strings as StringTable), ...translation(kind.translations as Translations<StringTable> | undefined, lang), ...overrides.get(lang)?.kinds[kind.name] };
}

/**
 * The ids (a kind's as "brief.contents") a document in `language` prints in English for want
 * of a translation, and how many strings it has in all. None for English itself.
 */
export function untranslated(kind: AnyDocumentKind, language: string, overrides: StringOverrides): { ids: string[]; total: number } {
  const lang = languageOf(language);
  const kindStrings = kind.strings as StringTable;
  const total = Object.keys(ENGINE_STRINGS).length + Object.keys(kindStrings).length;
  if (lang === 'en') return { ids: [], total };
  const override = overrides.get(lang);
  const engine: StringTable | undefined = translation(ENGINE_TRANSLATIONS, lang);
  const own = translation(kind.translations as Translations<StringTable> | undefined, lang);
  const ids = [
    ...Object.keys(ENGINE_STRINGS).filter((id) => !engine?.[id] && !override?.engine[id]),
    ...Object.keys(kindStrings).filter((id) => !own?.[id] && !override?.kinds[kind.name]?.[id]).map((id) => `${kind.name}.${id}`),
  ];
  return { ids, total };
}
