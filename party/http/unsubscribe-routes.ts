// /unsubscribe/<token>, the link in every email's footer and List-Unsubscribe header.
// GET only shows a confirm page (mail scanners follow links; they must not unsubscribe
// anyone); POST records the opt-out at once, whether from that page's button or a mail
// client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`), and is idempotent.
import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isOptedOut, recordOptOut } from "../../db/queries/messages";
import { property } from "../../db/schema";
import { messageSecret, openUnsubscribe } from "../messages/unsubscribe-token";
import type { AppEnv } from "./app-env";
import { UNSUBSCRIBE_CSS, confirmPage, donePage, invalidPage, type UnsubscribeView } from "./unsubscribe-page";

export const unsubscribeRoutes = new Hono<AppEnv>();

const MAX_BODY_BYTES = 1024;

unsubscribeRoutes.get("/unsubscribe.css", (c) => {
  c.header("cache-control", "public, max-age=3600");
  return c.body(UNSUBSCRIBE_CSS, 200, { "content-type": "text/css; charset=utf-8" });
});

async function target(c: Context<AppEnv>) {
  const opened = await openUnsubscribe(messageSecret(c.get("env")), c.req.param("token") ?? "");
  if (!opened) return null;
  const [row] = await c
    .get("db")
    .select({ name: property.name, phone: property.phone })
    .from(property)
    .where(eq(property.id, opened.propertyId))
    .limit(1);
  if (!row) return null;
  const view: UnsubscribeView = { propertyName: row.name, propertyPhone: row.phone, ...opened };
  return { ...opened, view };
}

const html = (c: Context<AppEnv>, body: string, status: 200 | 404 = 200) => {
  c.header("cache-control", "no-store");
  return c.html(body, status);
};

unsubscribeRoutes.get("/unsubscribe/:token", async (c) => {
  const found = await target(c);
  if (!found) return html(c, invalidPage(), 404);
  const done = await isOptedOut(c.get("db"), found.propertyId, found.channel, found.address);
  return html(c, done ? donePage(found.view) : confirmPage(found.view, new URL(c.req.url).pathname));
});

unsubscribeRoutes.post(
  "/unsubscribe/:token",
  bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text("Request body too large", 413) }),
  async (c) => {
    await c.req.text();
    const found = await target(c);
    if (!found) return html(c, invalidPage(), 404);
    await recordOptOut(c.get("db"), {
      propertyId: found.propertyId,
      channel: found.channel,
      address: found.address,
      source: "unsubscribe-link",
      at: Date.now(),
    });
    return html(c, donePage(found.view));
  },
);
