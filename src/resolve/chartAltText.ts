// A chart's description for screen readers, written from its spec and the figures it draws:
// what kind of chart, what it measures, every value (or the range when there are many), the source.
import type { Figure } from '../load/sourceTypes.js';
import { formatFigure } from './formatFigure.js';

const MARK_NAMES: Record<string, string> = {
  bar: 'Bar chart', arc: 'Pie chart', line: 'Line chart', area: 'Area chart', point: 'Dot chart',
  circle: 'Dot chart', rule: 'Timeline', text: 'Chart', tick: 'Tick chart', rect: 'Heat map',
};

function markOf(spec: Record<string, unknown>): string | undefined {
  const m = spec.mark;
  if (typeof m === 'string') return m;
  if (m && typeof m === 'object' && 'type' in m) return String((m as { type: unknown }).type);
  const layers = spec.layer;
  if (Array.isArray(layers)) {
    const marks = layers.map((l) => markOf(l as Record<string, unknown>)).filter(Boolean) as string[];
    if (marks.includes('rule') && marks.includes('point')) return 'rule';
    return marks.find((x) => x !== 'text') ?? marks[0];
  }
  return undefined;
}

export function chartAltText(spec: Record<string, unknown>, caption: string, figures: Figure[], locale: string): string {
  const kind = MARK_NAMES[markOf(spec) ?? ''] ?? 'Chart';
  const parts: string[] = [`${kind}: ${caption.replace(/\s+/g, ' ').trim().replace(/\.$/, '')}.`];
  const describe = (f: Figure) => `${f.label}: ${formatFigure(f, locale)}${f.unit === 'year' || f.year === 'n.d.' ? '' : ` (${f.year})`}`;
  if (figures.length > 0 && figures.length <= 16) {
    parts.push(figures.map(describe).join('; ') + '.');
  } else if (figures.length > 16) {
    const nums = figures.filter((f) => typeof f.value === 'number');
    nums.sort((a, b) => (a.value as number) - (b.value as number));
    parts.push(`${figures.length} values, from ${describe(nums[0])} to ${describe(nums[nums.length - 1])}.`);
  }
  const sources = [...new Set(figures.map((f) => f.source))];
  if (sources.length) parts.push(`Source: ${sources.join('; ')}.`);
  return parts.join(' ');
}
