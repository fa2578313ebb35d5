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
 * A third organisation, nothing like the sample: en-US, US Letter, two datasets of vega-datasets
 * (daily weather in two cities, the global temperature record); charts faceted by a channel,
 * concatenated, layered, a heat map, a box plot, error bars; a 60-row table; a brief, an
 * English handout and a Vietnamese one (handout-vi).
 */
export const OTHER_ORG_2_ROOT = join(REPO_ROOT, 'tests/fixtures/other-org-2');

/**
 * Charts that filter, bin and aggregate a data file of 1,461 daily rows (vega-datasets'
 * seattle-weather.csv): a heat map, a box plot, a filtered bar chart, a line chart of means.
 * A brief only, so it is not among FIXTURES (whose tests expect a brief and a handout).
 */
export const TRANSFORMED_CHARTS_ROOT = join(REPO_ROOT, 'tests/fixtures/transformed-charts');

/** The fixture projects whose documents are exactly a brief and a handout, by name. */
export const FIXTURES = { sample: SAMPLE_ROOT, 'other-org': OTHER_ORG_ROOT } as const;

/**
 * Every fixture project that builds, by name, whatever its documents: the placement, reading
 * order and PDF/UA checks run on each document of each (a project or document added here is
 * checked with them).
 */
export const ALL_FIXTURES = {
  ...FIXTURES,
  'other-org-2': OTHER_ORG_2_ROOT,
  'transformed-charts': TRANSFORMED_CHARTS_ROOT,
  'two-column': join(REPO_ROOT, 'tests/fixtures/two-column'),
  brand: join(REPO_ROOT, 'tests/fixtures/brand'),
} as const;
