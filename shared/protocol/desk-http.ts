// The desk's HTTP API under /api/desk (every route needs the fd_staff session).
import { z } from "zod/mini";
import type { AnalyticsReport } from "../../domain/analytics-report";
import { deviceType, int, type Same } from "./common";
import { publicSessionState } from "./session-state";

export const staffRole = z.enum(["staff", "manager"]);
export type StaffRoleName = z.infer<typeof staffRole>;

const staffEmail = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254));

export const deskLoginRequest = z.object({
  email: z.pipe(staffEmail, z.string().check(z.minLength(3, "Enter your work email"))),
  password: z.string().check(z.minLength(1, "Enter your password"), z.maxLength(200)),
});
export type DeskLoginRequest = z.infer<typeof deskLoginRequest>;

export const deskMe = z.object({
  staffId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRole,
  /** The property whose board this staff member sees (a manager's default is the only property). */
  propertyId: z.string(),
  propertyName: z.string(),
  timeZone: z.string(),
  expiresAt: int(),
});
export type DeskMe = z.infer<typeof deskMe>;

export const deskCreateStaffRequest = z.object({
  email: z.pipe(staffEmail, z.email("Enter a valid email address")),
  displayName: z.string().check(z.trim(), z.minLength(1, "Enter a name"), z.maxLength(100)),
  role: z._default(staffRole, "staff"),
  password: z.string().check(z.minLength(12, "Use at least 12 characters"), z.maxLength(200)),
  /** Defaults to the creating manager's property. */
  propertyId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});
export type DeskCreateStaffRequest = z.input<typeof deskCreateStaffRequest>;

export const deskStaffMember = z.object({
  staffId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRole,
  propertyId: z.nullable(z.string()),
});
export type DeskStaffMember = z.infer<typeof deskStaffMember>;

export const deskManualPinRequest = z.object({
  pin: z.string().check(z.regex(/^\d{4,8}$/, "A PIN is 4 to 8 digits")),
});

/** Answer to retry-pins and manual-pin: the session as its checkin room now reports it. */
export const deskSessionActionResponse = z.object({ state: publicSessionState });
export type DeskSessionActionResponse = z.infer<typeof deskSessionActionResponse>;

export const deskRevealPinResponse = z.object({ sessionId: z.string(), bookingRef: z.string(), pin: z.string() });
export type DeskRevealPinResponse = z.infer<typeof deskRevealPinResponse>;

export const arrivalStatus = z.enum(["checked-in", "in-progress", "not-started"]);
export type ArrivalStatus = z.infer<typeof arrivalStatus>;

export const deskArrival = z.object({
  reservationId: z.string(),
  bookingRef: z.string(),
  roomName: z.string(),
  status: arrivalStatus,
  guestName: z.nullable(z.string()),
  checkOutDate: z.string(),
  earlyCheckInTime: z.nullable(z.string()),
  lateCheckoutTime: z.nullable(z.string()),
  /** The completing session when checked in, the latest live one when in progress. */
  sessionId: z.nullable(z.string()),
  checkedInAt: z.nullable(int()),
});
export type DeskArrival = z.infer<typeof deskArrival>;

export const deskArrivalsResponse = z.object({
  propertyId: z.string(),
  date: z.string(),
  timeZone: z.string(),
  arrivals: z.array(deskArrival),
});
export type DeskArrivalsResponse = z.infer<typeof deskArrivalsResponse>;

const isoDate = z.iso.date("Use a date like 2026-01-31");

/** Local dates in the property's time zone, both ends included; default the last 30 days. */
export const deskAnalyticsQuery = z
  .object({ from: z.optional(isoDate), to: z.optional(isoDate) })
  .check(
    z.refine((q) => !(q.from && q.to) || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] }),
  );
export type DeskAnalyticsQuery = z.infer<typeof deskAnalyticsQuery>;

const funnelStageKey = z.enum(["lookup", "details", "parking", "confirm", "completed"]);

const funnelCountsShape = {
  started: int(),
  step2: int(),
  step3: int(),
  step4: int(),
  completed: int(),
};

export const deskAnalyticsResponse = z.object({
  propertyId: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  sessionsStarted: int(),
  completed: int(),
  completionRate: z.nullable(z.number()),
  medianCompletionMs: z.nullable(z.number()),
  funnel: z.array(
    z.object({
      key: funnelStageKey,
      label: z.string(),
      reached: int(),
      conversionFromPrevious: z.nullable(z.number()),
      conversionFromStart: z.nullable(z.number()),
      lost: int(),
    }),
  ),
  biggestDropOff: z.nullable(
    z.object({
      from: funnelStageKey,
      to: funnelStageKey,
      fromLabel: z.string(),
      toLabel: z.string(),
      lost: int(),
      rate: z.number(),
    }),
  ),
  devices: z.array(z.object({ deviceType, ...funnelCountsShape, completionRate: z.nullable(z.number()) })),
  languages: z.optional(
    z.array(
      z.object({ language: z.nullable(z.string()), ...funnelCountsShape, completionRate: z.nullable(z.number()) }),
    ),
  ),
  daily: z.array(z.object({ date: z.string(), started: int(), completed: int() })),
  doorTrouble: z.optional(int()),
});
export type DeskAnalyticsResponse = z.infer<typeof deskAnalyticsResponse>;
true satisfies Same<DeskAnalyticsResponse, AnalyticsReport>;
