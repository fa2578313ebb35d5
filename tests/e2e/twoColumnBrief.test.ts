// `columns: 2` in the brief template: the body and sources are set in two columns, read back
// from the PDF the shipped CLI writes (pdftotext -bbox-layout); figures span both columns or
// sit in one, as the template's `figures` says; the contents and closing pages stay full width.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShippedCli } from '../helpers/cliBundle.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { REPO_ROOT, scratchProject } from '../helpers/project.js';

const ROOT = join(REPO_ROOT, 'tests/fixtures/two-column');
const MM = 72 / 25.4;
/** The most a line may hang past its column's edge (hanging punctuation, issue 13). */
const HANG = 3;

interface Line { page: number; xMin: number; xMax: number; yMin: number; yMax: number; words: string[] }

/** Every text line of every page of `pdf`, as poppler groups them, with its box in points. */
function linesOf(pdf: string): Line[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Line[] = [];
  const pages = xml.split('<page ').slice(1);
  const num = (s: string, k: string) => Number(new RegExp(`${k}="([-\\d.]+)"`).exec(s)![1]);
  pages.forEach((p, i) => {
    for (const m of p.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...m[2].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]);
      out.push({ page: i + 1, xMin: num(m[1], 'xMin'), xMax: num(m[1], 'xMax'), yMin: num(m[1], 'yMin'), yMax: num(m[1], 'yMax'), words });
    }
  });
  return out;
}

/** The fixture's page and column geometry, from its template (US Letter). */
function geometry(template: string) {
  const mm = (k: string) => Number(new RegExp(`${k}: (\\d+(?:\\.\\d+)?)`).exec(template)![1]) * MM;
  const [width, height] = [612, 792];
  const left = mm('inner');
  const content = width - mm('inner') - mm('outer');
  const gap = mm('columnGapMm');
  const col = (content - gap) / 2;
  return { top: mm('top'), bottom: height - mm('bottom'), columns: [[left, left + col], [left + col + gap, left + content]] as const, col, gap };
}

