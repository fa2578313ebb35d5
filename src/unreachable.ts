/**
 * The default branch of every switch over a union of kinds (blocks, inlines, page items): the
 * value is `never` only when every kind has its case, so a kind added to the union and left out
 * of a switch fails `npm run typecheck` here, at each such switch, instead of being dropped.
 */
export function unreachable(x: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify((x as { kind?: unknown } | null)?.kind ?? x)}`);
}
