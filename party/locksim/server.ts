// The simulated lock vendor: a stand-in for a smart-lock company's REST API, one room
// per lock. It is the outside edge of the system, so it misbehaves on purpose:
// configurable latency, and transient failures of which half happen *after* the PIN
// was stored (the response is "lost"), the case that tempts a naive client into
// creating a second live code.
import type * as Party from "partykit/server";
import { z } from "zod";
import { runtimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { isInternal } from "../internal-auth";
import { randomId } from "../random";

const createPinBody = z.object({
  lockId: z.string().max(100),
  code: z.string().regex(/^\d{4,8}$/),
  label: z.string().max(200),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
});

interface StoredPin {
  pinId: string;
  lockId: string;
  label: string;
  code: string;
  startsAt: number;
  endsAt: number;
  createdAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export default class LockSimRoom implements Party.Server {
  constructor(readonly room: Party.Room) {}

  private async simulateNetwork(): Promise<"ok" | "fail-before" | "fail-after"> {
    const env = runtimeEnv(this.room.env);
    const latency = env.SIM_LOCK_LATENCY_MS;
    await sleep(latency.minMs + Math.random() * (latency.maxMs - latency.minMs));
    if (Math.random() >= env.SIM_LOCK_FAILURE_RATE) return "ok";
    return Math.random() < env.SIM_LOCK_LOST_RESPONSE_SHARE ? "fail-after" : "fail-before";
  }

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    if (!isInternal(request, runtimeEnv(this.room.env).INTERNAL_SECRET)) return apiErrorResponse(401, "unauthorized", "Missing API key");
    const url = new URL(request.url);
    const parts = url.pathname.split("/").filter(Boolean); // parties, locksim, <lockId>, pins, <pinId>?
    if (parts[3] !== "pins") return apiErrorResponse(404, "not_found", "Unknown lock endpoint");
    const pinId = parts[4] ? decodeURIComponent(parts[4]) : undefined;

    if (request.method === "GET" && !pinId) {
      // Listing is how clients recover after a lost response, so it must be able to fail too.
      // Calls carrying x-locksim-inspect (tests and benchmarks counting PINs) skip the simulation.
      if (!request.headers.has("x-locksim-inspect") && (await this.simulateNetwork()) !== "ok") {
        return apiErrorResponse(503, "unavailable", "Lock service temporarily unavailable");
      }
      const label = url.searchParams.get("label");
      const pins = [...(await this.room.storage.list<StoredPin>({ prefix: "pin:" })).values()];
      const matching = label === null ? pins : pins.filter((p) => p.label === label);
      // The vendor never returns codes, like real ones; counts and labels are enough.
      return json(matching.map(({ pinId, lockId, label, startsAt, endsAt, createdAt }) => ({ pinId, lockId, label, startsAt, endsAt, createdAt })));
    }

    if (request.method === "POST" && !pinId) {
      const body = await readJsonBody(request, createPinBody);
      if (!body.ok) return body.response;
      const outcome = await this.simulateNetwork();
      if (outcome === "fail-before") return apiErrorResponse(503, "unavailable", "Lock service temporarily unavailable");
      const pin: StoredPin = { ...body.value, lockId: this.room.id, pinId: `pin_${randomId(9)}`, createdAt: Date.now() };
      await this.room.storage.put(`pin:${pin.pinId}`, pin);
      if (outcome === "fail-after") return apiErrorResponse(504, "timeout", "Lock service timed out");
      return json({ pinId: pin.pinId, lockId: pin.lockId, label: pin.label }, 201);
    }

    if (request.method === "DELETE" && pinId) {
      const outcome = await this.simulateNetwork();
      if (outcome === "fail-before") return apiErrorResponse(503, "unavailable", "Lock service temporarily unavailable");
      const existed = await this.room.storage.delete(`pin:${pinId}`);
      if (outcome === "fail-after") return apiErrorResponse(504, "timeout", "Lock service timed out");
      return existed ? new Response(null, { status: 204 }) : apiErrorResponse(404, "not_found", "No such PIN");
    }

    return apiErrorResponse(405, "method_not_allowed", "Method not allowed");
  }
}
