// One room per property: the live board every front-desk dashboard of that property
// watches. Checkin rooms post session changes here (server to server); dashboards
// get the whole board on connect and then batches of changes, all in the order stored.
import type * as Party from "partykit/server";
import { isStale, mergeBoardSession } from "../../domain/board";
import type { BoardSession } from "../../domain/board";
import type { BoardMessage } from "../../shared/protocol/board-socket";
import { boardFeedMessage, boardChange, type BoardFeedAnswer } from "../../shared/protocol/internal";
import { runtimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { isInternal } from "../internal-auth";
import { isSameOriginRequest } from "../same-origin";
import { parseFrame } from "../ws-message";
import { authorizeDeskSocket } from "./auth";
import { BatchWriter } from "./batch-writer";
import {
  END_STAFF_SESSIONS_PATH,
  endStaffSessions,
  isEndedBy,
  readStaffSession,
  SESSION_ENDED_CLOSE,
  stampStaffSession,
  type SocketStaffSession,
} from "./staff-sockets";
import { useEnglishZodMessages } from "../../shared/zod-locale";

useEnglishZodMessages();

const PREFIX = "session:";
/** Connection tags: staff dashboards get the board; feeds are checkin rooms sending changes in. */
const DASHBOARD = "dashboard";
const FEED = "feed";
const PRUNE_EVERY_MS = 10 * 60_000;
/**
 * How long changes gather before one write and one broadcast (BatchWriter) carry them all:
 * a write and a fan-out to every dashboard per change capped a busy property's check-in
 * rate, batching pays them once per interval. Every change (and the checkin room's notify,
 * which waits for the write) is delayed by up to this much, and dashboards should see a
 * change within 50 ms p99, so it stays a small slice of that.
 */
export const FLUSH_MS = 10;
/** Durable Object storage takes at most 128 keys per put. */
const MAX_KEYS_PER_PUT = 128;

export default class FrontdeskRoom implements Party.Server {
  /** Stored and announced: what GET and a newly connected dashboard see. */
  private sessions = new Map<string, BoardSession>();
  /** Merged but not yet stored and announced; a session changed twice before its batch keeps only its latest form. */
  private readonly batch = new BatchWriter<string, BoardSession>({
    delayMs: FLUSH_MS,
    store: (sessions) => this.store(sessions),
    announce: (sessions) => {
      const message = JSON.stringify({ type: "sessions", sessions } satisfies BoardMessage);
      for (const dashboard of this.room.getConnections(DASHBOARD)) dashboard.send(message);
    },
  });
  private lastPrunedAt = 0;
  private readonly feeds = new Set<string>();

  constructor(readonly room: Party.Room) {}

  /** Runs at the edge before the socket reaches the room: no staff session, no board. */
  static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    const env = runtimeEnv(lobby.env);
    // A checkin room's feed, arriving over HTTP from an alarm (partykit withholds the parties binding there).
    if (isInternal(req as unknown as Request, env.INTERNAL_SECRET)) return req;
    // Another site's page could open this socket with the desk's cookie (cross-site websocket hijacking).
    if (!isSameOriginRequest(req as unknown as Request, env.SELF_URL)) {
      return new Response("Cross-origin socket refused", { status: 403 });
    }
    const staff = await authorizeDeskSocket(req as unknown as Request, env, lobby.id);
    if (!staff) return new Response("Sign in to the front desk first", { status: 401 });
    const stamped = stampStaffSession(req as unknown as Request, {
      staffId: staff.staffId,
      expiresAt: staff.expiresAt,
    });
    return stamped as unknown as Party.Request;
  }

  async onStart() {
    const stored = await this.room.storage.list<BoardSession>({ prefix: PREFIX });
    for (const session of stored.values()) this.sessions.set(session.sessionId, session);
    await this.prune(Date.now());
  }

  /** A board room can stay up for weeks with dashboards open all day: old sessions leave memory and storage. */
  private async prune(now: number) {
    this.lastPrunedAt = now;
    const known = [...this.sessions.values(), ...this.batch.gathering()];
    const stale = [...new Set(known.filter((s) => isStale(s, now)).map((s) => s.sessionId))];
    for (const id of stale) {
      this.sessions.delete(id);
      // Otherwise the next batch would write it back.
      this.batch.forget(id);
    }
    // Durable Object storage deletes at most 128 keys per call.
    for (let i = 0; i < stale.length; i += MAX_KEYS_PER_PUT) {
      await this.room.storage.delete(stale.slice(i, i + MAX_KEYS_PER_PUT).map((id) => PREFIX + id));
    }
  }

  /** The secret is checked again here: a feed may come straight from the parties binding, past onBeforeConnect. */
  getConnectionTags(_connection: Party.Connection, context: Party.ConnectionContext): string[] {
    return [this.isFeed(context.request) ? FEED : DASHBOARD];
  }

  private isFeed(request: Party.Request): boolean {
    return isInternal(request as unknown as Request, runtimeEnv(this.room.env).INTERNAL_SECRET);
  }

  onConnect(connection: Party.Connection, context: Party.ConnectionContext) {
    if (this.isFeed(context.request)) {
      this.feeds.add(connection.id);
      return;
    }
    const staff = readStaffSession(context.request as unknown as Request);
    if (!staff || staff.expiresAt <= Date.now()) {
      connection.close(SESSION_ENDED_CLOSE, "staff session ended");
      return;
    }
    connection.setState(staff);
    // Only stored sessions: whatever is pending reaches this socket with the next batch.
    this.send(connection, { type: "board", sessions: [...this.sessions.values()] });
    void this.armExpiryAlarm();
  }

  /** Staff sessions end at a fixed time: wake then and close their sockets. */
  private async armExpiryAlarm() {
    let next = Infinity;
    for (const c of this.room.getConnections<SocketStaffSession>(DASHBOARD)) {
      if (c.state) next = Math.min(next, c.state.expiresAt);
    }
    if (next === Infinity) return;
    const current = await this.room.storage.getAlarm();
    if (current === null || current > next) await this.room.storage.setAlarm(next);
  }

  async onAlarm() {
    this.closeDashboards((s) => s.expiresAt <= Date.now());
    await this.armExpiryAlarm();
  }

  private closeDashboards(ended: (session: SocketStaffSession) => boolean): number {
    let closed = 0;
    for (const c of this.room.getConnections<SocketStaffSession>(DASHBOARD)) {
      if (!c.state || ended(c.state)) {
        c.close(SESSION_ENDED_CLOSE, "staff session ended");
        closed++;
      }
    }
    return closed;
  }

  onClose(connection: Party.Connection) {
    this.feeds.delete(connection.id);
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    if (!this.feeds.has(sender.id)) {
      // Dashboards act through the staff HTTP API, which audits; the socket is read-only.
      this.send(sender, {
        type: "error",
        code: "invalid_message",
        message: "The board is read-only; use the desk API to act.",
      });
      return;
    }
    const frame = parseFrame(raw, boardFeedMessage);
    if (!frame.ok) {
      console.warn(`[frontdesk] refused a feed message: ${frame.message}`);
      return;
    }
    let ok = true;
    try {
      await this.accept([frame.message.session]);
    } catch {
      ok = false;
    }
    sender.send(JSON.stringify({ type: "stored", seq: frame.message.seq, ok } satisfies BoardFeedAnswer));
  }

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    if (!isInternal(request, runtimeEnv(this.room.env).INTERNAL_SECRET))
      return apiErrorResponse(403, "forbidden", "Not allowed");
    if (request.method === "GET") return json({ sessions: [...this.sessions.values()] });
    if (request.method !== "POST") return apiErrorResponse(405, "method_not_allowed", "Method not allowed");
    if (new URL(request.url).pathname.endsWith(END_STAFF_SESSIONS_PATH)) {
      const end = await readJsonBody(request, endStaffSessions);
      if (!end.ok) return end.response;
      return json({ closed: this.closeDashboards((s) => isEndedBy(s, end.value)) });
    }
    const body = await readJsonBody(request, boardChange);
    if (!body.ok) return body.response;
    await this.accept([body.value.session]);
    return json({ ok: true });
  }

  /** Merges changes and settles once they are stored and announced: the sender's notify means "stored". */
  private async accept(incoming: BoardSession[]) {
    for (const session of incoming) {
      const id = session.sessionId;
      // Against the newest version known, stored or not, so a late update never overwrites a newer one.
      const merged = mergeBoardSession(this.batch.unstored(id) ?? this.sessions.get(id), session);
      if (merged) this.batch.set(merged.sessionId, merged);
    }
    // Also for an update dropped as out of date, whose newer version may still be unstored.
    await this.batch.flushed();
    if (Date.now() - this.lastPrunedAt > PRUNE_EVERY_MS) await this.prune(Date.now());
  }

  /** Persist before announcing: a dashboard never shows what a restart would forget. */
  private async store(batch: BoardSession[]) {
    const writes: Promise<void>[] = [];
    for (let i = 0; i < batch.length; i += MAX_KEYS_PER_PUT) {
      const entries = batch.slice(i, i + MAX_KEYS_PER_PUT).map((s) => [PREFIX + s.sessionId, s]);
      writes.push(this.room.storage.put(Object.fromEntries(entries)));
    }
    // On failure the board keeps the stored versions; the checkin room's next change brings the newer one again.
    await Promise.all(writes);
    for (const session of batch) this.sessions.set(session.sessionId, session);
  }

  private send(connection: Party.Connection, message: BoardMessage) {
    connection.send(JSON.stringify(message));
  }
}
