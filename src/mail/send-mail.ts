/**
 * Sending e-mail over SMTP (nodemailer). Services take a `Mailer` as a dependency, so they are
 * tested against a local SMTP server (testing/smtp.ts) and run without one when SMTP is not
 * configured. Errors name the server without the user or password of MAALBAR_SMTP_URL.
 */
import nodemailer from 'nodemailer';
import { describeSmtp, type MailConfig } from '../config.ts';

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** Sends one message; throws MailError when the server refuses it or cannot be reached. */
  send(message: MailMessage): Promise<void>;
  /** The server, for messages and logs (never with the password). */
  readonly server: string;
}

/** A failed send: the server's answer (or why it could not be reached), without credentials. */
export class MailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailError';
  }
}

/** Removes anything that looks like the URL's user or password from a message (belt and braces). */
function scrub(message: string, url: string): string {
  let out = message;
  try {
    const u = new URL(url);
    for (const secret of [u.password, decodeURIComponent(u.password), u.username, decodeURIComponent(u.username)]) {
      if (secret.length >= 3) out = out.split(secret).join('[redacted]');
    }
  } catch {
    // The URL was validated at start-up; nothing to scrub if it does not parse.
  }
  return out;
}

export interface SmtpOptions {
  /** Time limits in ms (connection, greeting, socket idle); defaults suit a real server. */
  timeoutMs?: number;
}

/** A Mailer for the configured SMTP server (one pooled-free transport; each send opens a connection). */
export function createSmtpMailer(config: MailConfig, options: SmtpOptions = {}): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const url = new URL(config.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // A local relay without a certificate for "localhost" is common; STARTTLS is still used when offered.
    tls: url.hostname === 'localhost' || url.hostname === '127.0.0.1' ? { rejectUnauthorized: false } : undefined,
  });
  const server = describeSmtp(config.url);
  return {
    server,
    async send(message) {
      try {
        await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MailError(scrub(`${server}: ${reason}`, config.url));
      }
    },
  };
}
