// Fixed text set outside paragraphs (labels, titles, the date) in any of our languages: Khmer
// in the Khmer font, and the date in the document's language.
import { describe, expect, it } from 'vitest';
import { measureText } from '../../../src/fonts/fontRegistry.js';
import { formatDate } from '../../../src/layout/documentInfo.js';
import { fitText, textAt, textWidth } from '../../../src/layout/setText.js';

const style = { font: 'sans-semibold' as const, size: 10, color: '#000000' };

describe('fixed text in other scripts', () => {
  it('sets Latin text as one fragment, as before', () => {
    const t = textAt('Téléphone', style, 100, 50, 'right');
    expect(t.fragments).toHaveLength(1);
    expect(t.fragments[0].style.font).toBe('sans-semibold');
    expect(t.fragments[0].x + t.fragments[0].width).toBeCloseTo(100, 6);
  });

  it('sets Khmer in the Khmer font (bold for a bold style), the rest in the style’s font, side by side', () => {
    const t = textAt('ទំនាក់ទំនង AIM', style, 20, 50);
    expect(t.fragments.map((f) => [f.text, f.style.font])).toEqual([['ទំនាក់ទំនង', 'khmer-bold'], [' AIM', 'sans-semibold']]);
    expect(t.fragments[0].x).toBe(20);
    expect(t.fragments[1].x).toBeCloseTo(20 + t.fragments[0].width, 6);
    expect(t.fragments[0].width).toBeCloseTo(measureText('khmer-bold', 'ទំនាក់ទំនង', 10), 6);
    expect(textWidth('ទំនាក់ទំនង AIM', style)).toBeCloseTo(t.fragments[0].width + t.fragments[1].width, 6);
    // Measured in the Latin font, the Khmer would come out as the width of empty boxes.
    expect(textWidth('ទំនាក់ទំនង', style)).not.toBeCloseTo(measureText('sans-semibold', 'ទំនាក់ទំនង', 10), 1);
  });

  it('cuts Khmer text to a width measured in the Khmer font', () => {
    const long = 'ឧបសម្ព័ន្ធ៖ ទិន្នន័យគំនូសតាង';
    const w = textWidth(long, style);
    const cut = fitText(long, style, w * 0.6);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, style)).toBeLessThanOrEqual(w * 0.6);
    expect(fitText(long, style, w)).toBe(long);
  });
});

describe('formatDate', () => {
  it('writes the date in the document’s language', () => {
    expect(formatDate('2026-11-30', 'fr-FR')).toBe('30 novembre 2026');
    expect(formatDate('2026-11-30', 'es-ES')).toBe('30 de noviembre de 2026');
    expect(formatDate('2026-11-30', 'vi-VN')).toBe('30 tháng 11, 2026');
    expect(formatDate('2026-11-30', 'km-KH')).toMatch(/^30 [\u1780-\u17FF]+ 2026$/);
    expect(formatDate('2026-11-30', 'en-GB')).toBe('30 November 2026');
  });
});
