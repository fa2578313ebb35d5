// A small but complete ICC v2 CMYK output profile, made in code for the tests: a print shop's
// real profile cannot be shipped (their licences, and Ghostscript's default_cmyk.icc is AGPL).
// It has every tag ICC.1:2001-04 asks of an output profile (desc, cprt, wtpt, A2B0–2, B2A0–2,
// gamt), lut8 tables with PCS Lab, built from the textbook CMYK ↔ sRGB formulas: good enough
// for a colour engine (Ghostscript's lcms2 reads it in the tests) and honest about being no press.

const D50 = [0.9642, 1, 0.8249];
/** sRGB (linear) → XYZ, adapted to D50 (Bradford). */
const M = [
  [0.4360747, 0.3850649, 0.1430804],
  [0.2225045, 0.7168786, 0.0606169],
  [0.0139322, 0.0971045, 0.7141733],
];

const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const gam = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
const finv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

function rgbToLab(rgb: number[]): number[] {
  const l = rgb.map(lin);
  const xyz = M.map((row) => row[0] * l[0] + row[1] * l[1] + row[2] * l[2]);
  const [fx, fy, fz] = xyz.map((v, i) => f(v / D50[i]));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

function labToRgb([L, a, b]: number[]): number[] {
  const fy = (L + 16) / 116;
  const xyz = [finv(fy + a / 500) * D50[0], finv(fy) * D50[1], finv(fy - b / 200) * D50[2]];
  const inv = invert(M);
  return inv.map((row) => gam(Math.max(0, Math.min(1, row[0] * xyz[0] + row[1] * xyz[1] + row[2] * xyz[2]))));
}

function invert(m: number[][]): number[][] {
  const [[a, b, c], [d, e, f2], [g, h, i]] = m;
  const det = a * (e * i - f2 * h) - b * (d * i - f2 * g) + c * (d * h - e * g);
  return [
    [(e * i - f2 * h) / det, (c * h - b * i) / det, (b * f2 - c * e) / det],
    [(f2 * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f2) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

const cmykToRgb = ([c, m, y, k]: number[]) => [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)];

function rgbToCmyk([r, g, b]: number[]): number[] {
  const k = 1 - Math.max(r, g, b);
  return k >= 1 ? [0, 0, 0, 1] : [(1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k];
}

/** v2 lut8 Lab encoding: L 0–100 → 0–255, a and b −128–127 → 0–255. */
const encLab = ([L, a, b]: number[]) => [L * 2.55, a + 128, b + 128].map((v) => Math.max(0, Math.min(255, Math.round(v))));
const decLab = ([L, a, b]: number[]) => [L / 2.55, a - 128, b - 128];

class Writer {
  private bytes: number[] = [];
  u8(v: number) { this.bytes.push(v & 255); return this; }
  u16(v: number) { return this.u8(v >> 8).u8(v); }
  u32(v: number) { return this.u16(v >>> 16).u16(v & 0xffff); }
  s15(v: number) { return this.u32(Math.round(v * 65536) >>> 0); }
  sig(s: string) { for (const ch of s.padEnd(4)) this.u8(ch.charCodeAt(0)); return this; }
  raw(b: ArrayLike<number>) { for (let i = 0; i < b.length; i++) this.u8(b[i]); return this; }
  pad4() { while (this.bytes.length % 4) this.u8(0); return this; }
  get length() { return this.bytes.length; }
  done() { return Buffer.from(this.bytes); }
}

/** An 8-bit lut ('mft1') with identity curves and a CLUT of `grid` points per input. */
function lut8(inputs: number, outputs: number, grid: number, fn: (input: number[]) => number[]): Buffer {
  const w = new Writer().sig('mft1').u32(0).u8(inputs).u8(outputs).u8(grid).u8(0);
  for (const v of [1, 0, 0, 0, 1, 0, 0, 0, 1]) w.s15(v);
  for (let c = 0; c < inputs; c++) for (let i = 0; i < 256; i++) w.u8(i);
  const total = grid ** inputs;
  for (let n = 0; n < total; n++) {
    // The first input varies slowest (ICC CLUT order).
    const idx: number[] = [];
    let r = n;
    for (let c = inputs - 1; c >= 0; c--) {
      idx[c] = r % grid;
      r = Math.floor(r / grid);
    }
    w.raw(fn(idx.map((i) => (i / (grid - 1)) * 255)));
  }
  for (let c = 0; c < outputs; c++) for (let i = 0; i < 256; i++) w.u8(i);
  return w.done();
}

function textDescription(s: string): Buffer {
  return new Writer().sig('desc').u32(0).u32(s.length + 1).raw([...s].map((c) => c.charCodeAt(0))).u8(0).u32(0).u32(0).u16(0).u8(0).raw(new Array(67).fill(0)).done();
}

/** The profile's bytes; `description` is what a PDF/X output intent names. */
export function cmykIccProfile(description = 'report-generator test CMYK (not a press)'): Buffer {
  const a2b = lut8(4, 3, 3, (cmyk) => encLab(rgbToLab(cmykToRgb(cmyk.map((v) => v / 255)))));
  const b2a = lut8(3, 4, 9, (lab) => rgbToCmyk(labToRgb(decLab(lab))).map((v) => Math.round(v * 255)));
  const gamt = lut8(3, 1, 2, () => [0]);
  const data: [string[], Buffer][] = [
    [['desc'], textDescription(description)],
    [['cprt'], new Writer().sig('text').u32(0).raw([...'No copyright, use freely'].map((c) => c.charCodeAt(0))).u8(0).done()],
    [['wtpt'], new Writer().sig('XYZ ').u32(0).s15(D50[0]).s15(D50[1]).s15(D50[2]).done()],
    [['A2B0', 'A2B1', 'A2B2'], a2b],
    [['B2A0', 'B2A1', 'B2A2'], b2a],
    [['gamt'], gamt],
  ];
  const count = data.reduce((n, [sigs]) => n + sigs.length, 0);
  let offset = 128 + 4 + count * 12;
  const table = new Writer().u32(count);
  const body = new Writer();
  for (const [sigs, bytes] of data) {
    for (const s of sigs) table.sig(s).u32(offset).u32(bytes.length);
    body.raw(bytes).pad4();
    offset += bytes.length + ((4 - (bytes.length % 4)) % 4);
  }
  const size = 128 + table.length + body.length;
  const header = new Writer()
    .u32(size).u32(0).u32(0x02100000).sig('prtr').sig('CMYK').sig('Lab ')
    .u16(2026).u16(1).u16(1).u16(0).u16(0).u16(0)
    .sig('acsp').u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0)
    .s15(D50[0]).s15(D50[1]).s15(D50[2]).u32(0);
  while (header.length < 128) header.u8(0);
  return Buffer.concat([header.done(), table.done(), body.done()]);
}
