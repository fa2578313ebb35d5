// Inline rule for `{{op arg}}`: numbers in prose are bound to the data files, never typed;
// and for `{{recipient.NAME}}` merge fields, filled in per recipient.
import type { MarkdownIt } from 'markdown-it';
import type { StateInline } from 'markdown-it';

export const BINDING_OPS = ['figure', 'year', 'source', 'ref'] as const;

export function bindingPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'report_binding', binding);
}

function binding(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x7b) return false;
  const end = src.indexOf('}}', pos + 2);
  if (end < 0) return false;
  const body = src.slice(pos + 2, end).trim();
  if (body.startsWith('recipient.')) return mergeField(state, silent, body, end);
  const m = /^([a-z]+)\s+(\S+)$/.exec(body);
  if (!m) return false;
  if (!silent) {
    const t = state.push('report_binding', '', 0);
    // Line offset within the inline block, so errors can point at the binding's own line.
    t.meta = { op: m[1], arg: m[2], lineOffset: countNewlines(src, pos), col: pos - src.lastIndexOf('\n', pos - 1) };
    t.content = src.slice(pos, end + 2);
  }
  state.pos = end + 2;
  return true;
}

/**
 * `{{recipient.NAME}}` or `{{recipient.NAME | default: "text"}}`: a value from the recipients
 * file, filled in per recipient when resolving. Anything else after the name is kept as an
 * error for the parse stage to report with its place.
 */
function mergeField(state: StateInline, silent: boolean, body: string, end: number): boolean {
  const m = /^recipient\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*default:\s*"([^"]*)"\s*)?$/.exec(body);
  if (!silent) {
    const t = state.push('report_field', '', 0);
    t.meta = {
      field: m?.[1] ?? body.slice('recipient.'.length),
      fallback: m?.[2],
      error: m ? undefined : body,
      lineOffset: countNewlines(state.src, state.pos),
      col: state.pos - state.src.lastIndexOf('\n', state.pos - 1),
    };
    t.content = state.src.slice(state.pos, end + 2);
  }
  state.pos = end + 2;
  return true;
}

function countNewlines(s: string, upTo: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < upTo; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
