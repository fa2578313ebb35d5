// Reads, straight from a font file's bytes, the parts of OpenType that simple scripts need:
// cmap (formats 4 and 12), horizontal advances (hhea/hmtx), pair kerning (GPOS 'kern', PairPos
// formats 1 and 2, inside Extension lookups too) and standard ligatures (GSUB 'liga'). fontkit
// decodes the same tables through a generic structure decoder, which costs ~15 ms a font at
// first use and ~100 µs a shaping call; these reads cost microseconds. tests/fonts.test.ts
// checks the results glyph for glyph against fontkit's shaping.

export interface OpenTypeReader {
  unitsPerEm: number;
  glyphId(codePoint: number): number;
  advance(glyph: number): number;
  /** Kerning between two glyphs in font units (added to the first glyph's advance). */
  kern(left: number, right: number): number;
  /** The ligature glyph for a sequence of glyphs, or null. */
  ligature(glyphs: number[]): number | null;
  /** Whether any standard ligature begins with this glyph (most glyphs begin none). */
  startsLigature(glyph: number): boolean;
}

export function readOpenType(buf: Uint8Array): OpenTypeReader {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (o: number) => v.getUint16(o);
  const i16 = (o: number) => v.getInt16(o);
  const u32 = (o: number) => v.getUint32(o);
  const tables = new Map<string, number>();
  const numTables = u16(4);
  for (let i = 0; i < numTables; i++) {
    const r = 12 + 16 * i;
    tables.set(String.fromCharCode(buf[r], buf[r + 1], buf[r + 2], buf[r + 3]), u32(r + 8));
  }
  const head = tables.get('head')!;
  const unitsPerEm = u16(head + 18);
  const hhea = tables.get('hhea')!;
  const numberOfHMetrics = u16(hhea + 34);
  const hmtx = tables.get('hmtx')!;
  const cmap = readCmap(v, tables.get('cmap')!);

  const coverageIndex = (at: number, glyph: number): number => {
    const format = u16(at);
    if (format === 1) {
      let lo = 0;
      let hi = u16(at + 2) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = u16(at + 4 + 2 * mid);
        if (g === glyph) return mid;
        if (g < glyph) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }
    if (format === 2) {
      const n = u16(at + 2);
      for (let i = 0; i < n; i++) {
        const r = at + 4 + 6 * i;
        if (glyph >= u16(r) && glyph <= u16(r + 2)) return u16(r + 4) + glyph - u16(r);
      }
    }
    return -1;
  };
  const classOf = (at: number, glyph: number): number => {
    const format = u16(at);
    if (format === 1) {
      const start = u16(at + 2);
      const count = u16(at + 4);
      return glyph >= start && glyph < start + count ? u16(at + 6 + 2 * (glyph - start)) : 0;
    }
    if (format === 2) {
      const n = u16(at + 2);
      for (let i = 0; i < n; i++) {
        const r = at + 4 + 6 * i;
        if (glyph >= u16(r) && glyph <= u16(r + 2)) return u16(r + 4);
      }
    }
    return 0;
  };

  /** Subtable offsets of each lookup a feature uses, per lookup, with Extension unwrapped. */
  const featureLookups = (tag: string, type: number, extensionType: number): number[][] => {
    const table = tables.get(tag === 'kern' ? 'GPOS' : 'GSUB');
    if (table === undefined) return [];
    const featureList = table + u16(table + 6);
    const lookupList = table + u16(table + 8);
    const indices = new Set<number>();
    for (let i = 0, n = u16(featureList); i < n; i++) {
      const r = featureList + 2 + 6 * i;
      if (String.fromCharCode(buf[r], buf[r + 1], buf[r + 2], buf[r + 3]) !== tag) continue;
      const feature = featureList + u16(r + 4);
      for (let k = 0, m = u16(feature + 2); k < m; k++) indices.add(u16(feature + 4 + 2 * k));
    }
    return [...indices].sort((a, b) => a - b).map((li) => {
      const lookup = lookupList + u16(lookupList + 2 + 2 * li);
      const lookupType = u16(lookup);
      const subs: number[] = [];
      for (let k = 0, m = u16(lookup + 4); k < m; k++) {
        let sub = lookup + u16(lookup + 6 + 2 * k);
        let t = lookupType;
        if (lookupType === extensionType) {
          t = u16(sub + 2);
          sub += u32(sub + 4);
        }
        if (t === type) subs.push(sub);
      }
      return subs;
    });
  };

  const kernLookups = featureLookups('kern', 2, 9);
  const ligaSubtables = featureLookups('liga', 4, 7).flat();
  // Size of a ValueRecord and where XAdvance sits in it, from its format bits.
  const valueSize = (f: number) => 2 * popcount(f & 0xff);
  const xAdvanceAt = (f: number) => (f & 0x0004 ? 2 * popcount(f & 0x0003) : -1);

  const pairAdjustment = (subs: number[], left: number, right: number): number => {
    for (const st of subs) {
      const format = u16(st);
      const ci = coverageIndex(st + u16(st + 2), left);
      if (ci < 0) continue;
      const vf1 = u16(st + 4);
      const vf2 = u16(st + 6);
      const size = valueSize(vf1) + valueSize(vf2);
      const xa = xAdvanceAt(vf1);
      if (format === 1) {
        const set = st + u16(st + 10 + 2 * ci);
        const count = u16(set);
        const stride = 2 + size;
        // Pair records are sorted by second glyph: binary search.
        let lo = 0;
        let hi = count - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const rec = set + 2 + stride * mid;
          const g = u16(rec);
          if (g === right) return xa < 0 ? 0 : i16(rec + 2 + xa);
          if (g < right) lo = mid + 1;
          else hi = mid - 1;
        }
        continue; // format 1 applies only when the second glyph is listed
      }
      if (format === 2) {
        const c1 = classOf(st + u16(st + 8), left);
        const c2 = classOf(st + u16(st + 10), right);
        const class2Count = u16(st + 14);
        const rec = st + 16 + (c1 * class2Count + c2) * size;
        return xa < 0 ? 0 : i16(rec + xa);
      }
    }
    return 0;
  };

  return {
    unitsPerEm,
    glyphId: cmap,
    advance: (g) => u16(hmtx + 4 * Math.min(g, numberOfHMetrics - 1)),
    kern(left, right) {
      let total = 0;
      for (const subs of kernLookups) total += pairAdjustment(subs, left, right);
      return total;
    },
    startsLigature(glyph) {
      for (const st of ligaSubtables) if (coverageIndex(st + u16(st + 2), glyph) >= 0) return true;
      return false;
    },
    ligature(glyphs) {
      for (const st of ligaSubtables) {
        const ci = coverageIndex(st + u16(st + 2), glyphs[0]);
        if (ci < 0) continue;
        const set = st + u16(st + 6 + 2 * ci);
        for (let i = 0, n = u16(set); i < n; i++) {
          const lig = set + u16(set + 2 + 2 * i);
          const count = u16(lig + 2);
          if (count !== glyphs.length) continue;
          let ok = true;
          for (let k = 1; k < count && ok; k++) ok = u16(lig + 2 + 2 * k) === glyphs[k];
          if (ok) return u16(lig);
        }
      }
      return null;
    },
  };
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** A code point → glyph id function from the best Unicode cmap subtable (format 12, else 4). */
function readCmap(v: DataView, cmap: number): (cp: number) => number {
  const u16 = (o: number) => v.getUint16(o);
  const u32 = (o: number) => v.getUint32(o);
  let f4 = -1;
  let f12 = -1;
  for (let i = 0, n = u16(cmap + 2); i < n; i++) {
    const r = cmap + 4 + 8 * i;
    const platform = u16(r);
    const encoding = u16(r + 2);
    const sub = cmap + u32(r + 4);
    const format = u16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && f12 < 0) f12 = sub;
    if (format === 4 && f4 < 0) f4 = sub;
  }
  if (f12 >= 0) {
    const n = u32(f12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = f12 + 16 + 12 * mid;
        const start = u32(g);
        if (cp < start) hi = mid - 1;
        else if (cp > u32(g + 4)) lo = mid + 1;
        else return u32(g + 8) + cp - start;
      }
      return 0;
    };
  }
  if (f4 < 0) return () => 0;
  const segX2 = u16(f4 + 6);
  const ends = f4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segX2 / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp > u16(ends + 2 * mid)) lo = mid + 1;
      else hi = mid - 1;
    }
    const s = lo;
    if (s >= segX2 / 2 || cp < u16(starts + 2 * s)) return 0;
    const ro = u16(rangeOffsets + 2 * s);
    if (ro === 0) return (cp + v.getInt16(deltas + 2 * s)) & 0xffff;
    const g = u16(rangeOffsets + 2 * s + ro + 2 * (cp - u16(starts + 2 * s)));
    return g === 0 ? 0 : (g + v.getInt16(deltas + 2 * s)) & 0xffff;
  };
}

