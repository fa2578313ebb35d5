// The plain-text part of a message: the resolved blocks as readable text, wrapped at 72
// characters, links written out after their text, notes at the end.
import type { RBlock, RInline, ResolvedDocument } from '../resolve/resolvedTypes.js';
import { unreachable } from '../unreachable.js';
import { unsubscribeLine, type MessageFrame } from './messageFrame.js';

const WIDTH = 72;

export function emailText(doc: ResolvedDocument, frame: MessageFrame): string {
  const out: string[] = [];
  out.push(...blocks(doc.blocks));
  if (frame.links.length) {
    out.push('');
    for (const l of frame.links) out.push(...wrap(`${l.label}: ${l.url}`));
  }
  if (doc.notes.length) {
    out.push('', '--');
    for (const n of doc.notes) out.push(...wrap(`[${n.number}] ${blocksText(n.blocks)}`, '    '));
  }
  const unsubscribe = unsubscribeLine(frame, (_, url) => url.replace(/^mailto:/, ''));
  out.push('', '-- ', ...[...frame.footer, ...(unsubscribe ? [unsubscribe] : [])].flatMap((l) => wrap(l)));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function inlines(xs: RInline[]): string {
  let s = '';
  for (const x of xs) {
    if (x.kind === 'lineBreak') s += '\n';
    else if (x.kind === 'noteRef') s += `[${x.number}]`;
    else if (x.kind === 'text') {
      s += x.text;
      // A link's address follows its text, unless the text is the address.
      if (x.href && !x.href.startsWith('#') && x.href.replace(/^mailto:/, '') !== x.text.trim()) s += ` <${x.href.replace(/^mailto:/, '')}>`;
    } else unreachable(x, 'inline');
  }
  return s;
}

function blocks(bs: RBlock[], indent = ''): string[] {
  const out: string[] = [];
  const para = (lines: string[]) => out.push(...lines, '');
  for (const b of bs) {
    switch (b.kind) {
      case 'heading': {
        const t = inlines(b.inlines);
        para([t, (b.level === 1 ? '=' : '-').repeat(Math.min(WIDTH, t.length))]);
        break;
      }
      case 'paragraph':
        para(wrap(inlines(b.inlines), indent));
        break;
      case 'list':
        b.items.forEach((item, k) => {
          const label = b.ordered ? `${b.start + k}. ` : '- ';
          const inner = blocks(item, indent + ' '.repeat(label.length)).filter((l, i, a) => !(l === '' && (b.tight || i === a.length - 1)));
          if (inner[0] !== undefined) inner[0] = indent + label + inner[0].slice(indent.length + label.length);
          out.push(...inner);
        });
        out.push('');
        break;
      case 'quote':
        out.push(...blocks(b.blocks).map((l) => (l ? `${indent}> ${l}` : `${indent}>`)));
        break;
      case 'code':
        para(b.text.split('\n').map((l) => `${indent}    ${l}`));
        break;
      case 'table':
        para([b.header, ...b.rows].map((row) => indent + row.map(inlines).join(' | ')));
        break;
      case 'rule':
        para([indent + '-'.repeat(20)]);
        break;
      case 'image':
        para(wrap(`[${b.alt}]`, indent));
        break;
      case 'figure':
        para(wrap(inlines(b.caption), indent));
        break;
      case 'callout':
        para(wrap(`${b.value}: ${inlines(b.label)}`, indent));
        break;
      case 'closing':
      case 'cta':
      case 'signature':
        out.push(...blocks(b.blocks, indent));
        break;
      default:
        unreachable(b, 'block');
    }
  }
  return out;
}

function blocksText(bs: RBlock[]): string {
  return blocks(bs).filter(Boolean).join(' ');
}

/** Wraps at WIDTH, keeping explicit line breaks and never breaking a word (or an address). */
export function wrap(text: string, indent = ''): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const w of para.split(/ +/)) {
      if (!w) continue;
      if (line && indent.length + line.length + 1 + w.length > WIDTH) {
        out.push(indent + line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    out.push(indent + line);
  }
  return out;
}
