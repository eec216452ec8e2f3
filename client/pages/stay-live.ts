// The stay page's live channel: asks which check-in room became this stay, opens its
// socket, proves the stay token in the first message (again after every reconnect) and
// keeps the latest `stay` view. Without a room (a stay checked in another way) or while
// offline, the page keeps what it loaded over HTTP.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import {
  STAY_CHANNEL_QUERY,
  stayServerMessage,
  staySocketResponse,
  type StayClientMessage,
  type StayView,
} from "../../shared/protocol/guest-stay";
import { fetchJson } from "../fetch-json";
import { openPartySocket, type OpenPartySocket } from "../party-socket";

export interface LiveStay {
  view: Accessor<StayView | null>;
  connected: Accessor<boolean>;
  /** "Code not working?": false when the desk cannot be told from here (no live channel). */
  reportTrouble(): boolean;
}

export function liveStay(stayToken: string): LiveStay {
  const [view, setView] = createSignal<StayView | null>(null);
  const [connected, setConnected] = createSignal(false);
  let socket: OpenPartySocket | null = null;
  let closed = false;
  const send = (message: StayClientMessage) => socket?.send(message);

  void fetchJson("/api/stay-socket", staySocketResponse, { body: { stayToken } }).then((r) => {
    if (closed || !r.ok || r.value.sessionId === null) return;
    socket = openPartySocket(
      "checkin",
      r.value.sessionId,
      stayServerMessage,
      {
        open() {
          send({ type: "hello", stayToken });
        },
        message(m) {
          if (m.type === "stay") {
            setView(m.stay);
            setConnected(true);
          }
        },
        close() {
          setConnected(false);
        },
      },
      { ...STAY_CHANNEL_QUERY },
    );
  });
  onCleanup(() => {
    closed = true;
    socket?.close();
  });

  return {
    view,
    connected,
    reportTrouble() {
      if (!connected()) return false;
      send({ type: "door-trouble" });
      return true;
    },
  };
}
