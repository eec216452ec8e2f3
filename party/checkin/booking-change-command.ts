// The desk's (or an import's) news that a checked-in booking changed, as the state
// machine's event: the room persists it, announces it, and its alarm moves the codes.
import type { FlowEvent } from "../../domain/checkin-flow";
import type { CheckinCommand } from "../../shared/protocol/internal";

export function bookingChangeEvent(
  command: Extract<CheckinCommand, { type: "stay-changed" | "cancelled" }>,
): FlowEvent {
  return command.type === "cancelled"
    ? { type: "booking-cancelled" }
    : { type: "stay-changed", change: command.change };
}
