// The parts of the `hyphen` package (CommonJS, no bundled types) that layout uses.
declare module 'hyphen/en-us/index.js' {
  export interface HyphenateOptions {
    /** Character inserted at each break (default U+00AD). */
    hyphenChar?: string;
    /** Words shorter than this are left alone (default 5). */
    minWordLength?: number;
    /** Extra exceptions such as 'ta-ble'. */
    exceptions?: string[];
    /** Skip HTML tags (default true). */
    html?: boolean;
  }
  const hyphen: {
    hyphenateSync(text: string, options?: HyphenateOptions): string;
    hyphenate(text: string, options?: HyphenateOptions): Promise<string>;
  };
  export default hyphen;
}

declare module 'hyphen/en-gb/index.js' {
  import en from 'hyphen/en-us/index.js';
  export default en;
}

declare module 'markdown-it-footnote' {
  const footnote: (md: unknown) => void;
  export default footnote;
}
