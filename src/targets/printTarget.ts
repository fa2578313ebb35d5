// The print edition: the same laid-out pages as the screen PDF (no second layout), put on
// sheets with bleed, boxes and printer's marks, painted in CMYK with black as presses want
// it, and identified as PDF/X-4 when the template names the print shop's ICC profile.
// Written to output/print/NAME.pdf beside the screen PDF.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readInputFile } from '../load/readInputFile.js';
import { formatPlace, InputError } from '../errors.js';
import type { LaidOutDocument } from '../layout/pageTypes.js';
import { bleedPage, imagesAtTrim } from '../print/bleedPages.js';
import { checkPrintColors } from '../print/colorCheck.js';
import { readIccProfile } from '../print/iccProfile.js';
import { cmykLookup, MARKS_PAINT, printPaint } from '../print/printPaint.js';
import { printSheetFrame } from '../print/printSheet.js';
import { MM_TO_PT } from '../print/printTemplate.js';
import { describeSafety, safetyProblems } from '../print/safetyCheck.js';
import { renderPdf } from '../render/renderPdf.js';
import type { PdfxIntent, PrintRender } from '../render/printRender.js';
import { reproducibleDate } from './reproducibleDate.js';
import type { TargetDocument } from './target.js';

export interface PrintArranged {
  laid: LaidOutDocument;
  render: PrintRender;
  /** The output condition when the file is PDF/X-4, else null. */
  pdfx: string | null;
}

export const printTarget = {
  name: 'print',
  outputFile: (outDir: string, document: string): string => join(outDir, 'print', `${document}.pdf`),

  /**
   * The print edition of a laid-out document. Throws the errors strict mode or a bad profile
   * raise (all of them, as InputError[] in `errors`); returns warnings otherwise.
   * @param root the project folder (the profile's path is relative to it)
   */
  arrange(laid: LaidOutDocument, doc: TargetDocument, root: string): { arranged: PrintArranged; warnings: string[]; errors: InputError[] } {
    const { settings, colors } = doc.template.print;
    const file = doc.resolved.file;
    const check = checkPrintColors(laid.pages, doc.template.print, file, laid.structure);
    const errors = [...check.errors];
    const warnings = [...check.warnings];

    let pdfx: PdfxIntent | undefined;
    if (settings.profile) {
      const got = readProfile(root, settings.profile.file);
      if ('problem' in got) errors.push(new InputError(settings.profile.place, `print.profile ${settings.profile.file} ${got.problem}`, 'give the CMYK output profile (.icc) your print shop works with'));
      else if (check.rgbImages) warnings.push(`${file}: the print edition is not PDF/X-4 because it places RGB images (see above)`);
      else pdfx = got;
    } else {
      warnings.push(`${formatPlace(settings.place)}: print.profile is not set in ${doc.template.file}, so ${doc.resolved.name}'s print edition is not PDF/X — give the ICC profile of your print shop's press as print.profile to make it PDF/X-4`);
    }

    for (const p of safetyProblems(laid.pages, settings.safety)) {
      warnings.push(`${file}: ${describeSafety(p, settings.safety)} — move it further in, or lower print.safetyMm in ${doc.template.file}`);
    }
    laid.pages.forEach((page, i) => {
      const n = imagesAtTrim(page);
      if (n && settings.bleed > 0) warnings.push(`${file}: page ${i + 1}: ${n === 1 ? 'an image reaches' : `${n} images reach`} the trim edge and cannot bleed; a cut a little off the line will show a white edge`);
    });

    const pages = laid.pages.map((p) => bleedPage(p, settings.bleed));
    const date = doc.resolved.meta.date;
    const edition = pdfx ? `PDF/X-4, ${pdfx.condition}` : 'not PDF/X';
    // Most useful first: the slug is cut short where it meets the middle registration mark.
    const slug = (i: number) => `${doc.resolved.name} · page ${i + 1} of ${pages.length} · ${date} · ${edition} · bleed ${(settings.bleed / MM_TO_PT).toFixed(1)} mm · ${laid.info.title}`;
    const frames = laid.pages.map((p, i) => printSheetFrame(p, settings, slug(i)));
    const documentId = uuidOf(`${doc.resolved.name}\n${laid.info.title}\n${date}`);
    const render: PrintRender = {
      frame: (i) => frames[i],
      paint: printPaint(cmykLookup(colors), settings.richBlack),
      marksPaint: MARKS_PAINT,
      pdfx,
      documentId,
    };
    return { arranged: { laid: { ...laid, pages }, render, pdfx: pdfx?.condition ?? null }, warnings, errors };
  },

  encode: (a: PrintArranged, doc: TargetDocument): Promise<Buffer> =>
    renderPdf(a.laid, { date: reproducibleDate(doc.resolved.meta.date), producer: 'report-generator (pdfkit)', print: a.render }),
};

function readProfile(root: string, file: string): PdfxIntent | { problem: string } {
  let bytes: Buffer;
  try {
    // Relative to the project folder, and really inside it.
    bytes = readInputFile({ root, file, kind: 'profile', area: '.', ifMissing: () => new InputError({ file }, `${file} cannot be read (no such file?)`) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problem: e.problem.startsWith(file) ? e.problem.slice(file.length).trim() : `cannot be read (${e.problem})` };
  }
  const info = readIccProfile(bytes);
  if ('problem' in info) return info;
  return { profile: bytes, condition: info.description };
}

/** A UUID-shaped identifier made from the text (the same document gets the same id in every build). */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
