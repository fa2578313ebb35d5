// Memos belong to a build session (src/build/buildSession.ts), not to the process: each
// build, watch session or API caller has its own, so two builds at once share no bookkeeping
// and nothing needs resetting. Code deep in layout and render (shaping a Khmer run, breaking a
// paragraph, encoding a font subset) reaches its session's memo through the async context the
// session runs in; outside a session nothing is remembered and everything is made afresh.
import { AsyncLocalStorage } from 'node:async_hooks';
import { TrackedMemo } from './trackedMemo.js';

/** Names a memo and how much it may hold; the module that uses the memo declares it. */
export interface MemoSpec<V> {
  readonly name: string;
  /** Entries kept before the memo starts over (watch sessions run for hours). */
  readonly limit: number;
  /** Only to tie V to the spec for the type checker. */
  readonly __value?: V;
}

/** The memos of one session, made on first use. */
export class MemoSet {
  private readonly memos = new Map<MemoSpec<unknown>, TrackedMemo<unknown>>();

  get<V>(spec: MemoSpec<V>): TrackedMemo<V> {
    let m = this.memos.get(spec as MemoSpec<unknown>);
    if (!m) {
      m = new TrackedMemo<unknown>(spec.limit);
      this.memos.set(spec as MemoSpec<unknown>, m);
    }
    return m as TrackedMemo<V>;
  }
}

const current = new AsyncLocalStorage<MemoSet>();

/** Runs `f` (and everything it awaits) with `memos` as the session's memos. */
export function runWithMemos<T>(memos: MemoSet, f: () => T): T {
  return current.run(memos, f);
}

/** The running session's memo, or undefined outside a session (then nothing is remembered). */
export function sessionMemo<V>(spec: MemoSpec<V>): TrackedMemo<V> | undefined {
  return current.getStore()?.get(spec);
}

/** Looks `key` up in the session's memo, making and remembering the value when missing. */
export function memoised<V>(spec: MemoSpec<V>, key: string, make: () => V): V {
  const memo = sessionMemo(spec);
  if (!memo) return make();
  let v = memo.get(key);
  if (v === undefined) {
    v = make();
    memo.set(key, v);
  }
  return v;
}
