// The launcher against real sqld and partykit dev: schema, demo data, readiness, and
// the runtime restart that other integration tests and the bench rely on.
import { execFileSync } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../db/migrate";
import { guest, reservation, room, staff } from "../../db/schema";
import { DEMO_BOOKING_REFS, seedDemoData, todayIn } from "../../db/seed";
import { verifyPassword } from "../../domain/password";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { commandLinesContaining, isLoopback, listeningSockets, processTree } from "../support/processes";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function healthz() {
  const res = await fetch(`${stack.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok?: boolean; database?: string } };
}

describe("database bootstrap", () => {
  it("applies the migrations, and applying them again changes nothing", async () => {
    const tables = async () =>
      (
        await stack.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' order by name`)
      ).map((r) => r.name);
    const before = await tables();
    expect(before).toEqual(
      expect.arrayContaining(["property", "room", "reservation", "guest", "checkin_analytics", "staff", "audit_log"]),
    );
    await applyMigrations(stack.libsqlUrl, stack.libsqlAuthToken);
    expect(await tables()).toEqual(before);
  });

  it("seeds the demo data exactly once", async () => {
    expect(await seedDemoData(stack.db)).toEqual({ seeded: false });
    expect(await stack.db.$count(reservation)).toBe(21);
    expect(await stack.db.$count(room)).toBe(21);
  });

  it("has today's arrivals FD1001..FD1020 waiting to check in", async () => {
    const arrivals = await stack.db
      .select()
      .from(reservation)
      .where(eq(reservation.status, "confirmed"))
      .orderBy(reservation.bookingRef);
    expect(arrivals.map((r) => r.bookingRef)).toEqual([...DEMO_BOOKING_REFS]);
    const today = todayIn("Europe/London");
    for (const r of arrivals) {
      expect(r.checkInDate).toBe(today);
      expect(r.checkOutDate > today).toBe(true);
      expect(r.guestId).toBeNull();
    }
    expect(arrivals.some((r) => r.earlyCheckInTime !== null)).toBe(true);
    expect(arrivals.some((r) => r.lateCheckoutTime !== null)).toBe(true);
  });

  it("has FD2001 checked in with its guest", async () => {
    const [row] = await stack.db
      .select({ reservation, guest })
      .from(reservation)
      .innerJoin(guest, eq(guest.id, reservation.guestId))
      .where(eq(reservation.bookingRef, "FD2001"));
    expect(row?.reservation.status).toBe("checked_in");
    expect(row?.guest).toMatchObject({
      fullName: "Ada Lovelace",
      phoneE164: "+447700900001",
      reservationId: row?.reservation.id,
      frontDoorPin: "482913",
      archived: false,
    });
    expect(row?.guest.secureToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("creates the first manager with a verifiable password", async () => {
    const managers = await stack.db.select().from(staff).where(eq(staff.role, "manager"));
    expect(managers).toHaveLength(1);
    expect(managers[0]!.email).toBe(DEFAULT_ADMIN.email);
    expect(await verifyPassword(DEFAULT_ADMIN.password, managers[0]!.passwordHash)).toBe(true);
  });
});

describe("runtime", () => {
  it("answers /healthz with the database up", async () => {
    expect(await healthz()).toMatchObject({ status: 200, body: { ok: true, database: "up" } });
  });

  it("passes the runtime variables the parties need", () => {
    expect(stack.vars).toMatchObject({ LIBSQL_URL: stack.libsqlUrl, SELF_URL: stack.url });
    expect(stack.vars.INTERNAL_SECRET!.length).toBeGreaterThanOrEqual(16);
    expect(stack.vars.SESSION_SECRET!.length).toBeGreaterThanOrEqual(16);
  });

  it("keeps the secrets off every command line on the machine", () => {
    const tree = processTree(process.pid).map((p) => p.args.join(" "));
    // Not vacuous: the runtime is running and visible to this scan.
    expect(tree.some((args) => args.includes("partykit") && args.includes(stack.dataDir))).toBe(true);
    expect(tree.some((args) => args.includes("workerd"))).toBe(true);
    for (const name of ["INTERNAL_SECRET", "SESSION_SECRET"] as const) {
      expect(commandLinesContaining(stack.vars[name]!), name).toEqual([]);
    }
  });

  it("listens on the loopback interface only", () => {
    const addresses = listeningSockets(processTree(process.pid).map((p) => p.pid));
    expect(addresses.map((s) => s.address)).toContain(`127.0.0.1:${stack.port}`);
    expect(addresses.filter((s) => !isLoopback(s.address))).toEqual([]);
  });

  it("restarts after a clean stop and after SIGKILL", async () => {
    await stack.stopRuntime();
    await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
    await stack.startRuntime();
    expect((await healthz()).status).toBe(200);

    await stack.stopRuntime("SIGKILL");
    await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
    await stack.startRuntime();
    expect((await healthz()).status).toBe(200);
  });

  it("leaves no process behind when stopped", async () => {
    await stack.stop();
    await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
    await expect(fetch(`${stack.libsqlUrl}/health`)).rejects.toThrow();
    // sqld and partykit carry the data dir on their command lines.
    const survivors = pgrep(stack.dataDir);
    expect(survivors).toEqual([]);
  });
});

function pgrep(pattern: string): string[] {
  try {
    return execFileSync("pgrep", ["-af", pattern], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.includes("pgrep"));
  } catch {
    return []; // pgrep exits 1 when nothing matches.
  }
}
