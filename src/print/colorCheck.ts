// Before the print edition is drawn: every colour it will paint and every image it places,
// checked against what the template and the engine give in CMYK. A colour given only in RGB
// is converted (a warning naming it and what it becomes) or, with print.strict, refused with
// an error naming where it is set (the template's line) or where it is drawn (document, page).
import { parseCssColor } from '../charts/cssColor.js';
import { InputError, type SourcePlace } from '../errors.js';
import type { Page, StructNode } from '../layout/pageTypes.js';
import { ENGINE_CMYK } from './engineColors.js';
import { imageColorModel } from './imageColorModel.js';
import { hexOf, rgbToCmyk } from './printPaint.js';
import type { Cmyk, PrintTemplate } from './printTemplate.js';

export interface ColorCheck {
  errors: InputError[];
  warnings: string[];
  /** Images left in RGB: the file then cannot claim PDF/X. */
  rgbImages: number;
}

interface Use {
  page: number;
  what: string;
}

/** Every colour drawn on the pages (lower-case #rrggbb) and its first use. */
export function colorsUsed(pages: readonly Page[]): Map<string, Use> {
  const out = new Map<string, Use>();
  const add = (c: string | undefined, page: number, what: string) => {
    if (!c) return;
    const p = parseCssColor(c);
    if (!p || p.a <= 0) return;
    const hex = hexOf(p.rgb);
    if (!out.has(hex)) out.set(hex, { page, what });
  };
  pages.forEach((page, i) => {
    const n = i + 1;
    for (const it of page.items) {
      switch (it.kind) {
        case 'text':
          for (const f of it.fragments) if (f.text.trim()) add(f.style.color, n, `text "${f.text.trim().slice(0, 30)}"`);
          break;
        case 'rect':
          add(it.fill, n, 'a filled box');
          add(it.stroke, n, 'a box outline');
          break;
        case 'line':
          add(it.color, n, 'a rule');
          break;
        case 'qr':
          add(it.color, n, 'the QR code');
          break;
        case 'chart':
          add(it.chart.background, n, 'a chart background');
          for (const op of it.chart.ops) {
            const v = op[0] === 'stop' ? op[3] : op[0] === '=fillStyle' || op[0] === '=strokeStyle' ? op[1] : undefined;
            if (typeof v === 'string') add(v, n, 'a chart');
          }
          break;
        case 'vector':
          for (const s of it.drawing.shapes) {
            add(s.fill ?? undefined, n, 'the logo');
            add(s.stroke ?? undefined, n, 'the logo');
          }
          break;
        case 'image':
        case 'link':
        case 'dest':
          break;
      }
    }
  });
  return out;
}

const cmykText = (c: Cmyk) => `C${c[0]} M${c[1]} Y${c[2]} K${c[3]}`;

export function checkPrintColors(pages: readonly Page[], print: PrintTemplate, docFile: string, structure: StructNode): ColorCheck {
  const { strict } = print.settings;
  const errors: InputError[] = [];
  const warnings: string[] = [];
  const place = (p: SourcePlace) => (p.line === undefined ? p.file : `${p.file}:${p.line}${p.col === undefined ? '' : ':' + p.col}`);
  const template = new Set<string>();
  for (const c of print.colors) {
    template.add(c.rgb);
    if (c.cmyk) continue;
    const rgb = parseCssColor(c.rgb)!.rgb;
    const hint = `give it as ${c.name}: { rgb: "${c.rgb}", cmyk: [c, m, y, k] }, the values your designer or print shop chose`;
    if (strict) errors.push(new InputError(c.place, `colors.${c.name} "${c.rgb}" is given only in RGB, and print.strict refuses to convert it`, hint));
    else warnings.push(`${place(c.place)}: colors.${c.name} "${c.rgb}" has no CMYK value; the print edition converts it by formula to ${cmykText(rgbToCmyk(...rgb))} — ${hint}`);
  }
  for (const [hex, use] of colorsUsed(pages)) {
    if (template.has(hex) || ENGINE_CMYK.has(hex)) continue;
    const rgb = parseCssColor(hex)!.rgb;
    const problem = `page ${use.page}: ${use.what} is drawn in ${hex}, which has no CMYK value`;
    const hint = 'use one of the template\'s colours, or give this one in the template\'s colors with its CMYK';
    if (strict) errors.push(new InputError({ file: docFile }, `${problem}, and print.strict refuses to convert it`, hint));
    else warnings.push(`${docFile}: ${problem}; the print edition converts it by formula to ${cmykText(rgbToCmyk(...rgb))} — ${hint}`);
  }
  let rgbImages = 0;
  const alts = new Map<number, string>();
  const walk = (n: StructNode) => {
    if (n.alt) alts.set(n.id, n.alt);
    n.children.forEach(walk);
  };
  walk(structure);
  pages.forEach((page, i) => {
    for (const it of page.items) {
      if (it.kind !== 'image' || imageColorModel(it.data) !== 'rgb') continue;
      rgbImages++;
      const what = `page ${i + 1}: the image "${(it.struct !== undefined && alts.get(it.struct)) || 'without a description'}" is RGB`;
      const hint = 'save it as CMYK (or greyscale) JPEG for print, converted with your print shop\'s profile';
      if (strict) errors.push(new InputError({ file: docFile }, `${what}, and print.strict takes only CMYK or grey images`, hint));
      else warnings.push(`${docFile}: ${what}; it stays RGB in the print edition, which is then not PDF/X — ${hint}`);
    }
  });
  return { errors, warnings, rgbImages };
}
