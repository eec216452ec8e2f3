// Serves the HTML shell for every page path (see shared/page-shell.ts), so pages get
// the security headers the static server cannot add. /checkin/, the page every guest
// opens first, is served with its first screen already rendered, in the language the
// browser asks for. Files with an extension that reached here are not in the build:
// 404, not a page.
import { Hono } from "hono";
import { languageFromAcceptLanguage } from "../../domain/accept-language";
import { PAGE_SHELL_ASSET, type PageShell } from "../../shared/page-shell";
import type { AppEnv } from "./app-env";
import { contentSecurityPolicy } from "./security-headers";

export const pageRoutes = new Hono<AppEnv>();

interface LoadedShell extends PageShell {
  policy: string;
  checkinPolicy: string;
}

/** The build never changes under a running isolate (partykit restarts it when files change). */
let shell: Promise<LoadedShell | null> | undefined;

async function loadShell(assets: { fetch(path: string): Promise<Response | null> }): Promise<LoadedShell | null> {
  const res = await assets.fetch(`/${PAGE_SHELL_ASSET}`);
  if (!res?.ok) return null;
  const loaded = (await res.json()) as PageShell;
  const { styleHashes, checkinScriptHashes: scriptHashes } = loaded;
  return {
    ...loaded,
    policy: contentSecurityPolicy({ styleHashes }),
    checkinPolicy: contentSecurityPolicy({ styleHashes, scriptHashes }),
  };
}

const NOT_A_PAGE = /^\/(api|parties|party)(\/|$)|\.[A-Za-z0-9]+$/;
const LOOKUP_PAGE = /^\/checkin\/?$/;

pageRoutes.on(["GET", "HEAD"], "*", async (c) => {
  if (NOT_A_PAGE.test(c.req.path)) return c.text("Not found", 404);
  shell ??= loadShell(c.env.lobby.assets);
  const loaded = await shell;
  if (loaded === null) {
    // Not built yet (or a failed read): try again next time instead of caching the miss.
    shell = undefined;
    return c.text("The client is not built; run `npx vite build`.", 503);
  }
  c.header("cache-control", "no-cache");
  if (!LOOKUP_PAGE.test(c.req.path)) {
    c.header("content-security-policy", loaded.policy);
    return c.html(loaded.html);
  }
  c.header("content-security-policy", loaded.checkinPolicy);
  c.header("vary", "accept-language");
  return c.html(loaded.checkin[languageFromAcceptLanguage(c.req.header("accept-language"))]);
});

// The prerendered form posts here only in a browser that runs no script at all (the page's
// inline loader holds an early press for the live page). Back to the page, so the guest's
// answers never end up in an address or a log.
pageRoutes.post("/checkin/", (c) => c.redirect("/checkin/", 303));
