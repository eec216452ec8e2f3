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

export default class FrontdeskRoom implements Party.Server {
  private sessions = new Map<string, BoardSession>();

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
    const now = Date.now();
    for (const [key, session] of stored) {
      if (isStale(session, now)) await this.room.storage.delete(key);
      else this.sessions.set(session.sessionId, session);
    }
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
    return json({ ok: true });
  }

  private send(connection: Party.Connection, message: DeskServerMessage) {
    connection.send(JSON.stringify(message));
  }
}
