// The staff API, mounted at /api/desk. Only POST /login and POST /set-password (which
// needs a one-time link) are open; everything else runs behind `requireStaff`, which
// checks the fd_staff session before any handler reads the request. A guest's session
// id or stay token means nothing here.
import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { analyticsRoutes } from "./desk/analytics-routes";
import { arrivalsRoutes } from "./desk/arrivals-routes";
import { bookingsRoutes } from "./desk/bookings-routes";
import { calendarRoutes } from "./desk/calendar-routes";
import { guestDataRoutes } from "./desk/guest-data-routes";
import { importRoutes } from "./desk/import-routes";
import { lockDeviceRoutes } from "./desk/lock-device-routes";
import { manualLockRoutes } from "./desk/manual-lock-routes";
import { integrationsRoutes } from "./desk/integrations-routes";
import { requireStaff, type DeskEnv } from "./desk/context";
import { doorRoutes } from "./desk/door-routes";
import { pinRoutes } from "./desk/pin-routes";
import { propertyRoutes } from "./desk/property-routes";
import { messageRoutes } from "./desk/message-routes";
import { loginRoutes, sessionRoutes } from "./desk/session-routes";
import { accountRoutes, setPasswordRoutes } from "./desk/password-routes";
import { staffAccountRoutes } from "./desk/staff-account-routes";
import { staffRoutes } from "./desk/staff-routes";

const staffOnly = new Hono<DeskEnv>();
staffOnly.use("*", requireStaff);
staffOnly.route("/", sessionRoutes);
staffOnly.route("/", staffRoutes);
staffOnly.route("/", staffAccountRoutes);
staffOnly.route("/", accountRoutes);
staffOnly.route("/", arrivalsRoutes);
staffOnly.route("/", analyticsRoutes);
staffOnly.route("/", pinRoutes);
staffOnly.route("/", doorRoutes);
staffOnly.route("/", importRoutes);
staffOnly.route("/", bookingsRoutes);
staffOnly.route("/", guestDataRoutes);
staffOnly.route("/", propertyRoutes);
staffOnly.route("/", lockDeviceRoutes);
staffOnly.route("/", manualLockRoutes);
staffOnly.route("/", calendarRoutes);
staffOnly.route("/", integrationsRoutes);
staffOnly.route("/", messageRoutes);

export const deskRoutes = new Hono<AppEnv>();
deskRoutes.route("/", loginRoutes);
deskRoutes.route("/", setPasswordRoutes);
deskRoutes.route("/", staffOnly);
