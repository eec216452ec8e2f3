// A manager exports or erases one booking's guest data (the right of access and the right
// to erasure), on their own property only, audited. Erasure waits for the stay to end
// unless the booking was cancelled, and empties the booking's check-in rooms too.
import { Hono, type Context } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { anonymiseReservations, guestDataExport, sessionIdsOfBooking } from "../../../db/queries/retention";
import { eraseRefusal } from "../../../domain/guest-retention";
import type { GuestDataEraseResponse, GuestDataExport } from "../../../shared/guest-data-protocol";
import { bookingRef as bookingRefSchema } from "../../../shared/protocol/common";
import { apiErrorResponse } from "../../http-json";
import { callParty } from "../../party-client";
import { noProperty, requireManager, type DeskEnv } from "./context";

export const guestDataRoutes = new Hono<DeskEnv>();
guestDataRoutes.use("/bookings/:ref/guest-data", requireManager);
guestDataRoutes.use("/bookings/:ref/guest-data/*", requireManager);

/** Another property's booking answers exactly like a missing one. */
const notFound = () => apiErrorResponse(404, "not_found", "No such booking.");

function refOf(c: Context<DeskEnv>): string | null {
  const ref = bookingRefSchema.safeParse(c.req.param("ref"));
  return ref.success ? ref.data : null;
}

guestDataRoutes.get("/bookings/:ref/guest-data", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const ref = refOf(c);
  const rows = ref ? await guestDataExport(c.get("db"), property.id, ref) : null;
  if (!ref || !rows) return notFound();
  const now = Date.now();
  await recordAudit(c.get("db"), { staffId: c.get("staff").staffId, action: "guest.export", bookingRef: ref, at: now });
  const body: GuestDataExport = { exportedAt: new Date(now).toISOString(), bookingRef: ref, ...rows };
  c.header("content-disposition", `attachment; filename="guest-data-${ref}.json"`);
  return c.json(body);
});

guestDataRoutes.post("/bookings/:ref/guest-data/erase", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const db = c.get("db");
  const ref = refOf(c);
  const rows = ref ? await guestDataExport(db, property.id, ref) : null;
  if (!ref || !rows) return notFound();
  const now = Date.now();
  const refusal = eraseRefusal(rows.booking, property, now);
  if (refusal) return apiErrorResponse(409, "stay_live", refusal);

  const sessions = await sessionIdsOfBooking(db, property.id, ref);
  const answers = await Promise.all(
    sessions.map(async (roomId) => {
      const res = await callParty(
        c.get("env"),
        c.env.lobby.parties,
        { party: "checkin", roomId },
        { method: "POST", body: { type: "wipe" } },
      );
      await res.body?.cancel();
      return res.ok;
    }),
  );
  await anonymiseReservations(db, [rows.booking.id], now);
  const roomsPending = answers.filter((ok) => !ok).length;
  await recordAudit(db, {
    staffId: c.get("staff").staffId,
    action: "guest.erase",
    bookingRef: ref,
    detail: roomsPending > 0 ? `${roomsPending} check-in rooms still removing codes` : null,
    at: now,
  });
  const body: GuestDataEraseResponse = { bookingRef: ref, erasedAt: now, roomsPending };
  return c.json(body);
});
