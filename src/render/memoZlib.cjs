// Bundle-time stand-in for `zlib` as pdfkit sees it (scripts/bundle.mjs aliases it here; the
// real module is untouched for everyone else). pdfkit compresses every stream of every build,
// and a watch rebuild after a small edit compresses mostly the same bytes again: the font
// files and the pages the edit did not touch (~5 ms of a ~50 ms rebuild). deflateSync is a
// pure function of its input, so for the calls pdfkit makes (no options) its results are
// remembered by a hash of the input, and a copy is returned.
'use strict';
const { createHash } = require('node:crypto');
const zlib = require('node:zlib');

const MAX = 256;
const memo = new Map();

function deflateSync(data, options) {
  if (options !== undefined || !(data instanceof Uint8Array)) return zlib.deflateSync(data, options);
  const key = createHash('sha1').update(data).digest('base64') + ':' + data.length;
  let out = memo.get(key);
  if (!out) {
    out = zlib.deflateSync(data);
    if (memo.size >= MAX) memo.delete(memo.keys().next().value);
    memo.set(key, out);
  }
  return Buffer.from(out);
}

// zlib.inflate in the order of the calls (see orderedInflate.cjs): png-js takes it from here.
const { orderedInflate } = require('./orderedInflate.cjs');

module.exports = { ...zlib, deflateSync, inflate: orderedInflate };
