// The fd_staff cookie: HttpOnly so page scripts never see the token, SameSite=Strict so
// no other site can make a browser send it (our CSRF defence for the POST routes), and
// Secure whenever the request itself came over TLS.
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { STAFF_COOKIE } from "../../../domain/staff-session";

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:";
}

export function setStaffCookie(c: Context, token: string, expiresAt: number, now: number) {
  setCookie(c, STAFF_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: "/",
    maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
  });
}

export function clearStaffCookie(c: Context) {
  deleteCookie(c, STAFF_COOKIE, { httpOnly: true, sameSite: "Strict", secure: isHttps(c), path: "/" });
}
