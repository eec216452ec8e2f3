import { describe, expect, it } from "vitest";
import {
  CSV_MAX_ROWS,
  CSV_TEMPLATE,
  mapHeaders,
  parseBookingCsv,
  parseCsvDate,
  planImport,
  type ExistingBooking,
  type ParseOptions,
} from "../../domain/booking-csv";

const ROOMS = [
  { id: "room-101", name: "Room 101", retired: false },
  { id: "room-102", name: "Room 102", retired: false },
  { id: "room-old", name: "Garden Suite", retired: true },
];
const opts: ParseOptions = { dateOrder: "iso", rooms: ROOMS, country: "GB" };

describe("mapHeaders", () => {
  it("recognises the aliases PMS exports use, whatever the case and punctuation", () => {
    const m = mapHeaders(["Confirmation code", "UNIT", "Check-in", "Check-out", "Guest Name", "Nights"]);
    expect(m.columns).toEqual({
      bookingRef: "Confirmation code",
      room: "UNIT",
      checkInDate: "Check-in",
      checkOutDate: "Check-out",
      guestName: "Guest Name",
    });
    expect(m.ignored).toEqual(["Nights"]);
    expect(m.problems).toEqual([]);
    expect(mapHeaders(["Reservation ID", "Room", "Arrival", "Departure"]).problems).toEqual([]);
  });

  it("names each missing required column and each ambiguous pair", () => {
    expect(mapHeaders(["Room", "Arrival"]).problems).toEqual([
      'No booking reference column (for example "Booking ref").',
      'No checkout date column (for example "Departure").',
    ]);
    expect(mapHeaders(["Booking ref", "Reference", "Room", "Arrival", "Departure"]).problems).toEqual([
      'Columns "Booking ref" and "Reference" both look like booking reference.',
    ]);
  });
});

describe("parseCsvDate", () => {
  it("reads dates in the declared order and always understands ISO", () => {
    expect(parseCsvDate("2026-07-03", "day-first")).toBe("2026-07-03");
    expect(parseCsvDate("03/07/2026", "day-first")).toBe("2026-07-03");
    expect(parseCsvDate("3.7.2026", "day-first")).toBe("2026-07-03");
    expect(parseCsvDate("07/03/2026", "month-first")).toBe("2026-07-03");
    expect(parseCsvDate("2026-07-03T15:00:00Z", "iso")).toBe("2026-07-03");
  });

  it("never guesses: an impossible or undeclared format is refused", () => {
    expect(parseCsvDate("03/07/2026", "iso")).toBeNull();
    expect(parseCsvDate("13/31/2026", "day-first")).toBeNull();
    expect(parseCsvDate("31/12/26", "day-first")).toBeNull();
    expect(parseCsvDate("2026-02-29", "iso")).toBeNull();
  });
});

