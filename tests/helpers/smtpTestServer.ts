// A real SMTP server for the mail tests (smtp-server), on 127.0.0.1 only, with AUTH, that
// keeps every message it accepts and can be told to misbehave: answer a command with a given
// code, hold a command until the test says (to kill the sender at an exact point), or (with
// dropProxy) cut the connection part-way through a message.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** What the server does at RCPT TO or at the end of DATA: accept (undefined), answer with a code, or hold. */
export type Fault = { code: number; message: string } | { hold: (release: (fault?: { code: number; message: string }) => void) => void } | undefined;

export interface TestSmtp {
  port: number;
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  received: Received[];
  /** Called for every RCPT TO and every message's end; `attempt` counts per recipient from 1. */
  fault: (stage: 'rcpt' | 'data', email: string, attempt: number) => Fault;
  attempts: Map<string, number>;
  close(): Promise<void>;
}

export const USER = 'report';
export const PASS = 'test-password';

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpServer(): Promise<TestSmtp> {
  const t: TestSmtp = { port: 0, url: '', received: [], fault: () => undefined, attempts: new Map(), close: async () => {} };
  const apply = (f: Fault, done: (err?: Error | null) => void) => {
    if (!f) return done();
    if ('code' in f) return done(smtpError(f.code, f.message));
    f.hold((g) => done(g ? smtpError(g.code, g.message) : null));
  };
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // Plain text on loopback: the sender allows it only there (src/mail/smtpUrl.ts).
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASS) cb(null, { user: USER });
      else cb(smtpError(535, 'Authentication credentials invalid'));
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, cb: (err?: Error | null) => void) {
      const n = (t.attempts.get(address.address) ?? 0) + 1;
      t.attempts.set(address.address, n);
      apply(t.fault('rcpt', address.address, n), cb);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, cb: (err?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((a) => a.address);
        apply(t.fault('data', to[0], t.attempts.get(to[0]) ?? 1), (err) => {
          if (err) return cb(err);
          t.received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, raw: Buffer.concat(chunks) });
          cb(null, `Queued as ${t.received.length}`);
        });
      });
    },
  });
  // A client that goes away mid-command (a cut connection, a killed sender) is an error of
  // that connection only.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.port = (server.server.address() as { port: number }).port;
  t.url = `smtp://${USER}:${PASS}@127.0.0.1:${t.port}`;
  t.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return t;
}

/**
 * A TCP proxy on 127.0.0.1 in front of the server that cuts the connection (both sides) once
 * a message to `email` has sent `afterBytes` bytes of its DATA: a network failure mid-message.
 * It cuts one message only.
 */
export async function startDropProxy(targetPort: number, email: string, afterBytes: number): Promise<{ port: number; url: string; dropped: () => boolean; close: () => Promise<void> }> {
  let armed = true;
  let didDrop = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let text = '';
    let counting = -1;
    let forMe = false;
    client.on('data', (d: Buffer) => {
      if (armed && counting < 0) {
        text = (text + d.toString('latin1')).slice(-4096);
        const i = forMe ? -1 : text.toLowerCase().indexOf(`rcpt to:<${email.toLowerCase()}>`);
        // The DATA that follows this recipient's RCPT (pipelined or not) is the one to cut.
        if (i >= 0) {
          forMe = true;
          text = text.slice(i);
        }
        const j = forMe ? text.indexOf('DATA\r\n') : -1;
        if (j >= 0) counting = text.length - (j + 6);
      } else if (armed && counting >= 0) {
        counting += d.length;
        if (counting >= afterBytes) {
          armed = false;
          didDrop = true;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      upstream.write(d);
    });
    upstream.on('data', (d) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    dropped: () => didDrop,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
