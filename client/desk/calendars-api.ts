// The Calendars section's HTTP calls, through the desk's one fetch helper.
import { z } from "zod/mini";
import { deskCalendarsResponse, deskFeedIdOnly, type DeskAddCalendarRequest } from "../../shared/calendar-protocol";
import { call } from "./api";

const ok = z.looseObject({ ok: z.literal(true) });

export const calendarsApi = {
  list: () => call("/calendars", deskCalendarsResponse),
  add: (body: DeskAddCalendarRequest) => call("/calendars", deskFeedIdOnly, { method: "POST", body }),
  remove: (feedId: string) => call(`/calendars/${encodeURIComponent(feedId)}`, deskFeedIdOnly, { method: "DELETE" }),
  syncNow: () => call("/calendars/sync", ok, { method: "POST" }),
};
