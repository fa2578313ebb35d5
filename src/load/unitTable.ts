// The units a figure may have, and how each is written after a number. Load checks a data
// file's `unit` against this table (unknown units are errors with a "did you mean"); resolve
// formats bound figures with it (src/resolve/formatFigure.ts). Data only: no formatting here.

/** The singular and plural word of a unit written out in one language, chosen by Intl.PluralRules. */
export interface PluralWords {
  one: string;
  other: string;
}

export type UnitStyle =
  /** The bare number: the prose names what is counted ("4.5 million people"). */
  | { kind: 'number' }
  /** A calendar year: digits without separators (1953, not 1,953). */
  | { kind: 'calendarYear' }
  /** Not a number: the value is printed as written. */
  | { kind: 'text' }
  /** Intl's percent unit, so spacing follows the language (1.65% in English, 1,65 % in French). */
  | { kind: 'percent' }
  /** An ISO 4217 currency, placed and spaced by Intl for the language ($99, 99 $). */
  | { kind: 'currency'; code: string }
  /**
   * An international symbol after the number. SI and ISO 80000 separate number and symbol by a
   * space in every language; it is a no-break space so the two never end up on different lines.
   */
  | { kind: 'symbol'; symbol: string }
  /** A unit Intl can spell out with the language's own plural forms ("5 years", "5 ans"). */
  | { kind: 'intlLong'; unit: string }
  /**
   * A unit written as a word with plural forms per language (tonne/tonnes), after an ordinary
   * space. A language without words in the table gets `fallback`, a symbol, after a no-break
   * space unless `tight`.
   */
  | { kind: 'words'; words: Record<string, PluralWords>; fallback: string; tight?: boolean };

export interface UnitDef {
  /** How data files name the unit. */
  id: string;
  /** Other spellings accepted for it. */
  aliases: readonly string[];
  style: UnitStyle;
  /** Whether values of a million and more are written with the language's scale words (4.5 million). */
  scale: boolean;
}

const symbol = (id: string, aliases: string[], scale = false): UnitDef => ({ id, aliases, style: { kind: 'symbol', symbol: id }, scale });

/** Every unit but the currencies, which are any ISO 4217 code Intl knows (USD, EUR, KHR …). */
export const UNITS: readonly UnitDef[] = [
  { id: 'people', aliases: ['persons'], style: { kind: 'number' }, scale: true },
  { id: 'count', aliases: ['number'], style: { kind: 'number' }, scale: true },
  { id: 'percent', aliases: ['%', 'pct'], style: { kind: 'percent' }, scale: false },
  symbol('ppm', ['parts per million']),
  symbol('°C', ['celsius', 'degC', 'deg C']),
  symbol('°F', ['fahrenheit', 'degF', 'deg F']),
  symbol('mm', ['millimetre', 'millimetres', 'millimeter', 'millimeters']),
  symbol('cm', ['centimetre', 'centimetres', 'centimeter', 'centimeters']),
  symbol('m', ['metre', 'metres', 'meter', 'meters']),
  symbol('km', ['kilometre', 'kilometres', 'kilometer', 'kilometers']),
  symbol('km²', ['km2', 'sq km', 'square kilometres', 'square kilometers'], true),
  symbol('ha', ['hectare', 'hectares'], true),
  symbol('kg', ['kilogram', 'kilograms']),
  {
    id: 'tonnes', aliases: ['tonne', 't', 'metric tons'], scale: true,
    style: {
      kind: 'words', fallback: 't', words: {
        'en': { one: 'tonne', other: 'tonnes' },
        'en-US': { one: 'metric ton', other: 'metric tons' },
        'fr': { one: 'tonne', other: 'tonnes' },
        'de': { one: 'Tonne', other: 'Tonnen' },
        'es': { one: 'tonelada', other: 'toneladas' },
      },
    },
  },
  symbol('kWh', ['kilowatt hours', 'kilowatt-hours'], true),
  symbol('MWh', ['megawatt hours', 'megawatt-hours'], true),
  symbol('GWh', ['gigawatt hours', 'gigawatt-hours'], true),
  { id: 'year', aliases: [], style: { kind: 'calendarYear' }, scale: false },
  { id: 'years', aliases: ['duration in years'], style: { kind: 'intlLong', unit: 'year' }, scale: false },
  {
    id: 'multiple', aliases: ['times'], scale: false,
    style: {
      kind: 'words', fallback: '×', tight: true, words: {
        'en': { one: 'time', other: 'times' },
        'fr': { one: 'fois', other: 'fois' },
        'es': { one: 'vez', other: 'veces' },
      },
    },
  },
  { id: 'text', aliases: [], style: { kind: 'text' }, scale: false },
];

const byName = new Map<string, UnitDef>();
for (const u of UNITS) for (const n of [u.id, ...u.aliases]) byName.set(n, u);

let currencyCodes: Set<string> | undefined;
function isCurrency(code: string): boolean {
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && currencyCodes.has(code);
}

const currencyUnits = new Map<string, UnitDef>();

/** The unit a data file names, or undefined when there is none of that name. */
export function findUnit(name: string): UnitDef | undefined {
  const u = byName.get(name);
  if (u) return u;
  if (!isCurrency(name)) return undefined;
  let c = currencyUnits.get(name);
  if (!c) currencyUnits.set(name, (c = { id: name, aliases: [], style: { kind: 'currency', code: name }, scale: true }));
  return c;
}

/** Every name a data file may use (ids and aliases), for "did you mean" and the error's list. */
export function unitNames(): string[] {
  return [...byName.keys()];
}

/** The canonical ids, for messages that list the units. */
export function unitIds(): string[] {
  return UNITS.map((u) => u.id);
}

/** A close unit name for a misspelt one: a currency code in the wrong case, or an id by edit distance. */
export function currencyGuess(name: string): string | undefined {
  const upper = name.toUpperCase();
  return upper !== name && isCurrency(upper) ? upper : undefined;
}
