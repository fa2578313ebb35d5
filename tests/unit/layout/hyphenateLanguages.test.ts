// Hyphenation follows the document's language: French and Spanish words break where those
// languages' TeX patterns say (the `hyphen` package's own drivers are the reference), and a
// language without patterns is told apart from one that is never hyphenated.
import { describe, expect, it } from 'vitest';
import esDriver from 'hyphen/es/index.js';
import frDriver from 'hyphen/fr/index.js';
import { hyphenate, hyphenationLanguage, lacksHyphenation, LEFT_HYPHEN_MIN, RIGHT_HYPHEN_MIN } from '../../../src/layout/hyphenate.js';

const show = (word: string, lang: string) => {
  let s = word;
  for (const p of [...hyphenate(word, lang)].reverse()) s = s.slice(0, p) + '-' + s.slice(p);
  return s;
};

/** The package driver's breaks, within our minima. */
function reference(driver: typeof frDriver, word: string): number[] {
  const marked = driver.hyphenateSync(word, { hyphenChar: '\u00ad', minWordLength: 5 });
  const out: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === '\u00ad') out.push(offset);
    else offset += ch.length;
  }
  return out.filter((p) => p >= LEFT_HYPHEN_MIN && word.length - p >= RIGHT_HYPHEN_MIN);
}

const FRENCH = ['développement', 'exploitation', 'organisation', 'internationale', 'estimations', 'différentes', 'gouvernement', 'trafiquants',
  'prostitution', 'enfants', 'réinsertion', 'communautés', 'coordonnées', 'remplacez', 'œuvre', 'sensibilisation', 'définitions', 'année'];
const SPANISH = ['desarrollo', 'organización', 'explotación', 'estimaciones', 'definiciones', 'gobierno', 'traficantes', 'comunidades',
  'reintegración', 'niños', 'sustitúyalos', 'contacto', 'tendencia', 'distintos'];

describe('hyphenation by language', () => {
  it('picks French and Spanish patterns by language tag', () => {
    expect(hyphenationLanguage('fr-FR')).toBe('fr');
    expect(hyphenationLanguage('fr')).toBe('fr');
    expect(hyphenationLanguage('es-MX')).toBe('es');
    expect(hyphenationLanguage('vi-VN')).toBeNull();
  });

  it('breaks a French word at French points, not English ones', () => {
    expect(show('développement', 'fr-FR')).toBe('dé-ve-lop-pe-ment');
    expect(show('développement', 'en-GB')).not.toBe('dé-ve-lop-pe-ment');
    expect(show('exploitation', 'fr-FR')).toBe('ex-ploi-ta-tion');
    expect(show('exploitation', 'en-US')).toBe('ex-ploita-tion');
    // After an elided article: the word after the apostrophe is hyphenated on its own.
    expect(show('l’organisation', 'fr')).toBe('l’or-ga-ni-sa-tion');
  });

  it('breaks a Spanish word at Spanish points', () => {
    expect(show('desarrollo', 'es-ES')).toBe('de-sa-rro-llo');
    expect(show('desarrollo', 'en-US')).not.toBe('de-sa-rro-llo');
    expect(show('explotación', 'es')).toBe('ex-plo-ta-ción');
  });

  it("agrees with the hyphen package's own French and Spanish drivers", () => {
    for (const w of FRENCH) expect([...hyphenate(w, 'fr')], w).toEqual(reference(frDriver, w));
    for (const w of SPANISH) expect([...hyphenate(w, 'es')], w).toEqual(reference(esDriver, w));
  });

  it('is missed only for languages that hyphenate (Vietnamese and Khmer never do)', () => {
    expect(lacksHyphenation('de-DE')).toBe(true);
    expect(lacksHyphenation('pt-BR')).toBe(true);
    for (const l of ['vi-VN', 'vi', 'km-KH', 'km', 'th', 'zh-Hans', 'fr-FR', 'es', 'en-GB', 'en']) expect(lacksHyphenation(l), l).toBe(false);
  });
});
