/**
 * A local SMTP server for tests (smtp-server on 127.0.0.1, a port chosen by the OS) that keeps
 * every message it accepts, parsed with mailparser: envelope recipients, subject, text, HTML and
 * attachments. `failNext(n)` makes the next n messages fail with a 451 (a temporary failure), to
 * test retries; `password` turns on AUTH PLAIN/LOGIN with that one user.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { MailConfig } from '../config.ts';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface TestSmtp {
  port: number;
  /** The MAALBAR_SMTP_URL to reach it. */
  url: string;
  mail: MailConfig;
  received: ReceivedMail[];
  failNext(count: number): void;
  /** Waits until `count` messages in all have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function startTestSmtp(options: { user?: string; password?: string } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.password ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.password,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
            });
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const auth = options.password ? `${encodeURIComponent(options.user ?? '')}:${encodeURIComponent(options.password)}@` : '';
  const url = `smtp://${auth}127.0.0.1:${port}`;
  return {
    port,
    url,
    mail: { url, from: 'Målbar <maalbar@test.example>' },
    received,
    failNext(count) {
      failures = count;
    },
    async waitFor(count, ms = 5000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} e-mails, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    async [Symbol.asyncDispose]() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
