// The parts of the `hyphen` package (CommonJS, no bundled types) that layout uses.
declare module 'hyphen/en-us' {
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
  export function hyphenateSync(text: string, options?: HyphenateOptions): string;
  export function hyphenate(text: string, options?: HyphenateOptions): Promise<string>;
}

declare module 'hyphen/en-gb' {
  export type { HyphenateOptions } from 'hyphen/en-us';
  export function hyphenateSync(text: string, options?: import('hyphen/en-us').HyphenateOptions): string;
  export function hyphenate(text: string, options?: import('hyphen/en-us').HyphenateOptions): Promise<string>;
}
