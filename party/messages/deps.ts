// What the scheduler needs from the world, so unit tests can hand it an in-memory
// channel and a clock while integration tests run it in the jobs room.
import type { Database } from "../../db/client";
import type { MessageChannel } from "./channel";

export interface MessagesDeps {
  db: Database;
  channels: { email: MessageChannel; sms: MessageChannel };
  /** Derives check-in links and door-code versions (SESSION_SECRET). */
  secret: string;
  /** The deployment's public origin, for the links in messages. */
  selfUrl: string;
  /** The email's one-click unsubscribe link (party/messages/unsubscribe-token.ts). */
  unsubscribeUrl(propertyId: string, address: string): Promise<string>;
  now(): number;
  random(): number;
  /**
   * Channels whose provider is a real one: a message it accepted keeps its body without the
   * link's token (domain/messages/link-redaction.ts). The local simulator's are kept clickable.
   */
  redactLinksAfterSend?: Partial<Record<"email" | "sms", boolean>>;
}
