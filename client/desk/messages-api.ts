// The Outbox page's and Messages settings' HTTP calls, through the desk's one fetch helper.
import {
  type MessageSettingsBody,
  messageSettingsResponse,
  outboxResponse,
  resendResponse,
  type WordingBody,
  wordingPreviewResponse,
  wordingResponse,
  wordingTestResponse,
} from "../../shared/messages-protocol";
import { call } from "./api";

const wordingPath = (kind: string, language: string) =>
  `/message-wording/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`;

export const messagesApi = {
  outbox: (after?: string) => call(`/outbox${after ? `?after=${encodeURIComponent(after)}` : ""}`, outboxResponse),
  settings: () => call("/message-settings", messageSettingsResponse),
  saveSettings: (body: MessageSettingsBody) =>
    call("/message-settings", messageSettingsResponse, { method: "PUT", body }),
  testSend: () => call("/message-settings/test", resendResponse, { method: "POST" }),
  wording: (kind: string, language: string) => call(wordingPath(kind, language), wordingResponse),
  previewWording: (kind: string, language: string, body: WordingBody) =>
    call(`${wordingPath(kind, language)}/preview`, wordingPreviewResponse, { method: "POST", body }),
  saveWording: (kind: string, language: string, body: WordingBody) =>
    call(wordingPath(kind, language), wordingResponse, { method: "PUT", body }),
  resetWording: (kind: string, language: string) =>
    call(wordingPath(kind, language), wordingResponse, { method: "DELETE" }),
  testWording: (kind: string, language: string) =>
    call(`${wordingPath(kind, language)}/test`, wordingTestResponse, { method: "POST", body: { channel: "email" } }),
  resend: (bookingRef: string, kind: "invitation" | "door-code") =>
    call(`/bookings/${encodeURIComponent(bookingRef)}/resend`, resendResponse, { method: "POST", body: { kind } }),
};
