// The image decoder refuses malformed and oversized pictures from their structure and header,
// before inflating or decoding, and passes well-formed ones through unchanged.
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { decodeImage, ImageRefused } from '../../../src/images/decodeImage.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { corruptIdatPng, ihdr, PNG_SIGNATURE, pngChunk, garbageSegmentsJpeg, hugeDeclaredPng, negativeLengthPng, plainJpeg, plainPng, pngBomb, strayFrameJpeg, truncatedJpeg } from '../../helpers/hostileImages.js';

function refusal(b: Buffer): string {
  try {
    decodeImage(b);
  } catch (e) {
    if (e instanceof ImageRefused) return e.problem;
    throw e;
  }
  throw new Error('not refused');
}

describe('decodeImage', () => {
  it('passes a well-formed PNG and JPEG through as they are', () => {
    const png = plainPng(30, 20);
    expect(decodeImage(png)).toEqual({ width: 30, height: 20, data: png });
    const jpg = plainJpeg(64, 48);
    expect(decodeImage(jpg)).toEqual({ width: 64, height: 48, data: jpg });
  });

  it('refuses a 57-byte PNG with a negative chunk length', () => {
    const b = negativeLengthPng();
    expect(b.length).toBe(57);
    expect(refusal(b)).toMatch(/claims 4294967295 bytes, more than the file holds/);
  });

  it('refuses a PNG declaring 60000×60000 RGBA from its header', () => {
    const b = hugeDeclaredPng();
    expect(b.length).toBeLessThan(2048);
    expect(refusal(b)).toBe('is 60000×60000 pixels; the limit is 10000 a side');
  });

  it('stops a PNG bomb at the size its header implies', () => {
    const b = pngBomb();
    expect(b.length).toBeLessThan(2 * 1024 * 1024);
    expect(refusal(b)).toMatch(/inflates to more than the 1001000 bytes its 1000×1000 pixels need/);
  }, 60_000);

  it('refuses a corrupt IDAT, a damaged CRC, a missing IEND', () => {
    expect(refusal(corruptIdatPng())).toMatch(/cannot be inflated/);
    const crc = Buffer.from(plainPng(4, 4));
    crc[40] ^= 1;
    expect(refusal(crc)).toMatch(/fails its checksum|cannot be inflated/);
    const png = plainPng(4, 4);
    expect(refusal(png.subarray(0, png.length - 12))).toMatch(/ends before its IEND/);
  });

  it('refuses a truncated JPEG, and one with a stray frame header', () => {
    expect(refusal(truncatedJpeg())).toMatch(/cut short/);
    expect(refusal(strayFrameJpeg())).toBe('it has two frame headers (SOF)');
  });

  it('refuses a JPEG of thousands of scans before decoding it', () => {
    const j = plainJpeg(64, 48);
    const sos = j.indexOf(Buffer.from([0xff, 0xda]));
    const eoi = j.length - 2;
    const scan = j.subarray(sos, eoi);
    const bomb = Buffer.concat([j.subarray(0, sos), ...Array<Buffer>(2000).fill(scan), j.subarray(eoi)]);
    expect(refusal(bomb)).toBe('it has 2000 scans; decoding it would take too long');
  });

  it('writes a JPEG with garbage between segments again without it, still a JPEG', () => {
    const d = decodeImage(garbageSegmentsJpeg());
    expect([d.width, d.height]).toEqual([64, 48]);
    expect(d.data.includes('garbage')).toBe(false);
    expect(d.data.includes('junk')).toBe(false);
    expect(d.data.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(d.data.subarray(-2).toString('hex')).toBe('ffd9');
  });

  it('writes an interlaced PNG again, plainly (png-js misreads them)', () => {
    // 2×2 greyscale, Adam7: pass 1 holds (0,0), pass 6 (1,0), pass 7 the second row.
    const raw = Buffer.from([0, 10, 0, 20, 0, 30, 40]);
    const b = Buffer.concat([PNG_SIGNATURE, ihdr(2, 2, 8, 0, 1), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
    const d = decodeImage(b);
    expect(d.data.equals(b)).toBe(false);
    const png = PNG.sync.read(d.data);
    expect([png.width, png.height, png.interlace]).toEqual([2, 2, false]);
    expect([png.data[0], png.data[4], png.data[8], png.data[12]]).toEqual([10, 20, 30, 40]);
  });

  it('writes a CMYK JPEG (Ghostscript, Adobe-inverted) again as an RGB PNG of the right colour', () => {
    // pdfkit would embed it with an inverting Decode array whether or not Adobe wrote it.
    const dir = mkdtempSync(join(tmpdir(), 'cmyk-'));
    writeFileSync(join(dir, 'red.ps'), '%!PS\n<< /PageSize [16 12] >> setpagedevice\n1 0 0 setrgbcolor 0 0 16 12 rectfill showpage\n');
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=jpegcmyk', '-r72', `-sOutputFile=${join(dir, 'red.jpg')}`, join(dir, 'red.ps')]);
    const jpg = readFileSync(join(dir, 'red.jpg'));
    expect(jpg.includes('Adobe')).toBe(true);
    const d = decodeImage(jpg);
    expect([d.width, d.height]).toEqual([16, 12]);
    const png = PNG.sync.read(d.data);
    const [r, g, b] = png.data.subarray(4 * (6 * 16 + 8), 4 * (6 * 16 + 8) + 3);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });
});
