// Scratch copies of the fixture projects set up for the print edition: the templates' colours
// given in CMYK too, a print: block, and (when asked) a CMYK ICC profile made in code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmykIccProfile } from './cmykIccProfile.js';
import { scratchProject } from './project.js';

/** The sample's brand colours with the CMYK the live templates give them. */
export const CMYK_COLORS = `colors:
  text: { rgb: "#1f2328", cmyk: [0, 0, 0, 100] }
  muted: { rgb: "#5b6470", cmyk: [0, 0, 0, 72] }
  accent: { rgb: "#0f5c63", cmyk: [90, 35, 45, 30] }
  accentSoft: { rgb: "#e6f0f0", cmyk: [9, 0, 3, 0] }
  warm: { rgb: "#b8572b", cmyk: [15, 75, 95, 5] }
  rule: { rgb: "#c9d1d6", cmyk: [0, 0, 0, 22] }
`;

export interface PrintProjectOptions {
  /** Lines of the print: block, e.g. ['strict: true', 'marks: none']. */
  print: string[];
  /** Replace the templates' colours with CMYK_COLORS. */
  cmyk: boolean;
  /** Write a generated CMYK profile to print/test-cmyk.icc and name it as print.profile. */
  profile: boolean;
  /** The fixture to copy (the sample's when absent). */
  from?: string;
  templates?: string[];
}

export const PROFILE_FILE = 'print/test-cmyk.icc';

export function printProject(o: PrintProjectOptions): string {
  const dir = o.from ? scratchProject(o.from) : scratchProject();
  if (o.profile) {
    mkdirSync(join(dir, 'print'), { recursive: true });
    writeFileSync(join(dir, PROFILE_FILE), cmykIccProfile());
  }
  for (const t of o.templates ?? ['brief', 'handout']) setPrintTemplate(join(dir, 'templates', `${t}.yaml`), o);
  return dir;
}

/** Rewrites a template file's colours and print block. */
export function setPrintTemplate(file: string, o: Pick<PrintProjectOptions, 'print' | 'cmyk' | 'profile'>): void {
  let s = readFileSync(file, 'utf8');
  if (o.cmyk) s = s.replace(/^colors:\n(?: {2}.*\n)+/m, CMYK_COLORS);
  const lines = [...o.print, ...(o.profile ? [`profile: ${PROFILE_FILE}`] : [])];
  s = s.trimEnd() + '\n' + (lines.length ? `print:\n${lines.map((l) => `  ${l}\n`).join('')}` : '');
  writeFileSync(file, s);
}
