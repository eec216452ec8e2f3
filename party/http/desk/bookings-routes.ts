// The Bookings page's API: list and search, add by hand, edit, cancel, mark no-show,
// and the booking's check-in link. Every read and write is scoped by the signed-in
// staff member's property; another property's reference answers 404 like a missing one.
import { Hono, type Context } from "hono";
import type { Database } from "../../../db/client";
import { recordAudit } from "../../../db/queries/audit";
import {
  bookingsPage,
  findBooking,
  insertBooking,
  updateBooking,
  type BookingChange,
} from "../../../db/queries/bookings";
import { findRoom } from "../../../db/queries/rooms";
import {
  generateBookingRef,
  normaliseTime,
  presetRange,
  statusChangeRefusal,
  type ReservationStatus,
  stayProblems,
  surnameKey,
} from "../../../domain/booking";
import { checkinLinkMessage } from "../../../domain/checkin-link";
import { normalisePhone } from "../../../domain/guest-details";
import { localDate } from "../../../domain/pin-window";
import {
  BOOKINGS_PAGE_SIZE,
  deskBookingsQuery,
  deskCreateBookingRequest,
  deskEditBookingRequest,
  type DeskBookingsResponse,
  type DeskCheckinLinkResponse,
} from "../../../shared/bookings-protocol";
import { bookingRef as bookingRefSchema } from "../../../shared/protocol/common";
import { issueCheckinLink } from "../../checkin-link-issue";
import { pokeMessages } from "../../messages/poke";
import { apiErrorResponse, issuesToFields, readJsonBody } from "../../http-json";
import { followBookingChange, type FollowContext } from "../../bookings/follow-change";
import { reservationChanged } from "../webhook-events";
import { noProperty, type DeskEnv } from "./context";

/** What the door-code rule needs from a desk request. */
export function followContext(c: Context<DeskEnv>): FollowContext {
  return { env: c.get("env"), parties: c.env.lobby.parties, db: c.get("db"), property: c.get("staff").property! };
}

export const bookingsRoutes = new Hono<DeskEnv>();

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const invalid = (fields: Record<string, string>) =>
  apiErrorResponse(400, "validation", "Check the booking's details.", { fields });
const notFound = () => apiErrorResponse(404, "not_found", "There is no booking with that reference at this property.");

bookingsRoutes.get("/bookings", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const parsed = deskBookingsQuery.safeParse(c.req.query());
  if (!parsed.success)
    return apiErrorResponse(400, "validation", "Check the search.", { fields: issuesToFields(parsed.error) });
  const q = parsed.data;
  const today = localDate(Date.now(), property.timeZone);
  // A search covers every date unless a range is given; otherwise the preset (default: next 14 days).
  const range =
    q.from || q.to
      ? { from: q.from ?? null, to: q.to ?? null }
      : q.q
        ? { from: null, to: null }
        : presetRange(q.preset ?? "next-14-days", today);
  const [afterDate, afterRef] = q.after ? q.after.split("~") : [];
  const rows = await bookingsPage(c.get("db"), {
    propertyId: property.id,
    from: range.from,
    to: range.to,
    search: q.q || null,
    after: afterDate && afterRef ? { checkInDate: afterDate, bookingRef: afterRef } : null,
    limit: BOOKINGS_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, BOOKINGS_PAGE_SIZE);
  const last = page[page.length - 1];
  const body: DeskBookingsResponse = {
    today,
    from: range.from,
    to: range.to,
    bookings: page,
    nextCursor: rows.length > BOOKINGS_PAGE_SIZE && last ? `${last.checkInDate}~${last.bookingRef}` : null,
  };
  return c.json(body);
});

export interface StayAndGuest {
  roomId: string;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime?: string | null;
  lateCheckoutTime?: string | null;
  expectedGuestName?: string | null;
  expectedGuestEmail?: string | null;
  expectedGuestPhone?: string | null;
}

