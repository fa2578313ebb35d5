// Vega-Lite names a field cut to a time unit UNIT_FIELD: "month_date", "utcyearmonth_date",
// "binnedyearmonth_date". The drawn-data tables title such a column from its name, and the
// chart-data appendix writes its cells by their unit (resolve/formatTimeUnit.ts).

/** The parts of a Vega-Lite time unit, longest name first where one begins another. */
export const TIME_UNIT_PARTS = ['year', 'quarter', 'month', 'week', 'dayofyear', 'day', 'date', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
export type TimeUnitPart = (typeof TIME_UNIT_PARTS)[number];

const UNIT_FIELD = new RegExp(`^(?:binned)?(?:utc)?((?:${TIME_UNIT_PARTS.join('|')})+)_(.+)$`);

/** The time unit's parts and the field it was made from, or undefined when the name is no time unit's. */
export function timeUnitField(field: string): { parts: TimeUnitPart[]; source: string } | undefined {
  const m = UNIT_FIELD.exec(field);
  if (!m) return undefined;
  const parts = m[1].match(new RegExp(TIME_UNIT_PARTS.join('|'), 'g')) as TimeUnitPart[];
  // Each part at most once, as Vega-Lite writes them.
  return new Set(parts).size === parts.length ? { parts, source: m[2] } : undefined;
}
