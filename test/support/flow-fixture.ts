// A check-in session at a known time, shared by the domain and PIN-task unit tests.
import { applyEvent, initialState, type CheckinState, type FlowEvent } from "../../domain/checkin-flow";

export const T0 = Date.UTC(2026, 10, 26, 10, 0);
export const details = { fullName: "  Grace   Hopper ", phone: "07700 900123", email: "Grace@Example.com" };

export function start(): CheckinState {
  return initialState(
    {
      sessionId: "s".repeat(22),
      reservationId: "res-FD1001",
      reservation: {
        bookingRef: "FD1001",
        propertyId: "prop-harbour",
        propertyName: "Harbour House",
        propertyPhone: "+441632960000",
        roomName: "Room 101",
        checkInDate: "2026-11-26",
        checkOutDate: "2026-11-28",
        earlyCheckInTime: null,
        lateCheckoutTime: null,
      },
      locks: {
        roomId: "room-101",
        frontDoorLockId: "lock-front",
        roomLockId: "lock-101",
        timeZone: "Europe/London",
        standardCheckInTime: "15:00",
        standardCheckoutTime: "11:00",
      },
      deviceType: "mobile",
    },
    "482913",
    T0,
  );
}

export function run(state: CheckinState, ...events: FlowEvent[]): CheckinState {
  let s = state;
  for (const e of events) {
    const r = applyEvent(s, e, T0 + s.version);
    if (!r.ok) throw new Error(`${e.type} rejected: ${r.message}`);
    s = r.state;
  }
  return s;
}
