// The tab's live link to its check-in room. The room is the source of truth: the
// page never advances on its own, it renders whatever `state` the room last pushed.
// PartySocket reconnects by itself and the room re-sends the full state on connect,
// so a dropped network or a refresh needs no special handling here.
import { createSignal, type Accessor } from "solid-js";
import type { PublicSessionState } from "../../domain/checkin-types";
import {
  clientMessage,
  serverMessage,
  type ClientMessage,
  type ServerMessage,
} from "../../shared/protocol/guest-socket";
import { openPartySocket } from "../party-socket";

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

  const socket = openPartySocket("checkin", id, serverMessage, {
    open: () => setConnected(true),
    close: () => setConnected(false),
    message: (message) => {
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
    },
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
      // A change of language is no step: the form stays usable while it travels.
      if (checked.type !== "language") {
        setError(null);
        setWaiting(true);
      }
      socket.send(checked);
    },
    close() {
      socket.close();
    },
  };
}
