// GET /api/v1/rooms: the property's rooms, with the ids a reservation names.
import { Hono } from "hono";
import { roomsOf } from "../../../db/queries/rooms";
import { localDate } from "../../../domain/pin-window";
import type { ApiRooms } from "../../../shared/api-v1-protocol";
import type { V1Env } from "./context";

export const roomsV1 = new Hono<V1Env>();

roomsV1.get("/rooms", async (c) => {
  const property = c.get("caller").property;
  const rooms = await roomsOf(c.get("db"), property.id, localDate(Date.now(), property.timeZone));
  const body: ApiRooms = {
    rooms: rooms.map((r) => ({ roomId: r.roomId, name: r.name, retired: r.retiredAt !== null })),
  };
  return c.json(body);
});
