import { describe, expect, it } from "vitest";
import {
  constantTimeEqual,
  DECOY_PASSWORD_HASH,
  hashPassword,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from "../../domain/password";

describe("password hashing", () => {
  it("stores pbkdf2-sha256 with the Workers-maximum iteration count, a salt and a 32-byte hash", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const [scheme, iterations, salt, hash] = stored.split("$");
    expect(scheme).toBe("pbkdf2-sha256");
    expect(Number(iterations)).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(atob(salt!)).toHaveLength(16);
    expect(atob(hash!)).toHaveLength(32);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("s3cret-passphrase");
    expect(await verifyPassword("s3cret-passphrase", stored)).toBe(true);
    expect(await verifyPassword("s3cret-passphrasE", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same", a)).toBe(true);
    expect(await verifyPassword("same", b)).toBe(true);
  });

  it("reads the iteration count from the stored hash", async () => {
    const cheap = await hashPassword("pw", 1000);
    expect(cheap.split("$")[1]).toBe("1000");
    expect(await verifyPassword("pw", cheap)).toBe(true);
  });

  it("treats malformed or over-limit stored values as a failed match, without throwing", async () => {
    const good = await hashPassword("pw", 1000);
    const [, , salt, hash] = good.split("$");
    for (const bad of [
      "",
      "plain-text",
      `sha1$1000$${salt}$${hash}`,
      `pbkdf2-sha256$abc$${salt}$${hash}`,
      `pbkdf2-sha256$0$${salt}$${hash}`,
      `pbkdf2-sha256$200000$${salt}$${hash}`,
      `pbkdf2-sha256$1000$!!!$${hash}`,
      `pbkdf2-sha256$1000$${salt}$`,
      `pbkdf2-sha256$1000$${salt}$${hash}$extra`,
    ]) {
      expect(await verifyPassword("pw", bad)).toBe(false);
    }
    await expect(hashPassword("pw", 100_001)).rejects.toThrow();
  });

  it("has a decoy hash that is well-formed and matches nothing", async () => {
    expect(await verifyPassword("", DECOY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("frontdoor-admin", DECOY_PASSWORD_HASH)).toBe(false);
  });

  it("compares bytes without short-circuiting on length or content", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([]))).toBe(true);
  });
});
