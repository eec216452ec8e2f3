// Serves the HTML shell for every page path (see shared/page-shell.ts), so pages get
// the security headers the static server cannot add. Files with an extension that
// reached here are not in the build: 404, not a page.
import { Hono } from "hono";
import { PAGE_SHELL_ASSET, type PageShell } from "../../shared/page-shell";
import type { AppEnv } from "./app-env";

export const pageRoutes = new Hono<AppEnv>();

/** The build never changes under a running isolate (partykit restarts it when files change). */
let shell: Promise<string | null> | undefined;

async function loadShell(assets: { fetch(path: string): Promise<Response | null> }): Promise<string | null> {
  const res = await assets.fetch(`/${PAGE_SHELL_ASSET}`);
  if (!res?.ok) return null;
  return ((await res.json()) as PageShell).html;
}

const NOT_A_PAGE = /^\/(api|parties|party)(\/|$)|\.[A-Za-z0-9]+$/;

pageRoutes.on(["GET", "HEAD"], "*", async (c) => {
  if (NOT_A_PAGE.test(c.req.path)) return c.text("Not found", 404);
  shell ??= loadShell(c.env.lobby.assets);
  const html = await shell;
  if (html === null) {
    // Not built yet (or a failed read): try again next time instead of caching the miss.
    shell = undefined;
    return c.text("The client is not built; run `npx vite build`.", 503);
  }
  c.header("cache-control", "no-cache");
  return c.html(html);
});
