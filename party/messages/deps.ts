// What the scheduler needs from the world, so unit tests can hand it an in-memory
// channel and a clock while integration tests run it in the jobs room.
import type { Database } from "../../db/client";
import type { MessageChannel } from "./channel";

export interface MessagesDeps {
  db: Database;
  channels: { email: MessageChannel; sms: MessageChannel };
  /** Derives check-in links, door-code versions and unsubscribe links (SESSION_SECRET). */
  secret: string;
  /** The deployment's public origin, for the links in messages. */
  selfUrl: string;
  now(): number;
  random(): number;
}
