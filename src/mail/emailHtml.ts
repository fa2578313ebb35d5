// The HTML part of a message: the resolved blocks in a single 600-pixel column, styled inline
// (mail programs drop style sheets) with the template's colours: the organisation's name on
// an accent band, headings and links in the accent colour, the call to action as a button.
// A hidden preheader leads the body. Everything the author or a recipient wrote is escaped.
import type { ProjectConfig } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { RBlock, RInline, ResolvedDocument } from '../resolve/resolvedTypes.js';
import { unreachable } from '../unreachable.js';
import { MAIL_STRINGS } from './mailStrings.js';
import { unsubscribeLine, type MessageFrame } from './messageFrame.js';

const SERIF = "Georgia,'Times New Roman',serif";
const SANS = "'Source Sans 3','Segoe UI',Helvetica,Arial,sans-serif";

export function emailHtml(doc: ResolvedDocument, subject: string, preheader: string | undefined, colors: Template['colors'], config: ProjectConfig, frame: MessageFrame): string {
  const c = colors;
  const body = blocks(doc.blocks, c, config);
  const notes = doc.notes.length
    ? `<hr style="border:0;border-top:1px solid ${c.rule};margin:24px 0 12px">${doc.notes.map((n) => `<p style="margin:0 0 8px;font:13px/1.5 ${SERIF};color:${c.muted}"><sup>${n.number}</sup> ${notesText(n.blocks, c, config)}</p>`).join('')}`
    : '';
  const links = frame.links.length
    ? `<p style="margin:20px 0 0">${frame.links.map((l) => button(l.label, l.url, c.accent)).join(' ')}</p>`
    : '';
  const unsubscribe = unsubscribeLine(frame, (label, url) => `<a href="${attr(url)}" style="color:${c.muted}">${esc(label.toLowerCase())}</a>`, esc);
  const footer = [...frame.footer.map(esc), ...(unsubscribe ? [unsubscribe] : [])].join('<br>');
  // Padding after the preheader keeps inboxes from showing the body's first words after it.
  const pre = preheader ? `<div style="display:none;max-height:0;overflow:hidden;opacity:0;mso-hide:all">${esc(preheader)}${'&#8199;&#847;'.repeat(40)}</div>` : '';
  return `<!DOCTYPE html>
<html lang="${attr(doc.meta.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:0;background:${c.accentSoft}">${pre}
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background:${c.accentSoft}"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" border="0" style="width:100%;max-width:600px;background:#ffffff">
<tr><td style="background:${c.accent};padding:18px 28px;font:bold 22px/1.2 ${SANS};color:#ffffff">${esc(doc.meta.organisation ?? config.organisation.name)}</td></tr>
<tr><td style="padding:24px 28px 8px;font:16px/1.55 ${SERIF};color:${c.text}">
${body}${links}${notes}
</td></tr>
<tr><td style="padding:16px 28px 20px;border-top:1px solid ${c.rule};font:12px/1.5 ${SANS};color:${c.muted}">${footer}</td></tr>
</table></td></tr></table></body></html>
`;
}

