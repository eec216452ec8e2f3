// Cross-site request forgery and cross-site websocket hijacking: a browser says where
// a request comes from (Sec-Fetch-Site, Origin) and a page on another site cannot
// forge either. Requests without both come from non-browser clients, which carry no
// ambient staff cookie to abuse.

const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

export function isSameOriginRequest(req: Request, selfUrl: string): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && !ALLOWED_FETCH_SITES.has(site)) return false;
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  // The request's own origin is what the browser showed; SELF_URL is the deployment's canonical one.
  return origin === new URL(req.url).origin || origin === new URL(selfUrl).origin;
}
