import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { AppConfig } from '../config/app-config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per message: a retry re-sends the same Message-ID, so receivers can drop a duplicate. */
  messageId: string;
  headers?: Record<string, string>;
  /** Calls the send off (closing the connection) if it fires before the server's final answer. */
  signal?: AbortSignal;
}

/** The SMTP connection. SMTP_URL carries host, port, TLS and credentials. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    if (!config.SMTP_URL) {
      throw new Error(
        'SMTP_URL is not set. Run `npm start`, which starts a local mail sink for development, ' +
          'or set SMTP_URL=smtp://user:password@host:587.',
      );
    }
    this.transporter = nodemailer.createTransport(
      { ...parseConnectionUrl(config.SMTP_URL), connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: config.MAIL_FROM },
    );
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      headers: email.headers,
      signal: email.signal,
    });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
