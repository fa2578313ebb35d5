// Stands in for vega-canvas in the CommonJS bundle. The real module tries
// `await import('canvas')` at load (a native addon this project never uses: charts are drawn
// into the PDF directly), and a top-level await cannot go into a CommonJS bundle.
export function canvas(): null {
  return null;
}
export function image(): null {
  return null;
}
