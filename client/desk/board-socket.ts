// The live board: one PartySocket to the property's frontdesk room. The room sends
// the whole board on connect (also after every reconnect) and then batches of
// session changes; entries only move forward in version, so a late, out-of-order
// update never rolls a row back.
import PartySocket from "partysocket";
import { batch, createSignal, type Accessor } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { mergeBoardSession } from "../../domain/board";
import type { BoardSession } from "../../domain/board";
import { deskServerMessage } from "../../shared/protocol/desk-socket";

export interface LiveBoard {
  sessions: Record<string, BoardSession>;
  connected: Accessor<boolean>;
  /** Bumped whenever the board changes (once per batch); lets the page refresh what depends on the board (arrivals). */
  changes: Accessor<number>;
  close(): void;
}

export function openBoard(propertyId: string, hooks: { onChange?: (s: BoardSession, before: BoardSession | undefined) => void; onRefused?: () => void } = {}): LiveBoard {
  const [sessions, setSessions] = createStore<Record<string, BoardSession>>({});
  const [connected, setConnected] = createSignal(false);
  const [changes, setChanges] = createSignal(0);

  const socket = new PartySocket({
    host: location.host,
    protocol: location.protocol === "https:" ? "wss" : "ws",
    party: "frontdesk",
    room: propertyId,
  });

  socket.addEventListener("open", () => setConnected(true));
  socket.addEventListener("close", () => {
    // A refused upgrade (expired or revoked session) looks like a close before open;
    // the app checks the session and goes to sign-in if that is why.
    if (!connected()) hooks.onRefused?.();
    setConnected(false);
  });
  socket.addEventListener("message", (event: MessageEvent) => {
    if (typeof event.data !== "string") return;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = deskServerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === "board") {
      setSessions(reconcile(Object.fromEntries(message.sessions.map((s) => [s.sessionId, s]))));
      setChanges((n) => n + 1);
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
        if (applied.length > 0) setChanges((n) => n + 1);
      });
      for (const [merged, before] of applied) hooks.onChange?.(merged, before);
    }
  });

  return { sessions, connected, changes, close: () => socket.close() };
}
