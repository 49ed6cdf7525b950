import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** One message the sink stored: what a receiver would use to drop a duplicate. */
export interface ReceivedMail {
  messageId: string;
  idempotencyKey: string;
  to: string;
  subject: string;
  receivedAt: number;
}

/** A message held in DATA, with the client's port (to find the process that sends it). */
export interface HeldMail {
  mode: 'before-accepting' | 'after-accepting';
  clientPort: number;
  /** Known once read (after-accepting only). */
  idempotencyKey?: string;
  /** Lets the SMTP exchange go on: the 250 (after-accepting) or the reading of the message (before). */
  release(): void;
}

/**
 * The drill's SMTP server on 127.0.0.1: it records every message with its
 * Message-ID and X-Idempotency-Key, and can be told to
 * - go down (`down()`: the port refuses connections) and come back (`up()`);
 * - hold the next message before accepting it (its MAIL FROM waits for a
 *   reply: a worker killed then has a send in flight, nothing is stored);
 * - hold the next message after accepting it (stored, but the 250 reply
 *   waits: a worker killed then has had the message accepted and has not
 *   marked it sent).
 * Either hold emits 'held' with a HeldMail.
 */
export class DrillMailSink extends EventEmitter {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  private holdNext?: HeldMail['mode'];

  private constructor(readonly port: number) {
    super();
  }

  static async start(port: number): Promise<DrillMailSink> {
    const sink = new DrillMailSink(port);
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get isUp(): boolean {
    return this.server !== undefined;
  }

  /** Hold the next message, before or after storing it, until the drill releases it; undefined: hold none. */
  holdNextMessage(mode: HeldMail['mode'] | undefined): void {
    this.holdNext = mode;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // No time limit of its own on a held reply: the client's socket timeout decides.
      socketTimeout: 120_000,
      onMailFrom: (_address, session, callback) => void this.envelope(session).then(() => callback()),
      onData: (stream, session, callback) => void this.receive(stream, session, callback),
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening and drops the connections open now: senders meet a refused connection. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const connection of (server as unknown as { connections: Set<{ _socket?: { destroy(): void } }> }).connections ?? []) connection._socket?.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async stop(): Promise<void> {
    await this.down();
  }

  /** Before accepting: the sender's MAIL FROM waits for its reply, the message not yet sent. */
  private async envelope(session: SMTPServerSession): Promise<void> {
    if (this.holdNext !== 'before-accepting') return;
    this.holdNext = undefined;
    await this.hold({ mode: 'before-accepting', clientPort: session.remotePort });
  }

  private async receive(stream: Readable, session: SMTPServerSession, callback: (error?: Error | null) => void): Promise<void> {
    const mode = this.holdNext === 'after-accepting' ? this.holdNext : undefined;
    if (mode) this.holdNext = undefined;
    const clientPort = session.remotePort;
    try {
      const parsed = await simpleParser(stream);
      const key = parsed.headers.get('x-idempotency-key');
      const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).map((a) => a.text).join(', ') : '';
      const mail: ReceivedMail = { messageId: parsed.messageId ?? '', idempotencyKey: typeof key === 'string' ? key : '', to, subject: parsed.subject ?? '', receivedAt: Date.now() };
      this.received.push(mail);
      this.emit('received', mail);
      if (mode === 'after-accepting') await this.hold({ mode, clientPort, idempotencyKey: mail.idempotencyKey });
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  /** Nobody listening: nothing to wait for. */
  private hold(held: Omit<HeldMail, 'release'>): Promise<void> {
    if (this.listenerCount('held') === 0) return Promise.resolve();
    return new Promise((resolve) => this.emit('held', { ...held, release: resolve } satisfies HeldMail));
  }
}
