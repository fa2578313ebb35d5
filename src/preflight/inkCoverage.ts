// Total area coverage (the sum of the four inks at one spot) as the press would lay it down,
// measured by Ghostscript: each page rendered to CMYK (its pamcmyk32 device, overprint
// simulated, the bleed box only, so marks in registration colour do not count) and the
// highest sum over any pixel taken. Ghostscript's inkcov device gives only page averages,
// which would never see a 340 % patch on an otherwise white page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PageInk {
  page: number;
  /** The highest total ink in any pixel, in per cent (0–400). */
  max: number;
}

const DPI = 50;

/** The maximum coverage of each page, or why it could not be measured. */
export function inkCoverage(pdf: Uint8Array): PageInk[] | { skipped: string } {
  try {
    execFileSync('gs', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return { skipped: 'Ghostscript (gs) is not installed, so total ink coverage was not measured' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'report-ink-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${DPI}`, '-dUseBleedBox', '-dOverprint=/simulate', `-sOutputFile=${join(dir, 'p%d.pam')}`, input], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
    return readdirSync(dir)
      .map((f) => /^p(\d+)\.pam$/.exec(f))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ page: Number(m[1]), max: maxCoverage(readFileSync(join(dir, m[0]))) }))
      .sort((a, b) => a.page - b.page);
  } catch (e) {
    return { skipped: `Ghostscript could not render the file (${(e as Error).message.split('\n')[0]}), so total ink coverage was not measured` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The highest C+M+Y+K of any pixel of a PAM (P7, TUPLTYPE CMYK, 8 bits), in per cent. */
export function maxCoverage(pam: Buffer): number {
  const end = pam.indexOf('ENDHDR\n');
  if (end < 0) throw new Error('not a PAM image');
  const header = pam.toString('latin1', 0, end);
  const depth = Number(/DEPTH (\d+)/.exec(header)?.[1]);
  if (depth !== 4) throw new Error('not a CMYK PAM image');
  let max = 0;
  for (let i = end + 7; i + 3 < pam.length; i += 4) {
    const s = pam[i] + pam[i + 1] + pam[i + 2] + pam[i + 3];
    if (s > max) max = s;
  }
  return Math.round((max / 255) * 1000) / 10;
}
