// The document kinds a build knows: the built-in ones, plus any an API caller adds.
import { didYouMean } from '../errors.js';
import type { AnyDocumentKind } from './documentKind.js';

export class KindRegistry {
  private readonly kinds = new Map<string, AnyDocumentKind>();

  constructor(kinds: readonly AnyDocumentKind[]) {
    for (const k of kinds) {
      if (!/^[a-z][a-z0-9-]*$/.test(k.name)) throw new Error(`document kind name "${k.name}" must be lower-case letters, digits and hyphens`);
      if (this.kinds.has(k.name)) throw new Error(`two document kinds are named "${k.name}"`);
      this.kinds.set(k.name, k);
    }
  }

  get(name: string): AnyDocumentKind | undefined {
    return this.kinds.get(name);
  }

  names(): string[] {
    return [...this.kinds.keys()];
  }

  /** "did you mean" or the list of kinds, for an error about an unknown kind. */
  hintFor(name: string): string {
    const g = didYouMean(name, this.names());
    return g ? `did you mean "${g}"?` : `the kinds are ${this.names().join(', ')}`;
  }
}
