/**
 * Adds items to the end of a list one by one. `out.push(...items)` passes every item as an
 * argument, and a list of some 100,000 (a long list or a book of short paragraphs, well under
 * the Markdown limit) overflows the call stack: "Maximum call stack size exceeded", exit 1.
 */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
