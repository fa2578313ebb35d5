// Ghostscript's tiffsep device splits a page into its printing plates (Cyan, Magenta, Yellow,
// Black, and any spot colours), one 8-bit TIFF each: an independent reading of what the
// press would print. This reads those TIFFs (uncompressed, as asked for below).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One plate: ink per pixel from 0 (none) to 255 (solid). */
export interface Plate {
  width: number;
  height: number;
  ink: Uint8Array;
}

export interface SeparationOptions {
  page: number;
  dpi: number;
  /** Ghostscript's -dUseTrimBox / -dUseBleedBox: render only that box. */
  box?: 'TrimBox' | 'BleedBox';
  /** Leave out vector art (Ghostscript's -dFILTERVECTOR): text and images only. */
  textOnly?: boolean;
}

/** The plates of one page of `pdf`, by name (Cyan, Magenta, Yellow, Black, spot names). */
export function separations(pdf: Buffer | string, o: SeparationOptions): Map<string, Plate> {
  const dir = mkdtempSync(join(tmpdir(), 'report-sep-'));
  try {
    const input = typeof pdf === 'string' ? pdf : join(dir, 'in.pdf');
    if (typeof pdf !== 'string') writeFileSync(input, pdf);
    const args = ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=tiffsep', '-sCompression=none', `-r${o.dpi}`, `-dFirstPage=${o.page}`, `-dLastPage=${o.page}`];
    if (o.box) args.push(`-dUse${o.box}`);
    // Not -dFILTERIMAGE: Ghostscript draws cached glyphs as image masks, so it drops text too.
    if (o.textOnly) args.push('-dFILTERVECTOR');
    execFileSync('gs', [...args, `-sOutputFile=${join(dir, 'p.tif')}`, input], { stdio: ['ignore', 'ignore', 'pipe'] });
    const plates = new Map<string, Plate>();
    for (const f of readdirSync(dir)) {
      const m = /^p\((.+)\)\.tif$/.exec(f);
      if (m) plates.set(m[1], readGrayTiff(readFileSync(join(dir, f))));
    }
    return plates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An uncompressed 8-bit single-channel TIFF, as ink (0 none, 255 solid). */
export function readGrayTiff(b: Buffer): Plate {
  const le = b.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4);
  const n = u16(ifd);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    const tag = u16(e);
    const type = u16(e + 2);
    const count = u32(e + 4);
    const size = type === 3 ? 2 : 4;
    const at = count * size <= 4 ? e + 8 : u32(e + 8);
    const vals: number[] = [];
    for (let k = 0; k < count; k++) vals.push(size === 2 ? u16(at + k * 2) : u32(at + k * 4));
    tags.set(tag, vals);
  }
  const width = tags.get(256)![0];
  const height = tags.get(257)![0];
  if ((tags.get(259)?.[0] ?? 1) !== 1) throw new Error('compressed TIFF');
  if ((tags.get(258)?.[0] ?? 1) !== 8 || (tags.get(277)?.[0] ?? 1) !== 1) throw new Error('not an 8-bit single-channel TIFF');
  // 0: WhiteIsZero (the value is ink), 1: BlackIsZero (the value is lightness).
  const whiteIsZero = (tags.get(262)?.[0] ?? 0) === 0;
  const offsets = tags.get(273)!;
  const counts = tags.get(279)!;
  const ink = new Uint8Array(width * height);
  let p = 0;
  offsets.forEach((off, i) => {
    const len = Math.min(counts[i], ink.length - p);
    for (let k = 0; k < len; k++) ink[p++] = whiteIsZero ? b[off + k] : 255 - b[off + k];
  });
  return { width, height, ink };
}

/** How many pixels of the plate carry any ink. */
export function inked(p: Plate): number {
  let n = 0;
  for (const v of p.ink) if (v > 0) n++;
  return n;
}
