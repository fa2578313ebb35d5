// Words of thousands of characters get zero-width breaks before the line breaker sees them;
// real words and URLs are left to the breaker.
import { describe, expect, it } from 'vitest';
import { chunkLongWords, LONG_WORD_CHARS } from '../../../src/layout/longWords.js';
import type { InlineRun } from '../../../src/layout/lineTypes.js';

const style = { font: 'serif', size: 10, color: '#000' } as InlineRun['style'];

describe('chunkLongWords', () => {
  it('leaves runs with no word over the threshold as they are', () => {
    const runs = [{ text: 'a'.repeat(LONG_WORD_CHARS) + ' ' + 'b'.repeat(LONG_WORD_CHARS), style }];
    expect(chunkLongWords(runs)).toBe(runs);
  });

  it('breaks a long word across runs every 16 characters, keeping every character in order', () => {
    const word = 'x'.repeat(LONG_WORD_CHARS) + '😀'.repeat(20);
    const runs: InlineRun[] = [{ text: 'Before ' + word.slice(0, 3000), style }, { text: word.slice(3000) + ' after', style: { ...style, font: 'serif-bold' } as InlineRun['style'] }];
    const out = chunkLongWords(runs);
    expect(out.map((r) => r.text).join('').replaceAll('\u200b', '')).toBe(runs.map((r) => r.text).join(''));
    expect(out[1].style.font).toBe('serif-bold');
    const pieces = out.map((r) => r.text).join('').split(/[\u200b ]/);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(17);
    // No piece starts with the low half of a surrogate pair.
    expect(pieces.some((p) => /^[\udc00-\udfff]/.test(p))).toBe(false);
  });

  it('handles a 1 MB word in linear time and memory (one pass)', () => {
    const out = chunkLongWords([{ text: 'a'.repeat(1 << 20), style }]);
    expect(out[0].text.length).toBe((1 << 20) + Math.ceil((1 << 20) / 16) - 1);
  });
});
