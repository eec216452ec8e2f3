// Property settings and rooms. Every staff member can read them (the Bookings page
// needs the rooms); only managers change them, and only at their own property.
import { type Context, Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import {
  deleteUnusedRoom,
  findRoom,
  insertRoom,
  retireRoom,
  roomsOf,
  updatePropertySettings,
  updateRoom,
} from "../../../db/queries/rooms";
import { manualLocksByIds } from "../../../db/queries/manual-locks";
import { manualLockIdOf } from "../../../domain/manual-lock";
import { localDate } from "../../../domain/pin-window";
import { checkPropertySettings } from "../../../domain/property-settings";
import {
  deskPropertySettings,
  deskRoomInput,
  type DeskPropertySettings,
  type DeskRoomInput,
} from "../../../shared/bookings-protocol";
import type { Database } from "../../../db/client";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { noProperty, requireManager, type DeskEnv } from "./context";

export const propertyRoutes = new Hono<DeskEnv>();

propertyRoutes.get("/property", (c) => {
  const p = c.get("staff").property;
  if (!p) return noProperty();
  const body: DeskPropertySettings = {
    name: p.name,
    timeZone: p.timeZone,
    country: p.country,
    phone: p.phone,
    standardCheckInTime: p.standardCheckInTime,
    standardCheckoutTime: p.standardCheckoutTime,
  };
  return c.json(body);
});

propertyRoutes.put("/property", requireManager, async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  const body = await readJsonBody(c.req.raw, deskPropertySettings);
  if (!body.ok) return body.response;
  const checked = checkPropertySettings(body.value);
  if (!checked.ok)
    return apiErrorResponse(400, "validation", "Check the property's settings.", { fields: checked.fields });
  // Sessions already started keep the settings they began with; new check-ins read these.
  await updatePropertySettings(c.get("db"), staff.property.id, checked.value);
  await recordAudit(c.get("db"), {
    staffId: staff.staffId,
    action: "property.update",
    detail: staff.property.id,
    at: Date.now(),
  });
  return c.json(checked.value);
});

propertyRoutes.get("/rooms", async (c) => {
  const p = c.get("staff").property;
  if (!p) return noProperty();
  return c.json({ rooms: await roomsOf(c.get("db"), p.id, localDate(Date.now(), p.timeZone)) });
});

propertyRoutes.post("/rooms", requireManager, async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  const body = await readJsonBody(c.req.raw, deskRoomInput);
  if (!body.ok) return body.response;
  const unknown = await unknownManualLocks(c.get("db"), staff.property.id, body.value);
  if (unknown) return unknown;
  const id = `room-${crypto.randomUUID()}`;
  await insertRoom(c.get("db"), { id, propertyId: staff.property.id, ...body.value });
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "room.create", detail: id, at: Date.now() });
  return c.json({ roomId: id }, 201);
});

propertyRoutes.put("/rooms/:roomId", requireManager, async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  const body = await readJsonBody(c.req.raw, deskRoomInput);
  if (!body.ok) return body.response;
  const unknown = await unknownManualLocks(c.get("db"), staff.property.id, body.value);
  if (unknown) return unknown;
  const roomId = c.req.param("roomId");
  if (!(await updateRoom(c.get("db"), staff.property.id, roomId, body.value))) return noRoom();
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "room.update", detail: roomId, at: Date.now() });
  return c.json({ roomId });
});

/** A `manual:` lock id must name one of this property's manual locks: a room never opens with another's code. */
async function unknownManualLocks(db: Database, propertyId: string, input: DeskRoomInput): Promise<Response | null> {
  const fields: Record<string, string> = {};
  const wanted = (["frontDoorLockId", "roomLockId"] as const).flatMap((field) => {
    const id = manualLockIdOf(input[field]);
    return id === null ? [] : [{ field, id }];
  });
  if (wanted.length === 0) return null;
  const known = new Set(
    (
      await manualLocksByIds(
        db,
        propertyId,
        wanted.map((w) => w.id),
      )
    ).map((r) => r.id),
  );
  for (const w of wanted) if (!known.has(w.id)) fields[w.field] = "Choose one of this property's manual locks";
  if (Object.keys(fields).length === 0) return null;
  return apiErrorResponse(400, "validation", "Check the room's locks.", { fields });
}

/** The room named in the path, looked up only inside the signed-in person's property. */
async function roomOfPath(c: Context<DeskEnv, "/rooms/:roomId">) {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return { refused: noProperty() } as const;
  const db = c.get("db");
  const roomId = c.req.param("roomId");
  const room = await findRoom(db, property.id, roomId);
  if (!room) return { refused: noRoom() } as const;
  return { staff, property, db, roomId, room } as const;
}

propertyRoutes.post("/rooms/:roomId/retire", requireManager, async (c) => {
  const found = await roomOfPath(c);
  if ("refused" in found) return found.refused;
  const { staff, property: p, db, roomId, room } = found;
  if (room.retiredAt !== null) return c.json({ roomId });
  if (!(await retireRoom(db, p.id, roomId, localDate(Date.now(), p.timeZone), Date.now()))) {
    return apiErrorResponse(
      409,
      "room_in_use",
      `${room.name} has bookings that haven't checked out yet. Move or cancel them, or retire it after they leave.`,
    );
  }
  await recordAudit(db, { staffId: staff.staffId, action: "room.retire", detail: roomId, at: Date.now() });
  return c.json({ roomId });
});

propertyRoutes.delete("/rooms/:roomId", requireManager, async (c) => {
  const found = await roomOfPath(c);
  if ("refused" in found) return found.refused;
  const { staff, property: p, db, roomId, room } = found;
  if (!(await deleteUnusedRoom(db, p.id, roomId))) {
    return apiErrorResponse(
      409,
      "room_in_use",
      `${room.name} has bookings, so it can't be deleted. Retire it once its bookings have checked out.`,
    );
  }
  await recordAudit(db, { staffId: staff.staffId, action: "room.delete", detail: roomId, at: Date.now() });
  return c.json({ ok: true });
});

const noRoom = () => apiErrorResponse(404, "not_found", "There is no such room at this property.");
