// Embedded fonts for the HTML edition: each font the page uses, cut down to the characters the
// page holds and wrapped as WOFF (zlib-compressed tables), so the page shows the PDF's type, and
// chart labels fit the widths vega measured them with, with no request for a font.
//
// fontkit's subsetter writes the tables a PDF needs (glyf, loca, hmtx …) but no cmap, name,
// OS/2 or post, without which browsers reject a font: those are added here (a cmap for the
// kept characters; name and OS/2 copied; post as version 3, without glyph names). Kerning and
// ligature tables are left out: the browser sets the text, so a few pairs are not kerned.
import { deflateSync } from 'node:zlib';
import { getFont, type FontKey } from '../fonts/fontRegistry.js';

interface Table {
  tag: string;
  data: Buffer;
}

/** The font as a WOFF file holding the glyphs of `text`'s characters, or null if it has none of them. */
export function webFontSubset(key: FontKey, text: string): Buffer | null {
  const loaded = getFont(key);
  const font = loaded.font;
  const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  const map = new Map<number, number>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20) continue;
    const glyph = font.glyphForCodePoint(cp);
    if (!glyph || glyph.id === 0) continue;
    map.set(cp, subset.includeGlyph(glyph.id));
  }
  if (!map.size) return null;
  const tables = readTables(Buffer.from(subset.encode()));
  const original = readTables(loaded.data);
  const copy = (tag: string) => original.find((t) => t.tag === tag);
  const name = copy('name');
  const os2 = copy('OS/2');
  const post = copy('post');
  if (!name || !os2 || !post) return null;
  const post3 = Buffer.from(post.data.subarray(0, 32));
  post3.writeUInt32BE(0x00030000, 0);
  tables.push({ tag: 'cmap', data: cmapTable(map) }, name, os2, { tag: 'post', data: post3 });
  return woff(tables.filter((t) => t.data.length > 0));
}

/** The tables of an sfnt (TrueType) file. */
function readTables(sfnt: Buffer): Table[] {
  const n = sfnt.readUInt16BE(4);
  const out: Table[] = [];
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    const tag = sfnt.toString('latin1', at, at + 4);
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    out.push({ tag, data: sfnt.subarray(offset, offset + length) });
  }
  return out;
}

/** cmap with a format 4 subtable (the BMP) and a format 12 one (every character). */
function cmapTable(map: Map<number, number>): Buffer {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const bmp = cps.filter((c) => c <= 0xffff);
  // Format 4: one segment per character (a few hundred at most), then the closing 0xFFFF.
  const segs = [...bmp.map((c) => ({ start: c, end: c, delta: (map.get(c)! - c) & 0xffff })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const segX2 = segs.length * 2;
  const f4 = Buffer.alloc(16 + segs.length * 8);
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  const p2 = 2 ** Math.floor(Math.log2(segs.length));
  f4.writeUInt16BE(segX2, 6);
  f4.writeUInt16BE(p2 * 2, 8);
  f4.writeUInt16BE(Math.log2(p2), 10);
  f4.writeUInt16BE(segX2 - p2 * 2, 12);
  segs.forEach((s, i) => {
    f4.writeUInt16BE(s.end, 14 + i * 2);
    f4.writeUInt16BE(s.start, 16 + segX2 + i * 2);
    f4.writeUInt16BE(s.delta, 16 + 2 * segX2 + i * 2);
    // idRangeOffset 0: glyph = character + delta.
  });
  const f12 = Buffer.alloc(16 + cps.length * 12);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(cps.length, 12);
  cps.forEach((c, i) => {
    f12.writeUInt32BE(c, 16 + i * 12);
    f12.writeUInt32BE(c, 20 + i * 12);
    f12.writeUInt32BE(map.get(c)!, 24 + i * 12);
  });
  const head = Buffer.alloc(4 + 2 * 8);
  head.writeUInt16BE(2, 2);
  // (3,1) → format 4, (3,10) → format 12.
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(1, 6);
  head.writeUInt32BE(head.length, 8);
  head.writeUInt16BE(3, 12);
  head.writeUInt16BE(10, 14);
  head.writeUInt32BE(head.length + f4.length, 16);
  return Buffer.concat([head, f4, f12]);
}

function checksum(data: Buffer): number {
  const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** WOFF 1.0: the tables, each zlib-compressed when that is smaller, sorted by tag. */
function woff(tables: Table[]): Buffer {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const header = 44;
  const dir = 20 * tables.length;
  const parts: Buffer[] = [];
  const entries = Buffer.alloc(dir);
  let offset = header + dir;
  let sfntSize = 12 + 16 * tables.length;
  tables.forEach((t, i) => {
    const z = deflateSync(t.data, { level: 9 });
    const body = z.length < t.data.length ? z : t.data;
    const e = i * 20;
    entries.write(t.tag, e, 'latin1');
    entries.writeUInt32BE(offset, e + 4);
    entries.writeUInt32BE(body.length, e + 8);
    entries.writeUInt32BE(t.data.length, e + 12);
    entries.writeUInt32BE(checksum(t.data), e + 16);
    parts.push(body, Buffer.alloc(pad4(body.length) - body.length));
    offset += pad4(body.length);
    sfntSize += pad4(t.data.length);
  });
  const h = Buffer.alloc(header);
  h.write('wOFF', 0, 'latin1');
  h.writeUInt32BE(0x00010000, 4);
  h.writeUInt32BE(offset, 8);
  h.writeUInt16BE(tables.length, 12);
  h.writeUInt32BE(sfntSize, 16);
  h.writeUInt16BE(1, 20);
  return Buffer.concat([h, entries, ...parts]);
}
