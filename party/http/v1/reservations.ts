// /api/v1/reservations: list, get, upsert by reference (PUT) and cancel, with the desk's
// validation and rules (stayProblems through checkChange, statusChangeRefusal and the
// checked-in rule). Another property's reference answers 404 like a missing one.
import { Hono, type Context } from "hono";
import { recordAudit, type AuditAction } from "../../../db/queries/audit";
import { bookingsPage, findBooking, insertBooking, updateBooking } from "../../../db/queries/bookings";
import type { DeskBooking } from "../../../shared/bookings-protocol";
import { type ReservationStatus, statusChangeRefusal, stayMoved } from "../../../domain/booking";
import { followBookingChange, type FollowContext } from "../../bookings/follow-change";
import { localDate } from "../../../domain/pin-window";
import {
  API_V1_PAGE_SIZE,
  apiReference,
  apiReservationInput,
  apiReservationsQuery,
  type ApiReservation,
  type ApiReservationsPage,
} from "../../../shared/api-v1-protocol";
import { apiErrorResponse, issuesToFields, readJsonBody } from "../../http-json";
import { checkChange } from "../desk/bookings-routes";
import { reservationChanged } from "../webhook-events";
import type { V1Env } from "./context";

export const reservationsV1 = new Hono<V1Env>();

const notFound = () => apiErrorResponse(404, "not_found", "There is no reservation with that reference.");
const badReference = () =>
  apiErrorResponse(400, "validation", "A reference is 4 to 16 letters or digits.", {
    fields: { bookingRef: "A reference is 4 to 16 letters or digits" },
  });

export function toApiReservation(b: DeskBooking): ApiReservation {
  const checkedIn = b.status === "checked_in" || b.guestName !== null;
  return {
    bookingRef: b.bookingRef,
    status: checkedIn && b.status === "confirmed" ? "checked_in" : b.status,
    roomId: b.roomId,
    roomName: b.roomName,
    checkInDate: b.checkInDate,
    checkOutDate: b.checkOutDate,
    earlyCheckInTime: b.earlyCheckInTime,
    lateCheckoutTime: b.lateCheckoutTime,
    expectedGuestName: b.expectedGuestName,
    expectedGuestEmail: b.expectedGuestEmail,
    expectedGuestPhone: b.expectedGuestPhone,
    checkedIn,
    source: b.source,
  };
}

function referenceParam(c: Context<V1Env>): string | null {
  const parsed = apiReference.safeParse(c.req.param("ref"));
  return parsed.success ? parsed.data.toUpperCase() : null;
}

async function audit(c: Context<V1Env>, action: AuditAction, bookingRef: string, at: number) {
  const caller = c.get("caller");
  await recordAudit(c.get("db"), {
    staffId: caller.createdBy,
    action,
    bookingRef,
    detail: `api key ${caller.prefix}`,
    at,
  });
}

