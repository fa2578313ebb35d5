// Block rule for `::: name arg` … `:::` containers (figure, callout, closing, cta, signature,
// and `if`, a section only some recipients get).
// Written as a markdown-it rule so the inner text is parsed as ordinary Markdown.
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';

export const CONTAINERS = ['figure', 'callout', 'closing', 'cta', 'signature', 'if'] as const;

export function containerPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'report_container', container, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}

function container(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(start, max);
  const m = /^:::\s*([A-Za-z][\w-]*)\s*(.*?)\s*$/.exec(line);
  if (!m) return false;
  if (silent) return true;
  // Find the closing `:::` at the same indentation; nested containers are not supported.
  let next = startLine;
  let closed = false;
  while (++next < endLine) {
    const s = state.bMarks[next] + state.tShift[next];
    const text = state.src.slice(s, state.eMarks[next]);
    if (state.sCount[next] < state.blkIndent) break;
    if (/^:::\s*$/.test(text)) {
      closed = true;
      break;
    }
  }
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = next;
  const open = state.push('container_open', 'div', 1);
  open.info = m[1];
  open.meta = { arg: m[2], closed };
  open.map = [startLine, next];
  state.md.block.tokenize(state, startLine + 1, next);
  const close = state.push('container_close', 'div', -1);
  close.map = [next, next + 1];
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = closed ? next + 1 : next;
  return true;
}
