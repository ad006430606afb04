import {existsSync} from 'node:fs'
import {chromium, type Browser} from 'playwright-core'

/** Debian's Chromium; the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium'

/**
 * Launch Debian's headless Chromium. Fails (never skips) when it is not installed.
 *
 * @returns The browser.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}: run \`apt-get update && apt-get install -y chromium\` (as root) and try again.`)
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}
