/** The notification-service's outgoing mail. The demo "sends" by logging; tests plug in a recorder. */
import type { Logger } from "../logger";

export interface Email {
  to: string;
  subject: string;
  body: string;
  /** The trace of the message that caused this e-mail, so a support person can find the whole story. */
  traceId: string;
  /** ce_id of that message. */
  causationId: string;
  /** The order id or user id the e-mail is about. */
  correlationId: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

export function loggingMailer(logger: Logger): Mailer {
  return {
    async send(email) {
      logger.debug({ traceId: email.traceId, to: email.to, subject: email.subject }, "e-mail sent");
    },
  };
}

/** Keeps what was sent, for tests. */
export function recordingMailer(): Mailer & { sent: Email[] } {
  const sent: Email[] = [];
  return {
    sent,
    async send(email) {
      sent.push(email);
    },
  };
}
