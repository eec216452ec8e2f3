// Websocket clients for tests. Waits are driven by incoming messages, never by
// polling: `next` looks through messages in arrival order, starting after the one it
// last returned, so a message that arrived before the call is not missed.
import WebSocket from "ws";
import { serverMessage, type ClientMessage, type ServerMessage } from "../../shared/protocol/guest-socket";

const DEFAULT_TIMEOUT_MS = 30_000;
const CLOSE_HANDSHAKE_MS = 1_000;

export class ConnectError extends Error {
  constructor(
    message: string,
    /** HTTP status when the server refused the upgrade, e.g. 401. */
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = "ConnectError";
  }
}

export interface Closed {
  code: number;
  reason: string;
}

interface Waiter<T> {
  /** Index of the first message this wait may match: the cursor when it was called. */
  from: number;
  predicate: (m: T) => boolean;
  resolve: (m: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** Messages in arrival order plus a cursor; the shared core of both clients. */
class Inbox<T> {
  readonly messages: T[] = [];
  private cursor = 0;
  private waiters: Waiter<T>[] = [];
  private failure: Error | undefined;

  constructor(private readonly describe: (m: T) => string) {}

  push(message: T) {
    this.messages.push(message);
    this.drain();
  }

  /** Rejects every pending and future wait: the stream can no longer be trusted or will never continue. */
  fail(err: Error) {
    this.failure ??= err;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(err);
    }
  }

  next(predicate: (m: T) => boolean, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.messages.slice(this.cursor).map(this.describe).join(", ") || "nothing";
        reject(new Error(`no matching message within ${timeoutMs} ms; unconsumed: ${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = { from: this.cursor, predicate, resolve, reject, timer };
      this.waiters.push(waiter);
      this.drain();
      if (this.failure && this.waiters.includes(waiter)) this.fail(this.failure);
    });
  }

  private drain() {
    // Concurrent waits each look from where the cursor was when they were made, so
    // `Promise.all([next(a), next(b)])` works whichever arrives first.
    for (const waiter of [...this.waiters]) {
      const index = this.messages.findIndex((m, i) => i >= waiter.from && waiter.predicate(m));
      if (index < 0) continue;
      this.cursor = Math.max(this.cursor, index + 1);
      this.waiters = this.waiters.filter((w) => w !== waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(this.messages[index]!);
    }
  }
}

export interface RawMessage {
  text: string;
  /** `undefined` when the text is not JSON. */
  json: unknown;
  binary: boolean;
}

export interface RawClient {
  ws: WebSocket;
  messages: RawMessage[];
  send(data: string | Buffer | object): void;
  next(predicate?: (m: RawMessage) => boolean, timeoutMs?: number): Promise<RawMessage>;
  /** Resolves when the server or we close the socket. */
  closed: Promise<Closed>;
  close(code?: number, reason?: string): Promise<Closed>;
}

export function toWsUrl(base: string, path = ""): string {
  const url = new URL(path, base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/**
 * Any websocket, for malformed or oversized frames and the frontdesk socket. Rejects
 * with a ConnectError (carrying the HTTP status) when the upgrade is refused.
 */
export function connectRaw(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
  const ws = new WebSocket(url, { headers, maxPayload: 64 * 1024 * 1024 });
  const inbox = new Inbox<RawMessage>((m) => m.text.slice(0, 120));
  const closed = new Promise<Closed>((resolve) => {
    ws.on("close", (code, reason) => {
      const info = { code, reason: reason.toString() };
      inbox.fail(new Error(`socket closed (${code} ${info.reason}) before a matching message`));
      resolve(info);
    });
  });
  ws.on("message", (data, isBinary) => {
    const text = Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.concat(data as Buffer[]).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    inbox.push({ text, json, binary: isBinary });
  });
  const client: RawClient = {
    ws,
    messages: inbox.messages,
    send(data) {
      ws.send(typeof data === "string" || Buffer.isBuffer(data) ? data : JSON.stringify(data));
    },
    next: (predicate = () => true, timeoutMs = DEFAULT_TIMEOUT_MS) => inbox.next(predicate, timeoutMs),
    closed,
    close(code = 1000, reason = "") {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
      // workerd does not always answer a close frame; ws would wait 30 s for it.
      const force = setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS);
      return closed.finally(() => clearTimeout(force));
    },
  };
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(client));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => {
        ws.terminate();
        reject(new ConnectError(`upgrade refused: HTTP ${res.statusCode}`, res.statusCode, body));
      });
    });
    ws.once("error", (err) => reject(new ConnectError(`cannot connect to ${url}: ${err.message}`)));
  });
}

export interface CheckinClient {
  /** Every message received so far, in order, each already schema-checked. */
  messages: ServerMessage[];
  send(msg: ClientMessage): void;
  /** The next message (after the last one `next` returned) that matches. */
  next<T extends ServerMessage>(predicate: (m: ServerMessage) => m is T, timeoutMs?: number): Promise<T>;
  next(predicate: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  /** Shorthand for `next` on a message type. */
  nextOfType<K extends ServerMessage["type"]>(
    type: K,
    timeoutMs?: number,
  ): Promise<Extract<ServerMessage, { type: K }>>;
  raw: RawClient;
  close(): Promise<Closed>;
}

/**
 * A guest's socket on a check-in session. Every frame must satisfy `serverMessage`;
 * one that does not is a server bug, so it fails every pending and later wait.
 */
export async function connectCheckin(baseUrl: string, sessionId: string): Promise<CheckinClient> {
  const inbox = new Inbox<ServerMessage>((m) => m.type);
  const raw = await connectRaw(toWsUrl(baseUrl, `/parties/checkin/${encodeURIComponent(sessionId)}`));
  const accept = (m: RawMessage) => {
    const parsed = serverMessage.safeParse(m.json);
    if (parsed.success) inbox.push(parsed.data);
    else
      inbox.fail(
        new Error(`server sent a message outside the protocol: ${m.text.slice(0, 500)}\n${parsed.error.message}`),
      );
  };
  // Frames that arrived between `open` and now are already in raw.messages.
  raw.messages.forEach(accept);
  raw.ws.on("message", () => accept(raw.messages[raw.messages.length - 1]!));
  void raw.closed.then((c) => inbox.fail(new Error(`socket closed (${c.code} ${c.reason}) before a matching message`)));
  return {
    messages: inbox.messages,
    send: (msg) => raw.send(JSON.stringify(msg)),
    next: (predicate: (m: ServerMessage) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      inbox.next(predicate, timeoutMs),
    nextOfType: (type, timeoutMs = DEFAULT_TIMEOUT_MS) =>
      inbox.next((m) => m.type === type, timeoutMs) as Promise<never>,
    raw,
    close: () => raw.close(),
  } as CheckinClient;
}
