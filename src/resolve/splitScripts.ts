// Khmer text is set in Noto Sans Khmer and tagged with its own language; everything else in
// the document's fonts. Splitting here means layout and render never guess a script.
import type { RInline } from './resolvedTypes.js';

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]+(?:[\s\u200B]*[\u1780-\u17FF\u19E0-\u19FF]+)*/gu;

export function splitScripts(x: Extract<RInline, { kind: 'text' }>): RInline[] {
  if (!/[\u1780-\u17FF]/.test(x.text)) return [x];
  const out: RInline[] = [];
  let last = 0;
  for (const m of x.text.matchAll(KHMER)) {
    if (m.index! > last) out.push({ ...x, text: x.text.slice(last, m.index) });
    out.push({ ...x, text: m[0], lang: 'km' });
    last = m.index! + m[0].length;
  }
  if (last < x.text.length) out.push({ ...x, text: x.text.slice(last) });
  return out;
}
