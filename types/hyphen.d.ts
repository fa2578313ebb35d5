// The `hyphen` package's compiled pattern sets (CommonJS, no bundled types); see src/layout/liang.ts.
declare module 'hyphen/patterns/en-us.js' {
  import type { LiangPatterns } from '../src/layout/liang.js';
  const patterns: LiangPatterns;
  export default patterns;
}

declare module 'hyphen/patterns/en-gb.js' {
  import type { LiangPatterns } from '../src/layout/liang.js';
  const patterns: LiangPatterns;
  export default patterns;
}

declare module 'markdown-it-footnote' {
  const footnote: (md: unknown) => void;
  export default footnote;
}

// The package's own driver, kept as the reference of tests/layout/liang.test.ts.
declare module 'hyphen/en-us/index.js' {
  const hyphen: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphen;
}

declare module 'hyphen/en-gb/index.js' {
  import en from 'hyphen/en-us/index.js';
  export default en;
}

declare module 'hyphen/patterns/fr.js' {
  import type { LiangPatterns } from '../src/layout/liang.js';
  const patterns: LiangPatterns;
  export default patterns;
}

declare module 'hyphen/patterns/es.js' {
  import type { LiangPatterns } from '../src/layout/liang.js';
  const patterns: LiangPatterns;
  export default patterns;
}

// The package's French and Spanish drivers, the reference of tests/unit/layout/hyphenateLanguages.test.ts.
declare module 'hyphen/fr/index.js' {
  import en from 'hyphen/en-us/index.js';
  export default en;
}

declare module 'hyphen/es/index.js' {
  import en from 'hyphen/en-us/index.js';
  export default en;
}
