// The Outbox page's and Messages settings' HTTP calls, through the desk's one fetch helper.
import {
  type MessageSettingsBody,
  messageSettingsResponse,
  outboxResponse,
  resendResponse,
} from "../../shared/messages-protocol";
import { call } from "./api";

export const messagesApi = {
  outbox: (after?: string) => call(`/outbox${after ? `?after=${encodeURIComponent(after)}` : ""}`, outboxResponse),
  settings: () => call("/message-settings", messageSettingsResponse),
  saveSettings: (body: MessageSettingsBody) =>
    call("/message-settings", messageSettingsResponse, { method: "PUT", body }),
  testSend: () => call("/message-settings/test", resendResponse, { method: "POST" }),
  resend: (bookingRef: string, kind: "invitation" | "door-code") =>
    call(`/bookings/${encodeURIComponent(bookingRef)}/resend`, resendResponse, { method: "POST", body: { kind } }),
};