function blocks(bs: RBlock[], c: Template['colors'], config: ProjectConfig): string {
  let out = '';
  const p = (html: string, style = '') => `<p style="margin:0 0 14px${style}">${html}</p>\n`;
  for (const b of bs) {
    switch (b.kind) {
      case 'heading': {
        const size = b.level === 1 ? 22 : b.level === 2 ? 18 : 16;
        const tag = `h${Math.min(6, b.level)}`;
        out += `<${tag} style="margin:22px 0 8px;font:bold ${size}px/1.3 ${SANS};color:${b.level === 1 ? c.accent : c.text}">${inlines(b.inlines, c)}</${tag}>\n`;
        break;
      }
      case 'paragraph':
        out += p(inlines(b.inlines, c));
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        out += `<${tag}${start} style="margin:0 0 14px;padding-left:24px">${b.items.map((it) => `<li style="margin:0 0 6px">${unwrapSingle(blocks(it, c, config))}</li>`).join('')}</${tag}>\n`;
        break;
      }
      case 'quote':
        out += `<blockquote style="margin:0 0 14px;padding:2px 0 2px 14px;border-left:3px solid ${c.rule};color:${c.muted}">${blocks(b.blocks, c, config)}</blockquote>\n`;
        break;
      case 'code':
        out += `<pre style="margin:0 0 14px;padding:10px;background:${c.accentSoft};font:13px/1.4 Menlo,Consolas,monospace;white-space:pre-wrap">${esc(b.text)}</pre>\n`;
        break;
      case 'table':
        out += `<table role="table" cellspacing="0" cellpadding="6" border="0" style="margin:0 0 14px;border-collapse:collapse;font:14px/1.4 ${SANS}">`
          + `<tr>${b.header.map((h, i) => `<th align="${b.numeric[i] ? 'right' : 'left'}" style="border-bottom:2px solid ${c.accent}">${inlines(h, c)}</th>`).join('')}</tr>`
          + b.rows.map((r) => `<tr>${r.map((cell, i) => `<td align="${b.numeric[i] ? 'right' : 'left'}" style="border-bottom:1px solid ${c.rule}">${inlines(cell, c)}</td>`).join('')}</tr>`).join('')
          + '</table>\n';
        break;
      case 'rule':
        out += `<hr style="border:0;border-top:1px solid ${c.rule};margin:18px 0">\n`;
        break;
      case 'image':
        // Pictures are not embedded in the message: their description stands for them.
        out += p(`<em>${esc(b.alt)}</em>`);
        break;
      case 'figure':
        out += p(inlines(b.caption, c));
        break;
      case 'callout':
        out += p(`<strong style="font:bold 20px ${SANS};color:${c.warm}">${esc(b.value)}</strong> ${inlines(b.label, c)}`);
        break;
      case 'cta':
        out += `<div style="margin:18px 0;padding:16px 18px;background:${c.accentSoft}">${blocks(b.blocks, c, config)}${button(MAIL_STRINGS.give, config.contact.donate, c.warm)}</div>\n`;
        break;
      case 'closing':
      case 'signature':
        out += blocks(b.blocks, c, config);
        break;
      default:
        unreachable(b, 'block');
    }
  }
  return out;
}

function inlines(xs: RInline[], c: Template['colors']): string {
  let out = '';
  for (const x of xs) {
    if (x.kind === 'lineBreak') out += '<br>';
    else if (x.kind === 'noteRef') out += `<sup>${x.number}</sup>`;
    else if (x.kind === 'text') {
      let s = esc(x.text);
      if (x.marks.code) s = `<code>${s}</code>`;
      if (x.marks.em) s = `<em>${s}</em>`;
      if (x.marks.strong) s = `<strong>${s}</strong>`;
      if (x.lang) s = `<span lang="${attr(x.lang)}">${s}</span>`;
      if (x.href && !x.href.startsWith('#')) s = `<a href="${attr(x.href)}" style="color:${c.accent}">${s}</a>`;
      out += s;
    } else unreachable(x, 'inline');
  }
  return out;
}

function notesText(bs: RBlock[], c: Template['colors'], config: ProjectConfig): string {
  return unwrapSingle(blocks(bs, c, config));
}

/** A list item or note of one paragraph, without the paragraph's own margins. */
function unwrapSingle(html: string): string {
  const m = /^<p style="[^"]*">([\s\S]*)<\/p>\n$/.exec(html);
  return m && !m[1].includes('<p ') ? m[1] : html;
}

function button(label: string, url: string, color: string): string {
  return `<a href="${attr(url)}" style="display:inline-block;margin:6px 0;padding:10px 18px;background:${color};color:#ffffff;font:bold 15px ${SANS};text-decoration:none;border-radius:3px">${esc(label)}</a>`;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attr(s: string): string {
  return esc(s).replace(/'/g, '&#39;');
}
