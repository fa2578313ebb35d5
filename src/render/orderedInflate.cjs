// pdfkit's PNG reader (png-js) inflates image data with zlib.inflate, which runs in libuv's
// thread pool: with two PNGs that have an alpha channel, their callbacks come back in whatever
// order the threads finish, pdfkit writes their objects in that order, and the same document
// gives different bytes from one build to the next. Inflating synchronously and calling back on
// the next turn keeps pdfkit's asynchronous shape and makes the order the order of the calls.
// png-js takes `zlib.inflate` when it is loaded, so this runs before pdfkit is (pdfkitModule.ts,
// and memoZlib.cjs in the bundle).
'use strict';
const zlib = require('node:zlib');

function orderedInflate(data, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? undefined : options;
  let result;
  let error = null;
  try {
    result = zlib.inflateSync(data, opts);
  } catch (e) {
    error = e;
  }
  setImmediate(() => cb(error, result));
}

if (!zlib.inflate.ordered) {
  orderedInflate.ordered = true;
  zlib.inflate = orderedInflate;
}

module.exports = { orderedInflate };
