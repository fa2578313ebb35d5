// Where a word may take a hyphen: Liang's patterns (the TeX ones, from the `hyphen` package)
// plus the conventions TeX and good house styles add on top. The package's pattern data is
// used directly, through liang.ts: its own driver reads text character by character through
// closures and a Date per call, which cost ~30 ms of a cold build for a few hundred words.
import { createRequire } from 'node:module';
import { liangMarkers, type LiangPatterns } from './liang.js';

export type HyphenLang = 'en-us' | 'en-gb' | 'fr' | 'es';

/**
 * TeX's \lefthyphenmin and \righthyphenmin for English, kept for French and Spanish too: babel
 * uses 2 and 3 for French; Spanish allows 2 after, and 3 only spares a few short breaks.
 */
export const LEFT_HYPHEN_MIN = 2;
export const RIGHT_HYPHEN_MIN = 3;
/** Shorter words are never hyphenated: a two-and-three split saves too little to be worth a hyphen. */
export const MIN_WORD_LENGTH = 5;

/** Pattern set for a BCP-47 tag, or null when we have none (the word is then never hyphenated). */
export function hyphenationLanguage(lang: string | null | undefined): HyphenLang | null {
  if (!lang) return null;
  // Asked once per word: the few tags a document uses are looked up once.
  let known = languageOf.get(lang);
  if (known === undefined) {
    known = patternLanguage(lang);
    if (languageOf.size > 1_000) languageOf.clear();
    languageOf.set(lang, known);
  }
  return known;
}

const languageOf = new Map<string, HyphenLang | null>();

function patternLanguage(lang: string): HyphenLang | null {
  const l = lang.toLowerCase();
  if (l === 'fr' || l.startsWith('fr-')) return 'fr';
  if (l === 'es' || l.startsWith('es-')) return 'es';
  if (l !== 'en' && !l.startsWith('en-')) return null;
  // Commonwealth varieties follow British spelling, which the en-gb patterns were made for.
  return /^en-(gb|uk|au|nz|ie|za|in)\b/.test(l) ? 'en-gb' : 'en-us';
}

/**
 * Languages whose writing has no hyphenation to do: Vietnamese words are single syllables
 * between spaces, and Khmer, Thai, Lao, Burmese, Chinese, Japanese and Korean lines break
 * between words or characters without a hyphen. A document in one of them is not warned about.
 */
const NEVER_HYPHENATED = new Set(['vi', 'km', 'th', 'lo', 'my', 'zh', 'ja', 'ko']);

/** True when justified text in `lang` would want hyphenation patterns this build does not have. */
export function lacksHyphenation(lang: string): boolean {
  return hyphenationLanguage(lang) === null && !NEVER_HYPHENATED.has(lang.toLowerCase().split(/[-_]/)[0]);
}

// Pattern sets are read when a document first needs them: each is a large literal (the Spanish
// one ~130 kB) whose evaluation every cold build would otherwise pay for. The CLI bundle maps
// each literal require to its bundled copy; run from source as ESM, a require is made.
const esmRequire = typeof require === 'function' ? undefined : createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-require-imports -- literal paths, so the bundler includes them */
const LOADERS: Record<HyphenLang, () => LiangPatterns> = esmRequire
  ? {
    'en-us': () => esmRequire('hyphen/patterns/en-us.js'),
    'en-gb': () => esmRequire('hyphen/patterns/en-gb.js'),
    fr: () => esmRequire('hyphen/patterns/fr.js'),
    es: () => esmRequire('hyphen/patterns/es.js'),
  }
  : {
    'en-us': () => require('hyphen/patterns/en-us.js'),
    'en-gb': () => require('hyphen/patterns/en-gb.js'),
    fr: () => require('hyphen/patterns/fr.js'),
    es: () => require('hyphen/patterns/es.js'),
  };
/* eslint-enable @typescript-eslint/no-require-imports */
const loaded = new Map<HyphenLang, LiangPatterns>();

function patterns(lang: HyphenLang): LiangPatterns {
  let p = loaded.get(lang);
  if (!p) loaded.set(lang, (p = LOADERS[lang]()));
  return p;
}

const SOFT_HYPHEN = '\u00ad';
/** Break positions by pattern set, then word. */
const cache = new Map<HyphenLang, Map<string, readonly number[]>>();
let cached = 0;
const NONE: readonly number[] = Object.freeze([]);

// Tokens that are addresses, not words: a hyphen inserted into them changes what they say.
const URL_LIKE =
  /(?:^|[^\p{L}\p{N}])(?:[a-z][a-z0-9+.-]*:\/\/|www\.|(?:mailto|tel|urn|doi):)|[\p{L}\p{N}]@[\p{L}\p{N}]|[\p{L}\p{N}]\.[\p{L}]{2,}/iu;
/** Looks like a URL, an e-mail address or a file name: never hyphenated, split only at delimiters. */
export function looksLikeUrl(token: string): boolean {
  return URL_LIKE.test(token);
}

const LETTERS = /[\p{L}\p{M}]+/gu;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}]+$/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * Offsets (UTF-16, into `word`) where a hyphen may be inserted: a break at p puts
 * word.slice(0, p) + '-' on one line. `word` is one whitespace-free token and may carry
 * punctuation; each run of letters in it is considered on its own.
 */
export function hyphenate(word: string, lang: string | null | undefined): readonly number[] {
  const hl = hyphenationLanguage(lang);
  if (!hl || word.length < MIN_WORD_LENGTH) return NONE;
  let known = cache.get(hl);
  if (!known) cache.set(hl, (known = new Map()));
  const hit = known.get(word);
  if (hit) return hit;
  const result = compute(word, hl);
  if (++cached > 50_000) {
    for (const m of cache.values()) m.clear();
    cached = 0;
  }
  known.set(word, result);
  return result;
}

function compute(word: string, lang: HyphenLang): readonly number[] {
  if (/\p{N}/u.test(word) || URL_LIKE.test(word) || word.includes(SOFT_HYPHEN)) return NONE;
  const out: number[] = [];
  for (const m of word.matchAll(LETTERS)) {
    const seg = m[0];
    const base = m.index!;
    const chars = Array.from(seg);
    if (chars.length < MIN_WORD_LENGTH || !LATIN_WORD.test(seg)) continue;
    // Acronyms (NASA) and internal capitals (JavaScript, iPhone, McDonald) are names whose
    // syllables the patterns don't know.
    if (!LOWER.test(seg) || UPPER.test(seg.slice(chars[0].length))) continue;
    // Markers are UTF-16 offsets into seg; the minima count letters (code points).
    for (const at of liangMarkers(seg, patterns(lang))) {
      const letters = Array.from(seg.slice(0, at)).length;
      if (letters >= LEFT_HYPHEN_MIN && chars.length - letters >= RIGHT_HYPHEN_MIN) out.push(base + at);
    }
  }
  return out.length ? Object.freeze(out) : NONE;
}
