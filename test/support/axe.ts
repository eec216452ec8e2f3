// One accessibility check for every browser test: axe-core against WCAG 2.2 A and AA,
// failing with each violation's rule, count and first few elements.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  // A sandboxed frame (an email's HTML preview) runs no script, so axe cannot be injected into it
  // and waiting for it never ends; the frame element itself is still checked (its title).
  const builder = new AxeBuilder({ page: page as never }).withTags(WCAG_22_AA).exclude("iframe[sandbox]");
  const { violations } = await builder.analyze();
  const where = (v: (typeof violations)[number]) =>
    v.nodes
      .slice(0, 3)
      .map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`)
      .join(" | ");
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.help}: ${where(v)}`)).toEqual([]);
}