/** The stored form of a booking's stay and expected guest, or per-field reasons it can't be stored. */
export async function checkChange(
  db: Database,
  propertyId: string,
  country: string,
  input: StayAndGuest,
): Promise<{ ok: true; change: BookingChange } | { ok: false; fields: Record<string, string> }> {
  const stay = {
    checkInDate: input.checkInDate,
    checkOutDate: input.checkOutDate,
    earlyCheckInTime: input.earlyCheckInTime ? normaliseTime(input.earlyCheckInTime) : null,
    lateCheckoutTime: input.lateCheckoutTime ? normaliseTime(input.lateCheckoutTime) : null,
  };
  const fields = stayProblems(stay);
  const room = await findRoom(db, propertyId, input.roomId);
  if (!room) fields.roomId = "Choose a room";
  else if (room.retiredAt !== null) fields.roomId = `${room.name} is retired; choose another room`;
  const name = input.expectedGuestName?.replace(/\s+/g, " ") || null;
  const email = input.expectedGuestEmail?.toLowerCase() || null;
  if (email && !EMAIL.test(email)) fields.expectedGuestEmail = "Enter an email address like name@example.com";
  const phone = input.expectedGuestPhone ? normalisePhone(input.expectedGuestPhone, country) : null;
  if (input.expectedGuestPhone && !phone) fields.expectedGuestPhone = "Enter a phone number, like 07700 900123";
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    change: {
      roomId: input.roomId,
      ...stay,
      expectedGuestName: name,
      expectedGuestSurname: surnameKey(name),
      expectedGuestEmail: email,
      expectedGuestPhone: phone,
    },
  };
}

bookingsRoutes.post("/bookings", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const body = await readJsonBody(c.req.raw, deskCreateBookingRequest);
  if (!body.ok) return body.response;
  const typedRef = body.value.bookingRef?.trim() ? bookingRefSchema.safeParse(body.value.bookingRef) : null;
  if (typedRef && !typedRef.success) return invalid({ bookingRef: "A reference is 4 to 16 letters or digits" });
  const checked = await checkChange(c.get("db"), property.id, property.country, body.value);
  if (!checked.ok) return invalid(checked.fields);

  const now = Date.now();
  const row = {
    ...checked.change,
    propertyId: property.id,
    status: "confirmed" as const,
    source: "desk" as const,
    createdAt: now,
    updatedAt: now,
  };
  // A generated reference that collides (about one in tens of millions) is simply drawn again.
  let created = null;
  for (let attempt = 0; attempt < 5 && !created; attempt++) {
    const ref = typedRef?.success ? typedRef.data : generateBookingRef(crypto.getRandomValues(new Uint8Array(6)));
    created = await insertBooking(c.get("db"), { ...row, id: `res-${crypto.randomUUID()}`, bookingRef: ref });
    if (!created && typedRef) {
      return apiErrorResponse(409, "ref_taken", "That reference is already in use.", {
        fields: { bookingRef: "That reference is already in use; leave it empty to get a new one" },
      });
    }
  }
  if (!created) throw new Error("Could not draw an unused booking reference");
  await recordAudit(c.get("db"), {
    staffId: staff.staffId,
    action: "booking.create",
    bookingRef: created.bookingRef,
    at: now,
  });
  await reservationChanged(c.get("db"), c.get("env"), c.env.lobby.parties, {
    ...created,
    reservationId: created.id,
    now,
  });
  pokeMessages(c, property.id);
  return c.json(await findBooking(c.get("db"), property.id, created.bookingRef), 201);
});

