// The logo or cover image of content/config.yaml placed in a box on a page: scaled to fit it
// with its proportions kept, aligned as the kind asks; tagged as a Figure with its description,
// or an artifact when config.yaml gives none (decoration: the organisation's name is printed
// beside the logo anyway).
import type { ConfigImage } from '../load/brandConfig.js';
import type { PageItem, StructNode } from './pageTypes.js';
import type { StructureBuilder } from './structure.js';

export interface PictureBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The picture fitted into `box`, or null when the config names none (or it failed to load). */
export function pictureItem(
  image: ConfigImage | undefined, box: PictureBox, align: { x: 'left' | 'center' | 'right'; y: 'top' | 'middle' | 'bottom' },
  sb: StructureBuilder, parent: StructNode, within?: string,
): Extract<PageItem, { kind: 'image' | 'vector' }> | null {
  const p = image?.picture;
  if (!image || !p || !(box.w > 0 && box.h > 0)) return null;
  const k = Math.min(box.w / p.width, box.h / p.height);
  const w = p.width * k;
  const h = p.height * k;
  const x = box.x + (align.x === 'left' ? 0 : align.x === 'right' ? box.w - w : (box.w - w) / 2);
  const y = box.y + (align.y === 'top' ? 0 : align.y === 'bottom' ? box.h - h : (box.h - h) / 2);
  const struct = image.alt ? sb.add(parent, 'Figure', { alt: image.alt }).id : undefined;
  const base = { x, y, w, h, struct, ...(within !== undefined && { within }) };
  return p.kind === 'vector' ? { kind: 'vector', ...base, drawing: p.drawing } : { kind: 'image', ...base, data: p.data };
}
