import { describe, expect, it, vi } from 'vitest';
import { breakParagraph } from '../../../src/layout/breakParagraph.js';
import { measureText, type FontKey } from '../../../src/fonts/fontRegistry.js';
import type { BreakOptions, InlineRun, Line } from '../../../src/layout/lineTypes.js';
import { RAGGED_ABOVE_RATIO } from '../../../src/layout/knuthPlass.js';
import type { TextStyle } from '../../../src/layout/textStyle.js';

// Counts the characters the breaker measures (see the 2,000-character word below); the
// measurements themselves are the real ones.
const measured = vi.hoisted(() => ({ chars: 0 }));
vi.mock('../../../src/fonts/fontRegistry.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../src/fonts/fontRegistry.js')>();
  return {
    ...orig,
    measureText: (font: FontKey, text: string, size: number) => {
      measured.chars += text.length;
      return orig.measureText(font, text, size);
    },
  };
});

const SIZE = 10.5;
const style = (font: FontKey, size = SIZE): TextStyle => ({ font, size, color: '#000000' });
const SERIF = style('serif');
const run = (text: string, s: TextStyle = SERIF, extra: Partial<InlineRun> = {}): InlineRun => ({ text, style: s, ...extra });

const LONG =
  'Typography is the art and technique of arranging type to make written language legible, readable and ' +
  'appealing when displayed. The arrangement of type involves selecting typefaces, point sizes, line lengths, ' +
  'line spacing, and letter spacing, and adjusting the space between pairs of letters. The term typography is ' +
  'also applied to the style, arrangement, and appearance of the letters, numbers, and symbols created by the ' +
  'process. Type design is a closely related craft, sometimes considered part of typography; most typographers ' +
  'do not design typefaces, and some type designers do not consider themselves typographers. Typography also ' +
  'may be used as an ornamental and decorative device, unrelated to the communication of information. ' +
  'Typography is the work of typesetters, compositors, typographers, graphic designers, art directors, manga ' +
  'artists, comic book artists, and, now, anyone who arranges words, letters, numbers, and symbols for ' +
  'publication, display, or distribution, from clerical workers and newsletter writers to anyone self-publishing materials.';

const KHMER = 'ព្រះរាជាណាចក្រកម្ពុជាជាប្រទេសមួយនៅអាស៊ីអាគ្នេយ៍';
const KHMER_PHRASES = 'ដែលមានព្រំដែនជាប់ប្រទេសថៃ ឡាវ និងវៀតណាម ។ រាជធានីរបស់ប្រទេសនេះគឺភ្នំពេញ ។ ' +
  'ប្រជាជនភាគច្រើនជាជនជាតិខ្មែរ ហើយកាន់សាសនាព្រះពុទ្ធ ។ អង្គការរបស់យើងធ្វើការដើម្បីការពារកុមារពីការជួញដូរមនុស្ស ' +
  'និងការកេងប្រវ័ញ្ចផ្លូវភេទ ។ យើងធ្វើការជាមួយគ្រួសារ សហគមន៍ និងអាជ្ញាធរ ដើម្បីឲ្យកុមារគ្រប់រូបមានសុវត្ថិភាព ។';

const opts = (measure: BreakOptions['measure'], align: BreakOptions['align'] = 'justify', extra: Partial<BreakOptions> = {}): BreakOptions =>
  ({ measure, align, hyphenateLang: 'en', ...extra });

const widthAt = (o: BreakOptions, i: number) => (typeof o.measure === 'function' ? o.measure(i) : o.measure);
const lineText = (l: Line) => l.fragments.filter((f) => !f.isHyphen).map((f) => f.text).join('');

/**
 * The lines, read in order, must spell the input: every character in place, whitespace
 * normalised, and a space dropped only where a line ends.
 */
