// What Frontdoor sends a guest, and through what.
export const GUEST_MESSAGE_KINDS = ["invitation", "reminder", "door-code", "code-confirmed"] as const;
export type GuestMessageKind = (typeof GUEST_MESSAGE_KINDS)[number];
export type MessageKind = GuestMessageKind | "test";
export type Channel = "email" | "sms";
export const CHANNELS: readonly Channel[] = ["email", "sms"];
