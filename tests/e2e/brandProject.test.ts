// An organisation's own look, from content/config.yaml (tests/fixtures/brand): a brand font for
// a type role (a real open font, Source Sans 3 Light), a logo in SVG drawn as vectors on the
// brief's cover, the handout's band and the letterhead, and a cover image; a font whose
// licence forbids embedding and a logo the SVG reader refuses fail with located errors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShippedCli } from '../helpers/cliBundle.js';
import { figureAlts } from '../helpers/figureAlts.js';
import { withFsType } from '../helpers/fontBytes.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { REPO_ROOT, scratchProject } from '../helpers/project.js';

const ROOT = join(REPO_ROOT, 'tests/fixtures/brand');
const FONT = 'content/fonts/SourceSans3_300Light.ttf';
const LOGO_ALT = 'Rain Gauge Readers logo: a rain gauge';
const COVER_ALT = 'A placeholder picture: rain falling on a grey field';

function build(root: string, ...docs: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'brand-'));
  const r = runShippedCli(['build', ...docs, '--root', root, '--out', out, '--no-cache', '--quiet']);
  return { ...r, out };
}

/** `pdfimages -list`: the raster images of a PDF, as [page, width, height]. */
function images(pdf: string): number[][] {
  return execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/)).map((c) => [Number(c[0]), Number(c[3]), Number(c[4])]);
}

