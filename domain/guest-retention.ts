// When a guest's personal data goes: a set number of days after checkout (the booked
// checkout for cancelled and no-show bookings too), or earlier when a manager erases it,
// which is refused while the stay is still going.
import { addDays } from "./date-range";
import { localDate, zonedTimeToEpoch } from "./pin-window";

/** The latest checkout date whose bookings are due for anonymising today, in the property's calendar. */
export function lastCheckOutDateToAnonymise(now: number, timeZone: string, retentionDays: number): string {
  return addDays(localDate(now, timeZone), -retentionDays);
}

export interface ErasableBooking {
  status: "confirmed" | "checked_in" | "cancelled" | "no_show";
  checkOutDate: string;
  lateCheckoutTime: string | null;
}

/** Why a manager may not erase this booking's guest data now, or null when they may. */
export function eraseRefusal(
  booking: ErasableBooking,
  property: { timeZone: string; standardCheckoutTime: string },
  now: number,
): string | null {
  if (booking.status === "cancelled" || booking.status === "no_show") return null;
  const checkout = zonedTimeToEpoch(
    booking.checkOutDate,
    booking.lateCheckoutTime ?? property.standardCheckoutTime,
    property.timeZone,
  );
  if (now < checkout) {
    return "This stay has not ended: the guest's details and door code are still in use. Erase them after checkout, or cancel the booking first.";
  }
  return null;
}
