// Which requests skip the same-origin check: calls to /api/v1 from a server, carrying an
// API key and no cookie. A page on another site cannot send an Authorization header
// without a CORS preflight, which Frontdoor never grants, and with no cookie there is no
// ambient credential for it to borrow; the key itself is what authenticates the call.
export const API_V1_PREFIX = "/api/v1/";

export function isBearerApiCall(req: Request, path: string): boolean {
  return (
    path.startsWith(API_V1_PREFIX) &&
    !req.headers.has("cookie") &&
    /^Bearer\s/i.test(req.headers.get("authorization") ?? "")
  );
}
