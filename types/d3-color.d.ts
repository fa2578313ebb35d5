// d3-color 3 ships no types (and @types/d3-color is not installed): the part src/charts/cssColor.ts uses.
declare module 'd3-color' {
  export interface RGBColor {
    r: number;
    g: number;
    b: number;
    opacity: number;
  }
  export interface Color {
    opacity: number;
    rgb(): RGBColor;
  }
  /** Parses a CSS colour (hex, rgb(), rgba(), hsl(), hsla(), named); null when it cannot. */
  export function color(specifier: string): Color | null;
}
