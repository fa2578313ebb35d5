import { describe, expect, it } from 'vitest';
import {
  hyphenate, hyphenationLanguage, LEFT_HYPHEN_MIN, looksLikeUrl, MIN_WORD_LENGTH, RIGHT_HYPHEN_MIN,
} from '../../../src/layout/hyphenate.js';

const show = (word: string, lang = 'en') => {
  let s = word;
  for (const p of [...hyphenate(word, lang)].reverse()) s = s.slice(0, p) + '-' + s.slice(p);
  return s;
};

describe('hyphenate', () => {
  it('uses the TeX patterns', () => {
    expect(show('hyphenation')).toBe('hy-phen-ation');
    expect(show('typesetting')).toBe('type-set-ting');
  });

  it('hyphenates capitalised words like any other (the breaker penalises those breaks more)', () => {
    expect(show('Hyphenation')).toBe('Hy-phen-ation');
  });

  it('picks US or British patterns by language tag', () => {
    expect(hyphenationLanguage('en')).toBe('en-us');
    expect(hyphenationLanguage('en-US')).toBe('en-us');
    expect(hyphenationLanguage('en-GB')).toBe('en-gb');
    expect(hyphenationLanguage('km')).toBeNull();
    expect(hyphenationLanguage(null)).toBeNull();
    expect(hyphenate('organisation', 'en-GB').length).toBeGreaterThan(0);
    expect(hyphenate('hyphenation', 'km')).toEqual([]);
    expect(hyphenate('hyphenation', null)).toEqual([]);
  });

  it('never hyphenates words shorter than five letters', () => {
    for (const w of ['a', 'an', 'the', 'able', 'into', 'over', 'upon', 'were']) expect(hyphenate(w, 'en')).toEqual([]);
    expect(MIN_WORD_LENGTH).toBe(5);
  });

  it(`leaves ${LEFT_HYPHEN_MIN} letters before and ${RIGHT_HYPHEN_MIN} after every hyphen`, () => {
    const words = ['table', 'about', 'every', 'national', 'beautiful', 'astonished', 'characteristically',
      'unbelievable', 'representation', 'electricity', 'organisation', 'ideas', 'apology', 'really'];
    for (const lang of ['en', 'en-GB']) {
      for (const w of words) {
        for (const p of hyphenate(w, lang)) {
          expect(p).toBeGreaterThanOrEqual(2);
          expect(w.length - p).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('counts the margins in letters, ignoring punctuation around the word', () => {
    const ps = hyphenate('(beautiful),', 'en');
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(p).toBeGreaterThanOrEqual(1 + 2);
      expect('(beautiful),'.length - 2 - p).toBeGreaterThanOrEqual(3);
    }
    expect(show('(beautiful),')).toBe('(beau-ti-ful),');
  });

  it('skips digits, URLs, e-mail addresses and file names', () => {
    for (const w of ['covid19', 'A4paper', 'https://example.com/documentation', 'www.example.com', 'someone@example.org',
      'mailto:someone', 'configuration.yaml', '(https://example.com/information).']) {
      expect(hyphenate(w, 'en')).toEqual([]);
    }
    expect(looksLikeUrl('https://example.com')).toBe(true);
    expect(looksLikeUrl('Definition:')).toBe(false);
    expect(looksLikeUrl('e.g.,')).toBe(false);
  });

  it('skips acronyms and words with internal capitals', () => {
    for (const w of ['UNESCO', 'NATIONAL', 'JavaScript', 'iPhone', 'McDonald', 'PowerPoint']) expect(hyphenate(w, 'en')).toEqual([]);
  });

  it('hyphenates the parts of a compound separately', () => {
    expect(show('self-explanatory')).toMatch(/^self-ex-?plan/);
    expect(show("children's")).toBe("chil-dren's");
  });

  it('leaves words with soft hyphens to the author', () => {
    expect(hyphenate('infor\u00admation', 'en')).toEqual([]);
  });

  it('caches: the same array comes back', () => {
    const a = hyphenate('information', 'en');
    expect(hyphenate('information', 'en')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
