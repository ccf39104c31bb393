// What every browser test shares: Debian's Chromium through playwright-core, started the same way, and axe-core's
// serious findings on a page. (Not a test file itself: `node --test e2e/` runs only `*.test.mjs`.)
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const axeSource = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

/** Headless Chromium (`CHROMIUM` or Debian's), without the background traffic a test has no use for. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  })
}

/**
 * axe-core's serious and critical violations on the page, as `id: help (elements)`. axe is evaluated through the
 * DevTools protocol, which the page's content security policy does not govern, so the policy stays as strict as
 * in production.
 */
export async function seriousViolations(page) {
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }))
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}
