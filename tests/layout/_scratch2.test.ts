import { test } from 'vitest';
import { breakParagraph } from '../../src/layout/breakParagraph.js';
const st = (font: any, size = 10.5) => ({ font, size, color: '#000' });
const texts = [`Typography is the art and technique of arranging type to make written language legible, readable and appealing when displayed. The arrangement of type involves selecting typefaces, point sizes, line lengths, line spacing, and letter spacing, and adjusting the space between pairs of letters. The term typography is also applied to the style, arrangement, and appearance of the letters, numbers, and symbols created by the process.`,
`In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king's child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.`,
`Type design is a closely related craft, sometimes considered part of typography; most typographers do not design typefaces, and some type designers do not consider themselves typographers. Typography also may be used as an ornamental and decorative device, unrelated to the communication of information. Typography is the work of typesetters, compositors, typographers, graphic designers, art directors, manga artists, comic book artists, and, now, anyone who arranges words, letters, numbers, and symbols for publication, display, or distribution, from clerical workers and newsletter writers to anyone self-publishing materials.`];
test('x', () => {
  let tot = 0, mx = 0, cube = 0, n = 0, hy = 0;
  for (const t of texts) for (let w = 150; w <= 460; w += 10) {
    const lines = breakParagraph([{ text: t, style: st('serif') }], { measure: w, align: 'justify', hyphenateLang: 'en' });
    for (const l of lines.slice(0, -1)) { tot += l.ratio ** 2; cube += Math.abs(l.ratio) ** 3; mx = Math.max(mx, l.ratio); n++; if (l.hyphenated) hy++; }
  }
  console.log(process.env.BP_STRAT, 'sumsq', tot.toFixed(1), 'sumcube', cube.toFixed(1), 'max', mx.toFixed(2), 'lines', n, 'hyph', hy);
});
