// "Too wide for its column" is one chart error the document side answers differently
// (resolve/resolveDocument.ts sets such a chart across a brief's columns, or names the figure's
// line). Only the error's text crosses from the chart worker, so it is made and recognised here,
// in one place.

/** The problem of a chart `needs` pt wide in a column `width` pt wide (`panels`: what was tried). */
export function tooWideProblem(needs: number, panels: string, width: number): string {
  return `the chart needs ${Math.round(needs)} pt of width${panels}; the column is ${Math.round(width)} pt`;
}

/** Whether a chart error's problem is tooWideProblem's. */
export function isTooWide(problem: string): boolean {
  return /^the chart needs \d+ pt of width.*; the column is \d+ pt$/.test(problem);
}
