/**
 * Debian's Chromium driven by playwright-core: never a downloaded browser (.ci/run installs the
 * `chromium` package when /usr/bin/chromium is missing). Headless, sandbox off (CI runs as root),
 * nothing phoned home, and a fresh empty profile per run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchedBrowser {
  /** The browser's one context, on the fresh profile. */
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport: { width: number; height: number }): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No browser at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium; .ci/run does), or set CHROMIUM_PATH`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'leadgraph-chromium-'));
  // A persistent context is how Playwright takes a profile directory (the --user-data-dir flag).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
