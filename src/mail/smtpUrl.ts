// The SMTP server, from REPORT_SMTP_URL or --smtp, never from a committed file:
//   smtps://user:password@host:465   TLS from the first byte
//   smtp://user:password@host:587    STARTTLS, required: a server that does not offer it is refused
// Plain SMTP is allowed only to this machine (127.0.0.1, ::1, localhost), e.g. a local relay
// or a test server.
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  /** Loopback: no TLS required. */
  loopback: boolean;
  auth?: { user: string; pass: string };
}

export function parseSmtpUrl(url: string): SmtpSettings | string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'the SMTP address is not a URL: write smtp://user:password@host:587 or smtps://user:password@host:465';
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') return `the SMTP address must start with smtp:// or smtps://, not ${u.protocol}//`;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!host) return 'the SMTP address has no host';
  const secure = u.protocol === 'smtps:';
  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  const user = decodeURIComponent(u.username);
  const auth = user ? { user, pass: decodeURIComponent(u.password) } : undefined;
  return { host, port, secure, requireTLS: !secure && !loopback, loopback, auth };
}

/** The URL with its password hidden, for messages. */
export function redactSmtpUrl(url: string): string {
  return url.replace(/^(smtps?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
