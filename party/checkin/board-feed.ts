// A checkin room's websocket to its property's frontdesk room: a message on an open
// socket costs a small fraction of an HTTP request between rooms (see bench/findings.md).
// Every change waits for the frontdesk's "stored" answer, so a send means what a POST
// means, and a socket that drops fails what is in flight for the caller (SnapshotSync)
// to resend.
import type { BoardSession } from "../../domain/board";
import { boardFeedAnswer, type BoardFeedMessage } from "../../shared/protocol/internal";
import { parseFrame } from "../ws-message";

/** Long enough for a frontdesk batch under load; past it the change is sent again. */
const ANSWER_TIMEOUT_MS = 10_000;

interface Waiting {
  resolve(): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class BoardFeed {
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, Waiting>();

  /** `open` connects (by the parties binding, or over HTTP from an alarm) and resolves with an accepted socket. */
  constructor(private readonly open: () => Promise<WebSocket>) {}

  async send(session: BoardSession): Promise<void> {
    const socket = await this.connected();
    const seq = ++this.seq;
    const stored = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(seq, new Error("the front desk did not answer in time")),
        ANSWER_TIMEOUT_MS,
      );
      this.waiting.set(seq, { resolve, reject, timer });
    });
    try {
      socket.send(JSON.stringify({ type: "session", session, seq } satisfies BoardFeedMessage));
    } catch (err) {
      // A socket closing under us: fail this send (and any other in flight) and reconnect next time.
      this.drop(err instanceof Error ? err : new Error(String(err)));
    }
    return stored;
  }

  /** Once the session has finished and the board has its last state, the socket is no longer needed. */
  close() {
    const socket = this.socket;
    this.drop(new Error("board feed closed"));
    try {
      socket?.close(1000, "session finished");
    } catch {
      // Already closing.
    }
  }

  private connected(): Promise<WebSocket> {
    if (this.socket) return Promise.resolve(this.socket);
    this.opening ??= this.open()
      .then((socket) => {
        socket.addEventListener("message", (event) => this.onAnswer(event.data));
        const closed = () => new Error("the frontdesk room closed the board feed");
        socket.addEventListener("close", () => this.socket === socket && this.drop(closed()));
        socket.addEventListener("error", () => this.socket === socket && this.drop(new Error("the board feed failed")));
        this.socket = socket;
        return socket;
      })
      .finally(() => {
        this.opening = null;
      });
    return this.opening;
  }

  private onAnswer(data: unknown) {
    const frame = parseFrame(typeof data === "string" ? data : "", boardFeedAnswer);
    if (!frame.ok) return;
    this.settle(frame.message.seq, frame.message.ok ? null : new Error("the front desk could not store the change"));
  }

  private settle(seq: number, error: Error | null) {
    const waiter = this.waiting.get(seq);
    if (!waiter) return;
    this.waiting.delete(seq);
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }

  private drop(error: Error) {
    this.socket = null;
    for (const seq of [...this.waiting.keys()]) this.settle(seq, error);
  }
}
