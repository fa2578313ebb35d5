// Which data rows a compiled chart actually draws: read from the scenegraph's items, so a
// chart that filters its table cites only the sources of the rows it shows.
import type { Figure } from '../load/sourceTypes.js';

export function figuresInScene(scene: unknown, figures: Map<string, Figure>): Figure[] {
  const found = new Map<string, Figure>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { items?: unknown[]; datum?: { key?: unknown } };
    const key = n.datum?.key;
    if (typeof key === 'string') {
      const f = figures.get(key);
      if (f) found.set(key, f);
    }
    if (Array.isArray(n.items)) for (const c of n.items) visit(c);
  };
  visit(scene);
  return [...found.values()];
}
