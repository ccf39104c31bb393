// Every screen fits a phone in every language: at 360×740 in nl, en, tr, ar, pl, so, ti and fa, no screen scrolls
// sideways, no control is smaller than 44 px or hidden under a fixed bar, the tab bar's labels are 14 px or more and
// never break inside a word, the quick forms need no scrolling at all, and Arabic and Farsi show one kind of digits
// (Latin: no Arabic-Indic U+0660–U+0669, no Persian U+06F0–U+06F9).
// The built UI in Chromium with the fake backend, as in flows.test.mjs.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from './chromium.mjs'
import { messages, openApp, serveDist } from './serve.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const LOCALES = ['nl', 'en', 'tr', 'ar', 'pl', 'so', 'ti', 'fa']
const PHONE = { width: 360, height: 740 }
// As the app on a phone sees itself: what only phones show (the QR-code scan button) is laid out here too.
const PHONE_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36'

let server, browser, base
before(async () => {
  ;({ server, base } = await serveDist(join(root, 'dist')))
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  server?.close()
})

function open(initial, locale) {
  return openApp(browser, base, { viewport: PHONE, initial, locale, userAgent: PHONE_AGENT })
}

/** What is wrong with the layout of the screen on show; an empty list when it fits. */
function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = []
    const vw = window.innerWidth
    if (document.documentElement.scrollWidth > vw) problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px`)
    for (const el of document.querySelectorAll('main *, nav *, .toast *')) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) {
        problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" sticks out (${Math.round(r.left)}–${Math.round(r.right)})`)
        break
      }
    }
    const visible = (el) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    }
    // Tap targets: buttons, fields, and the labels that carry a checkbox or radio (the box itself is inside).
    const targets = [...document.querySelectorAll('button, select, input:not([type=radio]):not([type=checkbox]), textarea, label.chip, label.choice, label.check')].filter(visible)
    for (const el of targets) {
      const r = el.getBoundingClientRect()
      if (r.width < 44 || r.height < 44) problems.push(`small target (${Math.round(r.width)}×${Math.round(r.height)}): ${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 30)}"`)
    }
    // Covered controls: bring each to the middle of the screen and see what a tap there would hit.
    const start = window.scrollY
    for (const el of targets) {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' })
      const r = el.getBoundingClientRect()
      for (const [x, y] of [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 4, r.top + 4], [r.right - 4, r.bottom - 4]]) {
        if (y < 0 || y > window.innerHeight) continue
        const hit = document.elementFromPoint(x, y)
        if (hit && !el.contains(hit) && !hit.contains(el)) {
          problems.push(`covered: ${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 30)}" under ${hit.tagName.toLowerCase()}.${hit.className}`)
          break
        }
      }
    }
    window.scrollTo({ top: start, behavior: 'instant' })
    for (const label of document.querySelectorAll('.nav-label')) {
      const size = parseFloat(getComputedStyle(label).fontSize)
      if (size < 14) problems.push(`tab label "${label.textContent}" is ${size} px`)
      // Breaking inside a word is switched off, so a word too long for its tab would stick out: catch that.
      if (label.scrollWidth > label.clientWidth + 1 || label.getBoundingClientRect().width > label.parentElement.getBoundingClientRect().width + 0.5) {
        problems.push(`tab label "${label.textContent}" does not fit its tab`)
      }
    }
    // Arabic-Indic (U+0660–U+0669) or Persian (U+06F0–U+06F9) digits next to the Latin ones of fields and codes.
    if (['ar', 'fa'].includes(document.documentElement.lang) && /[\u0660-\u0669\u06F0-\u06F9]/.test(document.body.innerText)) {
      problems.push('Arabic-Indic or Persian digits next to Latin ones')
    }
    return problems
  })
}

async function fits(page, name) {
  assert.deepEqual(await layoutProblems(page), [], `${name}: does not fit a 360×740 phone`)
}

/** The page needs no scrolling at all (the quick forms). */
async function noScroll(page, name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  assert.ok(height <= PHONE.height, `${name}: ${height} px high, needs scrolling on a 740 px phone`)
}

