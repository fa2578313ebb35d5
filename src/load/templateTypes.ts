import type { FontKey } from '../fonts/fontRegistry.js';
import type { DocumentName } from './sourceTypes.js';

export interface TypeSpec {
  font: FontKey;
  size: number;
  leading: number;
  spaceBefore: number;
  spaceAfter: number;
}

export type TypeRole = 'body' | 'h1' | 'h2' | 'h3' | 'caption' | 'note' | 'table' | 'running' | 'code';

export interface Template {
  kind: DocumentName;
  file: string;
  paper: 'a4' | 'letter';
  /** Page geometry in points. */
  margins: { top: number; bottom: number; inner: number; outer: number };
  columns: number;
  columnGap: number;
  contents: boolean;
  chartDataAppendix: boolean;
  copyFitMax: number;
  colors: { text: string; muted: string; accent: string; accentSoft: string; warm: string; rule: string };
  type: Record<TypeRole, TypeSpec>;
  paragraphSpace: number;
  chart: { height: number };
}

export const PAPER_SIZES: Record<'a4' | 'letter', [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

export const MM = 72 / 25.4;
