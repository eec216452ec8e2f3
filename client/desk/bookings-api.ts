// The Bookings, Property and Rooms pages' HTTP calls, through the desk's one fetch helper.
import { z } from "zod/mini";
import {
  deskBooking,
  deskBookingsResponse,
  deskCheckinLinkResponse,
  deskImportResult,
  deskPropertySettings,
  deskRoomsResponse,
  type DeskCreateBookingRequest,
  type DeskEditBookingRequest,
  type DeskPropertySettings,
  type DeskRoomInput,
} from "../../shared/bookings-protocol";
import { deskLockDevicesResponse } from "../../shared/lock-devices-protocol";
import { call } from "./api";

export interface BookingsFilter {
  preset?: string;
  from?: string;
  to?: string;
  q?: string;
  after?: string;
}

const query = (f: BookingsFilter) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
};
const ref = (r: string) => encodeURIComponent(r);
const roomIdOnly = z.object({ roomId: z.string() });
const deleted = z.object({ ok: z.literal(true) });

export const bookingsApi = {
  list: (f: BookingsFilter) => call(`/bookings${query(f)}`, deskBookingsResponse),
  create: (body: DeskCreateBookingRequest) => call("/bookings", deskBooking, { method: "POST", body }),
  edit: (bookingRef: string, body: DeskEditBookingRequest) =>
    call(`/bookings/${ref(bookingRef)}`, deskBooking, { method: "PUT", body }),
  cancel: (bookingRef: string) => call(`/bookings/${ref(bookingRef)}/cancel`, deskBooking, { method: "POST" }),
  noShow: (bookingRef: string) => call(`/bookings/${ref(bookingRef)}/no-show`, deskBooking, { method: "POST" }),
  link: (bookingRef: string) => call(`/bookings/${ref(bookingRef)}/link`, deskCheckinLinkResponse, { method: "POST" }),
  preview: (csv: string, dateOrder: string) =>
    call(`/bookings/import/preview?dateOrder=${dateOrder}`, deskImportResult, { method: "POST", csv }),
  commit: (csv: string, dateOrder: string) =>
    call(`/bookings/import/commit?dateOrder=${dateOrder}`, deskImportResult, { method: "POST", csv }),
  rooms: () => call("/rooms", deskRoomsResponse),
  lockDevices: () => call("/lock-devices", deskLockDevicesResponse),
  addRoom: (body: DeskRoomInput) => call("/rooms", roomIdOnly, { method: "POST", body }),
  editRoom: (roomId: string, body: DeskRoomInput) => call(`/rooms/${ref(roomId)}`, roomIdOnly, { method: "PUT", body }),
  retireRoom: (roomId: string) => call(`/rooms/${ref(roomId)}/retire`, roomIdOnly, { method: "POST" }),
  deleteRoom: (roomId: string) => call(`/rooms/${ref(roomId)}`, deleted, { method: "DELETE" }),
  property: () => call("/property", deskPropertySettings),
  saveProperty: (body: DeskPropertySettings) => call("/property", deskPropertySettings, { method: "PUT", body }),
};

export const TEMPLATE_URL = "/api/desk/bookings/import-template.csv";
