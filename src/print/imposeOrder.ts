// Which page goes where on the press sheets. A saddle-stitched booklet is printed two pages a
// side on sheets folded once and nested: the outermost sheet carries the first and last
// pages, the innermost the middle spread. Pages are numbered from 1; 0 is a blank page.

/** One side of a sheet: the page on its left half and on its right half (0 = blank). */
export type SheetSide = [left: number, right: number];

/** Sides in printing order (sheet 1 front, sheet 1 back, sheet 2 front …), padded with blanks to a multiple of four pages. */
export function bookletOrder(pages: number): SheetSide[] {
  const n = Math.max(4, Math.ceil(pages / 4) * 4);
  const page = (p: number) => (p <= pages ? p : 0);
  const sides: SheetSide[] = [];
  for (let s = 0; s < n / 4; s++) {
    sides.push([page(n - 2 * s), page(1 + 2 * s)]);
    sides.push([page(2 + 2 * s), page(n - 1 - 2 * s)]);
  }
  return sides;
}

/** Two copies of each page side by side, one sheet side per page (cut in two after printing). */
export function twoUpOrder(pages: number): SheetSide[] {
  return Array.from({ length: pages }, (_, i): SheetSide => [i + 1, i + 1]);
}

/**
 * How far each side's pages move toward the spine so that, once the nested sheets are folded
 * and trimmed, the outer margins match: nothing on the outermost sheet, `creep` on the
 * innermost, in proportion between (sheet = side index / 2).
 */
export function creepOf(side: number, sides: number, creep: number): number {
  const sheets = sides / 2;
  return sheets <= 1 ? 0 : (Math.floor(side / 2) / (sheets - 1)) * creep;
}
