// What an incoming SMS asks for. Twilio's default opt-out handling answers these keywords
// itself (and then refuses sends with 21610); Frontdoor records the same choice so it stops
// scheduling messages instead of having them refused. With Advanced Opt-Out, Twilio also
// sends `OptOutType` (STOP / START / HELP), which wins over the words.
const STOP_WORDS = new Set(["STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP"]);

export type InboundIntent = "stop" | "start" | null;

export function inboundIntent(body: string | null, optOutType: string | null): InboundIntent {
  const type = optOutType?.trim().toUpperCase();
  if (type === "STOP") return "stop";
  if (type === "START") return "start";
  const word = (body ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.!]+$/, "")
    .toUpperCase();
  if (STOP_WORDS.has(word)) return "stop";
  if (START_WORDS.has(word)) return "start";
  return null;
}
