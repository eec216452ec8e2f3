import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { loggableError } from "../../party/log-safe";

describe("loggable errors", () => {
  it("drop query parameters, which carry guests' personal data and PINs", () => {
    const err = new DrizzleQueryError(
      "insert into guest values (?, ?, ?)",
      ["Grace Hopper", "+447700900123", "482913"],
      new Error("SQLITE_BUSY"),
    );
    const logged = loggableError(err);
    expect(logged).toContain("insert into guest");
    expect(logged).toContain("SQLITE_BUSY");
    expect(logged).not.toMatch(/Grace|7700|482913/);
  });
});
