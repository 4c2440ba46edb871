import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium: a test tool's own browser download fails on these machines. */
export const CHROMIUM = process.env.LEDGER_TEST_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. Without chromium they say so in one line with the
 * command that enables them; on CI (which installs it) a missing browser is a failure.
 */
export function chromiumOrSkip(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(`CI must run the browser tests, but ${CHROMIUM} is missing: apt-get install -y chromium`);
  process.stdout.write(`browser tests skipped: no ${CHROMIUM}; apt-get install -y chromium enables them\n`);
  return false;
}

/** Headless chromium as it runs on this machine's closed network, with a profile of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
