// Today's arrivals at the staff member's property, "today" being the property's date.
import { Hono } from "hono";
import { arrivalsFor } from "../../../db/queries/arrivals";
import { localDate } from "../../../domain/pin-window";
import type { DeskArrivalsResponse } from "../../../shared/protocol/desk-http";
import { noProperty, type DeskEnv } from "./context";

export const arrivalsRoutes = new Hono<DeskEnv>();

arrivalsRoutes.get("/arrivals", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const now = Date.now();
  const date = localDate(now, property.timeZone);
  const arrivals = await arrivalsFor(c.get("db"), {
    propertyId: property.id,
    date,
    liveSinceMs: now - c.get("env").SESSION_EXPIRY_MINUTES * 60_000,
  });
  const body: DeskArrivalsResponse = { propertyId: property.id, date, timeZone: property.timeZone, arrivals };
  return c.json(body);
});
