/**
 * The line of each top-level object of a JSON array, for messages that name a row (data files,
 * recipients files): good enough for files written one object per line or pretty-printed.
 */
export function jsonRowLines(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') {
      if (depth === 1 && c === '{') starts.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return starts;
}
