// The document kinds every build knows. An API caller adds its own with BuildOptions.kinds.
import { briefKind } from './brief/briefKind.js';
import type { AnyDocumentKind } from './documentKind.js';
import { handoutKind } from './handout/handoutKind.js';
import { letterKind } from './letter/letterKind.js';

export const BUILT_IN_KINDS: readonly AnyDocumentKind[] = [briefKind, handoutKind, letterKind];
