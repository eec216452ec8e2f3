// The bench's websocket client: `ws` with compression off (workerd does not negotiate
// it, and inflating would cost the load generator CPU), receipt times taken the moment
// a frame arrives, and reconnection with capped exponential backoff for the restart
// scenario. Guests, echo clients and dashboards all use it, so the baseline and the
// real flow pay the same client-side costs.
import WebSocket from "ws";
import { backoffMs } from "./pool";

export interface SocketHandlers {
  /** `text` is the raw frame; `at` is performance.now() on receipt. */
  onMessage(text: string, at: number): void;
  /** After every successful open; `reconnected` is false only for the first. */
  onOpen?(reconnected: boolean): void;
  /** The socket is gone for good: refused, closed by the server with `fatalCodes`, or reconnection gave up. */
  onFatal(reason: string, code?: number): void;
}

export interface SocketOptions {
  headers?: Record<string, string>;
  /** Reconnect after an unexpected close (until `deadline`); otherwise such a close is fatal. */
  reconnect: boolean;
  /** performance.now() after which reconnection stops. */
  deadline: number;
  /** Close codes that mean "do not come back", e.g. 4404 unknown session. */
  fatalCodes?: number[];
}

const CLOSE_HANDSHAKE_MS = 1_000;

export class BenchSocket {
  private ws: WebSocket | null = null;
  private closedByUs = false;
  private attempt = 0;
  private everOpened = false;
  reconnects = 0;

  constructor(
    private readonly url: string,
    private readonly handlers: SocketHandlers,
    private readonly opts: SocketOptions,
  ) {}

  /** Resolves on the first open; rejects if that first open fails and reconnecting is off. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => this.dial(resolve, reject));
  }

  send(text: string): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(text);
    return true;
  }

  close(): void {
    this.closedByUs = true;
    const ws = this.ws;
    if (!ws) return;
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000);
    // workerd does not always answer a close frame; ws would wait 30 s for it.
    setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS).unref();
  }

  private dial(resolve?: () => void, reject?: (err: Error) => void) {
    if (this.closedByUs) return;
    const ws = new WebSocket(this.url, {
      headers: this.opts.headers,
      perMessageDeflate: false,
      handshakeTimeout: 15_000,
    });
    this.ws = ws;
    let opened = false;
    ws.on("open", () => {
      opened = true;
      this.attempt = 0;
      const reconnected = this.everOpened;
      this.everOpened = true;
      if (reconnected) this.reconnects++;
      this.handlers.onOpen?.(reconnected);
      resolve?.();
    });
    ws.on("message", (data, isBinary) => {
      const at = performance.now();
      if (isBinary) return this.handlers.onMessage("", at);
      this.handlers.onMessage(
        Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.concat(data as Buffer[]).toString("utf8"),
        at,
      );
    });
    let refusal: string | undefined;
    ws.on("unexpected-response", (_req, res) => {
      refusal = `upgrade refused: HTTP ${res.statusCode}`;
      res.resume();
      ws.terminate();
    });
    ws.on("error", (err) => {
      refusal ??= err.message;
    });
    ws.on("close", (code, reasonBuf) => {
      if (this.closedByUs || this.ws !== ws) return;
      const reason = opened
        ? `closed by server (${code} ${reasonBuf.toString()})`
        : (refusal ?? `could not connect (${code})`);
      if (this.opts.fatalCodes?.includes(code)) return this.fail(reason, code, reject);
      if (!this.opts.reconnect) return this.fail(reason, code, reject);
      const wait = backoffMs(this.attempt++);
      if (performance.now() + wait > this.opts.deadline)
        return this.fail(`gave up reconnecting: ${reason}`, code, reject);
      setTimeout(() => this.dial(resolve, reject), wait);
    });
  }

  private fail(reason: string, code: number | undefined, reject?: (err: Error) => void) {
    this.closedByUs = true;
    if (reject) reject(new Error(reason));
    this.handlers.onFatal(reason, code);
  }
}
