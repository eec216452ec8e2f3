// The guest's websocket to a check-in room: what the wizard sends and what the room answers.
import { z } from "zod/mini";
import type { DetailsInput, ParkingInput } from "../../domain/guest-details";
import { EDITABLE_STEPS } from "../../domain/steps";
import { language, type Same } from "./common";
import { errorCode, fieldErrorCode } from "./errors";
import { publicSessionState } from "./session-state";

/** Raw, as typed; normalisation lives in domain/guest-details.ts. */
export const detailsInput = z.object({
  fullName: z.string().check(z.maxLength(200)),
  phone: z.string().check(z.maxLength(40)),
  phoneCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  email: z.optional(z.string().check(z.maxLength(254))),
});
true satisfies Same<z.infer<typeof detailsInput>, DetailsInput>;

export const parkingInput = z.object({
  hasCar: z.boolean(),
  registration: z.optional(z.string().check(z.maxLength(40))),
});
true satisfies Same<z.infer<typeof parkingInput>, ParkingInput>;

export const clientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("details"), details: detailsInput }),
  z.object({ type: z.literal("parking"), parking: parkingInput }),
  z.object({ type: z.literal("confirm") }),
  /** Go back to edit an earlier step; allowed until confirm succeeds. */
  z.object({ type: z.literal("edit"), step: z.enum(EDITABLE_STEPS) }),
  /** The guest chose a language; the session keeps it so their other devices open in it. */
  z.object({ type: z.literal("language"), language }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export const serverMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("state"), state: publicSessionState }),
  z.object({ type: z.literal("completed"), stayToken: z.string() }),
  /** Sent to the one connection whose message was rejected; nothing changed. */
  z.object({
    type: z.literal("error"),
    code: errorCode,
    message: z.string(),
    /** Per-field reasons for form validation errors. */
    fields: z.optional(z.record(z.string(), fieldErrorCode)),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;
