// Font files changed the way a restrictive foundry ships them: a copy of a font with another
// OS/2 fsType (its embedding licence bits), the table's checksum in the directory made right
// again so that the copy is a valid font and only the licence differs.

/** A copy of the TrueType/OpenType `font` with OS/2 fsType set to `fsType`. */
export function withFsType(font: Buffer, fsType: number): Buffer {
  const out = Buffer.from(font);
  const n = out.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    if (out.toString('latin1', r, r + 4) !== 'OS/2') continue;
    const offset = out.readUInt32BE(r + 8);
    const length = out.readUInt32BE(r + 12);
    out.writeUInt16BE(fsType, offset + 8);
    out.writeUInt32BE(tableChecksum(out, offset, length), r + 4);
    return out;
  }
  throw new Error('the font has no OS/2 table');
}

/** The OpenType table checksum: the sum of its big-endian 32-bit words, zero-padded, mod 2³². */
function tableChecksum(data: Buffer, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) {
    let word = 0;
    for (let k = 0; k < 4; k++) word = word * 256 + (i + k < length ? data[offset + i + k] : 0);
    sum = (sum + word) >>> 0;
  }
  return sum;
}
