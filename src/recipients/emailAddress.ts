// Whether a string can be put in a To: header as one address. Deliberately stricter than RFC
// 5322 (no quoted local parts, comments or IP literals): a donor list never needs those, and
// anything unusual is far more often a typo ("jane@", "jane@example", "jane @example.org")
// than a real address. No control characters or line breaks, so nothing can be smuggled into
// the message's headers.
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function isEmailAddress(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0 || at !== s.indexOf('@')) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  // A dot in the domain: "jane@localhost" is a test address, not a donor's.
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return /^[A-Za-z]{2,63}$|^xn--[A-Za-z0-9-]+$/.test(labels[labels.length - 1]);
}