describe("parseBookingCsv", () => {
  it("reads the template", () => {
    const parsed = parseBookingCsv(CSV_TEMPLATE, opts);
    expect(parsed.problems).toEqual([]);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        bookingRef: "AB1234",
        roomId: "room-101",
        checkInDate: "2026-07-01",
        checkOutDate: "2026-07-04",
        earlyCheckInTime: null,
        lateCheckoutTime: "13:00",
        expectedGuestName: "Ada Lovelace",
        expectedGuestSurname: "lovelace",
        expectedGuestEmail: "ada@example.com",
        expectedGuestPhone: "+447700900123",
        status: "confirmed",
      },
    ]);
  });

  it("takes semicolons, a BOM, day-first dates, split names and national phone numbers", () => {
    const csv =
      "\uFEFFReservation ID;Unit;Arrival;Departure;First name;Last name;Mobile\r\n" +
      "hm 12345;101;03/07/2026;05/07/2026;Grace;Hopper;07700 900456\r\n";
    const parsed = parseBookingCsv(csv, { ...opts, dateOrder: "day-first" });
    expect(parsed.invalid).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      bookingRef: "HM12345",
      roomId: "room-101",
      checkInDate: "2026-07-03",
      checkOutDate: "2026-07-05",
      expectedGuestName: "Grace Hopper",
      expectedGuestPhone: "+447700900456",
    });
  });

  it("gives every bad row its line number and a plain reason", () => {
    const csv = [
      "Booking ref,Room,Arrival,Departure,Late checkout,Email,Phone,Status",
      "GOOD01,Room 101,2026-07-01,2026-07-02,,,,",
      ",Room 101,2026-07-01,2026-07-02,,,,",
      "BAD-REF,Room 101,2026-07-01,2026-07-02,,,,",
      "GOOD01,Room 102,2026-07-01,2026-07-02,,,,",
      "NOROOM,Room 999,2026-07-01,2026-07-02,,,,",
      "RETIRED,Garden Suite,2026-07-01,2026-07-02,,,,",
      "BADDATE,Room 101,01/07/2026,2026-07-02,,,,",
      "BACKWARD,Room 101,2026-07-05,2026-07-02,,,,",
      "LATE99,Room 101,2026-07-01,2026-07-02,25:00,,,",
      "MAIL01,Room 101,2026-07-01,2026-07-02,,not-an-email,,",
      "PHONE1,Room 101,2026-07-01,2026-07-02,,,12,",
      "STATUS1,Room 101,2026-07-01,2026-07-02,,,,pending",
      "SHORT1,Room 101",
    ].join("\n");
    const parsed = parseBookingCsv(csv, opts);
    expect(parsed.rows.map((r) => r.bookingRef)).toEqual(["GOOD01"]);
    expect(parsed.invalid).toEqual([
      { line: 3, bookingRef: null, reason: "The booking reference is missing." },
      { line: 4, bookingRef: "BAD-REF", reason: "The booking reference must be 4 to 16 letters or digits." },
      { line: 5, bookingRef: "GOOD01", reason: "The reference GOOD01 is also on line 2." },
      { line: 6, bookingRef: "NOROOM", reason: 'There is no room called "Room 999".' },
      { line: 7, bookingRef: "RETIRED", reason: "Garden Suite is retired." },
      { line: 8, bookingRef: "BADDATE", reason: 'The check-in date "01/07/2026" is not a date like 2026-07-31.' },
      { line: 9, bookingRef: "BACKWARD", reason: "The checkout date is not after the check-in date." },
      { line: 10, bookingRef: "LATE99", reason: 'The late checkout time "25:00" is not a time like 13:00.' },
      { line: 11, bookingRef: "MAIL01", reason: 'The email "not-an-email" is not an email address.' },
      { line: 12, bookingRef: "PHONE1", reason: 'The phone number "12" is not a phone number.' },
      { line: 13, bookingRef: "STATUS1", reason: 'The status "pending" is not one of confirmed or cancelled.' },
      { line: 14, bookingRef: "SHORT1", reason: "The row has a different number of columns from the header." },
    ]);
  });

  it("refuses a file without the columns it needs, or with too many rows, as a whole", () => {
    expect(parseBookingCsv("Name,Nights\nAda,2\n", opts).problems).toHaveLength(4);
    expect(parseBookingCsv("", opts).problems).toEqual(["The file is empty."]);
    const rows = Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => `R${100000 + i},Room 101,2026-07-01,2026-07-02`);
    const big = parseBookingCsv(`Ref,Room,Arrival,Departure\n${rows.join("\n")}`, opts);
    expect(big.problems).toEqual([`The file has ${CSV_MAX_ROWS + 1} rows; import at most ${CSV_MAX_ROWS} at a time.`]);
  });
});

