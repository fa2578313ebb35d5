// The look of every chart: one small theme object, turned into a Vega-Lite `config`.
// Sizes are in points (1 Vega px = 1 pt in the PDF). A chart spec's own `config` still wins
// over the theme (Vega-Lite merges the spec's config over the one given to compile).
import type { Config } from 'vega-lite';

export interface ChartTheme {
  /** CSS family name Vega writes into each text item; the renderer maps it to our embedded fonts. */
  fontFamily: string;
  /** Axis labels, legend labels, text marks. */
  fontSize: number;
  /** Chart title. Axis and legend titles use fontSize. */
  titleSize: number;
  textColor: string;
  /** Axis labels, subtitles, ticks: the quieter text. */
  mutedColor: string;
  gridColor: string;
  /** Categorical palette (`range.category`); the first colour is the default mark colour. */
  palette: string[];
  /** 'transparent' draws nothing behind the chart (the page shows through). */
  background: string;
}

/**
 * Sober, print-friendly defaults for a donor brief: deep teal and indigo carry the data, a warm
 * ochre accents, and the lighter tints stay distinguishable in greyscale print.
 */
export const defaultChartTheme: ChartTheme = {
  fontFamily: 'Source Sans 3',
  fontSize: 8,
  titleSize: 10,
  textColor: '#1f2a30',
  mutedColor: '#58656d',
  gridColor: '#dde2e5',
  palette: [
    '#1d5c63', // deep teal
    '#3a4a8a', // indigo
    '#c98a2b', // warm ochre (accent)
    '#6fa3a0', // light teal
    '#8d93c4', // light indigo
    '#a8553a', // terracotta
    '#8a949a', // neutral grey
    '#e0c27e', // sand
  ],
  background: 'transparent',
};

export function toVegaLiteConfig(theme: ChartTheme = defaultChartTheme): Config {
  const font = theme.fontFamily;
  const size = theme.fontSize;
  const axisLine = '#9aa3a8';
  const labels = { font, fontSize: size, color: theme.mutedColor };
  const config: Config = {
    font,
    background: theme.background,
    // The chart box is exactly the width we are given: no extra padding around it.
    padding: 0,
    view: { stroke: null },
    title: {
      font,
      fontSize: theme.titleSize,
      fontWeight: 600,
      color: theme.textColor,
      anchor: 'start',
      // Titles start at the chart's left edge (under axis labels too), like the text column.
      frame: 'bounds',
      offset: 8,
      subtitleFont: font,
      subtitleFontSize: size,
      subtitleColor: theme.mutedColor,
      subtitlePadding: 2,
    },
    axis: {
      labelFont: font,
      labelFontSize: size,
      labelColor: theme.mutedColor,
      labelPadding: 3,
      titleFont: font,
      titleFontSize: size,
      titleFontWeight: 600,
      titleColor: theme.textColor,
      titlePadding: 6,
      domainColor: axisLine,
      domainWidth: 0.75,
      tickColor: axisLine,
      tickWidth: 0.75,
      tickSize: 3,
      gridColor: theme.gridColor,
      gridWidth: 0.5,
    },
    // Category axes read better without tick marks; value axes lose the domain line (the grid
    // carries the scale).
    axisBand: { ticks: false, grid: false },
    axisQuantitative: { domain: false, tickCount: 5 },
    legend: {
      labelFont: font,
      labelFontSize: size,
      labelColor: theme.textColor,
      titleFont: font,
      titleFontSize: size,
      titleFontWeight: 600,
      titleColor: theme.textColor,
      symbolSize: 40,
      rowPadding: 3,
      columnPadding: 10,
      padding: 0,
      offset: 10,
    },
    header: {
      labelFont: font,
      labelFontSize: size,
      labelColor: theme.textColor,
      titleFont: font,
      titleFontSize: size,
      titleFontWeight: 600,
      titleColor: theme.textColor,
    },
    range: { category: [...theme.palette] },
    mark: { color: theme.palette[0] },
    bar: { color: theme.palette[0] },
    line: { strokeWidth: 1.75 },
    point: { filled: true, size: 30 },
    // Thin separators between pie/donut slices, in the page colour.
    arc: { stroke: '#ffffff', strokeWidth: 0.75 },
    rule: { color: theme.mutedColor, strokeWidth: 0.75 },
    text: { ...labels, color: theme.textColor },
    style: {
      'guide-label': labels,
      'guide-title': { font, fontSize: size, color: theme.textColor },
      'group-title': { font, fontSize: theme.titleSize, color: theme.textColor },
      'group-subtitle': { font, fontSize: size, color: theme.mutedColor },
    },
  };
  return config;
}
