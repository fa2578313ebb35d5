// The colour model of a PNG or JPEG, read from its header: a CMYK job takes grey and CMYK
// images as they are, while an RGB one would leave the conversion to the press.

export type ImageColorModel = 'gray' | 'rgb' | 'cmyk' | 'unknown';

export function imageColorModel(data: Uint8Array): ImageColorModel {
  // PNG: the IHDR chunk's colour type (0 grey, 4 grey with alpha; 2, 3, 6 colour).
  if (data.length > 25 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    const type = data[25];
    return type === 0 || type === 4 ? 'gray' : 'rgb';
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) return jpegModel(data);
  return 'unknown';
}

/** The component count in the first start-of-frame marker. */
function jpegModel(d: Uint8Array): ImageColorModel {
  let i = 2;
  // Each marker segment is at least 4 bytes, so this ends within the file.
  while (i + 9 < d.length) {
    if (d[i] !== 0xff) return 'unknown';
    const marker = d[i + 1];
    const len = (d[i + 2] << 8) | d[i + 3];
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) {
      const n = d[i + 9];
      return n === 1 ? 'gray' : n === 3 ? 'rgb' : n === 4 ? 'cmyk' : 'unknown';
    }
    if (len < 2) return 'unknown';
    i += 2 + len;
  }
  return 'unknown';
}
