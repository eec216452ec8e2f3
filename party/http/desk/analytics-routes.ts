// Funnel analytics for the staff member's property, as JSON for the charts and as CSV.
import { Hono, type Context } from "hono";
import { analyticsReport } from "../../../db/queries/analytics-rollup";
import { recordAudit } from "../../../db/queries/audit";
import { addDays, daysInclusive, DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS } from "../../../domain/date-range";
import { localDate } from "../../../domain/pin-window";
import { analyticsCsv } from "../../../domain/funnel-csv";
import { deskAnalyticsQuery, type DeskAnalyticsResponse } from "../../../shared/protocol/desk-http";
import { apiErrorResponse, issuesToFields } from "../../http-json";
import { noProperty, type DeskEnv } from "./context";

export const analyticsRoutes = new Hono<DeskEnv>();

async function report(c: Context<DeskEnv>): Promise<DeskAnalyticsResponse | Response> {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const parsed = deskAnalyticsQuery.safeParse(c.req.query());
  if (!parsed.success) {
    return apiErrorResponse(400, "validation", "Check the date range.", { fields: issuesToFields(parsed.error) });
  }
  // Missing ends default to today and to 30 days before `to`.
  const to = parsed.data.to ?? localDate(Date.now(), property.timeZone);
  const from = parsed.data.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) {
    return apiErrorResponse(400, "validation", "Check the date range.", {
      fields: { from: "`from` must not be after `to`" },
    });
  }
  if (daysInclusive(from, to) > MAX_RANGE_DAYS) {
    return apiErrorResponse(400, "validation", `Choose at most ${MAX_RANGE_DAYS} days.`, {
      fields: { from: `At most ${MAX_RANGE_DAYS} days` },
    });
  }
  return analyticsReport(c.get("db"), { propertyId: property.id, timeZone: property.timeZone, from, to });
}

analyticsRoutes.get("/analytics", async (c) => {
  const r = await report(c);
  return r instanceof Response ? r : c.json(r);
});

analyticsRoutes.get("/analytics.csv", async (c) => {
  const r = await report(c);
  if (r instanceof Response) return r;
  await recordAudit(c.get("db"), {
    staffId: c.get("staff").staffId,
    action: "analytics.export",
    detail: `${r.from}..${r.to}`,
    at: Date.now(),
  });
  return c.body(analyticsCsv(r), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="frontdoor-funnel-${r.propertyId}-${r.from}-to-${r.to}.csv"`,
  });
});
