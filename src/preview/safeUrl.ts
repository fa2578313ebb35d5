// The preview server answers only the routes it knows; no path on disk is ever made from a
// URL. Requests that try to climb out anyway (.., encoded dots or slashes, backslashes,
// absolute or scheme-qualified targets, NUL) are refused before any routing, so a mistake in a
// route can't turn into a file read.

/** The request's path if it is plain, else null (answer 400). */
export function plainPath(rawUrl: string | undefined): string | null {
  if (!rawUrl || rawUrl.length > 2048 || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return null;
  const [path] = rawUrl.split('?', 1);
  if (/%(2e|2f|5c|00)|\\|\0/i.test(path)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.') || /[\\\0]/.test(decoded)) return null;
  return decoded;
}

/** A document name as config.yaml allows it (also what /doc/NAME.pdf may name). */
export function documentName(s: string): string | null {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(s) ? s : null;
}
