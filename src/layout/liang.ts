// Liang's hyphenation algorithm over the `hyphen` package's compiled TeX patterns. The package
// stores each pattern set as [levels, trie, exceptions]: a trie of letters whose nodes are a
// sub-trie, a levels index, or [sub-trie, levels index]; and for exception words the break
// positions outright. This is the package's own word routine, minus its text-reading machinery.

type TrieNode = Trie | number | [Trie, number];
interface Trie {
  [letter: string]: TrieNode;
}

export type LiangPatterns = readonly [levels: readonly (readonly number[])[], trie: Trie, exceptions?: Readonly<Record<string, readonly number[]>>];

/**
 * The package records an exception word's breaks as the places of the hyphens in its
 * hyphenated spelling ("uni-ver-sity" → 3, 7), so the k-th hyphen stands k places later than
 * the break it marks in the plain word (3, 6). Taken as plain offsets they gave "uni-vers-ity".
 * The list is copied on first use: the package's own driver caches every word it hyphenates
 * into that same object (as plain offsets), so it must not be read again later.
 */
const exceptionLists = new WeakMap<LiangPatterns, ReadonlyMap<string, readonly number[]>>();

function exceptionsOf(patterns: LiangPatterns): ReadonlyMap<string, readonly number[]> {
  let list = exceptionLists.get(patterns);
  if (!list) {
    list = new Map(Object.entries(patterns[2] ?? {}).map(([w, marks]) => [w, Object.freeze(marks.map((m, k) => m - k))]));
    exceptionLists.set(patterns, list);
  }
  return list;
}

/**
 * Offsets (UTF-16, into `word`) after which the patterns allow a hyphen, never within two
 * letters of either end. `word` is one run of letters.
 */
export function liangMarkers(word: string, patterns: LiangPatterns): readonly number[] {
  // Not toLocaleLowerCase(): that follows the machine's locale (a Turkish one lowers I to ı),
  // and the same text must break the same way everywhere.
  const lower = word.toLowerCase();
  const exception = exceptionsOf(patterns).get(lower);
  if (exception) return exception;
  const [levelsTable, trie] = patterns;
  const dotted = '.' + lower + '.';
  // The package's arithmetic, kept exactly: a level written past the end extends the array
  // with NaN (Math.max of undefined), which never marks a break and shifts the zeroed ends.
  const levels = new Array<number>(word.length + 1).fill(0);
  // Patterns are matched from every start position; the package numbers the levels of a match
  // starting at position j (in the dotted word) from max(0, j - 1).
  for (let j = 0; j + 3 <= dotted.length; j++) {
    const at = j === 0 ? 0 : j - 1;
    let node: Trie = trie;
    for (let i = j; i < dotted.length; i++) {
      const next: TrieNode | undefined = node[dotted[i]];
      if (next === undefined) break;
      let levelsIndex = -1;
      if (Array.isArray(next)) {
        node = next[0];
        levelsIndex = next[1];
      } else if (typeof next === 'number') {
        node = {};
        levelsIndex = next;
      } else {
        node = next;
      }
      if (levelsIndex < 0) continue;
      const pl = levelsTable[levelsIndex];
      for (let k = 0; k < pl.length; k++) levels[at + k] = Math.max(pl[k], levels[at + k]);
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i] & 1) === 1) markers.push(i);
  return markers;
}
