import fs from "node:fs";
import { Browser, chromium } from "playwright-core";

/** Debian's chromium (`apt-get install -y chromium`); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Headless Chromium with no background traffic (no update, sync or component download). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium est introuvable (${CHROMIUM_PATH}) : le test du tableau de bord en a besoin. ` +
        "Installez-le avec `apt-get install -y chromium` (paquet Debian ; .ci/run le fait), ou indiquez son chemin dans CHROMIUM_PATH.",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
