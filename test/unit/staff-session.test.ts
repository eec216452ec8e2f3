import { describe, expect, it } from "vitest";
import {
  canAccessProperty,
  readCookie,
  signStaffSession,
  STAFF_COOKIE,
  STAFF_SESSION_TTL_MS,
  verifyStaffSession,
} from "../../domain/staff-session";

const SECRET = "a-session-secret-of-some-length";
const NOW = 1_800_000_000_000;
const claims = { staffId: "staff-1", role: "staff" as const, propertyId: "prop-harbour" };

describe("staff session tokens", () => {
  it("round-trips the claims and the expiry", async () => {
    const { token, expiresAt } = await signStaffSession(claims, SECRET, NOW);
    expect(expiresAt).toBe(NOW + STAFF_SESSION_TTL_MS);
    expect(token.startsWith("staff-1.staff.prop-harbour.")).toBe(true);
    expect(await verifyStaffSession(token, SECRET, NOW + 1000)).toEqual({ ...claims, expiresAt });
  });

  it("carries a null property for an unattached manager", async () => {
    const { token } = await signStaffSession({ staffId: "m1", role: "manager", propertyId: null }, SECRET, NOW);
    expect(await verifyStaffSession(token, SECRET, NOW)).toMatchObject({ role: "manager", propertyId: null });
  });

  it("expires", async () => {
    const { token, expiresAt } = await signStaffSession(claims, SECRET, NOW, 60_000);
    expect(await verifyStaffSession(token, SECRET, expiresAt - 1)).not.toBeNull();
    expect(await verifyStaffSession(token, SECRET, expiresAt)).toBeNull();
  });

  it("rejects a token signed with another secret", async () => {
    const { token } = await signStaffSession(claims, "another-secret-entirely!", NOW);
    expect(await verifyStaffSession(token, SECRET, NOW)).toBeNull();
  });

  it("rejects any edit to the signed text: role, property, staff id or expiry", async () => {
    const { token } = await signStaffSession(claims, SECRET, NOW);
    const [id, role, prop, exp, sig] = token.split(".");
    const forged = [
      [id, "manager", prop, exp, sig],
      [id, role, "prop-other", exp, sig],
      [id, role, "", exp, sig],
      ["staff-2", role, prop, exp, sig],
      [id, role, prop, String(Number(exp) + STAFF_SESSION_TTL_MS), sig],
    ].map((p) => p.join("."));
    for (const t of forged) expect(await verifyStaffSession(t, SECRET, NOW)).toBeNull();
  });

  it("rejects garbage without throwing", async () => {
    for (const t of [
      undefined,
      null,
      "",
      "a.b.c",
      "a.b.c.d.e",
      "x".repeat(600),
      "s.staff.p.123.!!!!",
      "s.boss.p.123.AAAA",
    ]) {
      expect(await verifyStaffSession(t, SECRET, NOW)).toBeNull();
    }
  });

  it("refuses ids that would make the signed text ambiguous", async () => {
    await expect(signStaffSession({ ...claims, staffId: "a.b" }, SECRET, NOW)).rejects.toThrow();
    await expect(signStaffSession({ ...claims, propertyId: "p.q" }, SECRET, NOW)).rejects.toThrow();
  });
});

describe("cookie parsing", () => {
  it("finds the staff cookie among others", () => {
    expect(readCookie(`a=1; ${STAFF_COOKIE}=tok.en; b=2`, STAFF_COOKIE)).toBe("tok.en");
    expect(readCookie(`${STAFF_COOKIE}x=1`, STAFF_COOKIE)).toBeUndefined();
    expect(readCookie(null, STAFF_COOKIE)).toBeUndefined();
  });
});

describe("property access", () => {
  it("lets staff see only their property, and an unattached manager any", () => {
    expect(canAccessProperty(claims, "prop-harbour")).toBe(true);
    expect(canAccessProperty(claims, "prop-other")).toBe(false);
    expect(canAccessProperty({ staffId: "m", role: "manager", propertyId: null }, "prop-other")).toBe(true);
    expect(canAccessProperty({ staffId: "s", role: "staff", propertyId: null }, "prop-other")).toBe(false);
  });
});
