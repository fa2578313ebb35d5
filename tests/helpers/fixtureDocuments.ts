// The documents a fixture project builds, read from its config.yaml (no build needed), so that
// a test can make one case per document before any build runs.
import { loadConfig } from '../../src/load/loadConfig.js';
import type { DocumentEntry } from '../../src/load/sourceTypes.js';
import { KINDS } from './kinds.js';

export function fixtureDocuments(root: string): DocumentEntry[] {
  return loadConfig(root, KINDS).documents;
}