/** What a PDF font descriptor needs of a font, read from its head, hhea, OS/2, post and name tables. */
export interface FontInfo {
  postscriptName: string | null;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  /** OS/2 version ≥ 2 only; null otherwise. */
  capHeight: number | null;
  xHeight: number | null;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  sFamilyClass: number;
  isFixedPitch: boolean;
  italic: boolean;
  /** Advance of glyph 0 (.notdef). */
  notdefAdvance: number;
}

export function readFontInfo(buf: Uint8Array): FontInfo {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0, n = v.getUint16(4); i < n; i++) {
    const r = 12 + 16 * i;
    tables.set(String.fromCharCode(buf[r], buf[r + 1], buf[r + 2], buf[r + 3]), v.getUint32(r + 8));
  }
  const head = tables.get('head')!;
  const hhea = tables.get('hhea')!;
  const post = tables.get('post')!;
  const os2 = tables.get('OS/2');
  const os2Version = os2 === undefined ? -1 : v.getUint16(os2);
  return {
    postscriptName: readName(v, buf, tables.get('name'), 6),
    unitsPerEm: v.getUint16(head + 18),
    ascent: v.getInt16(hhea + 4),
    descent: v.getInt16(hhea + 6),
    lineGap: v.getInt16(hhea + 8),
    capHeight: os2 !== undefined && os2Version >= 2 ? v.getInt16(os2 + 88) : null,
    xHeight: os2 !== undefined && os2Version >= 2 ? v.getInt16(os2 + 86) : null,
    italicAngle: v.getInt32(post + 4) / 65536,
    bbox: { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) },
    sFamilyClass: os2 === undefined ? 0 : v.getInt16(os2 + 30),
    isFixedPitch: v.getUint32(post + 12) !== 0,
    italic: (v.getUint16(head + 44) & 2) !== 0,
    notdefAdvance: v.getUint16(tables.get('hmtx')!),
  };
}

/** An English name record: Windows (UTF-16BE) first, as fontkit prefers it, else Macintosh Roman. */
function readName(v: DataView, buf: Uint8Array, name: number | undefined, nameId: number): string | null {
  if (name === undefined) return null;
  const count = v.getUint16(name + 2);
  const strings = name + v.getUint16(name + 4);
  let mac: string | null = null;
  for (let i = 0; i < count; i++) {
    const r = name + 6 + 12 * i;
    const platform = v.getUint16(r);
    const encoding = v.getUint16(r + 2);
    const language = v.getUint16(r + 4);
    if (v.getUint16(r + 6) !== nameId) continue;
    const length = v.getUint16(r + 8);
    const at = strings + v.getUint16(r + 10);
    if (platform === 3 && (encoding === 1 || encoding === 0) && language === 0x409) {
      let s = '';
      for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(v.getUint16(at + k));
      return s;
    }
    if (platform === 1 && encoding === 0 && language === 0) mac = String.fromCharCode(...buf.subarray(at, at + length));
  }
  return mac;
}
