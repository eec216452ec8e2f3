// The pure rules behind "send my stay link again": masking where it went, and who may ask.
import { describe, expect, it } from "vitest";
import { maskContact, maskEmail, maskPhone } from "../../domain/contact-mask";
import { guestResendVersion, resendRefusal } from "../../domain/stay-link-resend";
import { idempotencyKey } from "../../domain/messages/idempotency";

describe("masked contacts", () => {
  it("keeps an email's first character and its domain", () => {
    expect(maskEmail("kate@example.com")).toBe("k•••@example.com");
    expect(maskEmail("K.Sheppard+hotel@mail.example.co.nz")).toBe("K•••@mail.example.co.nz");
    // A first character outside the BMP stays whole.
    expect(maskEmail("😀x@example.com")).toBe("😀•••@example.com");
    expect(maskEmail("not-an-address")).toBe("•••");
    expect(maskEmail("@example.com")).toBe("•••");
  });

  it("keeps a phone's last four digits only", () => {
    expect(maskPhone("+447700900123")).toBe("•••• 0123");
    expect(maskPhone("+1 (415) 555-2671")).toBe("•••• 2671");
  });

  it("masks by channel", () => {
    expect(maskContact("email", "ada@example.com")).toBe("a•••@example.com");
    expect(maskContact("sms", "+34612345678")).toBe("•••• 5678");
  });
});

describe("who may ask", () => {
  it("only a checked-in booking has a stay link to send", () => {
    expect(resendRefusal("checked_in")).toBeNull();
    for (const status of ["confirmed", "cancelled", "no_show"] as const) {
      expect(resendRefusal(status)).toBe("not-checked-in");
    }
  });

  it("each request gets its own key, never the desk's resend version", () => {
    const key = idempotencyKey("res-1", "door-code", "email", guestResendVersion("abc123"));
    expect(key).toBe("res-1:door-code:email:guest-resend-abc123");
    // The desk numbers its resends by counting keys like '%:resend-%': a guest's must not count.
    expect(key.includes(":resend-")).toBe(false);
  });
});