function expectRejoins(lines: Line[], input: string): void {
  const expected = input.replace(/\s+/g, ' ').trim();
  let pos = 0;
  lines.forEach((l, i) => {
    const t = lineText(l);
    expect(t, `line ${i}`).toBe(expected.slice(pos, pos + t.length));
    pos += t.length;
    if (i < lines.length - 1 && expected[pos] === ' ') pos++;
  });
  expect(pos).toBe(expected.length);
}

/** Geometry every paragraph must satisfy. */
function expectWellFormed(lines: Line[], o: BreakOptions): void {
  expect(lines.length).toBeGreaterThan(0);
  lines.forEach((l, i) => {
    const measure = widthAt(o, i);
    expect(l.measure).toBe(measure);
    expect(l.overfull).toBeUndefined();
    expect(l.width).toBeLessThanOrEqual(measure + 0.01);
    expect(l.last).toBe(i === lines.length - 1);
    const frags = l.fragments;
    expect(frags.length).toBeGreaterThan(0);
    // Fragments are in reading order and don't overlap; the line ends where its last
    // fragment does, without a dangling space.
    for (let k = 1; k < frags.length; k++) expect(frags[k].x).toBeGreaterThanOrEqual(frags[k - 1].x + frags[k - 1].width - 0.01);
    const lastFrag = frags[frags.length - 1];
    expect(lastFrag.text.endsWith(' ')).toBe(false);
    expect(frags[0].x).toBeGreaterThanOrEqual(-0.01);
    expect(lastFrag.x + lastFrag.width).toBeLessThanOrEqual(measure + 0.01);
    expect(frags.some((f) => f.text.trim() === '')).toBe(false);
    expect(l.ascent).toBeGreaterThan(0);
    expect(l.descent).toBeGreaterThan(0);
    // A line with nothing to stretch (one word piece) cannot be justified; TeX would call it underfull.
    const stretchable = frags.filter((f) => !f.isHyphen).length > 1 || lineText(l).includes(' ');
    // Nor is a line of mostly Khmer words whose few spaces would have to stretch too far: it is
    // set ragged, at natural spacing.
    const raggedKhmer = /[\u1780-\u17FF]/.test(lineText(l)) && l.ratio === 0;
    if (o.align === 'justify' && !l.last && !l.forcedBreak && stretchable && !raggedKhmer) {
      expect(Math.abs(l.width - measure)).toBeLessThan(0.01);
      expect(lastFrag.x + lastFrag.width).toBeCloseTo(measure, 2);
    }
    if (l.hyphenated && lastFrag.isHyphen) expect(lastFrag.text).toBe('-');
  });
}

/** The word broken at the end of each hyphenated line, with the letters before and after. */
function hyphenatedWords(lines: Line[]): { before: string; after: string }[] {
  const out: { before: string; after: string }[] = [];
  lines.forEach((l, i) => {
    const f = l.fragments;
    if (!f.length || !f[f.length - 1].isHyphen) return;
    const before = lineText(l).split(' ').pop()!;
    const after = lineText(lines[i + 1]).split(' ')[0];
    out.push({ before, after });
  });
  return out;
}

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

