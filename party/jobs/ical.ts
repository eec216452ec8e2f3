// The `ical` job: polls every calendar feed of the property's rooms and brings the
// bookings in line with them. Feeds are fetched a few at a time, each within its own time
// and size limits (ical-fetch.ts), so one that hangs costs one slot for the timeout and
// never holds back the others or the jobs room. Each feed's changes commit in one
// transaction; a feed that fails keeps its bookings as they were and shows the reason.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  commitFeedSync,
  existingForFeed,
  feedsToPoll,
  heldByFeed,
  recordFeedFailure,
} from "../../db/queries/ical-feeds";
import { property } from "../../db/schema";
import { feedBookings, planFeedSync, syncNote } from "../../domain/ical-bookings";
import { parseIcalFeed } from "../../domain/ical-events";
import { localDate } from "../../domain/pin-window";
import { database } from "../database";
import type { RuntimeEnv } from "../env";
import { loggableError } from "../log-safe";
import { fetchFeed, type FeedLimits } from "./ical-fetch";
import type { Job, JobContext } from "./job";

export const ICAL_JOB = "ical";
/** Feeds fetched at once: a few slow ones cannot starve the rest, and sqld sees a few writers at most. */
const CONCURRENCY = 4;

const PARSE_ERRORS = {
  html: "not a calendar (got an HTML page)",
  not_calendar: "not a calendar",
  too_many_events: "too many events (over 5,000)",
} as const;

export const icalJob: Job = {
  name: ICAL_JOB,
  // The longest allowed poll interval; ICAL_POLL_MINUTES asks for sooner.
  everyMs: 60 * 60_000,
  async run({ env, propertyId, now }: JobContext) {
    await syncProperty(env, propertyId, now);
    return Date.now() + env.ICAL_POLL_MINUTES * 60_000;
  },
};

async function syncProperty(env: RuntimeEnv, propertyId: string, now: number) {
  const db = database(env, "background");
  const rows = await db.select({ timeZone: property.timeZone }).from(property).where(eq(property.id, propertyId));
  const timeZone = rows[0]?.timeZone;
  if (!timeZone) return;
  const feeds = await feedsToPoll(db, propertyId);
  const limits: FeedLimits = {
    timeoutMs: env.ICAL_FETCH_TIMEOUT_MS,
    maxBytes: env.ICAL_MAX_BYTES,
    allowLocal: env.ICAL_ALLOW_LOCAL === "1",
  };
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const feed = feeds[next++]!;
      try {
        await syncFeed(db, { propertyId, timeZone, limits, now }, feed);
      } catch (error) {
        // The feed's URL and the guests' data stay out of the log; the error's class and query do not carry them.
        console.warn(`[ical] feed ${feed.feedId} failed: ${loggableError(error)}`);
        await recordFeedFailure(
          db,
          propertyId,
          feed.feedId,
          "could not save the bookings; will retry",
          Date.now(),
        ).catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, feeds.length) }, worker));
}

interface SyncScope {
  propertyId: string;
  timeZone: string;
  limits: FeedLimits;
  now: number;
}

async function syncFeed(db: Database, scope: SyncScope, feed: { feedId: string; roomId: string; url: string }) {
  const fetched = await fetchFeed(feed.url, scope.limits);
  if (!fetched.ok) return recordFeedFailure(db, scope.propertyId, feed.feedId, fetched.error, Date.now());
  const parsed = parseIcalFeed(fetched.text, scope.timeZone);
  if (!parsed.ok) {
    return recordFeedFailure(db, scope.propertyId, feed.feedId, PARSE_ERRORS[parsed.reason], Date.now());
  }
  const today = localDate(Date.now(), scope.timeZone);
  const bookings = feedBookings(parsed.events, feed.roomId, scope.propertyId, today);
  const [existing, held] = await Promise.all([
    existingForFeed(
      db,
      scope.propertyId,
      bookings.rows.map((r) => r.bookingRef),
    ),
    heldByFeed(db, scope.propertyId, feed.feedId, today),
  ]);
  const plan = planFeedSync(bookings.rows, existing, held, today);
  await commitFeedSync(db, {
    propertyId: scope.propertyId,
    feedId: feed.feedId,
    rows: [...plan.create, ...plan.update],
    cancel: plan.cancel,
    note: syncNote(bookings, plan),
    now: Date.now(),
  });
}
