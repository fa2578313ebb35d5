// Entries of the sources list: the sidecar's period, address and licence after the source,
// with the licence's label in the document's language (it used to be English in every language).
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/load/sourceTypes.js';
import { figureSourceEntry, sourceEntry } from '../../../src/resolve/tableSources.js';
import { engineStringsFor } from '../../../src/strings/documentStrings.js';

const strings = (lang: string) => engineStringsFor(lang, new Map());
const figure = (extra: Partial<Figure>): Figure => ({ key: 't.x', label: 'X', value: 1, unit: 'people', year: '2016', period: { kind: 'year', year: 2016 }, source: 'NOAA', row: {}, place: { file: 'content/data/t.csv', line: 2 }, ...extra });

describe('sourceEntry', () => {
  it('keeps the English entry as it was', () => {
    const extra = { url: 'https://example.org/d', licence: 'CC0', period: { kind: 'range', from: 2012, to: 2015 } } as const;
    expect(sourceEntry('NOAA', extra, 'en-GB', strings('en-GB'))).toBe('NOAA, 2012–2015. https://example.org/d. Licence: CC0.');
    expect(sourceEntry('NOAA.', undefined, 'en-GB', strings('en'))).toBe('NOAA.');
  });

  it('labels the licence in the document language', () => {
    const extra = { licence: 'U.S. Government Dataset' };
    expect(sourceEntry('NOAA', extra, 'fr-FR', strings('fr-FR'))).toBe('NOAA. Licence\u00a0: U.S. Government Dataset.');
    expect(sourceEntry('NOAA', extra, 'es', strings('es'))).toBe('NOAA. Licencia: U.S. Government Dataset.');
    expect(sourceEntry('NOAA', extra, 'vi-VN', strings('vi-VN'))).toBe('NOAA. Giấy phép: U.S. Government Dataset.');
    expect(sourceEntry('NOAA', extra, 'km', strings('km'))).toContain('អាជ្ញាប័ណ្ណ៖ U.S. Government Dataset');
    for (const lang of ['fr', 'es', 'vi', 'km']) expect(sourceEntry('NOAA', extra, lang, strings(lang))).not.toContain('Licence:');
  });

  it("takes a project's own wording from its strings file", () => {
    const o = new Map([['fr', { file: 'content/strings/fr.yaml', engine: { sourceLicence: 'Sous licence {licence}' }, kinds: {} }]]);
    expect(sourceEntry('NOAA', { licence: 'CC0' }, 'fr', engineStringsFor('fr', o))).toBe('NOAA. Sous licence CC0.');
  });
});

describe('figureSourceEntry', () => {
  it('gives a figure with a licence the labelled entry, and one without its source alone', () => {
    expect(figureSourceEntry(figure({ licence: 'CC-BY 4.0' }), 'es', strings('es'))).toBe('NOAA. Licencia: CC-BY 4.0.');
    expect(figureSourceEntry(figure({}), 'es', strings('es'))).toBe('NOAA');
  });
});
