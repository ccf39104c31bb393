// The built UI in real Chromium (playwright-core + Debian's chromium), with the Tauri IPC replaced by the same fake
// backend the unit tests use. Every flow at phone (360×740) and desktop (1280×800) size, axe-core on every screen,
// the main screens in Arabic and Farsi (right-to-left), and screenshots for the README.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium, seriousViolations } from './chromium.mjs'
import { messages, openApp, serveDist } from './serve.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
// Written where the README shows them: the screenshots in the README come from this test.
const screenshots = join(root, '..', 'docs', 'screenshots')

let server, browser, base

before(async () => {
  ;({ server, base } = await serveDist(dist))
  browser = await launchChromium()
  await mkdir(screenshots, { recursive: true })
})

after(async () => {
  await browser?.close()
  server?.close()
})

function open(viewport, initial, locale = 'nl') {
  return openApp(browser, base, { viewport, initial, locale })
}

async function axe(page, name) {
  assert.deepEqual(await seriousViolations(page), [], `${name}: serious accessibility violations`)
}

async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`) })
}

for (const [size, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
  test(`first start, unlock, home and quick exit (${size})`, async () => {
    const { page, context, errors } = await open(viewport, 'setup')
    await page.getByRole('heading', { name: 'Welkom bij Sleutel' }).waitFor()
    await axe(page, `first start ${size}`)
    // The always-visible quick-exit button must not cover the content.
    const exit = await page.getByRole('button', { name: 'Snel weg' }).boundingBox()
    const title = await page.getByRole('heading', { name: 'Welkom bij Sleutel' }).boundingBox()
    assert.ok(exit.y + exit.height <= title.y || title.y + title.height <= exit.y, 'quick exit overlaps the title')
    await shot(page, `first-start-${size}`)
    await page.getByLabel('Wachtzin', { exact: true }).fill('juiste wachtzin')
    await page.getByLabel('Herhaal de wachtzin').fill('juiste wachtzin')
    await page.getByRole('button', { name: 'Doorgaan' }).click()
    await page.getByTestId('recovery-code').waitFor()
    await axe(page, `recovery code ${size}`)
    await page.getByLabel('Ik heb de code opgeschreven').check()
    await page.getByRole('button', { name: 'Klaar' }).click()

    await page.getByRole('heading', { name: 'Ontgrendelen' }).waitFor()
    await page.getByLabel('Wachtzin').fill('fout')
    await page.getByRole('button', { name: 'Ontgrendelen' }).click()
    await page.getByRole('alert').waitFor()
    assert.equal(await page.getByRole('alert').textContent(), 'Dat klopt niet. Probeer het opnieuw.')
    assert.equal(await page.getByTestId('attempts-left').textContent(), 'Nog 2 keer proberen. Daarna moet je even wachten.')
    assert.equal(await page.getByLabel('Wachtzin').inputValue(), '', 'a wrong passphrase is cleared')
    await axe(page, `unlock ${size}`)
    await shot(page, `unlock-${size}`)
    await page.getByLabel('Wachtzin').fill('juiste wachtzin')
    await page.getByRole('button', { name: 'Ontgrendelen' }).click()

    await page.getByTestId('follow-ups').waitFor()
    await axe(page, `home ${size}`)
    // Tap targets: every button at least 44 px in both directions.
    const small = await page.$$eval('button', (els) =>
      els.map((b) => b.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length)
    assert.equal(small, 0, 'buttons smaller than 44 px')

    await page.getByRole('button', { name: 'Snel weg' }).click()
    await page.getByRole('heading', { name: 'Notities' }).waitFor()
    await axe(page, `neutral ${size}`)
    assert.ok((await page.evaluate(() => window.__calls.map((c) => c.cmd))).includes('lock'))
    assert.doesNotMatch(await page.textContent('body'), /Sleutel|Huisbezoek|Doorverwijzing/)
    assert.deepEqual(errors, [], 'no errors in the page (CSP included)')
    await context.close()
  })
}

async function noSmallButtons(page, name) {
  const small = await page.$$eval('button, .chip, .choice', (els) =>
    els.map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 44 || r.height < 44)).length)
  assert.equal(small, 0, `${name}: tap targets smaller than 44 px`)
}

for (const [size, viewport] of [['phone', { width: 360, height: 740 }], ['desktop', { width: 1280, height: 800 }]]) {
  test(`record a visit, a meeting and a referral; referrals, my work, sync and settings (${size})`, async () => {
    const { page, context, errors } = await open(viewport, 'unlocked')
    await page.getByRole('heading', { name: 'Overzicht' }).waitFor()

    // A home visit: defaults filled in, who and a theme tapped, a warning for a phone number under "more", save.
    await page.locator('main').getByRole('button', { name: 'Huisbezoek', exact: true }).click()
    await page.getByRole('heading', { name: 'Huisbezoek' }).waitFor()
    await page.getByText('Vrouw', { exact: true }).click()
    await page.getByText('Opvoeding').click()
    await page.getByRole('button', { name: 'Meer invullen', exact: true }).click()
    await page.getByLabel(/Notities/).fill('belt terug via 0612345678')
    await page.getByTestId('pii-warnings').waitFor()
    await axe(page, `activity form ${size}`)
    await noSmallButtons(page, `activity form ${size}`)
    await shot(page, `activity-form-${size}`)
    await page.getByLabel(/Notities/).fill('belt zelf terug')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).waitFor()
    await axe(page, `home with a toast ${size}`)
    await shot(page, `home-${size}`)

    // A group meeting with the tally counters typed in.
    await page.locator('main').getByRole('button', { name: 'Bijeenkomst', exact: true }).click()
    await page.getByLabel('Vrouwen', { exact: true }).fill('14')
    await page.getByLabel('Mannen', { exact: true }).fill('3')
    await page.getByText('Isolement').click()
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).waitFor()
    const meeting = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'record_activity').at(-1).args.input)
    assert.deepEqual([meeting.kind, meeting.women, meeting.men], ['group_meeting', 14, 3])

    // A referral: its code is shown once saved; it is listed under its status.
    await page.locator('main').getByRole('button', { name: 'Doorverwijzing', exact: true }).click()
    await page.getByLabel('Verwezen naar').waitFor()
    await axe(page, `referral form ${size}`)
    await noSmallButtons(page, `referral form ${size}`)
    await shot(page, `referral-form-${size}`)
    await page.getByLabel('Verwezen naar').selectOption('wijkteam')
    await page.getByText('Ja', { exact: true }).click()
    await page.getByText('Opvoeding').click()
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByText(/Opgeslagen met code/).waitFor()
    await page.getByRole('region', { name: 'Doorverwezen (1)' }).waitFor()
    await page.getByRole('button', { name: 'Bijwerken', exact: true }).click()
    await page.getByLabel('Wat is er nu gebeurd?', { exact: true }).selectOption('contact_confirmed')
    await axe(page, `referral update ${size}`)
    await page.locator('.card-update').getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByRole('region', { name: 'Contact bevestigd (1)' }).waitFor()
    await page.getByText('Opgeslagen. Nu bij: Contact bevestigd.').waitFor()
    await axe(page, `referrals ${size}`)
    await shot(page, `referrals-${size}`)

    await page.getByRole('button', { name: 'Mijn werk', exact: true }).click()
    await page.getByRole('table', { name: 'Activiteiten per maand' }).waitFor()
    assert.equal(await page.getByTestId('recent-activity').count(), 2)
    await axe(page, `my work ${size}`)
    await shot(page, `my-work-${size}`)

    // Edit the meeting (the newest), then delete it and undo the delete.
    await page.getByTestId('recent-activity').first().getByRole('button', { name: 'Wijzigen', exact: true }).click()
    assert.equal(await page.getByLabel('Vrouwen', { exact: true }).inputValue(), '14')
    await page.getByLabel('Vrouwen', { exact: true }).fill('15')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByText('Wijziging opgeslagen.').waitFor()
    const edited = await page.evaluate(() => window.__calls.filter((c) => c.cmd === 'update_activity').at(-1).args)
    assert.equal(edited.input.women, 15)
    await page.getByTestId('recent-activity').first().getByRole('button', { name: 'Verwijderen', exact: true }).click()
    await page.getByText('Verwijderd.').waitFor()
    assert.equal(await page.getByTestId('recent-activity').count(), 1)
    await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).click()
    await page.getByText('Teruggezet.').waitFor()
    assert.equal(await page.getByTestId('recent-activity').count(), 2)

    await page.getByRole('button', { name: 'Meer', exact: true }).click()
    await page.getByRole('button', { name: 'Cijfers versturen', exact: true }).click()
    await page.getByLabel('Adres van de coördinator').fill('https://sleutel.example.nl')
    await page.getByLabel('Koppelcode').fill('DEMO-CODE-2026')
    await axe(page, `enrol ${size}`)
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click()
    await page.getByTestId('sync-status').waitFor()
    await page.getByRole('button', { name: 'Nu versturen', exact: true }).click()
    await page.getByText('Verstuurd.', { exact: true }).waitFor()
    await axe(page, `sync ${size}`)
    await shot(page, `sync-${size}`)

    await page.getByRole('button', { name: 'Meer', exact: true }).click()
    await page.getByRole('button', { name: 'Instellingen', exact: true }).click()
    await page.getByLabel('Automatisch vergrendelen na').selectOption('5')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByText('Instellingen opgeslagen.').waitFor()
    await page.getByRole('button', { name: 'Reservekopie maken', exact: true }).click()
    await page.getByText(/Reservekopie gemaakt/).waitFor()
    await axe(page, `settings ${size}`)
    await noSmallButtons(page, `settings ${size}`)
    await shot(page, `settings-${size}`)
    // The UI itself never touched the network: every request went to the page's own server.
    assert.deepEqual(errors, [], 'no errors in the page (CSP included)')
    await context.close()
  })
}

// The right-to-left languages, Arabic and Farsi, with their texts read from the translation files the app uses.
// Screenshots for the README come from Arabic only.
for (const locale of ['ar', 'fa']) {
  const texts = await messages(locale)

  test(`the main screens in ${locale} are right-to-left and accessible`, async () => {
    const { page, context, errors } = await open({ width: 360, height: 740 }, 'locked', locale)
    await page.getByRole('heading', { name: texts['unlock-title'] }).waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl')
    await axe(page, `unlock ${locale}`)
    await page.getByLabel(texts['passphrase-label'], { exact: true }).fill('juiste wachtzin')
    await page.getByRole('button', { name: texts['unlock-button'], exact: true }).click()
    await page.getByTestId('follow-ups').waitFor()
    await axe(page, `home ${locale}`)
    if (locale === 'ar') await shot(page, 'home-ar-phone')
    // Right-to-left for real: the quick-exit button sits at the left edge.
    const box = await page.getByRole('button', { name: texts['quick-exit'], exact: true }).boundingBox()
    assert.ok(box.x < 100, `quick exit should be on the left in RTL, is at x=${box.x}`)
    for (const [action, name] of [['action-home-visit', 'activity form'], ['action-referral', 'referral form']]) {
      await page.locator('main').getByRole('button', { name: texts[action], exact: true }).click()
      await page.locator('form').waitFor()
      await axe(page, `${name} ${locale}`)
      if (locale === 'ar') await shot(page, `${name.replace(' ', '-')}-ar-phone`)
      // Labels start at the right edge of the form in right-to-left.
      const label = await page.locator('form label').first().boundingBox()
      const form = await page.locator('form').boundingBox()
      assert.ok(label.x + label.width > form.x + form.width - 8, `${name}: label not right-aligned in RTL`)
      await page.getByRole('button', { name: texts['cancel-button'], exact: true }).click()
      await page.getByRole('button', { name: texts['nav-home'], exact: true }).click()
    }
    for (const nav of ['nav-referrals', 'nav-work', 'nav-more']) {
      await page.getByRole('button', { name: texts[nav], exact: true }).click()
      await page.locator('h1').waitFor()
      await axe(page, `${nav} ${locale}`)
    }
    assert.deepEqual(errors, [])
    await context.close()
  })
}
