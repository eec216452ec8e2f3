// What tests and demos use to look into the message simulator: everything "sent", and a
// guest's reply to the SMS sender. These `/_simulator/*` routes need INTERNAL_SECRET.
import { internalHeaders } from "../internal-auth";
import { messageSimulatorUrl, type SimProvider } from "../messages/connections";
import type { SimEmail } from "./resend";

export interface SimListedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  error_code: number | null;
  messaging_service_sid: string | null;
}

async function simCall(baseUrl: string, secret: string, provider: SimProvider, route: string, body?: object) {
  const res = await fetch(`${messageSimulatorUrl(baseUrl, provider)}/_simulator/${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: internalHeaders(secret),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const data: unknown = await res.json();
  if (!res.ok) throw new Error(`Message simulator ${route} answered ${res.status}: ${JSON.stringify(data)}`);
  return data;
}

export async function simEmails(baseUrl: string, secret: string): Promise<SimEmail[]> {
  return ((await simCall(baseUrl, secret, "resend", "emails")) as { data: SimEmail[] }).data;
}

export async function simSms(baseUrl: string, secret: string): Promise<SimListedSms[]> {
  return ((await simCall(baseUrl, secret, "twilio", "messages")) as { messages: SimListedSms[] }).messages;
}

/** The guest texts the sender (STOP, START, anything): Twilio posts it to /api/webhooks/twilio/inbound. */
export async function simInboundSms(baseUrl: string, secret: string, from: string, body: string): Promise<void> {
  await simCall(baseUrl, secret, "twilio", "inbound", { From: from, Body: body });
}
