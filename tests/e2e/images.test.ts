// Author images: PNG or JPEG from content/, at most 5 MB, placed as tagged Figures with their
// description; anything else shows the description with a located warning.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import type { StructNode } from '../../src/layout/pageTypes.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { plainJpeg } from '../helpers/hostileImages.js';
import { scratchProject } from '../helpers/project.js';

/** A real PNG: a w×h checkerboard, 8-bit greyscale. */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) rows.push(Buffer.from([0, ...Array.from({ length: w }, (_, x) => (((x >> 3) + (y >> 3)) % 2 ? 40 : 220))]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

function withImageLine(line: string, files: Record<string, Buffer> = {}): { dir: string; lineNo: number } {
  const dir = scratchProject();
  mkdirSync(join(dir, 'content/images'), { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'content/images', name), data);
  const md = join(dir, 'content/brief.md');
  const text = readFileSync(md, 'utf8');
  const anchor = '# The history that shaped it';
  writeFileSync(md, text.replace(anchor, `${line}\n\n${anchor}`));
  return { dir, lineNo: text.slice(0, text.indexOf(anchor)).split('\n').length };
}

const figures = (n: StructNode): StructNode[] => [...(n.type === 'Figure' ? [n] : []), ...n.children.flatMap(figures)];

describe('images', () => {
  it('places a PNG from content/ as a Figure with its description, scaled into the column', async () => {
    const { dir } = withImageLine('![A grey checkerboard used as a test pattern](images/pattern.png)', { 'pattern.png': png(1600, 400) });
    const r = await buildProject({ root: dir, dryRun: true, only: ['brief'] });
    const d = r.documents[0];
    const img = d.laid.pages.flatMap((p) => p.items).find((i) => i.kind === 'image');
    expect(img).toBeDefined();
    if (img?.kind !== 'image') return;
    expect(img.w).toBeLessThanOrEqual(595.28 - 2 * 25 * (72 / 25.4) + 0.01);
    expect(img.h / img.w).toBeCloseTo(400 / 1600, 3);
    const fig = figures(d.laid.structure).find((f) => f.id === img.struct);
    expect(fig?.alt).toBe('A grey checkerboard used as a test pattern');
    expect(d.pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect((await checkPdfUa(d.pdf)).failures).toEqual([]);
    expect(r.warnings.filter((w) => w.includes('image'))).toEqual([]);
  }, 60_000);

  const refused: [string, string, Record<string, Buffer>, RegExp][] = [
    ['a GIF', '![Logo](images/logo.gif)', { 'logo.gif': Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') }, /content\/images\/logo\.gif is not a PNG or JPEG image; its description is shown instead — save it as PNG or JPEG/],
    ['a path out of content/', '![Secret](../secret.png)', {}, /"\.\.\/secret\.png" is not allowed here; its description is shown instead/],
    ['an absolute path', '![Passwords](/etc/passwd)', {}, /"\/etc\/passwd" is not allowed here/],
    ['a web address', '![Remote](https://example.org/a.png)', {}, /image https:\/\/example\.org\/a\.png is on the web and is not fetched/],
    ['a missing file', '![Team](images/team.png)', {}, /image content\/images\/team\.png does not exist/],
    ['a file over 5 MB', '![Big](images/big.png)', { 'big.png': Buffer.concat([png(8, 8), Buffer.alloc(6 * 1024 * 1024)]) }, /image content\/images\/big\.png is 6\.0 MB; the limit is 5 MB/],
  ];
  for (const [what, line, files, message] of refused) {
    it(`refuses ${what} with a located warning and shows the description instead`, async () => {
      const { dir, lineNo } = withImageLine(line, files);
      const r = await buildProject({ root: dir, dryRun: true, only: ['brief'] });
      const w = r.warnings.find((x) => message.test(x));
      expect(w, r.warnings.join('\n')).toBeDefined();
      expect(w).toMatch(new RegExp(`^content/brief\\.md:${lineNo}`));
      expect(r.documents[0].laid.pages.flatMap((p) => p.items).some((i) => i.kind === 'image')).toBe(false);
    }, 60_000);
  }

  it('warns when an image has no description, and still places it', async () => {
    const { dir } = withImageLine('![](images/pattern.png)', { 'pattern.png': png(64, 64) });
    const r = await buildProject({ root: dir, dryRun: true, only: ['brief'] });
    expect(r.warnings.join('\n')).toMatch(/image images\/pattern\.png has no description/);
    expect(r.documents[0].laid.pages.flatMap((p) => p.items).some((i) => i.kind === 'image')).toBe(true);
  }, 60_000);
});

describe('JPEG size', () => {
  it('reads width and height from the frame header, past other segments', async () => {
    const { loadImage } = await import('../../src/resolve/loadImage.js');
    const dir = scratchProject();
    mkdirSync(join(dir, 'content/images'), { recursive: true });
    // A real JPEG: SOI, APP0 (JFIF), DQT, then SOF0 with the size, scans, EOI.
    writeFileSync(join(dir, 'content/images/photo.jpg'), plainJpeg(1200, 300));
    expect(loadImage(dir, 'images/photo.jpg', { file: 'content/brief.md', line: 1 })).toMatchObject({ width: 1200, height: 300 });
    // A frame header with no picture data after it is no JPEG a viewer can draw.
    const headerOnly = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x04, 0xb0, 0x03, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
    writeFileSync(join(dir, 'content/images/header.jpg'), headerOnly);
    expect(() => loadImage(dir, 'images/header.jpg', { file: 'content/brief.md', line: 1 })).toThrow(/image content\/images\/header\.jpg: it ends before its picture data/);
  });
});