/** The line of config.yaml that starts with `start`, 1-based. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('the brand fixture', () => {
  let out: string;
  beforeAll(() => {
    const r = build(ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    out = r.out;
  }, 120_000);

  it('embeds a subset of the brand font for the serif role, in every document', () => {
    for (const doc of ['brief', 'handout', 'letter']) {
      const fonts = execFileSync('pdffonts', [join(out, `${doc}.pdf`)], { encoding: 'utf8' });
      const light = fonts.split('\n').find((l) => /\+SourceSans3-Light\s/.test(l));
      expect(light, doc).toBeDefined();
      // emb yes, sub yes: embedded as a subset.
      expect(light!.split(/\s+/).slice(-5, -3), doc).toEqual(['yes', 'yes']);
      expect(fonts, doc).not.toContain('SourceSerif4-Regular');
    }
  });

  it('draws the SVG logo as vectors and the cover image as the only raster image', async () => {
    // The cover PNG (480 × 200) is the brief's one image; the handout and letter have none.
    expect(images(join(out, 'brief.pdf'))).toEqual([[1, 480, 200]]);
    expect(images(join(out, 'handout.pdf'))).toEqual([]);
    expect(images(join(out, 'letter.pdf'))).toEqual([]);
    // Tagged as figures with the descriptions config.yaml gives.
    const briefAlts = await figureAlts(readFileSync(join(out, 'brief.pdf')));
    expect(briefAlts).toEqual(expect.arrayContaining([LOGO_ALT, COVER_ALT]));
    for (const doc of ['handout', 'letter']) expect(await figureAlts(readFileSync(join(out, `${doc}.pdf`))), doc).toContain(LOGO_ALT);
  });

  it('passes the PDF/UA machine checks with the logo and the brand font', async () => {
    for (const doc of ['brief', 'handout', 'letter']) {
      const ua = await checkPdfUa(readFileSync(join(out, `${doc}.pdf`)));
      expect(ua.failures, doc).toEqual([]);
      expect(ua.stats.structElems, doc).toBeGreaterThan(5);
    }
  });

  it('draws the logo\'s colours: the brief cover has the logo\'s fill colours as vector paint', () => {
    // qpdf's QDF output: the page content stream in plain text.
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(out, 'brief.pdf'), '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    // Every fill colour set on the pages (rg, or sc/scn in a colour space), as 0–255 triples.
    const fills = [...qdf.matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) (?:rg|sc|scn)$/gm)].map((m) => [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * 255)));
    const has = (hex: string) => fills.some((f) => f.every((v, i) => v === parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)));
    // The logo's own colours (tests/fixtures/brand/content/images/logo.svg), in no template.
    for (const c of ['#1d4e89', '#5fa8d3', '#f4f8fb']) expect(has(c), c).toBe(true);
  });
});

describe('the HTML edition', () => {
  it('shows the logo on its cover, rewritten from the shapes read, with its description', () => {
    const out = mkdtempSync(join(tmpdir(), 'brand-html-'));
    const r = runShippedCli(['build', 'brief', '--root', ROOT, '--out', out, '--no-cache', '--quiet', '--html']);
    expect(r.status).toBe(0);
    const html = readFileSync(join(out, 'html/brief.html'), 'utf8');
    const m = /<p class="logo"><img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"/.exec(html);
    expect(m).not.toBeNull();
    expect(m![2]).toBe(LOGO_ALT);
    const svg = Buffer.from(m![1], 'base64').toString('utf8');
    // Only paths: the title and anything else of the file were not copied.
    expect(svg.match(/<(\w+)/g)!.filter((t) => t !== '<svg' && t !== '<path')).toEqual([]);
    expect(svg).toContain('fill="#1d4e89"');
  });
});

describe('brand problems are located errors', () => {
  it('a brand font whose licence forbids embedding (fsType 2): exit 2, at the config line', () => {
    const dir = scratchProject(ROOT);
    writeFileSync(join(dir, FONT), withFsType(readFileSync(join(ROOT, FONT)), 0x0002));
    const r = build(dir, 'brief');
    expect(r.status).toBe(2);
    const config = readFileSync(join(dir, 'content/config.yaml'), 'utf8');
    expect(r.stderr).toContain(`content/config.yaml:${lineOf(config, '  serif:')}:10: fonts.serif: ${FONT}: the font's licence forbids embedding it in documents (OS/2 fsType 0x0002, restricted licence)`);
  });

  it('a logo with text in it: exit 2, at the SVG line', () => {
    const dir = scratchProject(ROOT);
    const svg = readFileSync(join(ROOT, 'content/images/logo.svg'), 'utf8').replace('</svg>', '  <text x="10" y="50">RGR</text>\n</svg>');
    writeFileSync(join(dir, 'content/images/logo.svg'), svg);
    const r = build(dir, 'brief');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`content/images/logo.svg:${lineOf(svg, '  <text')}: <text> is not supported in a logo`);
  });

  it('a cover band that leaves no room for the cover image: exit 2, at the config line', () => {
    const dir = scratchProject(ROOT);
    writeFileSync(join(dir, 'templates/brief.yaml'), readFileSync(join(dir, 'templates/brief.yaml'), 'utf8') + 'cover: { bandHeight: 0.75 }\n');
    const r = build(dir, 'brief');
    expect(r.status).toBe(2);
    const config = readFileSync(join(dir, 'content/config.yaml'), 'utf8');
    expect(r.stderr).toMatch(new RegExp(`^content/config\\.yaml:${lineOf(config, 'coverImage')}:\\d+: the cover has no room for the cover image \\(\\d+ mm between the band and the organisation's name\\) — lower cover\\.bandHeight`, 'm'));
  });

  it('a PNG logo goes through the image reader and is placed as an image', () => {
    const dir = scratchProject(ROOT);
    const config = readFileSync(join(dir, 'content/config.yaml'), 'utf8').replace(/^logo: .*$/m, 'logo: images/cover.png');
    writeFileSync(join(dir, 'content/config.yaml'), config);
    const r = build(dir, 'handout');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(images(join(r.out, 'handout.pdf'))).toEqual([[1, 480, 200]]);
  });

  it('a logo without a description is decoration: an artifact, not a figure', async () => {
    const dir = scratchProject(ROOT);
    const config = readFileSync(join(dir, 'content/config.yaml'), 'utf8').replace(/^logo: .*$/m, 'logo: images/logo.svg');
    writeFileSync(join(dir, 'content/config.yaml'), config);
    const r = build(dir, 'handout');
    expect(r.status).toBe(0);
    const alts = await figureAlts(readFileSync(join(r.out, 'handout.pdf')));
    expect(alts).not.toContain(LOGO_ALT);
    // The handout's chart is still a figure; the logo is drawn, as vectors (no image), untagged.
    expect(alts.length).toBeGreaterThan(0);
    expect((await checkPdfUa(readFileSync(join(r.out, 'handout.pdf')))).failures).toEqual([]);
  });
});
