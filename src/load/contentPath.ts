import { InputError, type SourcePlace } from '../errors.js';

/**
 * Paths written by authors (includes, chart names) stay inside content/: no absolute paths,
 * no `..`, no URLs. Checked before anything is read.
 */
export function checkContentPath(p: string, place: SourcePlace): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || p.startsWith('\\') || p.split(/[\\/]/).includes('..') || p.includes('\0')) {
    throw new InputError(place, `"${p}" is not allowed here`, 'use a path inside content/, without "..", a leading "/" or a URL');
  }
}