function build(root: string): { pdf: string; lines: Line[]; pages: number } {
  const out = mkdtempSync(join(tmpdir(), 'two-column-'));
  const r = runShippedCli(['build', 'brief', '--root', root, '--out', out, '--no-cache', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const pdf = join(out, 'brief.pdf');
  const lines = linesOf(pdf);
  return { pdf, lines, pages: Math.max(...lines.map((l) => l.page)) };
}

const template = readFileSync(join(ROOT, 'templates/brief.yaml'), 'utf8');
const g = geometry(template);
/**
 * The column a line lies in, or -1. A chart's vertical axis title is a line turned on its side,
 * whose width poppler gives as the font's whole ascent-to-descent box (wider than its ink by
 * a point or two on the side of the ascent): for those, the middle of the line counts.
 */
const inColumn = (l: Line) => {
  const turned = l.yMax - l.yMin > 3 * (l.xMax - l.xMin);
  const [x1, x2] = turned ? [(l.xMin + l.xMax) / 2, (l.xMin + l.xMax) / 2] : [l.xMin, l.xMax];
  // Punctuation hangs into the margin or the gap by protrusion (a hyphen or comma: about 2 pt at
  // this size); the gap between columns is 17 pt, so a line in neither still fails.
  return g.columns.findIndex(([a, b]) => x1 >= a - HANG && x2 <= b + HANG);
};
/** Lines of the text block (not the running head or folio). */
const body = (lines: Line[], page: number) => lines.filter((l) => l.page === page && l.yMin > g.top - 1 && l.yMax < g.bottom + 1);
const startsWith = (l: Line, ...words: string[]) => words.every((w, i) => l.words[i] === w);

describe('a brief with columns: 2 and figures: span', () => {
  let span: ReturnType<typeof build>;
  beforeAll(() => {
    span = build(ROOT);
  }, 120_000);

  it('sets the text of a body page in two column frames, both used', () => {
    // Page 3 is the first body page (cover, contents): text only.
    const lines = body(span.lines, 3);
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.filter((l) => inColumn(l) < 0)).toEqual([]);
    const perColumn = [0, 1].map((c) => lines.filter((l) => inColumn(l) === c).length);
    expect(Math.min(...perColumn)).toBeGreaterThan(15);
  });

  it('sets a figure across both columns, wider than one, and the text around it in columns', () => {
    const caption = span.lines.find((l) => startsWith(l, 'Figure', '1.'));
    expect(caption).toBeDefined();
    expect(caption!.xMax - caption!.xMin).toBeGreaterThan(g.col + g.gap);
    // Everything else on the figure's page below the figures is in a column.
    const figurePage = body(span.lines, caption!.page);
    const lastCaption = Math.max(...figurePage.filter((l) => l.words[0] === 'Source:' || l.words[0] === 'Figure').map((l) => l.yMax));
    const below = figurePage.filter((l) => l.yMin > lastCaption + 1);
    expect(below.length).toBeGreaterThan(5);
    expect(below.filter((l) => inColumn(l) < 0)).toEqual([]);
  });

  it('balances the columns of the last page of the body', () => {
    const sources = span.lines.find((l) => l.page > 2 && l.words.join(' ') === 'Sources of figures' && body(span.lines, l.page).includes(l));
    expect(sources).toBeDefined();
    const lines = body(span.lines, sources!.page);
    const feet = [0, 1].map((c) => Math.max(...lines.filter((l) => inColumn(l) === c).map((l) => l.yMax)));
    // The body's leading is 15 pt: the columns end within four lines of each other (lines move
    // between the columns in groups: no orphan or widow, a heading with its first lines). Here
    // the left column ends with "Sources of figures" and the first two lines of its paragraph,
    // which move only with the heading: 59 pt apart is the best split (45 pt while the paragraph
    // had a third, loose line ending in "trend.", before the breaker's emergency expansion).
    expect(Math.abs(feet[0] - feet[1])).toBeLessThanOrEqual(60);
    // …and well above the foot of the text block: the page is not filled column after column.
    expect(Math.max(...feet)).toBeLessThan(g.bottom - 60);
  });

  it('keeps the contents and the closing page full width', () => {
    const contents = body(span.lines, 2);
    expect(contents.some((l) => l.xMax - l.xMin > g.col + g.gap)).toBe(true);
    const closing = body(span.lines, span.pages);
    expect(closing.some((l) => l.xMax - l.xMin > g.col + g.gap)).toBe(true);
  });

  it('passes the PDF/UA machine checks', async () => {
    const ua = await checkPdfUa(readFileSync(span.pdf));
    expect(ua.failures).toEqual([]);
    expect(ua.stats.pages).toBe(span.pages);
  });

  it('passes the placement check (the build fails on an overlap) and typeset-report counts none', () => {
    const r = runShippedCli(['typeset-report', 'brief', '--root', ROOT]);
    expect(r.status).toBe(0);
    // The placement table is the one whose header names overlaps (the microtype table follows it).
    const rows = r.stdout.trim().split('\n').map((s) => s.trim().split(/\s+/));
    const at = rows.findIndex((cells) => cells.includes('overlaps'));
    expect(at).toBeGreaterThanOrEqual(0);
    const [head, row] = [rows[at], rows[at + 1]];
    for (const k of ['overlaps', 'off-page', 'off-frame']) expect(row[head.indexOf(k)], k).toBe('0');
  });
});

describe('a brief with columns: 2 and figures: column', () => {
  it('sets figures, captions and charts inside one column', () => {
    const dir = scratchProject(ROOT);
    writeFileSync(join(dir, 'templates/brief.yaml'), template.replace(/^figures: span.*$/m, 'figures: column'));
    const r = build(dir);
    const caption = r.lines.find((l) => startsWith(l, 'Figure', '1.'));
    expect(caption).toBeDefined();
    // The body pages: after the cover and contents, before the appendix (its own full-width page).
    const appendix = r.lines.find((l) => l.page > 2 && body(r.lines, l.page).includes(l) && l.words.join(' ') === 'Appendix: chart data')?.page;
    expect(appendix).toBeDefined();
    for (let p = 3; p < appendix!; p++) expect(body(r.lines, p).filter((l) => inColumn(l) < 0), `page ${p}`).toEqual([]);
    expect(caption!.page).toBeLessThan(appendix!);
  });
});
