import { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Map<string, unknown>;
  raw: ParsedMail;
}

/**
 * A real SMTP server in the test process. Tests read what arrived, take it
 * down to simulate an outage, and can hold a message's reply to simulate a
 * worker dying mid-send: a message whose sender disconnects before the
 * server's final reply is not delivered, as with any real SMTP server.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  private holding = false;
  private held: Array<{ session: string; deliver: () => void }> = [];
  /** Sessions whose sender has gone: a held message of theirs is never delivered. */
  private readonly closed = new Set<string>();
  private waiters: Array<() => void> = [];
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session) => {
        this.closed.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const deliver = async () => {
            let parsed: ParsedMail;
            try {
              parsed = await simpleParser(Buffer.concat(chunks));
            } catch (error) {
              // Refuse what cannot be read rather than leave the sender waiting.
              callback(error as Error);
              return;
            }
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              headers: parsed.headers,
              raw: parsed,
            });
            callback();
            this.waiters.splice(0).forEach((w) => w());
          };
          if (this.holding) {
            this.held.push({ session: session.id, deliver: () => void deliver() });
          } else {
            void deliver();
          }
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Stops accepting connections (an SMTP outage). */
  async stop(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = undefined;
    this.held = [];
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Back on the same port. */
  async restart(): Promise<void> {
    await this.start(this.port);
  }

  /** From now on, accept message data but do not answer (the sender waits). */
  hold(): void {
    this.holding = true;
  }

  /** How many messages are waiting for an answer. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Drop held messages unanswered (their senders are gone) and answer normally again. */
  discardHeld(): void {
    this.held = [];
    this.holding = false;
  }

  /**
   * Answers the held messages whose sender still waits (they are delivered)
   * and drops those whose sender hung up; answers normally from now on.
   */
  release(): void {
    const held = this.held.splice(0);
    this.holding = false;
    for (const { session, deliver } of held) if (!this.closed.has(session)) deliver();
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }

  /** Waits until a message matching the predicate has arrived, and returns it. */
  async waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`No matching email within ${timeoutMs} ms; received: ${JSON.stringify(this.messages.map((m) => [m.to, m.subject]))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const match = mail.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]+`));
  if (!match) throw new Error(`No link starting ${prefix} in: ${mail.text}`);
  return match[0];
}

export function tokenFrom(link: string): string {
  return decodeURIComponent(new URL(link).searchParams.get('token') ?? '');
}