describe('breakParagraph', () => {
  it('sets a long paragraph at several measures and alignments', () => {
    for (const measure of [160, 230, 330, 450]) {
      for (const align of ['justify', 'left', 'center', 'right'] as const) {
        const o = opts(measure, align);
        const lines = breakParagraph([run(LONG)], o);
        expectWellFormed(lines, o);
        expectRejoins(lines, LONG);
      }
    }
  });

  it('spreads justified lines by the adjustment ratio, one word per fragment', () => {
    const o = opts(300);
    const lines = breakParagraph([run(LONG)], o);
    const stretched = lines.filter((l) => !l.last && l.ratio !== 0);
    expect(stretched.length).toBeGreaterThan(3);
    const space = measureText('serif', ' ', SIZE);
    for (const l of stretched) {
      expect(l.ratio).toBeGreaterThanOrEqual(-1);
      const frags = l.fragments.filter((f) => !f.isHyphen);
      for (const f of frags.slice(0, -1)) expect(f.text).toMatch(/^\S+ $/);
      for (let k = 1; k < frags.length; k++) {
        const gap = frags[k].x - (frags[k - 1].x + frags[k - 1].width);
        const expected = space + (l.ratio > 0 ? (l.ratio * space) / 2 : (l.ratio * space) / 3);
        expect(gap).toBeCloseTo(expected, 6);
      }
    }
    // The last line is at natural spacing: same-styled words share a fragment.
    const last = lines[lines.length - 1];
    expect(last.ratio).toBe(0);
    expect(last.fragments.length).toBe(1);
    expect(last.width).toBeCloseTo(last.naturalWidth, 6);
  });

  it('merges words into one fragment on ragged lines, with real spaces', () => {
    const o = opts(300, 'left');
    const lines = breakParagraph([run(LONG)], o);
    for (const l of lines) {
      expect(l.ratio).toBe(0);
      expect(l.fragments.filter((f) => !f.isHyphen).length).toBe(1);
      const f = l.fragments[0];
      expect(f.text).toContain(' ');
      expect(f.width).toBeCloseTo(measureText('serif', f.text.trimEnd(), SIZE), 1);
    }
    // Right and centred lines are flush right / centred.
    const right = breakParagraph([run(LONG)], opts(300, 'right'));
    for (const l of right) {
      const f = l.fragments[l.fragments.length - 1];
      expect(f.x + f.width).toBeCloseTo(300, 6);
    }
    const centre = breakParagraph([run(LONG)], opts(300, 'center'));
    for (const l of centre) expect(l.fragments[0].x).toBeCloseTo((300 - l.width) / 2, 6);
  });

  it('honours a per-line measure', () => {
    const o = opts((i) => (i === 0 ? 200 : i === 1 ? 260 : 300));
    const lines = breakParagraph([run(LONG)], o);
    expectWellFormed(lines, o);
    expectRejoins(lines, LONG);
  });

  it('hyphenates narrow justified text with hyphen fragments, never words under five letters', () => {
    const o = opts(150);
    const lines = breakParagraph([run(LONG)], o);
    expectWellFormed(lines, o);
    const hy = hyphenatedWords(lines);
    expect(hy.length).toBeGreaterThan(0);
    for (const { before, after } of hy) {
      expect(letters(before) + letters(after)).toBeGreaterThanOrEqual(5);
      expect(letters(before)).toBeGreaterThanOrEqual(2);
      expect(letters(after)).toBeGreaterThanOrEqual(3);
    }
    for (const l of lines) {
      const hyphenFrags = l.fragments.filter((f) => f.isHyphen);
      expect(hyphenFrags.length).toBeLessThanOrEqual(1);
      if (hyphenFrags.length) {
        expect(l.hyphenated).toBe(true);
        expect(l.fragments[l.fragments.length - 1].isHyphen).toBe(true);
        expect(hyphenFrags[0].width).toBeCloseTo(measureText('serif', '-', SIZE), 6);
      }
    }
  });

  it('never ends three consecutive lines with a hyphen', () => {
    const text = 'Internationalization, characteristically, unquestionably, incomprehensibilities, ' +
      'telecommunications, counterrevolutionaries, institutionalization, interdisciplinary, ' +
      'responsibilities, representationalism, uncharacteristically, electroencephalography, ' +
      'compartmentalization, disproportionately, indistinguishability, overgeneralization. '.repeat(3);
    let hyphens = 0;
    for (const measure of [80, 100, 120, 140]) {
      for (const align of ['justify', 'left'] as const) {
        const o = opts(measure, align);
        const lines = breakParagraph([run(text)], o);
        expectWellFormed(lines, o);
        expectRejoins(lines, text);
        let consecutive = 0;
        for (const l of lines) {
          consecutive = l.hyphenated ? consecutive + 1 : 0;
          if (l.hyphenated) hyphens++;
          expect(consecutive).toBeLessThanOrEqual(2);
        }
      }
    }
    expect(hyphens).toBeGreaterThan(20);
  });

  it('does not hyphenate the last word unless told to, or unless the lines would be loose without it', () => {
    const text = 'The last word of this paragraph is the rather long word internationalization';
    const wordWidth = measureText('serif', 'internationalization', SIZE);
    let split = 0;
    for (let measure = Math.ceil(wordWidth); measure < 260; measure += 7) {
      for (const align of ['justify', 'left'] as const) {
        const lines = breakParagraph([run(text)], opts(measure, align));
        const kept = lineText(lines[lines.length - 1]).endsWith(' internationalization') || lineText(lines[lines.length - 1]) === 'internationalization';
        // Split only in the breaker's emergency pass (issue 13): without a hyphen anywhere some
        // line would be set looser than its spaces can stretch.
        const unhyphenated = breakParagraph([run(text)], opts(measure, align, { hyphenateLang: null }));
        if (!kept) expect(Math.max(...unhyphenated.filter((l) => !l.last).map((l) => l.ratio)), `measure ${measure}`).toBeGreaterThan(1);
        if (measure > 190) expect(kept).toBe(true);
        const free = breakParagraph([run(text)], opts(measure, align, { protectLastWord: false }));
        if (!lineText(free[free.length - 1]).includes('internationalization')) split++;
      }
    }
    // Unprotected, the same word does get split at some measures.
    expect(split).toBeGreaterThan(0);
  });

  it('does not hyphenate without a language, or in noHyphenate runs', () => {
    const none = breakParagraph([run(LONG)], opts(150, 'justify', { hyphenateLang: null }));
    expect(none.some((l) => l.fragments.some((f) => f.isHyphen))).toBe(false);
    const MONO = style('mono', 9.5);
    const code = 'configuration serialization deserialization implementation';
    const lines = breakParagraph([run('Call '), run(code, MONO, { noHyphenate: true }), run(' now, immediately.')], opts(120));
    for (const l of lines) {
      const f = l.fragments;
      if (f.length && f[f.length - 1].isHyphen) expect(f[f.length - 1].style.font).not.toBe('mono');
    }
  });

  it('breaks after explicit hyphens, dashes and slashes without adding a hyphen', () => {
    const text = 'well-known state-of-the-art pages 1990–2000 and/or read-only input/output ' .repeat(4).trim();
    const o = opts(70, 'justify', { hyphenateLang: null });
    const lines = breakParagraph([run(text)], o);
    expectWellFormed(lines, o);
    expectRejoins(lines, text);
    const midWord = lines.slice(0, -1).filter((l) => /[-–/]$/.test(lineText(l)));
    expect(midWord.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.fragments.some((f) => f.isHyphen)).toBe(false);
    for (const l of midWord.filter((l) => /[-–]$/.test(lineText(l)))) expect(l.hyphenated).toBe(true);
  });

  it('honours soft hyphens as the only breaks inside a word', () => {
    const text = 'Some Donau\u00addampf\u00adschiff\u00adfahrts\u00adgesellschaft text';
    const lines = breakParagraph([run(text)], opts(90, 'left'));
    const ends = lines.filter((l) => l.fragments.some((f) => f.isHyphen)).map((l) => lineText(l).split(' ').pop());
    expect(ends.length).toBeGreaterThan(0);
    for (const e of ends) expect(['Donau', 'Donaudampf', 'Donaudampfschiff', 'Donaudampfschifffahrts', 'dampf', 'dampfschiff', 'schiff', 'schifffahrts', 'fahrts', 'dampfschifffahrts']).toContain(e);
    expectRejoins(lines, text.replace(/\u00ad/g, ''));
  });

  it('splits a 300-character URL without an overfull line', () => {
    const url = 'https://example.com/' + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(8) + '/index.html?q=1&lang=en';
    expect(url.length).toBeGreaterThan(300);
    const text = `See ${url} for the details.`;
    for (const font of ['serif', 'mono'] as const) {
      for (const align of ['justify', 'left'] as const) {
        const o = opts(300, align);
        const lines = breakParagraph([run('See '), run(url, style(font), { target: { href: url }, noHyphenate: true }), run(' for the details.')], o);
        expectWellFormed(lines, o);
        expectRejoins(lines, text);
        expect(lines.some((l) => l.forcedBreak)).toBe(true);
        // No hyphen is added inside a URL.
        expect(lines.some((l) => l.fragments.some((f) => f.isHyphen))).toBe(false);
        // The link target travels with every piece of the URL.
        for (const l of lines) for (const f of l.fragments) if (f.style.font === font && font === 'mono') expect(f.target?.href).toBe(url);
      }
    }
  });

  it('prefers URL delimiters when splitting', () => {
    const url = 'https://example.org/' + Array.from({ length: 20 }, (_, i) => `section${i}`).join('/');
    const lines = breakParagraph([run(url, SERIF, { noHyphenate: true })], opts(200, 'left'));
    for (const l of lines.slice(0, -1)) expect(lineText(l)).toMatch(/[/.]$/);
  });

  it('keeps short addresses and file names whole', () => {
    const text = 'Install node.js and edit config.yaml, then write to someone@example.org about it. '.repeat(6).trim();
    // Addresses under 30% of the measure stay whole; longer ones may be split at delimiters.
    const longest = measureText('serif', 'someone@example.org', SIZE);
    for (const measure of [longest / 0.3 + 1, longest / 0.25, longest / 0.2]) {
      const lines = breakParagraph([run(text)], opts(measure));
      for (const l of lines.slice(0, -1)) {
        expect(l.forcedBreak).toBeUndefined();
        expect(lineText(l)).not.toMatch(/(node\.|config\.|someone@|example\.)$/);
      }
    }
  });

  it('splits a 2,000-character word by force, filling each line', () => {
    // (How fast is for npm run bench; the measuring done is counted below instead.)
    const word = 'x'.repeat(700) + 'abcdefghij'.repeat(130);
    const o = opts(250);
    measured.chars = 0;
    const lines = breakParagraph([run(`A ${word} b`)], o);
    expectWellFormed(lines, o);
    expectRejoins(lines, `A ${word} b`);
    expect(lines.filter((l) => l.forcedBreak).length).toBeGreaterThan(5);
    for (const l of lines.filter((l) => l.forcedBreak)) expect(l.width).toBeGreaterThan(250 - 10);
    // The word's prefixes are measured in one pass, not one measurement per prefix: measuring
    // each of the 2,000 prefixes separately would add up to about two million characters.
    expect(measured.chars).toBeGreaterThan(2000);
    expect(measured.chars).toBeLessThan(20 * 2000);
  });

  it('breaks Khmer at Intl.Segmenter word boundaries, never inside a cluster', () => {
    const KM = style('khmer');
    const text = `${KHMER}${KHMER} ${KHMER}`;
    const words = new Intl.Segmenter('km', { granularity: 'word' });
    const clusters = new Intl.Segmenter('km', { granularity: 'grapheme' });
    const boundaries = new Set([...words.segment(text)].map((s) => s.index));
    const clusterBounds = new Set([...clusters.segment(text)].map((s) => s.index));
    const widest = Math.max(...[...words.segment(text)].map((s) => measureText('khmer', s.segment, SIZE)));
    for (const measure of [widest + 1, 90, 120, 200].filter((m) => m > widest)) {
      for (const align of ['justify', 'left'] as const) {
        const o = opts(measure, align);
        const lines = breakParagraph([run(text, KM, { lang: 'km' })], o);
        expectWellFormed(lines, o);
        expectRejoins(lines, text);
        expect(lines.length).toBeGreaterThan(1);
        let pos = 0;
        lines.forEach((l, i) => {
          pos = text.indexOf(lineText(l), pos);
          expect(pos).toBeGreaterThanOrEqual(0);
          if (i > 0) {
            expect(boundaries.has(pos)).toBe(true);
            expect(clusterBounds.has(pos)).toBe(true);
          }
          for (const f of l.fragments) expect(f.lang).toBe('km');
          // No invented spaces inside Khmer words.
          expect(lineText(l).replace(/ /g, '').length).toBe(lineText(l).length - (lineText(l).match(/ /g) ?? []).length);
          pos += lineText(l).length;
        });
      }
    }
    // A word wider than the line is split by force, still between clusters.
    const narrow = breakParagraph([run(KHMER, KM, { lang: 'km' })], opts(30, 'left'));
    expectWellFormed(narrow, opts(30, 'left'));
    expectRejoins(narrow, KHMER);
    let at = 0;
    const kmClusters = new Set([...clusters.segment(KHMER)].map((s) => s.index));
    for (const l of narrow) {
      expect(kmClusters.has(at)).toBe(true);
      at += lineText(l).length;
    }
  });

  it('justifies Khmer only at its real spaces: no gap between words the source writes together', () => {
    const KM = style('khmer');
    const km = (text: string) => run(text, KM, { lang: 'km' });
    // Khmer phrases separated by spaces, as Khmer is written (words inside a phrase are not);
    // the same with no space at all; English with Khmer names in it, as the brief has.
    const spaced = `${KHMER} ${KHMER_PHRASES}`;
    const mixed: InlineRun[] = [];
    for (let k = 0; k < 4; k++) {
      mixed.push(run('Its official name is the Kingdom of Cambodia ('), km('ព្រះរាជាណាចក្រកម្ពុជា'), run('), its capital is Phnom Penh ('),
        km('រាជធានីភ្នំពេញ'), run(') and its people are mostly Khmer ('), km('ជនជាតិខ្មែរ'), run('). '));
    }
    const cases: [string, InlineRun[]][] = [['spaced', [km(spaced)]], ['unspaced', [km(spaced.replace(/ /g, ''))]], ['mixed', mixed]];
    const counts = { justified: 0, raggedNoSpace: 0, raggedWithSpaces: 0, mixedJustified: 0 };
    for (const [name, runs] of cases) {
      const text = runs.map((r) => r.text).join('');
      for (const measure of [90, 120, 200, 300, 450]) {
        const o = opts(measure);
        const lines = breakParagraph(runs, o);
        expectWellFormed(lines, o);
        expectRejoins(lines, text);
        for (const l of lines) {
          const where = `${name} at ${measure}: "${lineText(l)}"`;
          const frags = l.fragments.filter((f) => !f.isHyphen);
          for (let k = 1; k < frags.length; k++) {
            const gap = frags[k].x - (frags[k - 1].x + frags[k - 1].width);
            // Fragments meet exactly unless a space of the source lies between them.
            if (!frags[k - 1].text.endsWith(' ')) expect(Math.abs(gap), where).toBeLessThan(0.01);
            else expect(gap, where).toBeGreaterThan(0);
          }
          if (l.last) continue;
          // Khmer lines never stretch their few spaces beyond RAGGED_ABOVE_RATIO: they are set ragged instead.
          if (name !== 'mixed') expect(l.ratio, where).toBeLessThanOrEqual(RAGGED_ABOVE_RATIO + 1e-9);
          if (!lineText(l).includes(' ')) {
            // Nothing to stretch: set ragged.
            counts.raggedNoSpace++;
            expect(l.ratio, where).toBe(0);
          } else if (l.ratio === 0 && l.width < measure - 0.01) {
            // Its few spaces would have to stretch too far: set ragged at natural spacing, which
            // only a line with Khmer in it may be.
            counts.raggedWithSpaces++;
            expect(lineText(l), where).toMatch(/[\u1780-\u17FF]/);
            // English with a Khmer name in it, at a sensible measure, stays justified.
            if (name === 'mixed') expect(measure, where).toBeLessThan(300);
            expect(l.width, where).toBeCloseTo(l.naturalWidth, 6);
          } else {
            // Its real spaces stretch (or shrink) to fill the measure.
            counts.justified++;
            if (name === 'mixed') counts.mixedJustified++;
            expect(l.width, where).toBeCloseTo(measure, 2);
          }
        }
      }
    }
    expect(counts.raggedNoSpace).toBeGreaterThan(5);
    expect(counts.raggedWithSpaces).toBeGreaterThan(5);
    expect(counts.mixedJustified).toBeGreaterThan(10);
  });

  it('measures bold, italic and mono runs in their own fonts and keeps words across runs whole', () => {
    const B = style('serif-bold');
    const I = style('serif-italic');
    const M = style('mono', 9.5);
    const runs: InlineRun[] = [];
    const parts: string[] = [];
    for (let k = 0; k < 12; k++) {
      runs.push(run('The '), run('bold', B), run(', the '), run('italic', I), run(' and the '), run('monospaced()', M, { noHyphenate: true }), run(' words; '));
      parts.push('The bold, the italic and the monospaced() words; ');
    }
    const text = parts.join('');
    for (const align of ['justify', 'left'] as const) {
      const o = opts(210, align);
      const lines = breakParagraph(runs, o);
      expectWellFormed(lines, o);
      expectRejoins(lines, text);
      for (const l of lines) {
        // "bold," never breaks before its comma: a word spans runs.
        expect(lineText(l).startsWith(',')).toBe(false);
        for (const f of l.fragments) {
          if (f.isHyphen) continue;
          const word = f.text.trimEnd();
          if (!word.includes(' ')) expect(f.width).toBeCloseTo(measureText(f.style.font, word, f.style.size), 6);
          if (f.style.font === 'serif-bold') expect(word.replace(/-$/, '')).toMatch(/^(bold|bo|bol)?$|^b/);
          if (f.style.font === 'mono') expect('monospaced()').toContain(word);
        }
      }
      // The bold word is wider in bold than it would be in regular.
      const boldFrag = lines.flatMap((l) => l.fragments).find((f) => f.style.font === 'serif-bold' && f.text.trim() === 'bold')!;
      expect(boldFrag.width).toBeGreaterThan(measureText('serif', 'bold', SIZE));
      // Line metrics come from the tallest font on the line.
      for (const l of lines) expect(l.ascent).toBeGreaterThan(0);
    }
  });

  it('keeps no-break spaces, unbreakable runs and note marks together', () => {
    const SUP = { ...style('serif', 6.5) };
    const runs: InlineRun[] = [];
    for (let k = 0; k < 15; k++) {
      runs.push(run('See Fig.\u00a03 and the value 10\u00a0km in '));
      runs.push(run('a b c', style('mono', 9.5), { unbreakable: true }));
      runs.push(run(' with a note '));
      runs.push(run(String(k + 1), SUP, { unbreakable: true, target: { dest: `note-${k + 1}`, superscript: true } }));
      runs.push(run(' here. '));
    }
    const o = opts(120);
    const lines = breakParagraph(runs, o);
    expectWellFormed(lines, o);
    const all = lines.map(lineText);
    for (const t of all) {
      expect(t.endsWith('Fig.')).toBe(false);
      expect(/^3\b/.test(t)).toBe(false);
      expect(/^km\b/.test(t)).toBe(false);
    }
    for (const l of lines) {
      // The unbreakable run is one fragment, whole.
      for (const f of l.fragments.filter((f) => f.style.font === 'mono')) expect(f.text.trimEnd()).toBe('a b c');
      // A note mark is never first on a line and no space precedes it.
      const i = l.fragments.findIndex((f) => f.target?.superscript);
      if (i >= 0) {
        expect(i).toBeGreaterThan(0);
        expect(l.fragments[i - 1].text.endsWith(' ')).toBe(false);
      }
    }
    const joined = lines.map(lineText).join(' ');
    expect(joined).toContain('note1 here');
    expect(joined).not.toContain('note 1');
  });

  it('returns no lines for empty or blank input', () => {
    expect(breakParagraph([], opts(300))).toEqual([]);
    expect(breakParagraph([run('   ')], opts(300))).toEqual([]);
  });
});
