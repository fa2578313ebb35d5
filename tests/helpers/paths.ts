// Where the tests find the code and the projects they build (no imports from src/, so unit
// tests can use it without loading the build pipeline).
//
// Tests build frozen fixture projects (tests/fixtures/*, each a project root with content/ and
// templates/), never the organisation's live content/, so that editing the organisation's text
// cannot break a test. Only tests/e2e/liveSample.test.ts builds the live project, and it checks
// invariants, not wording.
import { join, resolve } from 'node:path';

/** The repository: src/, scripts/, bin/, dist/, and the live project (content/, templates/). */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** A frozen copy of the live content/ and templates/ as they were when the fixture was made. */
export const SAMPLE_ROOT = join(REPO_ROOT, 'tests/fixtures/sample');

/** A second, fictional organisation: en-US, US Letter, a public weather dataset. */
export const OTHER_ORG_ROOT = join(REPO_ROOT, 'tests/fixtures/other-org');

/**
 * Charts that filter, bin and aggregate a data file of 1,461 daily rows (vega-datasets'
 * seattle-weather.csv): a heat map, a box plot, a filtered bar chart, a line chart of means.
 * A brief only, so it is not among FIXTURES (whose tests expect a brief and a handout).
 */
export const TRANSFORMED_CHARTS_ROOT = join(REPO_ROOT, 'tests/fixtures/transformed-charts');

/** Every fixture project, by name. */
export const FIXTURES = { sample: SAMPLE_ROOT, 'other-org': OTHER_ORG_ROOT } as const;
