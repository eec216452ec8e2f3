// The frontdesk room against an in-memory stand-in for its Durable Object: changes are
// merged at once, but written and announced in batches, stored before announced, and a
// POST answers only once its change is stored.
import { describe, expect, it } from "vitest";
import type * as Party from "partykit/server";
import FrontdeskRoom, { FLUSH_MS } from "../../party/frontdesk/server";
import { stampStaffSession } from "../../party/frontdesk/staff-sockets";
import { internalHeaders } from "../../party/internal-auth";
import { boardSession } from "../support/board-fixture";
import type { BoardSession } from "../../domain/board";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol/common";
import { boardMessage, type BoardMessage } from "../../shared/protocol/board-socket";

const SECRET = "internal-secret-for-unit-tests";
const ENV = {
  LIBSQL_URL: "http://127.0.0.1:1",
  SELF_URL: "http://127.0.0.1:1",
  INTERNAL_SECRET: SECRET,
  SESSION_SECRET: "session-secret-for-unit-tests",
};

const session = boardSession;

/** Storage whose puts can be held open, and a log of what was written and broadcast, in order. */
function fakeRoom() {
  const stored = new Map<string, unknown>();
  const log: ({ put: string[] } | { broadcast: BoardMessage })[] = [];
  let hold: Promise<void> | null = null;
  let failNext = false;
  const storage = {
    async list<T>(opts: { prefix: string }) {
      return new Map([...stored].filter(([k]) => k.startsWith(opts.prefix))) as Map<string, T>;
    },
    async put(entries: Record<string, unknown>) {
      if (Object.keys(entries).length > 128) throw new Error("more than 128 keys in one put");
      if (failNext) {
        failNext = false;
        throw new Error("storage down");
      }
      log.push({ put: Object.keys(entries) });
      if (hold) await hold;
      for (const [k, v] of Object.entries(entries)) stored.set(k, v);
    },
    async delete(keys: string[]) {
      for (const k of keys) stored.delete(k);
      return keys.length;
    },
    // The board wakes when a dashboard's staff session expires.
    alarm: null as number | null,
    async getAlarm() {
      return this.alarm;
    },
    async setAlarm(at: number) {
      this.alarm = at;
    },
  };
  const room = {
    id: "prop-test",
    env: ENV,
    storage,
    // One stand-in dashboard: what it is sent is what every dashboard would be.
    *getConnections(tag?: string) {
      if (tag === "dashboard")
        yield { send: (text: string) => log.push({ broadcast: boardMessage.parse(JSON.parse(text)) }) };
    },
  };
  return {
    room: room as unknown as Party.Room,
    stored,
    log,
    holdPuts() {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
    failNextPut() {
      failNext = true;
    },
  };
}

async function startRoom() {
  const fake = fakeRoom();
  const server = new FrontdeskRoom(fake.room);
  await server.onStart();
  return { ...fake, server };
}

function post(server: FrontdeskRoom, body: unknown, secret = SECRET): Promise<Response> {
  const req = new Request("http://127.0.0.1/parties/frontdesk/prop-test", {
    method: "POST",
    headers: internalHeaders(secret),
    body: JSON.stringify(body),
  });
  return server.onRequest(req as unknown as Party.Request);
}

const broadcasts = (log: ReturnType<typeof fakeRoom>["log"]) =>
  log.flatMap((e) => ("broadcast" in e ? [e.broadcast] : []));

describe("frontdesk room batching", () => {
  it("coalesces changes into one write and one broadcast, each session once in its newest form", async () => {
    const { server, log, stored } = await startRoom();
    const responses = await Promise.all([
      post(server, { type: "session", session: session("a", 1) }),
      post(server, { type: "session", session: session("b", 1) }),
      post(server, { type: "session", session: session("a", 3, { step: "parking" }) }),
      // Out of order: older than what is pending, so dropped.
      post(server, { type: "session", session: session("a", 2) }),
      post(server, { type: "session", session: session("c", 1) }),
      post(server, { type: "session", session: session("b", 2, { pinStatus: "creating" }) }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(log).toHaveLength(2);
    expect(log[0]).toEqual({ put: ["session:a", "session:b", "session:c"] });
    const [message] = broadcasts(log);
    expect(message).toEqual({
      type: "sessions",
      sessions: [session("a", 3, { step: "parking" }), session("b", 2, { pinStatus: "creating" }), session("c", 1)].map(
        (s) =>
          expect.objectContaining({ sessionId: s.sessionId, version: s.version, step: s.step, pinStatus: s.pinStatus }),
      ),
    });
    expect((stored.get("session:a") as BoardSession).version).toBe(3);
  });

  it("answers a POST only after its change is stored, and announces only after that", async () => {
    const { server, log, holdPuts } = await startRoom();
    const release = holdPuts();
    let answered = false;
    const pending = post(server, { type: "session", session: session("a", 1) }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, FLUSH_MS * 5));
    expect(log).toEqual([{ put: ["session:a"] }]);
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(200);
    expect(log.map((e) => Object.keys(e)[0])).toEqual(["put", "broadcast"]);
  });

  it("never lets a late update overwrite a newer version that is still being written", async () => {
    const { server, log, stored, holdPuts } = await startRoom();
    const release = holdPuts();
    const first = post(server, { type: "session", session: session("a", 5) });
    await new Promise((r) => setTimeout(r, FLUSH_MS * 3));
    const late = post(server, { type: "session", session: session("a", 4) });
    // Let the late update be read and merged while the first write is still open.
    await new Promise((r) => setTimeout(r, 1));
    expect(log).toEqual([{ put: ["session:a"] }]);
    release();
    await Promise.all([first, late]);
    await new Promise((r) => setTimeout(r, FLUSH_MS * 3));
    expect((stored.get("session:a") as BoardSession).version).toBe(5);
    expect(broadcasts(log)).toHaveLength(1);
  });

  it("writes at most 128 keys per put", async () => {
    const { server, log, stored } = await startRoom();
    const sessions = Array.from({ length: 300 }, (_, i) => session(`s${i}`, 1));
    await Promise.all(sessions.map((s) => post(server, { type: "session", session: s })));
    const puts = log.flatMap((e) => ("put" in e ? [e.put.length] : []));
    expect(puts).toEqual([128, 128, 44]);
    expect(stored.size).toBe(300);
    expect(broadcasts(log)).toEqual([expect.objectContaining({ type: "sessions", sessions: expect.any(Array) })]);
    expect((broadcasts(log)[0] as { sessions: BoardSession[] }).sessions).toHaveLength(300);
  });

  it("shows a new dashboard only what is stored; the pending change follows in the next batch", async () => {
    const { server, log } = await startRoom();
    await post(server, { type: "session", session: session("a", 1) });
    const change = post(server, { type: "session", session: session("a", 2) });
    const sent: BoardMessage[] = [];
    const dashboard = { id: "dash-1", send: (text: string) => sent.push(JSON.parse(text)), setState() {}, close() {} };
    // onBeforeConnect has checked the cookie and stamped the staff session.
    const request = stampStaffSession(new Request("http://x/parties/frontdesk/prop-test"), {
      staffId: "staff-1",
      expiresAt: Date.now() + 3600_000,
    });
    server.onConnect(dashboard as unknown as Party.Connection, { request } as unknown as Party.ConnectionContext);
    expect(sent).toEqual([{ type: "board", sessions: [expect.objectContaining({ sessionId: "a", version: 1 })] }]);
    await change;
    expect(broadcasts(log).at(-1)).toEqual({ type: "sessions", sessions: [expect.objectContaining({ version: 2 })] });
  });

  it("fails the callers of a batch that could not be stored, announces nothing, and carries on", async () => {
    const { server, log, failNextPut } = await startRoom();
    failNextPut();
    await expect(post(server, { type: "session", session: session("a", 1) })).rejects.toThrow("storage down");
    expect(broadcasts(log)).toEqual([]);
    // The checkin room's next change brings the session back.
    expect((await post(server, { type: "session", session: session("a", 2) })).status).toBe(200);
    expect(broadcasts(log)).toEqual([{ type: "sessions", sessions: [expect.objectContaining({ version: 2 })] }]);
  });

  it("refuses oversized bodies, bad shapes and callers without the internal secret", async () => {
    const { server, log } = await startRoom();
    const tooBig = session("a", 1, { guestName: "x".repeat(MAX_MESSAGE_BYTES) });
    expect((await post(server, { type: "session", session: tooBig })).status).toBe(413);
    expect((await post(server, { type: "sessions", sessions: [session("a", 1)] })).status).toBe(400);
    expect((await post(server, { type: "session", sessions: session("a", 1) })).status).toBe(400);
    expect((await post(server, { type: "session", session: session("a", 1) }, "x".repeat(SECRET.length))).status).toBe(
      403,
    );
    expect(log).toEqual([]);
  });

  it("GET lists the stored sessions", async () => {
    const { server } = await startRoom();
    await Promise.all([session("a", 1), session("b", 1)].map((s) => post(server, { type: "session", session: s })));
    const req = new Request("http://127.0.0.1/parties/frontdesk/prop-test", { headers: internalHeaders(SECRET) });
    const res = await server.onRequest(req as unknown as Party.Request);
    expect(((await res.json()) as { sessions: BoardSession[] }).sessions.map((s) => s.sessionId)).toEqual(["a", "b"]);
  });
});
