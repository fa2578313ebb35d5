// Bundle-time stand-in for the `unicode-trie` package (scripts/bundle.mjs aliases it here).
// fontkit, unicode-properties and linebreak each inflate a Unicode property table when their
// module loads (~25 ms of every start), yet a build with a warm cache shapes no complex text and
// pdfkit never wraps lines. The real table is inflated on the first lookup instead; `get` is
// the only method those packages call.
'use strict';
const UnicodeTrie = require('../../node_modules/unicode-trie/index.js');

class LazyUnicodeTrie {
  constructor(data) {
    this.source = data;
    this.trie = null;
  }

  get(codePoint) {
    if (this.trie === null) this.trie = new UnicodeTrie(this.source);
    return this.trie.get(codePoint);
  }
}

module.exports = LazyUnicodeTrie;
