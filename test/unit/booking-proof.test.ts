// The second fact beside a booking reference, and the one-live-session rules, as pure code.
import { describe, expect, it } from "vitest";
import {
  anyEqual,
  FACT_SLOTS,
  factSlots,
  hasProofFacts,
  nameKey,
  PROOF_FORMS,
  proofAlert,
  proofForms,
  PROOF_FAILURE_WINDOW_MS,
} from "../../domain/booking-proof";
import { applyEvent, isResumable } from "../../domain/checkin-flow";
import { details, run, start, T0 } from "../support/flow-fixture";

const bytes = (s: string) => new TextEncoder().encode(s.padEnd(64, "\0"));
const proven = (booking: Parameters<typeof factSlots>[0], typed: string, region = "GB") =>
  anyEqual(proofForms(typed, region).map(bytes), factSlots(booking, region).map(bytes));
const booking = (name: string | null, email: string | null = null, phone: string | null = null) => ({
  expectedGuestName: name,
  expectedGuestEmail: email,
  expectedGuestPhone: phone,
});

describe("proof of booking", () => {
  it("ignores case, accents, spaces and punctuation in names", () => {
    expect(nameKey("  O'Brien-SMITH ")).toBe("obriensmith");
    expect(nameKey("Peña")).toBe("pena");
    expect(proven(booking("Zoë de la Peña"), "DE LA PENA")).toBe(true);
    expect(proven(booking("Zoë de la Peña"), "peña")).toBe(true);
    expect(proven(booking("Tim Berners-Lee"), "berners lee")).toBe(true);
  });

  it("takes the surname or any longer end of the name, never a first name or a single letter", () => {
    expect(proven(booking("Jan van der Berg"), "van der Berg")).toBe(true);
    expect(proven(booking("Jan van der Berg"), "Jan van der Berg")).toBe(true);
    expect(proven(booking("Jan van der Berg"), "Jan")).toBe(false);
    expect(proven(booking("Ann B"), "b")).toBe(false);
  });

  it("matches email case-insensitively and phones as E.164 with the property's country", () => {
    expect(proven(booking(null, "Ana.Perez@Example.com"), " ANA.perez@example.com")).toBe(true);
    expect(proven(booking(null, null, "+447700900555"), "07700 900555")).toBe(true);
    expect(proven(booking(null, null, "+33612345678"), "06 12 34 56 78", "FR")).toBe(true);
    expect(proven(booking(null, null, "+33612345678"), "06 12 34 56 78", "GB")).toBe(false);
  });

  it("never matches a booking without facts, or no booking, and keeps the work the same size", () => {
    expect(hasProofFacts(booking(null), "GB")).toBe(false);
    expect(proven(booking(null), "")).toBe(false);
    expect(proven(null, "Smith")).toBe(false);
    expect(factSlots(null, "GB")).toHaveLength(FACT_SLOTS);
    expect(factSlots(booking("A B C D E F"), "GB")).toHaveLength(FACT_SLOTS);
    expect(proofForms("x", "GB")).toHaveLength(PROOF_FORMS);
  });

  it("raises the desk's alert after repeated failures within a day", () => {
    expect(proofAlert(4, T0, T0)).toBe(false);
    expect(proofAlert(5, T0, T0 + 1)).toBe(true);
    expect(proofAlert(5, T0, T0 + PROOF_FAILURE_WINDOW_MS)).toBe(false);
  });
});

describe("one live session per booking", () => {
  const EXPIRY = 60_000;
  it("resumes a session in progress, not one that expired, failed or finished", () => {
    const s = run(start(), { type: "details", details });
    expect(isResumable(s, EXPIRY, s.lastGuestActivityAt + 1)).toBe(true);
    expect(isResumable(s, EXPIRY, s.lastGuestActivityAt + EXPIRY)).toBe(false);
    const failed = run(
      s,
      { type: "pin-attempt-started", leaseUntil: T0 + 1 },
      {
        type: "pin-failed",
        reason: "x",
        detail: "y",
      },
    );
    expect(isResumable(failed, EXPIRY, failed.lastGuestActivityAt)).toBe(false);
  });

  it("a superseded session ends and queues its codes for deletion, even mid PIN run", () => {
    const s = run(
      start(),
      { type: "details", details },
      { type: "pin-attempt-started", leaseUntil: T0 + 60_000 },
      { type: "pin-progress", frontDoorPinId: "pin-front" },
    );
    const r = applyEvent(s, { type: "superseded" }, T0 + 10);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.step).toBe("expired");
    expect(r.state.pin.status).toBe("idle");
    expect(r.state.pinsToDelete).toEqual([{ lockId: s.locks.frontDoorLockId, pinId: "pin-front" }]);
  });
});
