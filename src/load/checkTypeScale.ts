// A template's headings must read as headings: none smaller than the body text, and each level
// at least as large as the one below it (h1 ≥ h2 ≥ h3 ≥ body). A level-3 heading set smaller
// than the text it heads looks like a caption. The defaults obey this; a template that does not
// is refused at the offending size, like any other bad template value.
import type { ErrorList, SourcePlace } from '../errors.js';
import type { TypeRole, TypeSpec } from './templateTypes.js';

const SCALE: TypeRole[] = ['h1', 'h2', 'h3', 'body'];

export function checkTypeScale(type: Record<TypeRole, TypeSpec>, at: (path: string[]) => SourcePlace, errors: ErrorList): void {
  const body = type.body.size;
  for (let i = 0; i < SCALE.length - 1; i++) {
    const role = SCALE[i];
    const size = type[role].size;
    if (size < body) {
      errors.add(at(['type', role, 'size']), `type.${role}.size ${size} is smaller than the body text (type.body.size ${body}): a heading is never smaller than the text it heads`, `make it at least ${body}`);
      continue;
    }
    const below = SCALE[i + 1];
    if (below !== 'body' && type[below].size > size) {
      errors.add(at(['type', below, 'size']), `type.${below}.size ${type[below].size} is larger than type.${role}.size ${size}: a lower heading level is never larger than a higher one`, `make it at most ${size}, or ${role} larger`);
    }
  }
}
