// CSV import on the Bookings page. Preview and commit take the same file: the server
// parses and plans it afresh each time, so a commit writes exactly what the file says
// against the bookings as they are now, and nothing is kept between the two calls.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { recordAudit } from "../../../db/queries/audit";
import { importChanged } from "../webhook-events";
import { pokeMessages } from "../../messages/poke";
import { commitImport, existingForImport } from "../../../db/queries/bookings";
import { roomsOf } from "../../../db/queries/rooms";
import { CSV_MAX_BYTES, CSV_TEMPLATE, parseBookingCsv, planImport } from "../../../domain/booking-csv";
import { localDate } from "../../../domain/pin-window";
import { deskImportQuery, type DeskImportResult } from "../../../shared/bookings-protocol";
import { apiErrorResponse, issuesToFields } from "../../http-json";
import { followBookingChange } from "../../bookings/follow-change";
import { followContext } from "./bookings-routes";
import { noProperty, type DeskEnv } from "./context";

export const IMPORT_PATH_PREFIX = "/api/desk/bookings/import/";

export const importRoutes = new Hono<DeskEnv>();

importRoutes.get("/bookings/import-template.csv", (c) => {
  c.header("content-type", "text/csv; charset=utf-8");
  c.header("content-disposition", 'attachment; filename="frontdoor-bookings-template.csv"');
  return c.body(CSV_TEMPLATE);
});

const csvLimit = bodyLimit({
  // Room for a multipart wrapper or a little slack over the file's own cap.
  maxSize: CSV_MAX_BYTES + 64 * 1024,
  onError: () =>
    apiErrorResponse(413, "too_large", "The file is over 5 MB. Split it and import the parts one after the other."),
});

async function planFrom(c: Context<DeskEnv>) {
  const property = c.get("staff").property!;
  const query = deskImportQuery.safeParse(c.req.query());
  if (!query.success)
    return apiErrorResponse(400, "validation", "Say how the file writes dates.", {
      fields: issuesToFields(query.error),
    });
  const text = await c.req.text();
  const db = c.get("db");
  const today = localDate(Date.now(), property.timeZone);
  const rooms = (await roomsOf(db, property.id, today)).map((r) => ({
    id: r.roomId,
    name: r.name,
    retired: r.retiredAt !== null,
  }));
  const parsed = parseBookingCsv(text, { dateOrder: query.data.dateOrder, rooms, country: property.country });
  const existing = await existingForImport(
    db,
    property.id,
    parsed.rows.map((r) => r.bookingRef),
  );
  return { parsed, plan: planImport(parsed, existing) };
}

function result(p: Exclude<Awaited<ReturnType<typeof planFrom>>, Response>, committed: boolean): DeskImportResult {
  return {
    problems: p.parsed.problems,
    ignoredColumns: p.parsed.ignoredColumns,
    counts: {
      new: p.plan.create.length,
      changed: p.plan.update.length,
      unchanged: p.plan.unchanged,
      invalid: p.plan.invalid.length,
    },
    invalid: p.plan.invalid,
    committed,
  };
}

importRoutes.post("/bookings/import/preview", csvLimit, async (c) => {
  if (!c.get("staff").property) return noProperty();
  const planned = await planFrom(c);
  if (planned instanceof Response) return planned;
  return c.json(result(planned, false));
});

importRoutes.post("/bookings/import/commit", csvLimit, async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  const planned = await planFrom(c);
  if (planned instanceof Response) return planned;
  const body = result(planned, false);
  // All or nothing: one bad row and the file goes back to be fixed.
  if (body.problems.length > 0 || body.counts.invalid > 0) return c.json(body, 422);
  // Checked-in bookings the file moves or cancels: their door codes follow first, and
  // any refusal leaves the whole file uncommitted (telling a room twice is harmless).
  const followed: { bookingRef: string; sessionId: string; detail: string }[] = [];
  for (const { row, before } of planned.plan.follow) {
    const outcome = await followBookingChange(
      followContext(c),
      { ...before, reservationId: before.reservationId ?? "", checkedIn: true, sessionId: before.checkinSessionId },
      row.status === "cancelled" ? "cancelled" : row,
    );
    if (outcome.kind === "refused") {
      const message = `Line ${row.line} (${row.bookingRef}): ${outcome.message} Nothing was imported.`;
      return apiErrorResponse(outcome.status, outcome.code, message);
    }
    if (outcome.kind === "following") followed.push({ bookingRef: row.bookingRef, ...outcome });
  }
  const now = Date.now();
  const rows = [...planned.plan.create, ...planned.plan.update];
  await commitImport(c.get("db"), staff.property.id, rows, now);
  const { counts } = body;
  await recordAudit(c.get("db"), {
    staffId: staff.staffId,
    action: "booking.import",
    detail: `csv: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged`,
    at: now,
  });
  for (const f of followed) {
    await recordAudit(c.get("db"), {
      staffId: staff.staffId,
      action: "booking.edit",
      bookingRef: f.bookingRef,
      sessionId: f.sessionId,
      detail: `csv import, ${f.detail}`,
      at: now,
    });
  }
  const bookingRefs = rows.map((r) => r.bookingRef);
  await importChanged(c.get("db"), c.get("env"), c.env.lobby.parties, {
    propertyId: staff.property.id,
    bookingRefs,
    now,
  });
  pokeMessages(c, staff.property.id);
  return c.json({ ...body, committed: true });
});
