// Generated prose for stress tests and the benchmark: deterministic, English-like text with the
// structures a real brief has (sections, subsections, lists, tables, footnotes, figures), sized
// in pages. Words come from a fixed vocabulary so hyphenation and kerning are exercised.
const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'organisation programme community children families protection education employment reintegration survivors ' +
  'partnership investigation authorities prevention restoration understanding responsibility accountability ' +
  'vulnerability international development government transparency independence reconstruction relationships ' +
  'opportunities circumstances neighbourhood approximately particularly extraordinary information experience ' +
  'support school work village provinces capital river market health safety trust care local national regional ' +
  'through between because however although several different important difficult possible available together'
).split(/\s+/);

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function sentence(r: () => number): string {
  const n = 8 + Math.floor(r() * 18);
  const ws: string[] = [];
  for (let i = 0; i < n; i++) ws.push(WORDS[Math.floor(r() * WORDS.length)]);
  const s = ws.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.15 ? ', ' + WORDS[Math.floor(r() * WORDS.length)] + ' included.' : '.');
}

function paragraph(r: () => number, sentences = 3 + Math.floor(r() * 5)): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

export interface SyntheticOptions {
  /** Approximate number of body pages (about 430 words a page in the brief template). */
  pages: number;
  seed?: number;
  /** Chart names that exist in the project, placed as figures now and then. */
  charts?: string[];
}

export function syntheticMarkdown(opts: SyntheticOptions): string {
  const r = rng(opts.seed ?? 42);
  const out: string[] = ['---', 'title: Synthetic document', 'date: 2026-11-30', 'language: en-GB', 'template: brief', '---', ''];
  const notes: string[] = [];
  let words = 0;
  const target = opts.pages * 430;
  let section = 0;
  let chart = 0;
  while (words < target) {
    section++;
    out.push(`# Section ${section}: ${WORDS[section % WORDS.length]} ${WORDS[(section * 7) % WORDS.length]}`, '');
    for (let sub = 1; sub <= 3 && words < target; sub++) {
      if (sub > 1) out.push(`## Part ${section}.${sub}`, '');
      for (let p = 0; p < 3 + Math.floor(r() * 3); p++) {
        let text = paragraph(r);
        if (r() < 0.2) {
          const id = `n${notes.length + 1}`;
          text += `[^${id}]`;
          notes.push(`[^${id}]: ${sentence(r)}`);
        }
        out.push(text, '');
        words += text.split(' ').length;
      }
      if (r() < 0.3) {
        out.push(...Array.from({ length: 3 + Math.floor(r() * 3) }, () => `- ${sentence(r)}`), '');
      }
      if (r() < 0.15) {
        out.push('| Area | Measure | Value |', '|---|---|--:|');
        for (let i = 0; i < 4 + Math.floor(r() * 6); i++) out.push(`| ${WORDS[Math.floor(r() * WORDS.length)]} | ${WORDS[Math.floor(r() * WORDS.length)]} | ${Math.floor(r() * 10000) / 10} |`);
        out.push('');
      }
      if (opts.charts?.length && r() < 0.12) {
        const name = opts.charts[chart++ % opts.charts.length];
        out.push(`::: figure ${name}`, sentence(r), ':::', '');
      }
    }
  }
  out.push(...notes, '');
  return out.join('\n');
}
