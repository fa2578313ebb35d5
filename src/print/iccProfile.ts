// The print shop's ICC profile, read far enough to check that it can be a PDF/X output intent
// (an output profile for CMYK, ICC.1 header and tag table intact) and to name the output
// condition it describes (its description tag). The profile itself is embedded unchanged.

export interface IccInfo {
  /** The profile's description, e.g. "Coated FOGRA39 (ISO 12647-2:2004)". */
  description: string;
  /** ICC version, e.g. "2.1" or "4.3". */
  version: string;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/** The profile's facts, or why it cannot be a CMYK output intent. */
export function readIccProfile(b: Uint8Array): IccInfo | { problem: string } {
  if (b.length < 132) return { problem: 'is too short to be an ICC profile' };
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (ascii(b, 36, 4) !== 'acsp') return { problem: 'is not an ICC profile (no "acsp" signature)' };
  const size = dv.getUint32(0);
  if (size !== b.length) return { problem: `is damaged: its header says ${size} bytes, the file has ${b.length}` };
  const cls = ascii(b, 12, 4);
  const space = ascii(b, 16, 4);
  if (space !== 'CMYK') return { problem: `describes ${space.trim()} colour, not CMYK; ask the print shop for their CMYK output profile` };
  if (cls !== 'prtr') return { problem: `is a "${cls}" profile, not an output (printer) profile` };
  const version = `${b[8]}.${b[9] >> 4}`;
  const count = dv.getUint32(128);
  if (132 + count * 12 > b.length) return { problem: 'is damaged: its tag table runs past the end of the file' };
  const tags = new Map<string, { offset: number; size: number }>();
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12;
    const offset = dv.getUint32(at + 4);
    const len = dv.getUint32(at + 8);
    if (offset + len > b.length) return { problem: `is damaged: tag ${ascii(b, at, 4)} runs past the end of the file` };
    tags.set(ascii(b, at, 4), { offset, size: len });
  }
  for (const t of ['A2B0', 'B2A0']) if (!tags.has(t)) return { problem: `has no ${t} table, so it cannot convert colour for the press` };
  const desc = tags.get('desc');
  const description = (desc && readText(b, dv, desc.offset, desc.size)) || 'Custom CMYK';
  return { description, version };
}

/** A v2 textDescriptionType ('desc') or a v4 multiLocalizedUnicodeType ('mluc'), first record. */
function readText(b: Uint8Array, dv: DataView, at: number, size: number): string | undefined {
  const type = ascii(b, at, 4);
  if (type === 'desc' && size >= 12) {
    const n = dv.getUint32(at + 8);
    if (12 + n > size) return undefined;
    return ascii(b, at + 12, n).replace(/\0+$/, '').trim();
  }
  if (type === 'mluc' && size >= 28) {
    const len = dv.getUint32(at + 20);
    const off = dv.getUint32(at + 24);
    if (off + len > size) return undefined;
    let s = '';
    for (let i = 0; i + 1 < len; i += 2) s += String.fromCharCode(dv.getUint16(at + off + i));
    return s.replace(/\0+$/, '').trim();
  }
  return undefined;
}
