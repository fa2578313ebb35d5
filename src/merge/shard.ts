// `--shard K/N`: this process takes the recipients whose id hashes to K-1 modulo N, so N
// processes (a Kubernetes Indexed Job, say) share a list without talking to each other, and
// always the same way: a recipient's shard depends on their id alone, not on the order or
// length of the list.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "K/N" → a shard, or a message saying what is wrong. */
export function parseShard(s: string): Shard | string {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(s);
  if (!m) return `--shard must be K/N (this process's share K of N, e.g. 2/4), not "${s}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${s}: K must be from 1 to N`;
  return { index, count };
}

export function inShard(id: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  const h = createHash('sha256').update(id).digest();
  return h.readUInt32BE(0) % shard.count === shard.index - 1;
}

/** For file names: "" without a shard, "-2-of-4" with one. */
export function shardSuffix(shard: Shard | undefined): string {
  return shard && shard.count > 1 ? `-${shard.index}-of-${shard.count}` : '';
}
