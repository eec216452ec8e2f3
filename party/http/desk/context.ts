// The desk's Hono environment: the app's, plus the signed-in staff member that
// `requireStaff` puts on every request it lets through.
import { createMiddleware } from "hono/factory";
import { apiErrorResponse } from "../../http-json";
import type { AppEnv } from "../app-env";
import { keepJobsAwake } from "../../jobs/wake";
import { principalFromCookieHeader, type StaffPrincipal } from "./principal";

export type DeskEnv = {
  Bindings: AppEnv["Bindings"];
  Variables: AppEnv["Variables"] & { staff: StaffPrincipal };
};

export const unauthorized = () => apiErrorResponse(401, "unauthorized", "Sign in to the front desk to continue.");

/** Refuses anything without a valid, unrevoked staff session before a handler runs. */
export const requireStaff = createMiddleware<DeskEnv>(async (c, next) => {
  const staff = await principalFromCookieHeader(
    c.get("db"),
    c.req.header("cookie"),
    c.get("env").SESSION_SECRET,
    Date.now(),
  );
  if (!staff) return unauthorized();
  c.set("staff", staff);
  if (staff.property) {
    const ctx = c.env.ctx;
    keepJobsAwake(c.get("env"), c.env.lobby.parties, staff.property.id, (work) => ctx.waitUntil(work));
  }
  // Staff pages show names and booking data: keep them out of shared caches.
  c.header("cache-control", "no-store");
  await next();
});

export const requireManager = createMiddleware<DeskEnv>(async (c, next) => {
  if (c.get("staff").role !== "manager") return apiErrorResponse(403, "forbidden", "Only a manager can do that.");
  await next();
});

export const noProperty = () =>
  apiErrorResponse(409, "no_property", "No property is set up yet; run the seed or add a property first.");
