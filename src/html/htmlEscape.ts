// Escaping for the HTML edition: every piece of author or data text goes through these, so a
// document's text can never become markup (raw HTML in Markdown is already text by then).

/** Text content: & < > escaped. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** An id or fragment made safe for id="" and href="#…" (ids come from slugs, but a note id may hold anything). */
export function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}
