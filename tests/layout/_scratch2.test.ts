import { test } from 'vitest';
import { knuthPlass, PENALTY_INFINITY, type Item } from '../../src/layout/knuthPlass.js';
import { measureText } from '../../src/fonts/fontRegistry.js';
const text = 'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king’s castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king’s child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.';
test('kp', () => {
  const items: Item[] = []; const sp = measureText('serif', ' ', 10.5);
  const words = text.split(' ');
  words.forEach((w, i) => { items.push({ type: 'box', width: measureText('serif', w, 10.5) }); if (i < words.length - 1) items.push({ type: 'glue', width: sp, stretch: sp / 2, shrink: sp / 3 }); });
  items.push({ type: 'penalty', width: 0, penalty: PENALTY_INFINITY, flagged: false }, { type: 'glue', width: 0, stretch: Infinity, shrink: 0 }, { type: 'penalty', width: 0, penalty: -PENALTY_INFINITY, flagged: false });
  const legal = (b: number) => items[b].type === 'glue' ? items[b - 1].type === 'box' : items[b].type === 'penalty' && (items[b] as any).penalty < 10000;
  function greedy(width: number) { const rs: number[] = []; let start = 0; let w = 0, y = 0, z = 0; let lastB = -1, lastR = 0;
    for (let b = 0; b < items.length; b++) { if (!legal(b)) continue; let nat = 0, st = 0, sh = 0, fil = false; for (let i = start; i < b; i++) { const it = items[i] as any; if (it.type !== 'penalty') { nat += it.width; if (it.type === 'glue') { if (it.stretch === Infinity) fil = true; else st += it.stretch; sh += it.shrink; } } }
      const t = width - nat; if (t >= 0 || -t <= sh) { lastB = b; lastR = t >= 0 ? (fil ? 0 : t / st) : t / sh; if ((items[b] as any).penalty === -10000) { rs.push(lastR); break; } } else { rs.push(lastR); start = lastB + 1; b = lastB; } }
    return rs; }
  for (const width of [300, 350, 400, 450, 320, 330, 340, 360]) {
    for (const tol of [10000]) {
    const kp = knuthPlass(items, { lineWidth: width, tolerance: tol, pretolerance: tol });
    const k = kp.lines.slice(0, -1).map((l) => l.ratio); const g = greedy(width).slice(0, -1);
    const ss = (x: number[]) => x.reduce((a, b) => a + b * b, 0).toFixed(2);
    console.log(width, tol, kp.pass, 'kp', ss(k), k.length, 'greedy', ss(g), g.length);
    }
  }
});