for (const locale of LOCALES) {
  test(`every screen fits a 360×740 phone (${locale})`, async () => {
    const m = await messages(locale)
    const first = await open('setup', locale)
    await first.page.locator('h1').waitFor()
    await fits(first.page, `${locale} first start`)
    await first.page.locator('#passphrase').fill('juiste wachtzin')
    await first.page.locator('#repeat').fill('juiste wachtzin')
    await first.page.locator('form button[type=submit]').click()
    await first.page.getByTestId('recovery-code').waitFor()
    await fits(first.page, `${locale} recovery code`)
    // Each group of the recovery code stays on one line.
    const broken = await first.page.$$eval('.code-group', (groups) => groups.filter((g) => g.getClientRects().length > 1).length)
    assert.equal(broken, 0, `${locale}: a recovery code group wraps`)
    await first.context.close()

    const { page, context } = await open('locked', locale)
    await page.locator('#secret').fill('fout')
    await page.locator('form button[type=submit]').click()
    await page.getByTestId('attempts-left').waitFor()
    assert.equal(await page.locator('#secret').inputValue(), '', `${locale}: a wrong passphrase stays in the field`)
    await fits(page, `${locale} unlock`)
    await page.locator('#secret').fill('juiste wachtzin')
    await page.locator('form button[type=submit]').click()
    await page.getByTestId('month-totals').waitFor()
    await fits(page, `${locale} home`)

    for (const action of ['action-conversation', 'action-home-visit', 'action-meeting', 'action-referral']) {
      await page.locator('main').getByRole('button', { name: m[action], exact: true }).click()
      await page.locator('form').waitFor()
      await page.locator('.more-toggle').waitFor()
      await fits(page, `${locale} ${action}`)
      await noScroll(page, `${locale} ${action} (quick)`)
      await page.locator('.more-toggle').click()
      // For an activity, every line of "for yourself" open: a talk asked, with the device's name.
      if (action !== 'action-referral') await page.locator('#debrief').check()
      await fits(page, `${locale} ${action} with more`)
      await page.locator('.form-actions button.secondary').click()
      // Cancel goes back where the form came from: home, or the referrals for a referral.
      if (action === 'action-referral') await page.getByRole('button', { name: m['nav-home'], exact: true }).click()
      await page.getByTestId('month-totals').waitFor()
    }

    // Records to show: a conversation (theme, save) and a referral, then the screens that list them.
    await page.locator('main').getByRole('button', { name: m['action-conversation'], exact: true }).click()
    await page.locator('input[name=themes]').first().check()
    await page.locator('form button[type=submit]').click()
    await page.getByTestId('toast').waitFor()
    await fits(page, `${locale} home with a toast`)
    await page.locator('main').getByRole('button', { name: m['action-referral'], exact: true }).click()
    await page.locator('#destination').selectOption('veilig_thuis')
    await page.locator('input[name=themes]').first().check()
    await page.locator('form button[type=submit]').click()
    await page.getByTestId('referral').first().waitFor()
    await fits(page, `${locale} referrals`)
    await page.getByTestId('referral').first().locator('button[aria-expanded]').click()
    await page.locator('.card-update').waitFor()
    await fits(page, `${locale} referral update`)
    await page.locator('.card-update .date-field .choice').nth(2).click()
    await page.locator('.calendar').first().waitFor()
    await fits(page, `${locale} referral update with the calendar`)

    for (const [nav, wait] of [['nav-work', '[data-testid=year-totals]'], ['nav-more', '.menu']]) {
      await page.getByRole('button', { name: m[nav], exact: true }).click()
      await page.locator(wait).waitFor()
      await fits(page, `${locale} ${nav}`)
    }
    await page.locator('.menu button').nth(0).click()
    await page.locator('#helplines-heading').waitFor()
    await fits(page, `${locale} support`)
    await page.getByRole('button', { name: m['nav-more'], exact: true }).click()
    await page.locator('.menu button').nth(1).click()
    await page.locator('#coordinator').waitFor()
    await page.getByRole('button', { name: m['enrol-scan-button'], exact: true }).waitFor()
    await fits(page, `${locale} sync (with the phone's QR-code scan)`)
    await page.getByRole('button', { name: m['nav-more'], exact: true }).click()
    await page.locator('.menu button').nth(2).click()
    await page.locator('#auto-lock').waitFor()
    await fits(page, `${locale} settings`)

    await page.locator('.quick-exit').click()
    await page.getByRole('heading', { name: m['neutral-title'] }).waitFor()
    await fits(page, `${locale} neutral`)
    assert.equal(await page.title(), m['neutral-title'], 'the title says what the neutral screen says')
    await context.close()
  })
}
