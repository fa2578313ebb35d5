// Fixed text (what the documents print that no author wrote: "Contents", "Figure 3",
// "Source: …") is kept in tables of strings by id, one per language. A string may have
// `{name}` slots that are filled in when it is printed ("Figure {number}").

/** Fixed text by id. */
export type StringTable = Readonly<Record<string, string>>;

/**
 * A table in other languages, by language subtag ("fr", "vi", "km"). Each translation gives
 * every string: English, the table itself, is only the fallback for a language with none.
 */
export type Translations<S extends StringTable> = Readonly<Record<string, S>>;

/**
 * The language subtag of a BCP 47 tag, lower case: "vi-VN" → "vi", "zh-Hant-TW" → "zh". Tables
 * are chosen by it: regional variants share one table.
 */
export function languageOf(tag: string): string {
  try {
    return new Intl.Locale(tag).language.toLowerCase();
  } catch {
    // Tags are checked when the front matter is read; anything else reads as its first part.
    return tag.split(/[-_]/)[0].toLowerCase();
  }
}

/** The slot names of a string, in order of first use: "{title}, page {page}" → title, page. */
export function slotsOf(s: string): string[] {
  return [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}
