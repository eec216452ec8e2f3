// The client's one way to open a room's websocket: PartySocket (which reconnects by
// itself) to the page's own origin, with every incoming message decoded against the
// room's schema before anyone sees it.
import PartySocket from "partysocket";
import type { z } from "zod/mini";
import { decodeJson, firstIssue } from "../shared/decode";

export interface PartySocketHandlers<T> {
  message(message: T): void;
  open?(): void;
  close?(): void;
}

export interface OpenPartySocket {
  send(message: unknown): void;
  close(): void;
}

export function openPartySocket<T>(
  party: string,
  room: string,
  schema: z.core.$ZodType<T>,
  handlers: PartySocketHandlers<T>,
  /** Marks which of a room's audiences the socket is (never a secret: query strings are logged). */
  query?: Record<string, string>,
): OpenPartySocket {
  const socket = new PartySocket({
    host: location.host,
    protocol: location.protocol === "https:" ? "wss" : "ws",
    party,
    room,
    ...(query ? { query } : {}),
  });
  socket.addEventListener("open", () => handlers.open?.());
  socket.addEventListener("close", () => handlers.close?.());
  socket.addEventListener("message", (event: MessageEvent) => {
    const decoded = decodeJson(event.data, schema);
    if (decoded.ok) handlers.message(decoded.value);
    else if (decoded.reason === "invalid_shape") {
      console.warn(`Ignoring a ${party} message that does not match the protocol: ${firstIssue(decoded.error)}`);
    }
  });
  return {
    send: (message) => socket.send(JSON.stringify(message)),
    close: () => socket.close(),
  };
}
