// Bundle-time stand-in for brotli/decompress.js (scripts/bundle.mjs aliases it here). fontkit
// needs Brotli only to open WOFF2 files; our fonts are TrueType files, and the real decoder
// is half a megabyte of JavaScript that builds its dictionary at every start.
'use strict';
module.exports = function decompressBrotli() {
  throw new Error('WOFF2 fonts are not supported: use the TrueType (.ttf) files');
};