describe("planImport", () => {
  const csv = [
    "Booking ref,Room,Arrival,Departure,Guest name,Status",
    "NEW001,Room 101,2026-07-01,2026-07-02,Ada Lovelace,",
    "SAME01,Room 101,2026-07-01,2026-07-02,Alan Turing,",
    "MOVED1,Room 102,2026-07-01,2026-07-03,Grace Hopper,",
    "INNOW1,Room 102,2026-07-01,2026-07-02,Tony Hoare,",
    "INNOW2,Room 101,2026-07-01,2026-07-02,Tony Hoare,",
    "NOSHOW,Room 101,2026-07-01,2026-07-02,Edsger Dijkstra,confirmed",
    "THEIRS,Room 101,2026-07-01,2026-07-02,,",
  ].join("\n");
  const base = {
    propertyMatches: true,
    roomId: "room-101",
    status: "confirmed" as const,
    checkInDate: "2026-07-01",
    checkOutDate: "2026-07-02",
    earlyCheckInTime: null,
    lateCheckoutTime: null,
    expectedGuestEmail: null,
    expectedGuestPhone: null,
  };
  const existing = new Map<string, ExistingBooking>([
    ["SAME01", { ...base, bookingRef: "SAME01", expectedGuestName: "Alan Turing" }],
    ["MOVED1", { ...base, bookingRef: "MOVED1", expectedGuestName: "Grace Hopper" }],
    ["INNOW1", { ...base, bookingRef: "INNOW1", expectedGuestName: "Tony Hoare", status: "checked_in" }],
    ["INNOW2", { ...base, bookingRef: "INNOW2", expectedGuestName: "Sir Tony Hoare", status: "checked_in" }],
    ["NOSHOW", { ...base, bookingRef: "NOSHOW", expectedGuestName: "Edsger Dijkstra", status: "no_show" }],
    ["THEIRS", { ...base, bookingRef: "THEIRS", expectedGuestName: null, propertyMatches: false }],
  ]);

  it("sorts rows into new, changed and unchanged by reference", () => {
    const plan = planImport(parseBookingCsv(csv, opts), existing);
    expect(plan.create.map((r) => r.bookingRef)).toEqual(["NEW001"]);
    expect(plan.update.map((r) => r.bookingRef)).toEqual(["MOVED1", "INNOW2"]);
    expect(plan.unchanged).toBe(2);
    expect(plan.invalid).toEqual([
      {
        line: 5,
        bookingRef: "INNOW1",
        reason:
          "The guest has already checked in and their door codes were not made by Frontdoor: " +
          "change the codes on the locks, then the booking.",
      },
      { line: 8, bookingRef: "THEIRS", reason: "That reference is already used by another property." },
    ]);
    expect(plan.follow).toEqual([]);
  });

  it("lets a file move or cancel a checked-in booking whose codes Frontdoor holds, and lists it to follow", () => {
    const held = new Map(existing);
    held.set("INNOW1", { ...existing.get("INNOW1")!, checkinSessionId: "sess-1", reservationId: "res-1" });
    const cancelling = csv.replace(
      "INNOW2,Room 101,2026-07-01,2026-07-02,Tony Hoare,",
      "INNOW2,Room 101,2026-07-01,2026-07-02,Sir Tony Hoare,cancelled",
    );
    held.set("INNOW2", { ...existing.get("INNOW2")!, checkinSessionId: "sess-2", reservationId: "res-2" });
    const plan = planImport(parseBookingCsv(cancelling, opts), held);
    expect(plan.update.map((r) => [r.bookingRef, r.status])).toEqual([
      ["MOVED1", "confirmed"],
      ["INNOW1", "confirmed"],
      ["INNOW2", "cancelled"],
    ]);
    expect(plan.follow.map((f) => [f.row.bookingRef, f.row.roomId, f.before.checkinSessionId])).toEqual([
      ["INNOW1", "room-102", "sess-1"],
      ["INNOW2", "room-101", "sess-2"],
    ]);
    expect(plan.invalid.map((r) => r.bookingRef)).toEqual(["THEIRS"]);
  });

  it("finds nothing to do when the same rows are planned against what they created", () => {
    const parsed = parseBookingCsv(csv, opts);
    const stored = new Map<string, ExistingBooking>(
      parsed.rows.map((r) => [r.bookingRef, { ...r, propertyMatches: true, status: r.status }]),
    );
    const again = planImport(parsed, stored);
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
    expect(again.unchanged).toBe(parsed.rows.length);
  });
});
