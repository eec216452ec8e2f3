// One room per property: the live board every front-desk dashboard of that property
// watches. Checkin rooms post session changes here (server to server); dashboards
// get the whole board on connect and each change after, all in the order stored.
import type * as Party from "partykit/server";
import { isStale, mergeBoardSession } from "../../domain/board";
import { frontdeskEvent, type BoardSession, type DeskServerMessage } from "../../shared/protocol";
import { runtimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { isInternal } from "../internal-auth";
import { authorizeDeskSocket } from "./auth";

const PREFIX = "session:";
const PRUNE_EVERY_MS = 10 * 60_000;

export default class FrontdeskRoom implements Party.Server {
  private sessions = new Map<string, BoardSession>();
  private lastPrunedAt = 0;

  constructor(readonly room: Party.Room) {}

  /** Runs at the edge before the socket reaches the room: no staff session, no board. */
  static async onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    const env = runtimeEnv(lobby.env);
    const staff = await authorizeDeskSocket(req as unknown as Request, env, lobby.id);
    if (!staff) return new Response("Sign in to the front desk first", { status: 401 });
    return req;
  }

  async onStart() {
    const stored = await this.room.storage.list<BoardSession>({ prefix: PREFIX });
    for (const session of stored.values()) this.sessions.set(session.sessionId, session);
    await this.prune(Date.now());
  }

  /** A board room can stay up for weeks with dashboards open all day: old sessions leave memory and storage. */
  private async prune(now: number) {
    this.lastPrunedAt = now;
    const stale = [...this.sessions.values()].filter((s) => isStale(s, now)).map((s) => s.sessionId);
    for (const id of stale) this.sessions.delete(id);
    // Durable Object storage deletes at most 128 keys per call.
    for (let i = 0; i < stale.length; i += 128) await this.room.storage.delete(stale.slice(i, i + 128).map((id) => PREFIX + id));
  }

  onConnect(connection: Party.Connection) {
    this.send(connection, { type: "board", sessions: [...this.sessions.values()] });
  }

  onMessage(_raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    // Dashboards act through the staff HTTP API, which audits; the socket is read-only.
    this.send(sender, { type: "error", code: "invalid_message", message: "The board is read-only; use the desk API to act." });
  }

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    if (!isInternal(request, runtimeEnv(this.room.env).INTERNAL_SECRET)) return apiErrorResponse(403, "forbidden", "Not allowed");
    if (request.method === "GET") return json({ sessions: [...this.sessions.values()] });
    if (request.method !== "POST") return apiErrorResponse(405, "method_not_allowed", "Method not allowed");
    const body = await readJsonBody(request, frontdeskEvent);
    if (!body.ok) return body.response;
    const incoming = body.value.session;
    const merged = mergeBoardSession(this.sessions.get(incoming.sessionId), incoming);
    if (merged) {
      this.sessions.set(merged.sessionId, merged);
      await this.room.storage.put(PREFIX + merged.sessionId, merged);
      this.room.broadcast(JSON.stringify({ type: "session", session: merged } satisfies DeskServerMessage));
    }
    if (Date.now() - this.lastPrunedAt > PRUNE_EVERY_MS) await this.prune(Date.now());
    return json({ ok: true });
  }

  private send(connection: Party.Connection, message: DeskServerMessage) {
    connection.send(JSON.stringify(message));
  }
}
