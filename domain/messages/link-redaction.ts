// A stored message body keeps the booking's link (check-in or stay) only as long as it is
// needed. Once a real provider has accepted the message, the guest has it in their inbox;
// our copy is for the desk to see what was said, and a stay link in it is a door code one
// click away for anyone who can read the Outbox or a database copy. The local outbox is
// the guest's inbox in development, so it keeps its links clickable.

/** `/stay/<token>` and `/checkin/<token>`: the tokens are 32–64 base64url characters. */
const LINK_TOKEN = /(\/(?:stay|checkin)\/)[A-Za-z0-9_-]{32,64}(?![A-Za-z0-9_-])/g;

export const REDACTED_TOKEN = "\u2022\u2022\u2022";

export function redactLinkTokens(body: string): string;
export function redactLinkTokens(body: string | null): string | null;
export function redactLinkTokens(body: string | null): string | null {
  return body === null ? null : body.replace(LINK_TOKEN, `$1${REDACTED_TOKEN}`);
}
