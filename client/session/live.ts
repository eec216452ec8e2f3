// The tab's live link to its check-in room. The room is the source of truth: the
// page never advances on its own, it renders whatever `state` the room last pushed.
// PartySocket reconnects by itself and the room re-sends the full state on connect,
// so a dropped network or a refresh needs no special handling here.
import PartySocket from "partysocket";
import { createSignal, type Accessor } from "solid-js";
import type { PublicSessionState } from "../../domain/checkin-types";
import { clientMessage, serverMessage, type ClientMessage, type ServerMessage } from "../../shared/protocol/guest-socket";

export type RoomError = Extract<ServerMessage, { type: "error" }>;

export interface LiveSession {
  readonly id: string;
  state: Accessor<PublicSessionState | null>;
  /** The last message the room rejected from this tab; cleared by the next state. */
  error: Accessor<RoomError | null>;
  connected: Accessor<boolean>;
  /** A message is on its way and the room has not answered yet. */
  waiting: Accessor<boolean>;
  send(message: ClientMessage): void;
  close(): void;
}

export function openLiveSession(id: string): LiveSession {
  const [state, setState] = createSignal<PublicSessionState | null>(null);
  const [error, setError] = createSignal<RoomError | null>(null);
  const [connected, setConnected] = createSignal(false);
  const [waiting, setWaiting] = createSignal(false);

  const socket = new PartySocket({
    host: location.host,
    protocol: location.protocol === "https:" ? "wss" : "ws",
    party: "checkin",
    room: id,
  });

  socket.addEventListener("open", () => setConnected(true));
  socket.addEventListener("close", () => setConnected(false));
  socket.addEventListener("message", (event: MessageEvent) => {
    const message = parse(event.data);
    if (!message) return;
    if (message.type === "state") {
      setError(null);
      setState(message.state);
      setWaiting(false);
    } else if (message.type === "error") {
      setError(message);
      setWaiting(false);
    } else if (message.type === "completed") {
      // The state that follows carries the same token; keep the page moving even if it is slow.
      const s = state();
      if (s && !s.stayToken) setState({ ...s, step: "completed", stayToken: message.stayToken });
    }
    // pin-ready / pin-failed are always followed by a state push, which is what we render.
  });

  return {
    id,
    state,
    error,
    connected,
    waiting,
    send(message) {
      // Built against the same schema the room checks, so a malformed message is our bug, caught here.
      const checked = clientMessage.parse(message);
      setError(null);
      setWaiting(true);
      socket.send(JSON.stringify(checked));
    },
    close() {
      socket.close();
    },
  };
}

function parse(data: unknown): ServerMessage | null {
  if (typeof data !== "string") return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const result = serverMessage.safeParse(json);
  if (!result.success) {
    console.warn("Ignoring a message that does not match the protocol", result.error.issues);
    return null;
  }
  return result.data;
}
