import { test } from 'vitest';
import { breakParagraph } from '../../src/layout/breakParagraph.js';
import type { InlineRun } from '../../src/layout/lineTypes.js';
const st = (font: any) => ({ font, size: 10.5, color: '#000' });
const text = `In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king's child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.`;
const show = (lines: any[]) => { for (const l of lines) console.log(l.ratio.toFixed(3).padStart(7), (l.width).toFixed(2), l.hyphenated ? 'H' : ' ', l.forcedBreak ? 'F' : ' ', JSON.stringify(l.fragments.map((f: any) => f.text).join('|'))); };
test('x', () => {
  for (const align of ['justify', 'left'] as const) {
    const t0 = performance.now();
    const lines = breakParagraph([{ text, style: st('serif') }], { measure: 250, align, hyphenateLang: 'en' });
    console.log(align, performance.now() - t0);
    show(lines);
  }
  const url = 'https://example.com/' + Array.from({ length: 28 }, (_, i) => `segment${i}_part`).join('/') + '?q=1&x=2';
  show(breakParagraph([{ text: 'See the full reference at ', style: st('serif') }, { text: url, style: st('mono'), target: { href: url }, noHyphenate: true }, { text: ' for details on everything.', style: st('serif') }], { measure: 250, align: 'justify', hyphenateLang: 'en' }));
  show(breakParagraph([{ text: 'ព្រះរាជាណាចក្រកម្ពុជាជាប្រទេសមួយនៅអាស៊ីអាគ្នេយ៍ ព្រះរាជាណាចក្រកម្ពុជាជាប្រទេសមួយនៅអាស៊ីអាគ្នេយ៍', style: st('khmer'), lang: 'km' }], { measure: 120, align: 'justify', hyphenateLang: 'en' }));
});
