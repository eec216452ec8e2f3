// Server-to-server calls between parties carry the shared secret; anything else that
// reaches an internal endpoint is refused before it is read.
import { INTERNAL_AUTH_HEADER } from "../shared/protocol/internal";

export function isInternal(req: Request, secret: string): boolean {
  const given = req.headers.get(INTERNAL_AUTH_HEADER);
  if (!given || given.length !== secret.length) return false;
  let diff = 0;
  for (let i = 0; i < secret.length; i++) diff |= given.charCodeAt(i) ^ secret.charCodeAt(i);
  return diff === 0;
}

export function internalHeaders(secret: string): Record<string, string> {
  return { "content-type": "application/json", [INTERNAL_AUTH_HEADER]: secret };
}
