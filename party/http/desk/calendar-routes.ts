// A room's calendar feeds. Everyone at the property sees each feed's sync status;
// managers add and remove feeds and see their addresses (an export URL is a secret token
// of the platform's). "Sync now" pokes the property's `ical` job, at most once per
// SYNC_NOW_GAP_MS for the property.
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import {
  countFeeds,
  countRoomFeeds,
  deleteFeed,
  feedsOf,
  insertFeed,
  MAX_FEEDS_PER_ROOM,
  requestSync,
} from "../../../db/queries/ical-feeds";
import { findRoom } from "../../../db/queries/rooms";
import { checkFeedUrl } from "../../../domain/ical-url";
import { localDate } from "../../../domain/pin-window";
import { deskAddCalendarRequest, type DeskCalendarsResponse } from "../../../shared/calendar-protocol";
import { apiErrorResponse, rateLimitedResponse, readJsonBody } from "../../http-json";
import { ICAL_JOB } from "../../jobs/ical";
import { wakeJobs } from "../../jobs/wake";
import { noProperty, requireManager, type DeskEnv } from "./context";

const SYNC_NOW_GAP_MS = 30_000;

export const calendarRoutes = new Hono<DeskEnv>();

calendarRoutes.get("/calendars", async (c) => {
  const staff = c.get("staff");
  const p = staff.property;
  if (!p) return noProperty();
  const feeds = await feedsOf(c.get("db"), p.id, localDate(Date.now(), p.timeZone));
  const body: DeskCalendarsResponse = {
    feeds: feeds.map(({ url, createdAt: _created, ...f }) => ({
      ...f,
      host: new URL(url).host,
      url: staff.role === "manager" ? url : null,
    })),
    pollMinutes: c.get("env").ICAL_POLL_MINUTES,
  };
  return c.json(body);
});

calendarRoutes.post("/calendars", requireManager, async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  const propertyId = staff.property.id;
  const body = await readJsonBody(c.req.raw, deskAddCalendarRequest);
  if (!body.ok) return body.response;
  const env = c.get("env");
  const checked = checkFeedUrl(body.value.url, { allowLocal: env.ICAL_ALLOW_LOCAL === "1" });
  if (!checked.ok) return apiErrorResponse(400, "validation", checked.reason, { fields: { url: checked.reason } });
  const db = c.get("db");
  const target = await findRoom(db, propertyId, body.value.roomId);
  if (!target) return apiErrorResponse(404, "not_found", "No such room.");
  if (target.retiredAt !== null) return apiErrorResponse(409, "room_retired", "This room is retired.");
  if ((await countRoomFeeds(db, propertyId, target.id)) >= MAX_FEEDS_PER_ROOM) {
    return apiErrorResponse(409, "too_many_feeds", `A room can have at most ${MAX_FEEDS_PER_ROOM} calendars.`);
  }
  const feedId = `ical-${crypto.randomUUID()}`;
  const now = Date.now();
  const added = await insertFeed(db, { id: feedId, propertyId, roomId: target.id, url: checked.url, createdAt: now });
  if (!added) {
    const reason = "This room already has that calendar.";
    return apiErrorResponse(409, "duplicate", reason, { fields: { url: reason } });
  }
  // The address's query is the platform's secret: the audit names the room and host only.
  await recordAudit(db, {
    staffId: staff.staffId,
    action: "calendar.add",
    detail: `${target.name}: ${new URL(checked.url).host}`,
    at: now,
  });
  await wakeJobs(env, c.env.lobby.parties, propertyId, ICAL_JOB);
  return c.json({ feedId }, 201);
});

calendarRoutes.delete("/calendars/:feedId", requireManager, async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  const feedId = c.req.param("feedId");
  if (feedId.length > 100) return apiErrorResponse(404, "not_found", "No such calendar.");
  const removed = await deleteFeed(c.get("db"), staff.property.id, feedId);
  if (!removed) return apiErrorResponse(404, "not_found", "No such calendar.");
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "calendar.remove", detail: feedId, at: Date.now() });
  return c.json({ feedId });
});

calendarRoutes.post("/calendars/sync", async (c) => {
  const staff = c.get("staff");
  if (!staff.property) return noProperty();
  if ((await countFeeds(c.get("db"), staff.property.id)) === 0) {
    return apiErrorResponse(409, "no_calendars", "Add a calendar first.");
  }
  const accepted = await requestSync(c.get("db"), staff.property.id, Date.now(), SYNC_NOW_GAP_MS);
  if (!accepted) return rateLimitedResponse(SYNC_NOW_GAP_MS / 1000, "sync requests");
  await wakeJobs(c.get("env"), c.env.lobby.parties, staff.property.id, ICAL_JOB);
  return c.json({ ok: true });
});
