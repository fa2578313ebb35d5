import { test } from 'vitest';
import { knuthPlass, type Item } from '../../src/layout/knuthPlass.js';
import { measureText } from '../../src/fonts/fontRegistry.js';
import { hyphenate } from '../../src/layout/hyphenate.js';
const text = `In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king's child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.`;
test('kp', () => {
  const items: Item[] = [];
  const sp = measureText('serif', ' ', 10.5);
  const hw = measureText('serif', '-', 10.5);
  const ws = text.split(' ');
  ws.forEach((w, i) => {
    const hs = hyphenate(w, 'en');
    let prev = 0;
    for (const h of hs) { items.push({ type: 'box', width: measureText('serif', w.slice(prev, h), 10.5) }); items.push({ type: 'penalty', width: hw, penalty: 50, flagged: true, hyphenation: true }); prev = h; }
    items.push({ type: 'box', width: measureText('serif', w.slice(prev), 10.5) });
    if (i < ws.length - 1) items.push({ type: 'glue', width: sp, stretch: sp / 2, shrink: sp / 3 });
  });
  items.push({ type: 'penalty', width: 0, penalty: 10000, flagged: false }, { type: 'glue', width: 0, stretch: Infinity, shrink: 0 }, { type: 'penalty', width: 0, penalty: -10000, flagged: false });
  for (const w of [250, 300, 350]) for (const [tol, em] of [[200, 0], [200, 10.5], [200, 21], [200, 31.5], [1000, 0], [5000, 0], [10000, 0]]) {
    const r = knuthPlass(items, { lineWidth: w, pretolerance: -1, tolerance: tol, emergencyStretch: em });
    const rs = r.lines.slice(0, -1).map((l) => l.ratio);
    console.log(w, tol, em, r.pass, 'max', Math.max(...rs).toFixed(2), 'sumsq', rs.reduce((a, b) => a + b * b, 0).toFixed(2), 'hy', r.lines.filter((l) => l.flagged).length, r.lines.length);
  }
});
