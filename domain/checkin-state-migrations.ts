// Room storage outlives the code that wrote it: a session stored by an older release is
// brought up to today's shape here, once, as the room loads it. Each format has one
// migration to the next; a format newer than this code is refused rather than misread.
import type { CheckinState, PinState } from "./checkin-flow";

export const STATE_FORMAT = 2;

/** Format 1: stored without a format, and before `pin.vendorContacted` existed. */
export type StoredStateV1 = Omit<CheckinState, "format" | "pin"> & {
  format?: undefined;
  pin: Omit<PinState, "vendorContacted"> & { vendorContacted?: boolean };
};

type StoredState = StoredStateV1 | CheckinState;

/** Format 1 -> 2: a session stored before the marker may have PINs on a lock, so it counts as contacted. */
function fromV1(state: StoredStateV1): CheckinState {
  return { ...state, format: 2, pin: { ...state.pin, vendorContacted: state.pin.vendorContacted ?? true } };
}

export function migrateStoredState(stored: unknown): CheckinState {
  const state = stored as StoredState;
  const format = state.format ?? 1;
  if (format > STATE_FORMAT) {
    throw new Error(`stored check-in state has format ${format}; this code reads up to ${STATE_FORMAT}`);
  }
  return state.format === STATE_FORMAT ? state : fromV1(state as StoredStateV1);
}
