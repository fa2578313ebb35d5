// How big a picture may be once decoded. Checked from the header, before a byte is inflated or
// decoded, so a 1 KB file declaring 60000×60000 pixels or a PNG bomb costs nothing: 10,000 px
// a side and 40 megapixels print at 300 dpi over 84 cm — far beyond any page — and the decoded
// pixels of the largest allowed picture stay well inside the build's 1 GB.
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Decoded bytes (a 16-bit RGBA picture takes 8 a pixel), and jpeg-js's working memory. */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/** A picture that is malformed or beyond the limits: why, and what the author can do. */
export class ImageRefused extends Error {
  constructor(
    readonly problem: string,
    readonly hint: string,
  ) {
    super(problem);
  }
}

/** Refuses dimensions beyond the limits (`bytesPerPixel` of the decoded pixels). */
export function checkImageSize(width: number, height: number, bytesPerPixel: number): void {
  if (width < 1 || height < 1) throw new ImageRefused(`declares ${width}×${height} pixels`, 'export it again from an image editor');
  const hint = `export it at most ${MAX_IMAGE_SIDE} px a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels — 300 dpi needs about 2500 px across a page`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) throw new ImageRefused(`is ${width}×${height} pixels; the limit is ${MAX_IMAGE_SIDE} a side`, hint);
  if (width * height > MAX_IMAGE_PIXELS) throw new ImageRefused(`is ${((width * height) / 1e6).toFixed(1)} megapixels; the limit is ${MAX_IMAGE_PIXELS / 1e6}`, hint);
  if (width * height * bytesPerPixel > MAX_DECODED_BYTES) throw new ImageRefused(`would take ${Math.ceil((width * height * bytesPerPixel) / 1048576)} MB decoded; the limit is ${MAX_DECODED_BYTES / 1048576} MB`, hint);
}
