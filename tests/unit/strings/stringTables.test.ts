// The built-in fixed text in every language we ship: whole, with the slots the code fills,
// printable in the fonts that set it, and chosen by a document's language with English fallback.
import { describe, expect, it } from 'vitest';
import { BRIEF_STRINGS, BRIEF_TRANSLATIONS } from '../../../src/documents/brief/briefStrings.js';
import { briefKind } from '../../../src/documents/brief/briefKind.js';
import { HANDOUT_STRINGS, HANDOUT_TRANSLATIONS } from '../../../src/documents/handout/handoutStrings.js';
import { missingGlyphs, type FontKey } from '../../../src/fonts/fontRegistry.js';
import type { StringOverride } from '../../../src/load/sourceTypes.js';
import { splitScripts } from '../../../src/resolve/splitScripts.js';
import { engineStringsFor, kindStringsFor, untranslated } from '../../../src/strings/documentStrings.js';
import { ENGINE_STRINGS, ENGINE_TRANSLATIONS } from '../../../src/strings/engineStrings.js';
import { languageOf, slotsOf, type StringTable, type Translations } from '../../../src/strings/stringTable.js';

const TABLES: [string, StringTable, Translations<StringTable>][] = [
  ['engine', ENGINE_STRINGS, ENGINE_TRANSLATIONS],
  ['brief', BRIEF_STRINGS, BRIEF_TRANSLATIONS],
  ['handout', HANDOUT_STRINGS, HANDOUT_TRANSLATIONS],
];
const LANGUAGES = ['fr', 'es', 'vi', 'km'];
// Fixed text is set in the sans (labels, headings, captions) and the serif (the sources intro).
const LATIN_FONTS: FontKey[] = ['sans', 'sans-semibold', 'sans-bold', 'sans-italic', 'serif'];

const override = (o: Partial<StringOverride>): Map<string, StringOverride> => new Map([['fr', { file: 'content/strings/fr.yaml', engine: {}, kinds: {}, ...o }]]);

describe('built-in strings', () => {
  for (const [name, english, translations] of TABLES) {
    it(`${name}: every language has every string, with the English slots`, () => {
      expect(Object.keys(translations).sort()).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) {
        const t = translations[lang];
        expect(Object.keys(t).sort(), `${name} ${lang}`).toEqual(Object.keys(english).sort());
        for (const id of Object.keys(english)) {
          expect(slotsOf(t[id]).sort(), `${name}.${id} in ${lang}: "${t[id]}"`).toEqual(slotsOf(english[id]).sort());
          expect(t[id].trim(), `${name}.${id} in ${lang}`).not.toBe('');
        }
      }
    });

    it(`${name}: every string prints in the fonts that set it (no empty boxes)`, () => {
      for (const lang of LANGUAGES) {
        for (const [id, text] of Object.entries(translations[lang])) {
          for (const part of splitScripts({ kind: 'text', text: text.replace(/\{\w+\}/g, ''), marks: {} })) {
            if (part.kind !== 'text') continue;
            const fonts: FontKey[] = part.lang === 'km' ? ['khmer', 'khmer-bold'] : LATIN_FONTS;
            for (const f of fonts) expect(missingGlyphs(f, part.text), `${name}.${id} in ${lang}, ${f}`).toEqual([]);
          }
        }
      }
    });
  }

  it('the Khmer strings are written in Khmer, not left in English', () => {
    for (const [name, , translations] of TABLES) {
      for (const [id, text] of Object.entries(translations.km)) {
        const words = text.replace(/\{\w+\}/g, '').replace(/\(example\.org\)|content\/config\.yaml|QR/g, '');
        if (!/\p{L}/u.test(words)) continue;
        expect(/[\u1780-\u17FF]/.test(words), `${name}.${id}: "${text}"`).toBe(true);
        expect(/[A-Za-z]/.test(words), `${name}.${id}: "${text}"`).toBe(false);
      }
    }
  });

  it('engine ids have a capital, so none can be a kind name (kind names are lower case)', () => {
    for (const id of Object.keys(ENGINE_STRINGS)) expect(id).toMatch(/[A-Z]/);
  });
});

describe('choosing strings', () => {
  it('takes the language subtag of the document language', () => {
    expect(languageOf('vi-VN')).toBe('vi');
    expect(languageOf('FR-ca')).toBe('fr');
    expect(languageOf('zh-Hant-TW')).toBe('zh');
    expect(languageOf('km')).toBe('km');
    expect(engineStringsFor('vi-VN', new Map()).sourcesTitle).toBe('Nguồn số liệu');
    expect(engineStringsFor('fr-CA', new Map()).sourcesTitle).toBe('Sources des chiffres');
    expect(kindStringsFor(briefKind, 'km-KH', new Map()).contents).toBe('មាតិកា');
    expect(kindStringsFor(briefKind, 'es-MX', new Map()).contents).toBe('Índice');
  });

  it('falls back to English for a language with no table', () => {
    expect(engineStringsFor('de-DE', new Map())).toEqual(ENGINE_STRINGS);
    expect(kindStringsFor(briefKind, 'de', new Map())).toEqual(BRIEF_STRINGS);
    expect(engineStringsFor('en-GB', new Map())).toEqual(ENGINE_STRINGS);
  });

  it("lays a project's strings over the built-in ones, string by string", () => {
    const o = override({ engine: { sourcesTitle: 'Sources' }, kinds: { brief: { contents: 'Table des matières' } } });
    const engine = engineStringsFor('fr-FR', o);
    expect(engine.sourcesTitle).toBe('Sources');
    expect(engine.figureLabel).toBe('Figure {number}');
    expect(engine.noteBackLink).toBe('Retour au texte de la note {number}');
    const brief = kindStringsFor(briefKind, 'fr-FR', o);
    expect(brief.contents).toBe('Table des matières');
    expect(brief.contactPhone).toBe('Téléphone');
    // Another language is not touched by fr.yaml.
    expect(engineStringsFor('es', o).sourcesTitle).toBe('Fuentes de las cifras');
  });

  it('lists what a language has no text for', () => {
    const total = Object.keys(ENGINE_STRINGS).length + Object.keys(BRIEF_STRINGS).length;
    expect(untranslated(briefKind, 'en-US', new Map())).toEqual({ ids: [], total });
    expect(untranslated(briefKind, 'vi-VN', new Map())).toEqual({ ids: [], total });
    expect(untranslated(briefKind, 'de', new Map()).ids).toHaveLength(total);
    const de = new Map([['de', { file: 'content/strings/de.yaml', engine: { ...ENGINE_STRINGS }, kinds: { brief: { contents: 'Inhalt' } } }]]);
    const left = untranslated(briefKind, 'de-AT', de).ids;
    expect(left).toEqual(Object.keys(BRIEF_STRINGS).filter((k) => k !== 'contents').map((k) => `brief.${k}`));
  });
});
