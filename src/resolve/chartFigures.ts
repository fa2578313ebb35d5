// Which data rows a compiled chart actually draws: the keys its scenegraph items carry, so a
// chart that filters its table cites only the sources of the rows it shows.
import type { Figure } from '../load/sourceTypes.js';

export function figuresShown(datumKeys: readonly string[], figures: Map<string, Figure>): Figure[] {
  const found: Figure[] = [];
  for (const key of datumKeys) {
    const f = figures.get(key);
    if (f) found.push(f);
  }
  return found;
}