reservationsV1.get("/reservations", async (c) => {
  const parsed = apiReservationsQuery.safeParse(c.req.query());
  if (!parsed.success) {
    return apiErrorResponse(400, "validation", "Check the query parameters.", { fields: issuesToFields(parsed.error) });
  }
  const q = parsed.data;
  const limit = q.limit ? Number(q.limit) : API_V1_PAGE_SIZE;
  const [afterDate, afterRef] = q.cursor ? q.cursor.split("~") : [];
  const rows = await bookingsPage(c.get("db"), {
    propertyId: c.get("caller").property.id,
    from: q.from ?? null,
    to: q.to ?? null,
    search: null,
    status: q.status,
    after: afterDate && afterRef ? { checkInDate: afterDate, bookingRef: afterRef } : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const body: ApiReservationsPage = {
    reservations: page.map(toApiReservation),
    nextCursor: rows.length > limit && last ? `${last.checkInDate}~${last.bookingRef}` : null,
  };
  return c.json(body);
});

reservationsV1.get("/reservations/:ref", async (c) => {
  const ref = referenceParam(c);
  if (!ref) return badReference();
  const found = await findBooking(c.get("db"), c.get("caller").property.id, ref);
  return found ? c.json(toApiReservation(found)) : notFound();
});

/**
 * Creates the reservation or brings it to what the body says. The same body twice stores
 * nothing the second time and answers the same reservation (200; 201 when it was created).
 */
reservationsV1.put("/reservations/:ref", async (c) => {
  const ref = referenceParam(c);
  if (!ref) return badReference();
  const body = await readJsonBody(c.req.raw, apiReservationInput);
  if (!body.ok) return body.response;
  const { property } = c.get("caller");
  const db = c.get("db");
  const checked = await checkChange(db, property.id, property.country, body.value);
  if (!checked.ok) {
    return apiErrorResponse(400, "validation", "Check the reservation's details.", { fields: checked.fields });
  }
  const change = checked.change;
  const now = Date.now();
  const existing = await findBooking(db, property.id, ref);

  if (!existing) {
    const created = await insertBooking(db, {
      ...change,
      id: `res-${crypto.randomUUID()}`,
      bookingRef: ref,
      propertyId: property.id,
      status: "confirmed",
      source: "api",
      createdAt: now,
      updatedAt: now,
    });
    // References are unique across properties: one taken elsewhere (or just now) cannot be used here.
    if (!created) {
      return apiErrorResponse(409, "ref_taken", "That reference can't be used at this property; use another one.");
    }
    await audit(c, "booking.create", ref, now);
    await reservationChanged(db, c.get("env"), c.env.lobby.parties, {
      reservationId: created.id,
      propertyId: property.id,
      now,
    });
    return c.json(toApiReservation((await findBooking(db, property.id, ref))!), 201);
  }

  const unchanged =
    !stayMoved(existing, change) &&
    existing.expectedGuestName === change.expectedGuestName &&
    existing.expectedGuestEmail === change.expectedGuestEmail &&
    existing.expectedGuestPhone === change.expectedGuestPhone;
  if (unchanged) return c.json(toApiReservation(existing));

  const today = localDate(now, property.timeZone);
  const refusal = statusChangeRefusal("edit", existing.status, existing.checkInDate, today);
  if (refusal) return apiErrorResponse(409, "not_editable", refusal);
  const checkedIn = existing.status === "checked_in" || existing.guestName !== null;
  // The same rule as the desk: a checked-in guest's door codes follow before the booking changes.
  const follow = await followBookingChange(followContextOf(c), { ...existing, checkedIn }, change);
  if (follow.kind === "refused") return apiErrorResponse(follow.status, follow.code, follow.message);
  const applied = await updateBooking(
    db,
    property.id,
    ref,
    checkedIn ? ["checked_in", "confirmed"] : ["confirmed"],
    change,
    now,
  );
  if (!applied) return apiErrorResponse(409, "conflict", "The reservation changed meanwhile. Read it and try again.");
  await audit(c, "booking.edit", ref, now);
  await reservationChanged(db, c.get("env"), c.env.lobby.parties, {
    reservationId: existing.reservationId,
    propertyId: property.id,
    now,
  });
  return c.json(toApiReservation((await findBooking(db, property.id, ref))!));
});

/** Cancelling a cancelled reservation answers it as it is, so a retried cancel is harmless. */
reservationsV1.post("/reservations/:ref/cancel", async (c) => {
  const ref = referenceParam(c);
  if (!ref) return badReference();
  const { property } = c.get("caller");
  const db = c.get("db");
  const existing = await findBooking(db, property.id, ref);
  if (!existing) return notFound();
  if (existing.status === "cancelled") return c.json(toApiReservation(existing));
  const now = Date.now();
  const refusal = statusChangeRefusal(
    "cancel",
    existing.status,
    existing.checkInDate,
    localDate(now, property.timeZone),
  );
  if (refusal) return apiErrorResponse(409, "not_allowed", refusal);
  const checkedIn = existing.status === "checked_in" || existing.guestName !== null;
  const follow = await followBookingChange(followContextOf(c), { ...existing, checkedIn }, "cancelled");
  if (follow.kind === "refused") return apiErrorResponse(follow.status, follow.code, follow.message);
  const from: ReservationStatus[] = checkedIn ? ["checked_in", "confirmed"] : ["confirmed"];
  if (!(await updateBooking(db, property.id, ref, from, { status: "cancelled" }, now))) {
    return apiErrorResponse(409, "conflict", "The reservation changed meanwhile (the guest may have just checked in).");
  }
  await audit(c, "booking.cancel", ref, now);
  await reservationChanged(db, c.get("env"), c.env.lobby.parties, {
    reservationId: existing.reservationId,
    propertyId: property.id,
    now,
  });
  return c.json(toApiReservation((await findBooking(db, property.id, ref))!));
});

function followContextOf(c: Context<V1Env>): FollowContext {
  return { env: c.get("env"), parties: c.env.lobby.parties, db: c.get("db"), property: c.get("caller").property };
}
