// The live board: one socket to the property's frontdesk room. The room sends
// the whole board on connect (also after every reconnect) and then batches of
// session changes; entries only move forward in version, so a late, out-of-order
// update never rolls a row back.
import { batch, createSignal, type Accessor } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { mergeBoardSession, type BoardSession } from "../../domain/board";
import { boardMessage } from "../../shared/protocol/board-socket";
import { openPartySocket } from "../party-socket";

export interface LiveBoard {
  sessions: Record<string, BoardSession>;
  connected: Accessor<boolean>;
  close(): void;
}

export interface BoardHooks {
  /** A session changed; `before` is how the board showed it until now. */
  onChange?: (session: BoardSession, before: BoardSession | undefined) => void;
  /** The room refused the socket (a close before it ever opened). */
  onRefused?: () => void;
}

export function openBoard(propertyId: string, hooks: BoardHooks = {}): LiveBoard {
  const [sessions, setSessions] = createStore<Record<string, BoardSession>>({});
  const [connected, setConnected] = createSignal(false);

  const socket = openPartySocket("frontdesk", propertyId, boardMessage, {
    open: () => setConnected(true),
    close: () => {
      // A refused upgrade (expired or revoked session) looks like a close before open;
      // the app checks the session and goes to sign-in if that is why.
      if (!connected()) hooks.onRefused?.();
      setConnected(false);
    },
    message: (message) => {
      if (message.type === "board") {
        setSessions(reconcile(Object.fromEntries(message.sessions.map((s) => [s.sessionId, s]))));
      } else if (message.type === "sessions") {
        const applied: [BoardSession, BoardSession | undefined][] = [];
        // One render for the whole batch, however many rows it touches.
        batch(() => {
          for (const incoming of message.sessions) {
            // A plain copy: the store entry itself changes in place below.
            const current = sessions[incoming.sessionId];
            const before = current ? { ...current } : undefined;
            const merged = mergeBoardSession(before, incoming);
            if (!merged) continue;
            setSessions(merged.sessionId, reconcile(merged));
            applied.push([merged, before]);
          }
        });
        for (const [merged, before] of applied) hooks.onChange?.(merged, before);
      }
    },
  });

  return { sessions, connected, close: () => socket.close() };
}