bookingsRoutes.put("/bookings/:ref", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const ref = c.req.param("ref").toUpperCase();
  const body = await readJsonBody(c.req.raw, deskEditBookingRequest);
  if (!body.ok) return body.response;
  const db = c.get("db");
  const existing = await findBooking(db, property.id, ref);
  if (!existing) return notFound();
  const today = localDate(Date.now(), property.timeZone);
  const refusal = statusChangeRefusal("edit", existing.status, existing.checkInDate, today);
  if (refusal) return apiErrorResponse(409, "not_editable", refusal);
  // Expected-guest fields left out of the edit stay as they were.
  const kept = {
    expectedGuestName: existing.expectedGuestName,
    expectedGuestEmail: existing.expectedGuestEmail,
    expectedGuestPhone: existing.expectedGuestPhone,
  };
  const given = Object.fromEntries(Object.entries(body.value).filter(([, v]) => v !== undefined));
  const checked = await checkChange(db, property.id, property.country, { ...kept, ...given } as StayAndGuest);
  if (!checked.ok) return invalid(checked.fields);
  const change = checked.change;
  const checkedIn = existing.status === "checked_in" || existing.guestName !== null;
  // The guest's door codes are cut for this room and window: they follow before the booking changes.
  const follow = await followBookingChange(followContext(c), { ...existing, checkedIn }, change);
  if (follow.kind === "refused") return apiErrorResponse(follow.status, follow.code, follow.message);
  const now = Date.now();
  const applied = await updateBooking(
    db,
    property.id,
    existing.bookingRef,
    checkedIn ? ["checked_in", "confirmed"] : ["confirmed"],
    change,
    now,
  );
  if (!applied)
    return apiErrorResponse(409, "conflict", "The booking changed while you were editing it. Reload and try again.");
  await recordAudit(db, {
    staffId: staff.staffId,
    action: "booking.edit",
    bookingRef: existing.bookingRef,
    ...(follow.kind === "following" ? { sessionId: follow.sessionId, detail: follow.detail } : {}),
    at: now,
  });
  await reservationChanged(db, c.get("env"), c.env.lobby.parties, { ...existing, propertyId: property.id, now });
  pokeMessages(c, property.id);
  return c.json(await findBooking(db, property.id, existing.bookingRef));
});

async function changeStatus(c: Context<DeskEnv>, change: "cancel" | "no-show") {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const db = c.get("db");
  const existing = await findBooking(db, property.id, (c.req.param("ref") ?? "").toUpperCase());
  if (!existing) return notFound();
  const today = localDate(Date.now(), property.timeZone);
  const refusal = statusChangeRefusal(change, existing.status, existing.checkInDate, today);
  if (refusal) return apiErrorResponse(409, "not_allowed", refusal);
  const checkedIn = existing.status === "checked_in" || existing.guestName !== null;
  // A cancelled stay's door codes are deleted; the room is told before the booking changes.
  const follow =
    change === "cancel"
      ? await followBookingChange(followContext(c), { ...existing, checkedIn }, "cancelled")
      : ({ kind: "no-codes" } as const);
  if (follow.kind === "refused") return apiErrorResponse(follow.status, follow.code, follow.message);
  const now = Date.now();
  const status = change === "cancel" ? "cancelled" : "no_show";
  const from: ReservationStatus[] = checkedIn && change === "cancel" ? ["checked_in", "confirmed"] : ["confirmed"];
  if (!(await updateBooking(db, property.id, existing.bookingRef, from, { status }, now))) {
    return apiErrorResponse(
      409,
      "conflict",
      "The booking changed meanwhile (the guest may have just checked in). Reload and try again.",
    );
  }
  await recordAudit(db, {
    staffId: staff.staffId,
    action: change === "cancel" ? "booking.cancel" : "booking.no-show",
    bookingRef: existing.bookingRef,
    ...(follow.kind === "following" ? { sessionId: follow.sessionId, detail: follow.detail } : {}),
    at: now,
  });
  await reservationChanged(db, c.get("env"), c.env.lobby.parties, { ...existing, propertyId: property.id, now });
  return c.json(await findBooking(db, property.id, existing.bookingRef));
}

bookingsRoutes.post("/bookings/:ref/cancel", (c) => changeStatus(c, "cancel"));
bookingsRoutes.post("/bookings/:ref/no-show", (c) => changeStatus(c, "no-show"));

bookingsRoutes.post("/bookings/:ref/link", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const db = c.get("db");
  const existing = await findBooking(db, property.id, c.req.param("ref").toUpperCase());
  if (!existing) return notFound();
  const url = await issueCheckinLink(db, c.get("env").SESSION_SECRET, c.req.url, existing.reservationId);
  // Who looked at a link is worth knowing; the link itself opens a booking, so it stays out of the log.
  await recordAudit(db, {
    staffId: staff.staffId,
    action: "booking.link",
    bookingRef: existing.bookingRef,
    at: Date.now(),
  });
  const body: DeskCheckinLinkResponse = {
    bookingRef: existing.bookingRef,
    url,
    message: checkinLinkMessage(property.name, url),
  };
  return c.json(body);
});
