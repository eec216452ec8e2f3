// The guest's language as the session keeps it: any step but an expired one, no step
// change, and it reaches what devices and the board see.
import { describe, expect, it } from "vitest";
import { applyEvent, toPublicState } from "../../domain/checkin-flow";
import { toBoardSession } from "../../party/checkin/projections";
import { clientMessage } from "../../shared/protocol/guest-socket";
import { details, start, T0 } from "../support/flow-fixture";

describe("the session's language", () => {
  it("is unknown until a device says, then kept without moving the step", () => {
    const s = start();
    expect(toPublicState(s).language).toBeNull();
    const r = applyEvent(s, { type: "language", language: "ar" }, T0 + 1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.step).toBe(s.step);
    expect(r.state.lastGuestActivityAt).toBe(s.lastGuestActivityAt);
    expect(toPublicState(r.state).language).toBe("ar");
    expect(toBoardSession(r.state).language).toBe("ar");
    expect(r.state.version).toBe(s.version + 1);
  });

  it("can change mid-way and on a finished check-in, not on an expired one", () => {
    const d = applyEvent(start(), { type: "details", details }, T0);
    if (!d.ok) throw new Error("details refused");
    const es = applyEvent(d.state, { type: "language", language: "es" }, T0 + 1);
    expect(es).toMatchObject({ ok: true, state: { language: "es", step: "parking" } });
    const done = { ...d.state, step: "completed" as const };
    expect(applyEvent(done, { type: "language", language: "ja" }, T0 + 2)).toMatchObject({ ok: true });
    const expired = { ...d.state, step: "expired" as const };
    expect(applyEvent(expired, { type: "language", language: "ja" }, T0 + 2)).toMatchObject({
      ok: false,
      code: "out_of_order",
    });
  });

  it("crosses the wire only as one of the languages we have", () => {
    expect(clientMessage.safeParse({ type: "language", language: "pl" }).success).toBe(true);
    expect(clientMessage.safeParse({ type: "language", language: "xx" }).success).toBe(false);
    expect(clientMessage.safeParse({ type: "language", language: "<script>" }).success).toBe(false);
  });
});
