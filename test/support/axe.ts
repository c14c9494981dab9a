import fs from "node:fs";
import type { Page } from "playwright-core";

/**
 * axe-core run inside the page (evaluated through the debugging protocol: the pages' CSP forbids
 * inline scripts); the serious and critical violations, one line each.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run({ resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) : ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}
