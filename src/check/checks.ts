// The checks `report check` runs after the stages, on everything they made. Add a check here
// (a `Check`: a rule name and a function from the checked project to diagnostics); problems the
// stages find themselves (load, parse, resolve, layout) are reported without being listed here.
import type { Check } from './checkTypes.js';
import { chartWidthCheck } from './chartWidth.js';
import { unboundFigureCheck, unusedDataCheck } from './dataUsage.js';
import { typedNumberCheck } from './typedNumbers.js';

export const CHECKS: readonly Check[] = [
  typedNumberCheck,
  unusedDataCheck,
  unboundFigureCheck,
  chartWidthCheck,
];
