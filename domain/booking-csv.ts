// A PMS or channel-manager export, read into bookings: headers mapped by their usual
// aliases, every row checked, then compared with what the property already holds.
// Pure: the caller passes the file's text, the rooms and the existing bookings.
import Papa from "papaparse";
import { isIsoDate } from "./date-range";
import { normaliseTime, stayProblems, surnameKey, type BookingDetails, type ReservationStatus } from "./booking";
import { normalisePhone } from "./guest-details";
import { stayMoved } from "./booking-change";

export const CSV_MAX_ROWS = 20_000;
export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const DATE_ORDERS = ["iso", "day-first", "month-first"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const CSV_FIELDS = [
  "bookingRef",
  "room",
  "checkInDate",
  "checkOutDate",
  "earlyCheckInTime",
  "lateCheckoutTime",
  "guestName",
  "firstName",
  "lastName",
  "email",
  "phone",
  "status",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Header spellings seen in PMS and channel-manager exports, compared without case, spaces or punctuation. */
const ALIASES: Record<CsvField, readonly string[]> = {
  bookingRef: [
    "bookingref",
    "bookingreference",
    "reference",
    "ref",
    "reservationid",
    "reservationnumber",
    "reservationref",
    "confirmationcode",
    "confirmationnumber",
    "bookingid",
    "bookingnumber",
  ],
  room: ["room", "unit", "roomname", "roomnumber", "unitname", "roomno"],
  checkInDate: ["arrival", "arrivaldate", "checkin", "checkindate", "startdate"],
  checkOutDate: ["departure", "departuredate", "checkout", "checkoutdate", "enddate"],
  earlyCheckInTime: ["earlycheckin", "earlycheckintime"],
  lateCheckoutTime: ["latecheckout", "latecheckouttime"],
  guestName: ["guest", "guestname", "name", "fullname", "leadguest", "leadguestname", "primaryguest"],
  firstName: ["firstname", "givenname", "guestfirstname"],
  lastName: ["lastname", "surname", "familyname", "guestlastname"],
  email: ["email", "emailaddress", "guestemail"],
  phone: ["phone", "phonenumber", "guestphone", "mobile", "telephone", "tel"],
  status: ["status", "bookingstatus", "reservationstatus"],
};

export const CSV_TEMPLATE =
  "Booking ref,Room,Arrival,Departure,Early check-in,Late checkout,Guest name,Email,Phone,Status\r\n" +
  "AB1234,Room 101,2026-07-01,2026-07-04,,13:00,Ada Lovelace,ada@example.com,+447700900123,confirmed\r\n";

const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

export interface HeaderMapping {
  columns: Partial<Record<CsvField, string>>;
  ignored: string[];
  /** What makes the file unusable as a whole, in plain words. */
  problems: string[];
}

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const columns: Partial<Record<CsvField, string>> = {};
  const ignored: string[] = [];
  const problems: string[] = [];
  for (const header of headers) {
    const key = headerKey(header);
    const field = CSV_FIELDS.find((f) => ALIASES[f].includes(key));
    if (!field) {
      if (header.trim()) ignored.push(header);
      continue;
    }
    if (columns[field]) problems.push(`Columns "${columns[field]}" and "${header}" both look like ${describe(field)}.`);
    else columns[field] = header;
  }
  for (const required of ["bookingRef", "room", "checkInDate", "checkOutDate"] as const) {
    if (!columns[required]) problems.push(`No ${describe(required)} column (for example "${example(required)}").`);
  }
  return { columns, ignored, problems };
}

function describe(field: CsvField): string {
  const words: Record<CsvField, string> = {
    bookingRef: "booking reference",
    room: "room",
    checkInDate: "check-in date",
    checkOutDate: "checkout date",
    earlyCheckInTime: "early check-in time",
    lateCheckoutTime: "late checkout time",
    guestName: "guest name",
    firstName: "first name",
    lastName: "last name",
    email: "email",
    phone: "phone",
    status: "status",
  };
  return words[field];
}

const example = (field: "bookingRef" | "room" | "checkInDate" | "checkOutDate") =>
  ({ bookingRef: "Booking ref", room: "Room", checkInDate: "Arrival", checkOutDate: "Departure" })[field];

/** A date as the uploader declared their file writes it; ISO is always understood. */
export function parseCsvDate(raw: string, order: DateOrder): string | null {
  const t = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (iso) {
    const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isIsoDate(date) ? date : null;
  }
  if (order === "iso") return null;
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!parts) return null;
  const [a, b] = [Number(parts[1]), Number(parts[2])];
  const [day, month] = order === "day-first" ? [a, b] : [b, a];
  const date = `${parts[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isIsoDate(date) ? date : null;
}

const DATE_HINT: Record<DateOrder, string> = {
  iso: "2026-07-31",
  "day-first": "31/07/2026 or 2026-07-31",
  "month-first": "07/31/2026 or 2026-07-31",
};

export interface CsvRoom {
  id: string;
  name: string;
  retired: boolean;
}

/** A valid row as it would be stored. */
export interface ImportedBooking extends BookingDetails {
  line: number;
  bookingRef: string;
  status: "confirmed" | "cancelled";
}

export interface InvalidRow {
  line: number;
  bookingRef: string | null;
  reason: string;
}

export interface ParsedCsv {
  /** File-level problems: nothing in the file can be imported until they are fixed. */
  problems: string[];
  ignoredColumns: string[];
  rows: ImportedBooking[];
  invalid: InvalidRow[];
}

const REF = /^[A-Z0-9]{4,16}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const roomKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^(room|unit)\s+/, "");
const CANCELLED = ["cancelled", "canceled", "cancel"];
const CONFIRMED = ["confirmed", "booked", "new", "modified", "ok", ""];

export interface ParseOptions {
  dateOrder: DateOrder;
  rooms: readonly CsvRoom[];
  /** The property's country: how a phone number written without +code is read. */
  country: string;
}

export function parseBookingCsv(text: string, opts: ParseOptions): ParsedCsv {
  const empty = (problems: string[], ignoredColumns: string[] = []): ParsedCsv => ({
    problems,
    ignoredColumns,
    rows: [],
    invalid: [],
  });
  if (new TextEncoder().encode(text).byteLength > CSV_MAX_BYTES) return empty(["The file is over 5 MB."]);
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";"],
    transformHeader: (h) => h.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  if (headers.length === 0) return empty(["The file is empty."]);
  const mapping = mapHeaders(headers);
  if (mapping.problems.length) return empty(mapping.problems, mapping.ignored);
  if (parsed.data.length > CSV_MAX_ROWS) {
    return empty(
      [`The file has ${parsed.data.length} rows; import at most ${CSV_MAX_ROWS} at a time.`],
      mapping.ignored,
    );
  }

  const rooms = new Map<string, CsvRoom>();
  for (const room of opts.rooms) {
    rooms.set(roomKey(room.name), room);
    rooms.set(room.id.toLowerCase(), room);
  }
  // Papaparse reports broken rows (an unclosed quote, a short row) by data index.
  const broken = new Map<number, string>();
  for (const e of parsed.errors) {
    if (typeof e.row === "number" && e.code !== "UndetectableDelimiter" && !broken.has(e.row)) {
      broken.set(
        e.row,
        e.code === "MissingQuotes"
          ? "A quote is not closed."
          : "The row has a different number of columns from the header.",
      );
    }
  }

  const rows: ImportedBooking[] = [];
  const invalid: InvalidRow[] = [];
  const firstLineOfRef = new Map<string, number>();
  const get = (record: Record<string, string>, field: CsvField) => {
    const column = mapping.columns[field];
    return column ? (record[column] ?? "").trim() : "";
  };

  const readRow = (record: Record<string, string>, index: number) => {
    const line = index + 2;
    const rawRef = get(record, "bookingRef").replace(/\s+/g, "").toUpperCase();
    const fail = (reason: string) => invalid.push({ line, bookingRef: rawRef || null, reason });
    const brokenReason = broken.get(index);
    if (brokenReason) return fail(brokenReason);
    if (!rawRef) return fail("The booking reference is missing.");
    if (!REF.test(rawRef)) return fail("The booking reference must be 4 to 16 letters or digits.");
    const seenAt = firstLineOfRef.get(rawRef);
    if (seenAt !== undefined) return fail(`The reference ${rawRef} is also on line ${seenAt}.`);
    firstLineOfRef.set(rawRef, line);

    const roomName = get(record, "room");
    if (!roomName) return fail("The room is missing.");
    const room = rooms.get(roomKey(roomName)) ?? rooms.get(roomName.trim().toLowerCase());
    if (!room) return fail(`There is no room called "${roomName}".`);
    if (room.retired) return fail(`${room.name} is retired.`);

    const checkInRaw = get(record, "checkInDate");
    const checkOutRaw = get(record, "checkOutDate");
    const checkInDate = parseCsvDate(checkInRaw, opts.dateOrder);
    const checkOutDate = parseCsvDate(checkOutRaw, opts.dateOrder);
    if (!checkInRaw) return fail("The check-in date is missing.");
    if (!checkInDate) return fail(`The check-in date "${checkInRaw}" is not a date like ${DATE_HINT[opts.dateOrder]}.`);
    if (!checkOutRaw) return fail("The checkout date is missing.");
    if (!checkOutDate)
      return fail(`The checkout date "${checkOutRaw}" is not a date like ${DATE_HINT[opts.dateOrder]}.`);

    const early = get(record, "earlyCheckInTime");
    const late = get(record, "lateCheckoutTime");
    const stay = {
      checkInDate,
      checkOutDate,
      earlyCheckInTime: early ? normaliseTime(early) : null,
      lateCheckoutTime: late ? normaliseTime(late) : null,
    };
    const problems = stayProblems(stay);
    const firstProblem = problems.checkOutDate ?? problems.earlyCheckInTime ?? problems.lateCheckoutTime;
    if (firstProblem) {
      const worded: Record<string, string> = {
        "Checkout must be after check-in": "The checkout date is not after the check-in date.",
        "Enter a time like 12:00": `The early check-in time "${early}" is not a time like 12:00.`,
        "Enter a time like 13:00": `The late checkout time "${late}" is not a time like 13:00.`,
      };
      return fail(worded[firstProblem] ?? `${firstProblem}.`);
    }

    const name =
      get(record, "guestName") || [get(record, "firstName"), get(record, "lastName")].filter(Boolean).join(" ");
    const guestName = name.replace(/\s+/g, " ").slice(0, 120) || null;
    const emailRaw = get(record, "email").toLowerCase();
    if (emailRaw && (!EMAIL.test(emailRaw) || emailRaw.length > 254))
      return fail(`The email "${emailRaw}" is not an email address.`);
    const phoneRaw = get(record, "phone");
    const phone = phoneRaw ? normalisePhone(phoneRaw, opts.country) : null;
    if (phoneRaw && !phone) return fail(`The phone number "${phoneRaw}" is not a phone number.`);

    const statusRaw = get(record, "status").toLowerCase();
    const status = CANCELLED.includes(statusRaw) ? "cancelled" : CONFIRMED.includes(statusRaw) ? "confirmed" : null;
    if (!status) return fail(`The status "${get(record, "status")}" is not one of confirmed or cancelled.`);

    rows.push({
      line,
      bookingRef: rawRef,
      roomId: room.id,
      ...stay,
      expectedGuestName: guestName,
      expectedGuestSurname: surnameKey(guestName),
      expectedGuestEmail: emailRaw || null,
      expectedGuestPhone: phone,
      status,
    });
  };
  for (const [index, record] of parsed.data.entries()) readRow(record, index);
  return { problems: [], ignoredColumns: mapping.ignored, rows, invalid };
}

/** What the property already holds for a reference in the file. */
export interface ExistingBooking {
  bookingRef: string;
  /** false: the reference belongs to another property. */
  propertyMatches: boolean;
  roomId: string;
  status: ReservationStatus;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
  expectedGuestName: string | null;
  expectedGuestEmail: string | null;
  expectedGuestPhone: string | null;
  /** The reservation's id (absent in plans made without the database). */
  reservationId?: string;
  /** The check-in session holding the guest's door codes, when Frontdoor made them. */
  checkinSessionId?: string | null;
}

export interface ImportPlan {
  create: ImportedBooking[];
  update: ImportedBooking[];
  unchanged: number;
  invalid: InvalidRow[];
  /** Updates to checked-in bookings that move or cancel them: their door codes follow before the commit. */
  follow: { row: ImportedBooking; before: ExistingBooking }[];
}

/**
 * New, changed or unchanged, by reference. A checked-in booking's door codes are tied to
 * its room and dates, so an export that moves one is refused for that row; a no-show
 * stays a no-show whatever the export says.
 */
export function planImport(parsed: ParsedCsv, existing: ReadonlyMap<string, ExistingBooking>): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: 0, invalid: [...parsed.invalid], follow: [] };
  for (const row of parsed.rows) {
    const old = existing.get(row.bookingRef);
    if (!old) {
      plan.create.push(row);
      continue;
    }
    if (!old.propertyMatches) {
      plan.invalid.push({
        line: row.line,
        bookingRef: row.bookingRef,
        reason: "That reference is already used by another property.",
      });
      continue;
    }
    const moved = stayMoved(old, row);
    const followed = old.status === "checked_in" && (moved || row.status === "cancelled");
    if (followed && !old.checkinSessionId) {
      plan.invalid.push({
        line: row.line,
        bookingRef: row.bookingRef,
        reason:
          "The guest has already checked in and their door codes were not made by Frontdoor: " +
          "change the codes on the locks, then the booking.",
      });
      continue;
    }
    // A checked-in booking takes a cancellation (its codes are deleted); a no-show stays one.
    const effectiveStatus =
      old.status === "no_show" || (old.status === "checked_in" && row.status !== "cancelled") ? old.status : row.status;
    const same =
      !moved &&
      old.status === effectiveStatus &&
      old.earlyCheckInTime === row.earlyCheckInTime &&
      old.lateCheckoutTime === row.lateCheckoutTime &&
      old.expectedGuestName === row.expectedGuestName &&
      old.expectedGuestEmail === row.expectedGuestEmail &&
      old.expectedGuestPhone === row.expectedGuestPhone;
    if (same) plan.unchanged++;
    else plan.update.push(row);
    if (followed) plan.follow.push({ row, before: old });
  }
  plan.invalid.sort((a, b) => a.line - b.line);
  return plan;
}
