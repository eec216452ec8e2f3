// The unsubscribe pages: server-rendered, no script, one button, GOV.UK-style type and
// spacing, readable at 320 px. English only: the link does not know the guest's language.
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** Enough of the address for the guest to recognise it, not enough to read it off a shoulder. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at > 0) return `${address[0]}•••${address.slice(at)}`;
  return address.length > 4 ? `•••${address.slice(-4)}` : "•••";
}

export const UNSUBSCRIBE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.5;
color:#0b0c0c;background:#fff}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1.5rem}
p{margin:0 0 1.25rem}
.panel{border:5px solid #00703c;padding:1rem 1.25rem;margin-bottom:1.5rem}
.button{font:inherit;font-weight:700;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;
box-shadow:0 2px 0 #002d18;padding:.5rem 1rem;cursor:pointer;min-height:44px}
.button:hover{background:#005a30}
.button:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 2px 0 #0b0c0c}
@media (max-width:40rem){h1{font-size:1.6rem}.button{width:100%}}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/unsubscribe.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface UnsubscribeView {
  propertyName: string;
  propertyPhone: string;
  channel: "email" | "sms";
  address: string;
}

const what = (channel: "email" | "sms") => (channel === "email" ? "emails" : "text messages");

export function confirmPage(view: UnsubscribeView, action: string): string {
  const name = escapeHtml(view.propertyName);
  return page(
    `Stop ${what(view.channel)} from ${view.propertyName}?`,
    `<h1>Stop ${what(view.channel)} from ${name}?</h1>
<p>${name} will stop sending ${what(view.channel)} about your stay to <strong>${escapeHtml(maskAddress(view.address))}</strong>.
Links and door codes you have already received keep working.</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" class="button">Unsubscribe</button>
</form>`,
  );
}

export function donePage(view: UnsubscribeView): string {
  const name = escapeHtml(view.propertyName);
  return page(
    `You are unsubscribed from ${view.propertyName}`,
    `<div class="panel"><h1>You are unsubscribed</h1>
<p>${name} will not send more ${what(view.channel)} to <strong>${escapeHtml(maskAddress(view.address))}</strong>.</p></div>
<p>Changed your mind? Call ${name} on <a href="tel:${escapeHtml(view.propertyPhone)}">${escapeHtml(view.propertyPhone)}</a>.</p>`,
  );
}

export function invalidPage(): string {
  return page(
    "This unsubscribe link does not work",
    `<h1>This unsubscribe link does not work</h1>
<p>It may have been copied incompletely. To stop messages, reply to the email or contact the property directly.</p>`,
  );
}
