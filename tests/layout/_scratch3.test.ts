import { test } from 'vitest';
import { hyphenate } from '../../src/layout/hyphenate.js';
import { measureText } from '../../src/fonts/fontRegistry.js';
test('kp', () => {
  console.log(hyphenate('itself,', 'en'), hyphenate('astonished', 'en'), hyphenate('beautiful;', 'en'), hyphenate('daughters', 'en'), measureText('serif',' ',10.5), measureText('serif','-',10.5));
  const h = (globalThis as any).require;
});
