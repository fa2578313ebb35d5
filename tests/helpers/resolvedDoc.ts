// Purpose-built documents for layout tests: no Markdown, no PDF, just the page-free tree.
import type { ChartScene } from '../../src/charts/compileChart.js';
import { NO_DRAWN_DATA } from '../../src/charts/drawnData.js';
import type { Template } from '../../src/load/templateTypes.js';
import type { RBlock, RInline, RNote, ResolvedDocument } from '../../src/resolve/resolvedTypes.js';
import { ENGINE_STRINGS } from '../../src/strings/engineStrings.js';
import { briefTemplate, plainTemplate } from './kinds.js';
import { SAMPLE_ROOT } from './paths.js';

const WORDS = 'the trafficking of children is a crime that hides itself and the work of prevention rescue and restoration is long patient and shared with families communities and authorities across the country'.split(' ');

/** `n` words of plain prose, deterministic. */
export function words(n: number, offset = 0): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(i + offset) % WORDS.length]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export const text = (s: string): RInline[] => [{ kind: 'text', text: s, marks: {} }];
export const para = (s: string): RBlock => ({ kind: 'paragraph', inlines: text(s) });
export const heading = (s: string, level = 1): RBlock => ({ kind: 'heading', level, inlines: text(s), id: s.toLowerCase().replace(/\W+/g, '-'), text: s });

export function fakeChart(width: number, height: number): ChartScene {
  return { width, height, scene: { marktype: 'group', items: [] }, ops: [], datumKeys: [], drawn: NO_DRAWN_DATA, texts: [], origin: [0, 0], background: 'transparent', warnings: [] };
}

export function figure(n: number, height: number): RBlock {
  return { kind: 'figure', number: n, id: `figure-f${n}`, name: `f${n}`, chart: fakeChart(300, height), caption: text(`Caption of figure ${n}.`), source: 'Test source', alt: `Figure ${n}`, data: { appendix: true, files: [], tables: [] } };
}

export function resolvedDoc(blocks: RBlock[], notes: RNote[] = []): ResolvedDocument {
  return {
    name: 'brief',
    file: 'content/brief.md',
    meta: { title: 'Test document', date: '2026-11-30', language: 'en-GB', template: 'brief' },
    config: {
      organisation: { name: 'Org' },
      locale: 'en-GB',
      contact: { placeholder: true, website: 'https://example.org', donate: 'https://example.org/donate', email: 'hello@example.org' },
      documents: [{ name: 'brief', source: 'content/brief.md', kind: 'brief', template: 'templates/brief.yaml', place: { file: 'content/config.yaml' } }],
    },
    blocks,
    notes,
    sources: [],
    warnings: [],
    strings: ENGINE_STRINGS,
  };
}

/** The brief template without the contents page and appendix, so page 1 of the body is simple. */
export function plainBriefTemplate(): Template {
  return plainTemplate(briefTemplate(SAMPLE_ROOT));
}
