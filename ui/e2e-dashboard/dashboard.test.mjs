// The coordinator dashboard in real Chromium against a real coordinator binary (127.0.0.1, a free port, its own data
// folder) with counts sent by real demo devices (sleutel-demo-devices: encrypted stores, enrolment, signed sync).
// A coordinator and an admin log in; the overview shows what the devices sent and follows the filters; projects,
// devices (code + QR, revocation), exports (the XLSX read back with calamine, the CSV with the organisation's threshold)
// and the audit log work; axe-core finds no serious or critical problem on any page, in Dutch or English; no page
// breaks the content security policy. Screenshots for the README.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises'
import { createHmac } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium, seriousViolations } from '../e2e/chromium.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const coordinatorBinary = process.env.SLEUTEL_COORDINATOR_BINARY
const demoDevicesBinary = process.env.SLEUTEL_DEMO_DEVICES_BINARY
const xlsxRowsBinary = process.env.SLEUTEL_XLSX_ROWS_BINARY
const screenshots = join(root, '..', 'docs', 'screenshots')
const PASSWORD = 'een lang wachtwoord voor de test'

let dataDir, coordinator, base, browser
/** What the demo devices of each organisation counted: `{devices: [{label, months}], months: {YYYY-MM: {…}}}`. */
let sent = {}

function run(binary, args, input) {
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  // A program that reads no input may be gone before its input is closed: that is no failure (its exit code is).
  child.stdin.on('error', () => {})
  child.stdin.end(input ?? '')
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill(), 60_000)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`${binary}: ${e.message}`))
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      code === 0 ? resolve(out) : reject(new Error(`${binary} ${args.join(' ')} exited with ${code}`))
    })
  })
}
const cli = (...args) => run(coordinatorBinary, ['--data-dir', dataDir, ...args])
// The month before this one (UTC, like the coordinator), the latest that can be closed.
const lastMonth = (() => {
  const d = new Date()
  const back = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  return `${back.getUTCFullYear()}-${String(back.getUTCMonth() + 1).padStart(2, '0')}`
})()
// Rows of sleutel-xlsx-rows without the empty cells a sheet's width adds at their end.
const withoutTrailingBlanks = (row) => row.slice(0, row.findLastIndex((cell) => cell !== null) + 1)
const codeOf = (out) => out.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)[0]

async function startCoordinator() {
  coordinator = spawn(
    coordinatorBinary,
    // No --dashboard-dir: the pages built into the binary (make builds it with embedded-dashboard).
    ['--data-dir', dataDir, 'serve', '--bind', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  )
  let log = ''
  coordinator.stdout.on('data', (d) => (log += d))
  coordinator.stderr.on('data', (d) => (log += d))
  for (let i = 0; i < 200; i++) {
    const match = log.replace(/\x1b\[[0-9;]*m/g, '').match(/listening address=(127\.0\.0\.1:\d+)/)
    if (match) return `http://${match[1]}`
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the coordinator did not start:\n${log}`)
}

const thisMonth = () => new Date().toISOString().slice(0, 7)
const sum = (summary, metric, months) =>
  Object.entries(summary.months).filter(([m]) => months(m)).reduce((total, [, v]) => total + (v[metric] ?? 0), 0)
const nl = (n) => new Intl.NumberFormat('nl').format(n)

before(async () => {
  assert.ok(coordinatorBinary && demoDevicesBinary, 'SLEUTEL_COORDINATOR_BINARY and SLEUTEL_DEMO_DEVICES_BINARY')
  dataDir = await mkdtemp(join(tmpdir(), 'sleutel-dashboard-e2e-'))
  await cli('create-organisation', '--name', 'Stichting Oost')
  await cli('create-organisation', '--name', 'Stichting West')
  await cli('create-admin', '--name', 'beheer')
  await run(coordinatorBinary, ['--data-dir', dataDir, 'set-password', '--name', 'beheer'], `${PASSWORD}\n`)
  await cli('create-coordinator', '--name', 'coördinator', '--organisation', 'Stichting Oost')
  await cli('create-municipality', '--name', 'gemeente', '--municipality', 'GM0363')
  await run(coordinatorBinary, ['--data-dir', dataDir, 'set-password', '--name', 'gemeente'], `${PASSWORD}\n`)
  await run(coordinatorBinary, ['--data-dir', dataDir, 'set-password', '--name', 'coördinator'], `${PASSWORD}\n`)
  const oost = [codeOf(await cli('issue-code', '--organisation', 'Stichting Oost')), codeOf(await cli('issue-code', '--organisation', 'Stichting Oost'))]
  const west = [codeOf(await cli('issue-code', '--organisation', 'Stichting West'))]
  base = await startCoordinator()
  const devices = (codes) => run(demoDevicesBinary, ['--coordinator', base, '--months', '3', ...codes.flatMap((c) => ['--code', c])])
  sent.oost = JSON.parse(await devices(oost))
  sent.west = JSON.parse(await devices(west))
  browser = await launchChromium()
  await mkdir(screenshots, { recursive: true })
})

after(async () => {
  await browser?.close()
  coordinator?.kill()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

/** A new browser context and page that records page errors and CSP violations. */
async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'nl-NL' })
  const page = await context.newPage()
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`)
  })
  return { context, page, problems }
}

async function axe(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`)
}

/** RFC 6238 codes as an authenticator app makes them (HMAC-SHA-1 from node's crypto), for the admin's sign-in. */
function totp(secretBase32, step) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const bits = [...secretBase32.replace(/=+$/, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = mac[mac.length - 1] & 0xf
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}
// The admin's secret once the first sign-in switched two-factor on, and the last step a code was used for (each
// step works once).
const admin = { secret: null, lastStep: 0 }
async function adminCode() {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000)
    const fresh = [step, step + 1].find((s) => s > admin.lastStep)
    if (fresh !== undefined) {
      admin.lastStep = fresh
      return totp(admin.secret, fresh)
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
}

async function login(page, name, firstPage = 'Overzicht') {
  await page.goto(base)
  await page.getByLabel('Naam', { exact: true }).fill(name)
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  if (name === 'beheer' && admin.secret === null) {
    // The first sign-in of an admin: nothing but switching two-factor sign-in on.
    await page.getByRole('heading', { name: 'Mijn account', level: 1 }).waitFor()
    const nav = await page.getByRole('navigation').getByRole('link').allTextContents()
    assert.deepEqual(nav.map((n) => n.trim()), ['Mijn account'], 'an admin without two-factor sign-in sees nothing else')
    // The password again: a session alone cannot put an authenticator on the account.
    await page.getByLabel('Je wachtwoord, ter controle', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Aanzetten' }).click()
    admin.secret = (await page.getByTestId('two-factor-secret').textContent()).trim()
    await axe(page, 'switching two-factor sign-in on')
    await page.getByLabel('Code uit de app', { exact: true }).fill('000000')
    await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click()
    await page.getByRole('alert').filter({ hasText: 'Die code klopt niet' }).waitFor()
    await page.getByLabel('Code uit de app', { exact: true }).fill(await adminCode())
    await page.getByRole('button', { name: 'Code controleren en aanzetten' }).click()
    await page.getByTestId('recovery-codes').waitFor()
    await axe(page, 'recovery codes')
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents()
    assert.equal(codes.length, 10)
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click()
  } else if (name === 'beheer') {
    await page.getByLabel('Code uit de app', { exact: true }).fill(await adminCode())
    await page.getByRole('button', { name: 'Inloggen' }).click()
  }
  await page.getByRole('heading', { name: firstPage, level: 1 }).waitFor()
}

/** The big number on the overview's card for one figure. */
async function headline(page, label) {
  const card = page.locator('.headline li').filter({ has: page.locator('.label', { hasText: new RegExp(`^${label}$`) }) })
  return (await card.locator('.value').textContent()).trim()
}

async function goTo(page, name, heading) {
  await page.getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
}

test('a coordinator logs in, sees the totals the devices sent, filters, makes a project, manages devices, exports', async () => {
  const { context, page, problems } = await openPage()
  await page.goto(base)
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor()
  await axe(page, 'login')
  await page.screenshot({ path: join(screenshots, 'dashboard-login.png') })

  // A wrong password: a clear message, the name kept, the password asked again.
  await page.getByLabel('Naam', { exact: true }).fill('coördinator')
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het wachtwoord')
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.getByRole('alert').filter({ hasText: 'Naam of wachtwoord klopt niet' }).waitFor()
  assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'coördinator')
  assert.equal(await page.getByLabel('Wachtwoord', { exact: true }).inputValue(), '')

  await login(page, 'coördinator')
  const month = thisMonth()
  const year = month.slice(0, 4)
  await page.locator('.headline').waitFor()
  // Only Stichting Oost's devices count for this account.
  assert.equal(await headline(page, 'Activiteiten'), nl(sent.oost.months[month].activities))
  assert.equal(await headline(page, 'Deelnemers'), nl(sent.oost.months[month].participants))
  assert.equal(await headline(page, 'Verwijzingen'), nl(sent.oost.months[month].referrals))
  assert.equal(await headline(page, 'Actieve vrijwilligers'), '2')
  const organisations = await page.getByLabel('Organisatie', { exact: true }).locator('option').allTextContents()
  assert.deepEqual(organisations, ['Alle organisaties', 'Stichting Oost'])
  assert.equal(await page.getByRole('link', { name: 'Logboek' }).count(), 0, 'the audit log is for admins')
  // Charts are tables with bars: the kinds of activity this month, with both periods.
  const byKind = page.getByRole('table', { name: 'Activiteiten per soort' })
  await byKind.getByRole('rowheader', { name: 'Huisbezoek' }).waitFor()
  const bar = await byKind.locator('.bar').first().boundingBox()
  assert.ok(bar.width > 10, 'the bars are drawn (the CSP allows their sizes)')
  await axe(page, 'overview')
  await page.screenshot({ path: join(screenshots, 'dashboard-overview.png'), fullPage: true })
  // Each table downloads as it is shown, per month.
  const [kinds] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV — Activiteiten per soort' }).click(),
  ])
  assert.match(kinds.suggestedFilename(), /^sleutel-activities-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/)
  const kindsCsv = await readFile(await kinds.path(), 'utf8')
  // UTF-8 with a byte order mark, `;`-separated: what Dutch Excel reads.
  assert.ok(kindsCsv.startsWith('\uFEFFMaand;') && kindsCsv.includes('Huisbezoek'), kindsCsv)

  // Filters: a year adds the months of this year; a municipality takes part of it.
  await page.getByLabel('Periode', { exact: true }).selectOption('year')
  const yearTotal = sum(sent.oost, 'activities', (m) => m.startsWith(year))
  await page.locator('.value').first().filter({ hasText: new RegExp(`^${nl(yearTotal)}$`) }).waitFor()
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Amsterdam' })
  await page.waitForFunction((total) => {
    const value = document.querySelector('.headline .value')?.textContent?.trim()
    return value !== undefined && value !== String(total)
  }, nl(yearTotal))
  const amsterdam = Number((await headline(page, 'Activiteiten')).replace(/\./g, ''))
  assert.ok(amsterdam > 0 && amsterdam < yearTotal, `Amsterdam ${amsterdam} of ${yearTotal}`)
  const perMunicipality = page.getByRole('table', { name: 'Activiteiten per gemeente' })
  assert.deepEqual(await perMunicipality.locator('tbody th').allTextContents(), ['Amsterdam'])
  await page.getByLabel('Gemeente', { exact: true }).selectOption('')

  // Projects: a new one with the standard indicators, a target set by changing it, realised against it; after a
  // reload it is still there.
  await goTo(page, 'Projecten', 'Projecten')
  await page.getByText('Deze organisatie heeft nog geen project.').waitFor()
  await page.getByRole('button', { name: 'Nieuw project' }).click()
  await page.getByLabel('Naam van het project', { exact: true }).fill(`Jaardoelen ${year}`)
  await page.getByLabel('Financier', { exact: false }).fill('Gemeente Amsterdam')
  await page.getByLabel('Eerste maand', { exact: true }).fill(`${year}-01`)
  await page.getByLabel('Laatste maand', { exact: true }).fill(`${year}-12`)
  await axe(page, 'new project')
  await page.getByRole('button', { name: 'Project opslaan' }).click()
  await page.getByRole('status').filter({ hasText: 'Het project is opgeslagen.' }).waitFor()
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
  await page.getByRole('button', { name: 'Project wijzigen' }).click()
  await page.getByLabel('Naam, zoals de financier hem noemt').first().waitFor()
  assert.equal(await page.getByLabel('Naam, zoals de financier hem noemt').count(), 6, 'the six standard indicators')
  await page.locator('#indicator-target-0').fill('100')
  // An indicator of its own: women reached in Amsterdam.
  await page.getByRole('button', { name: 'Indicator toevoegen' }).click()
  await page.locator('#indicator-name-6').fill('Vrouwen bereikt')
  await page.locator('#indicator-metric-6').selectOption('participants')
  await page.locator('#indicator-gender-6').selectOption('women')
  await page.locator('#indicator-municipality-6').selectOption('GM0363')
  await page.locator('#indicator-target-6').fill('50')
  await page.getByRole('button', { name: 'Project opslaan' }).click()
  await page.getByRole('status').filter({ hasText: 'Het project is opgeslagen.' }).waitFor()
  const participantsThisYear = sum(sent.oost, 'participants', (m) => m.startsWith(year))
  const progressTable = page.getByTestId('project-progress')
  const reachRow = progressTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bereik (deelnemers)' }) })
  await reachRow.waitFor()
  assert.deepEqual(
    [(await reachRow.getByTestId('realised').textContent()).trim(), (await reachRow.getByTestId('target').textContent()).trim()],
    [nl(participantsThisYear), '100'],
  )
  assert.equal(await reachRow.locator('progress').getAttribute('max'), '100')
  const womenRow = progressTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Vrouwen bereikt/ }) })
  assert.match(await womenRow.locator('th').textContent(), /vrouwen, Amsterdam/)

  // Effects over the project's months: every meeting asked who knows where to find help, before and after.
  const effects = page.getByTestId('effects')
  const knowsHelp = effects.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Weet waar je hulp kunt vinden' }) })
  await knowsHelp.waitFor()
  const [before, after] = [await knowsHelp.locator('td').nth(0).textContent(), await knowsHelp.locator('td').nth(1).textContent()]
  const percent = (text) => Number(text.match(/(\d+)%/)[1])
  assert.ok(percent(after) > percent(before), `the shift shows: ${before} → ${after}`)
  assert.match(await knowsHelp.locator('th').textContent(), /\d+ bijeenkomsten, \d+ deelnemers/)
  await axe(page, 'projects')
  await page.screenshot({ path: join(screenshots, 'dashboard-projects.png'), fullPage: true })
  // The card for the funder, read back by an independent reader: the realised figures, small ones hidden.
  const [card] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel downloaden' }).click()])
  assert.match(card.suggestedFilename(), /^sleutel-project-\d+\.xlsx$/)
  const cardRows = JSON.parse(await run(xlsxRowsBinary, [await card.path()])).map(withoutTrailingBlanks)
  assert.deepEqual(cardRows[2], ['Indicator', 'Doel', 'Gerealiseerd', '% van het doel'])
  assert.deepEqual(cardRows.find((row) => row[0] === 'Bereik (deelnemers)'), ['Bereik (deelnemers)', 100, participantsThisYear, Math.floor((participantsThisYear * 100) / 100)])
  for (const row of cardRows.slice(3).filter((row) => row.length >= 3)) {
    assert.ok(row[2] === 'x' || row[2] === 0 || row[2] >= 5, `a small count in the card: ${row}`)
  }
  await page.reload()
  await page.getByRole('heading', { name: 'Projecten', level: 1 }).waitFor()
  await page.getByTestId('project-progress').getByRole('rowheader', { name: /Vrouwen bereikt/ }).waitFor()

  // Devices: two, with the month they last reported; a new code with its QR code; revoking one.
  await goTo(page, 'Apparaten', 'Apparaten')
  const rows = page.locator('table.grid tbody tr')
  await rows.nth(1).waitFor()
  assert.equal(await rows.count(), 2)
  const monthName = new Intl.DateTimeFormat('nl', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date())
  assert.equal((await rows.first().locator('td').nth(2).textContent()).trim(), monthName)
  await page.getByRole('button', { name: 'Koppelcode maken' }).click()
  const code = (await page.getByTestId('enrolment-code').textContent()).trim()
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  // The link carries the address the dashboard was opened at and the code, for the app to fill both in.
  const link = new URL((await page.getByTestId('enrolment-link').textContent()).trim())
  assert.equal(`${link.protocol}//${link.host}`, 'sleutel://enrol')
  assert.deepEqual(Object.fromEntries(link.searchParams), { server: base, code })
  const qr = page.getByRole('img', { name: 'QR-code om te scannen met de app' })
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn')
  await axe(page, 'devices')
  await page.screenshot({ path: join(screenshots, 'dashboard-devices.png'), fullPage: true })

  await page.getByRole('button', { name: 'Intrekken Demo 1' }).click()
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Ja, intrekken', 'focus on the choice')
  await page.getByRole('button', { name: 'Ja, intrekken' }).click()
  await page.getByRole('status').filter({ hasText: 'Demo 1 is ingetrokken.' }).waitFor()
  const revoked = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Demo 1' }) })
  assert.equal((await revoked.locator('td').nth(3).textContent()).trim(), 'ingetrokken')

  // Support: this month Demo 1 asked for a talk without its name, Demo 2 with it; how heavy the work was, with the
  // few heavy activities and talks hidden under the threshold; the contact the app shows.
  await goTo(page, 'Steun', 'Steun voor vrijwilligers')
  const asked = page.getByTestId('debrief-requests')
  await asked.getByText('Demo 2 vraagt om een gesprek.').waitFor()
  await asked.getByText('Een vrijwilliger van je organisatie vraagt om een gesprek.').waitFor()
  assert.doesNotMatch(await asked.textContent(), /Demo 1/, 'not named when the volunteer did not agree')
  const wellbeing = page.getByTestId('wellbeing')
  assert.equal(await wellbeing.locator('tbody tr').count(), 12)
  for (const cell of await wellbeing.locator('tbody td').allTextContents()) {
    const n = Number(cell.replace(/\./g, ''))
    assert.ok(cell === 'x' || n === 0 || n >= 5, `a small count shows: ${cell}`)
  }
  await page.getByLabel('Naam of rol', { exact: true }).fill('Amina, coördinator')
  await page.getByLabel('Telefoonnummer', { exact: true }).fill('bel me maar')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await page.getByRole('alert').filter({ hasText: 'Dit klopt niet' }).waitFor()
  assert.equal(await page.getByLabel('Telefoonnummer', { exact: true }).inputValue(), 'bel me maar', 'what was typed stays')
  await page.getByLabel('Telefoonnummer', { exact: true }).fill('070 123 45 67')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor()
  await axe(page, 'support')
  await page.getByRole('button', { name: /^Afgehandeld Demo 2/ }).click()
  await page.getByRole('status').filter({ hasText: 'De vraag is afgehandeld.' }).waitFor()
  assert.equal(await asked.locator('li').count(), 1)
  await page.reload()
  await page.getByLabel('Telefoonnummer', { exact: true }).waitFor()
  await page.waitForFunction(() => document.querySelector('#support-phone')?.value === '070 123 45 67')
  assert.equal(await page.getByTestId('debrief-requests').locator('li').count(), 1, 'handled stays handled')
  // A revoked device's counts stay in the totals, so comparing the totals before and after gives nothing away (a
  // re-enrolled app proves it is the same device and its counts move, so nothing counts twice).
  await goTo(page, 'Overzicht', 'Overzicht')
  await page.locator('.headline').waitFor()
  assert.equal(await headline(page, 'Activiteiten'), nl(sent.oost.months[month].activities))

  // Exports: participants per month and gender over the last twelve months, as XLSX, read back.
  await goTo(page, 'Exporteren', 'Exporteren')
  await page.getByLabel('Cijfer', { exact: true }).selectOption('participants')
  await page.getByLabel('Kolommen', { exact: true }).selectOption('gender')
  // Exact counts for an internal report: without rounding the page warns about overlapping tables.
  const rounding = page.getByLabel('Afronden op vijftallen (aanbevolen als je de tabel publiceert)', { exact: true })
  assert.ok(await rounding.isChecked(), 'rounding is the default')
  await rounding.uncheck()
  await page.getByText('Let op bij publiceren').waitFor()
  assert.equal(await rounding.isChecked(), false)
  await axe(page, 'exports')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Excel downloaden' }).click(),
  ])
  assert.match(download.suggestedFilename(), /^sleutel-participants-\d{4}-\d{2}-\d{4}-\d{2}\.xlsx$/)
  // Read back by an independent reader (calamine, through sleutel-xlsx-rows), not the writer the coordinator uses.
  const table = JSON.parse(await run(xlsxRowsBinary, [await download.path()])).map(withoutTrailingBlanks)
  const header = table.findIndex((row) => row[0] === 'Maand')
  assert.ok(header >= 0, `a header row: ${JSON.stringify(table.slice(0, 4))}`)
  // Columns in a stable order (by code), totals last.
  assert.deepEqual(table[header].slice(1), ['mannen', 'vrouwen', 'Totaal'])
  const totalRow = table.find((row) => row[0] === 'Totaal')
  assert.equal(totalRow.at(-1), sum(sent.oost, 'participants', () => true), 'the grand total is what both devices sent')
  const thisMonthRow = table.find((row) => row[0] === month)
  assert.equal(thisMonthRow.at(-1), sent.oost.months[month].participants)
  // Disclosure control: no shown count is below the threshold of 5.
  for (const row of table.slice(header + 1)) {
    for (const cell of row.slice(1)) {
      assert.ok(cell === 'x' || typeof cell !== 'number' || cell === 0 || cell >= 5, `cell ${cell} in ${row}`)
    }
  }
  const men = table.slice(header + 1).filter((row) => /^\d{4}-\d{2}$/.test(row[0])).map((row) => row[1])
  assert.ok(men.includes('x'), `small counts of men are hidden: ${men}`)

  // Last month is reported: closing it keeps its figures; nothing changed since, and a coordinator cannot reopen.
  const closing = page.getByRole('region', { name: 'Afgesloten perioden' })
  await closing.getByText('Deze organisatie heeft nog geen afgesloten perioden.').waitFor()
  await closing.getByLabel('Maand', { exact: true }).fill(lastMonth)
  await closing.getByRole('button', { name: 'Periode afsluiten' }).click()
  await closing.getByRole('status').filter({ hasText: `${lastMonth} tot en met ${lastMonth} is afgesloten.` }).waitFor()
  const closedRow = closing.getByTestId('closed-periods').getByRole('row').filter({ has: page.getByRole('rowheader', { name: lastMonth }) })
  assert.match(await closedRow.textContent(), /\(coördinator\)\s*geen\s*$/)
  assert.equal(await closing.getByRole('button', { name: /Weer openen/ }).count(), 0)
  await axe(page, 'exports with a closed period')

  // English, the same pages pass axe.
  await page.getByLabel('Taal', { exact: true }).selectOption('en')
  await page.getByRole('link', { name: 'Overview', exact: true }).click()
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor()
  await page.getByRole('table', { name: 'Activities by kind' }).getByRole('rowheader', { name: 'Home visit' }).waitFor()
  await axe(page, 'overview in English')

  // Turkish and Arabic (right to left): every page of a coordinator passes axe at phone size, nothing sticks out
  // sideways (tables scroll in their own regions), and digits stay Latin.
  await page.setViewportSize({ width: 360, height: 740 })
  // The language select is labelled in the language shown: English, then Turkish.
  for (const [code, selectLabel, pages] of [
    ['tr', 'Language', ['Genel bakış', 'Projeler', 'Destek', 'Cihazlar', 'Dışa aktar', 'Hesabım']],
    ['ar', 'Dil', ['نظرة عامة', 'المشاريع', 'الدعم', 'الأجهزة', 'التصدير', 'حسابي']],
  ]) {
    await page.getByLabel(selectLabel, { exact: true }).selectOption(code)
    assert.equal(await page.evaluate(() => document.documentElement.dir), code === 'ar' ? 'rtl' : 'ltr')
    for (const nav of pages) {
      await page.getByRole('link', { name: nav, exact: true }).click()
      await page.waitForLoadState('networkidle')
      const sticksOut = await page.evaluate(() => {
        const vw = window.innerWidth
        const sticks = (el) => {
          const r = el.getBoundingClientRect()
          return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5) && !el.closest('.scroll, .skip')
        }
        // The elements that stick out while none of their children does name the cause.
        const causes = [...document.querySelectorAll('body *')].filter((el) => sticks(el) && ![...el.children].some(sticks))
        return causes
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)} px`)
          .join('; ')
      })
      if (sticksOut && process.env.SLEUTEL_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SLEUTEL_SCREENSHOT_DIR, `sideways-${code}.png`), fullPage: true })
      assert.equal(sticksOut, '', `${code} ${nav}: sticks out sideways at 360 px`)
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /[\u0660-\u0669\u06F0-\u06F9]/, `${code} ${nav}: digits`)
      await axe(page, `${nav} in ${code}`)
    }
    if (code === 'ar' && process.env.SLEUTEL_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SLEUTEL_SCREENSHOT_DIR, 'ar-support.png'), fullPage: true })
  }
  await page.getByLabel('اللغة', { exact: true }).selectOption('en')

  // Tablet width: the overview stays readable without sideways scrolling.
  await page.setViewportSize({ width: 800, height: 1100 })
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll at 800 px')
  await page.getByLabel('Language', { exact: true }).selectOption('nl')

  const cookie = (await context.cookies()).find((c) => c.name === '__Host-sleutel_session')
  assert.ok(cookie, 'a session cookie')
  assert.ok(cookie.httpOnly && cookie.secure && cookie.sameSite === 'Strict', JSON.stringify(cookie))
  const withCookie = () =>
    fetch(`${base}/api/v1/overview?period=month`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })
  assert.equal((await withCookie()).status, 200, 'the cookie works before logging out')
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await page.getByRole('status').filter({ hasText: 'Je bent uitgelogd.' }).waitFor()
  assert.equal((await withCookie()).status, 401, 'the session ended on the server, not only in the browser')
  assert.deepEqual(problems, [])
  await context.close()
})

test('an admin sees every organisation, sets an organisation threshold, exports with it, and reads the audit log', async () => {
  const { context, page, problems } = await openPage()
  await login(page, 'beheer')
  const month = thisMonth()
  await page.locator('.headline').waitFor()
  // Stichting Oost's Demo 1 was revoked by the coordinator: its counts stay in the totals.
  const both = sent.oost.months[month].activities + sent.west.months[month].activities
  assert.equal(await headline(page, 'Activiteiten'), nl(both))
  await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Stichting West' })
  await page.waitForFunction((n) => document.querySelector('.headline .value')?.textContent?.trim() === n, nl(sent.west.months[month].activities))

  await goTo(page, 'Exporteren', 'Exporteren')
  await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Stichting Oost' })
  await page.getByLabel('Drempel voor verbergen', { exact: true }).fill('12')
  await page.getByRole('button', { name: 'Drempel opslaan' }).click()
  await page.getByRole('status').filter({ hasText: 'De drempel van Stichting Oost is nu 12.' }).waitFor()
  await page.getByText('Cellen met minder dan 12 worden verborgen').waitFor()
  await page.getByLabel('Cijfer', { exact: true }).selectOption('participants')
  await page.getByLabel('Kolommen', { exact: true }).selectOption('gender')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV downloaden' }).click(),
  ])
  const file = await readFile(await download.path(), 'utf8')
  assert.ok(file.startsWith('\uFEFF'), 'UTF-8 with a byte order mark, for Excel')
  // Dutch: fields separated by `;`, as Dutch Excel expects.
  const csv = file.slice(1)
  assert.ok(csv.endsWith('\r\n'), `lines end in CRLF, as Excel writes them: ${JSON.stringify(csv.slice(-12))}`)
  const cells = csv.trim().split('\r\n').slice(1).flatMap((line) => line.split(';').slice(1))
  assert.ok(cells.length >= 9 && cells.includes('x'), `a table with hidden cells:\n${csv}`)
  // Rounded to fives for publishing (the default); nothing below 12 was shown, so nothing below 10 after rounding.
  assert.ok(
    cells.every((c) => c === 'x' || Number(c) === 0 || (Number(c) >= 10 && Number(c) % 5 === 0)),
    `nothing below 12 shown, all in fives:\n${csv}`,
  )
  // A lower threshold is stated as it is (the page must not promise more hiding than the server does).
  await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Stichting West' })
  await page.getByLabel('Drempel voor verbergen', { exact: true }).fill('3')
  await page.getByRole('button', { name: 'Drempel opslaan' }).click()
  await page.getByText('Cellen met minder dan 3 worden verborgen').waitFor()
  await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Alle organisaties' })
  await page.getByText('Cellen met minder dan 12 worden verborgen').waitFor()
  await axe(page, 'exports (admin)')
  // The period the coordinator closed: an admin reopens it.
  const closing = page.getByRole('region', { name: 'Afgesloten perioden' })
  await closing.getByLabel('Organisatie om af te sluiten', { exact: true }).selectOption({ label: 'Stichting Oost' })
  await closing.getByRole('button', { name: `Weer openen ${lastMonth}` }).click()
  await closing.getByRole('button', { name: 'Ja, weer openen' }).click()
  await closing.getByRole('status').filter({ hasText: 'weer open' }).waitFor()
  await closing.getByText('Deze organisatie heeft nog geen afgesloten perioden.').waitFor()

  await goTo(page, 'Logboek', 'Logboek')
  await page.locator('table.grid tbody tr').first().waitFor()
  const actions = await page.locator('table.grid tbody tr td:nth-child(3)').allTextContents()
  for (const action of ['drempel gezet', 'inloggen in twee stappen aangezet', 'contactpersoon voor vrijwilligers gezet', 'vraag om een gesprek afgehandeld', 'export', 'apparaat ingetrokken', 'project gemaakt', 'project gewijzigd', 'periode afgesloten', 'periode weer geopend', 'koppelcode gemaakt', 'ingelogd', 'uitgelogd']) {
    assert.ok(actions.includes(action), `${action} in ${actions.slice(0, 20)}`)
  }
  await axe(page, 'audit log')

  // Phone-sized: the pages still pass axe and nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 })
  await goTo(page, 'Overzicht', 'Overzicht')
  await page.screenshot({ path: join(screenshots, 'dashboard-phone.png') })
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'overview: no sideways scroll at 360 px')
  await axe(page, 'overview at phone size')
  for (const [name, heading] of [['Projecten', 'Projecten'], ['Exporteren', 'Exporteren'], ['Steun', 'Steun voor vrijwilligers']]) {
    await goTo(page, name, heading)
    await page.waitForLoadState('networkidle')
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no sideways scroll at 360 px`)
    if (name === 'Projecten') {
      // The project's card fits the phone as it is, without scrolling inside its own region either.
      const card = page.getByTestId('project-progress')
      await card.waitFor()
      const widths = await card.evaluate((t) => [t.getBoundingClientRect().width, t.parentElement.getBoundingClientRect().width, ...[...t.querySelectorAll('tbody tr:first-child > *')].map((c) => c.getBoundingClientRect().width)])
      assert.ok(widths[0] <= widths[1] + 0.5, `the card fits a phone: table, region, cells ${widths}`)
    }
    await axe(page, `${name} at phone size`)
    if (process.env.SLEUTEL_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SLEUTEL_SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  }
  assert.deepEqual(problems, [])
  await context.close()
})

test('an admin adds an organisation and an account; the new coordinator logs in with the password and changes it', async () => {
  const admin = await openPage()
  await login(admin.page, 'beheer')
  await goTo(admin.page, 'Beheer', 'Beheer')
  await admin.page.getByLabel('Nieuwe organisatie (naam)', { exact: true }).fill('Stichting Noord')
  await admin.page.getByRole('button', { name: 'Organisatie toevoegen' }).click()
  await admin.page.getByRole('status').filter({ hasText: 'Stichting Noord is toegevoegd.' }).waitFor()
  // Counting age bands and community groups is the organisation's choice, off until an admin switches it on.
  const reach = admin.page.getByLabel('Stichting Noord telt leeftijd en groepen', { exact: true })
  assert.equal(await reach.isChecked(), false)
  await reach.check()
  await admin.page.getByRole('status').filter({ hasText: 'Stichting Noord telt nu leeftijd en groepen.' }).waitFor()
  const listed = await admin.page.evaluate(() => fetch('/api/v1/organisations').then((r) => r.json()))
  assert.equal(listed.find((o) => o.name === 'Stichting Noord').reach_details, true, 'kept at the coordinator')
  await admin.page.getByLabel('Naam', { exact: true }).fill('noord')
  await admin.page.getByRole('group', { name: 'Ziet de cijfers van' }).getByLabel('Stichting Noord').check()
  await admin.page.getByRole('button', { name: 'Account aanmaken' }).click()
  const password = (await admin.page.getByTestId('new-password').textContent()).trim()
  assert.match(password, /^[a-z2-9!]{5}(-[a-z2-9!]{5}){3}$/)
  assert.equal(await admin.page.evaluate(() => document.activeElement?.id), 'new-password', 'focus on the password')
  const row = admin.page.getByRole('row').filter({ has: admin.page.getByRole('rowheader', { name: 'noord', exact: true }) })
  assert.match(await row.textContent(), /Stichting Noord/)
  await axe(admin.page, 'management')

  const noord = await openPage()
  await noord.page.goto(base)
  await noord.page.getByLabel('Naam', { exact: true }).fill('noord')
  await noord.page.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await noord.page.getByRole('button', { name: 'Inloggen' }).click()
  await noord.page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor()
  const organisations = await noord.page.getByLabel('Organisatie', { exact: true }).locator('option').allTextContents()
  assert.deepEqual(organisations, ['Alle organisaties', 'Stichting Noord'])
  assert.equal(await noord.page.getByRole('link', { name: 'Beheer' }).count(), 0, 'management is for admins')

  await goTo(noord.page, 'Mijn account', 'Mijn account')
  await axe(noord.page, 'my account')
  const next = 'een zin van een paar woorden'
  await noord.page.getByLabel('Huidig wachtwoord', { exact: true }).fill(password)
  await noord.page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(next)
  await noord.page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true }).fill('iets anders dan dat')
  await noord.page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await noord.page.getByRole('alert').filter({ hasText: 'niet gelijk' }).waitFor()
  await noord.page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true }).fill(next)
  await noord.page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await noord.page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd.' }).waitFor()
  await noord.page.getByLabel('Naam', { exact: true }).fill('noord')
  await noord.page.getByLabel('Wachtwoord', { exact: true }).fill(next)
  await noord.page.getByRole('button', { name: 'Inloggen' }).click()
  // Back in, on the page where the password was changed.
  await noord.page.getByRole('heading', { name: 'Mijn account', level: 1 }).waitFor()
  // The admin deletes the account: its session ends at once.
  await admin.page.getByRole('button', { name: 'Verwijderen noord' }).click()
  await admin.page.getByRole('button', { name: 'Ja, verwijderen' }).click()
  await admin.page.getByRole('status').filter({ hasText: 'Het account noord is verwijderd.' }).waitFor()
  assert.equal(await admin.page.getByRole('rowheader', { name: 'noord', exact: true }).count(), 0)
  assert.equal(await admin.page.getByRole('button', { name: 'Verwijderen beheer' }).count(), 0, 'not oneself')
  await noord.page.reload()
  await noord.page.getByRole('heading', { name: 'Inloggen' }).waitFor()
  assert.deepEqual([...admin.problems, ...noord.problems], [])
  await admin.context.close()
  await noord.context.close()
})

test("a municipality's account sees only its municipality's tables, rounded and protected, on a phone too", async () => {
  const { page, context, problems } = await openPage({ width: 360, height: 740 })
  await login(page, 'gemeente', 'Exporteren')
  const nav = await page.getByRole('navigation').getByRole('link').allTextContents()
  assert.deepEqual(nav.map((n) => n.trim()), ['Exporteren', 'Mijn account'], 'nothing of one organisation on its own')
  assert.match(await page.getByTestId('municipality-scope').textContent(), /alle organisaties in Amsterdam/)
  assert.equal(await page.getByLabel('Organisatie', { exact: true }).count(), 0)
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll at 360 px')
  await axe(page, 'exports as a municipality')
  await page.getByLabel('Cijfer', { exact: true }).selectOption('participants')
  await page.getByLabel('Kolommen', { exact: true }).selectOption('gender')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV downloaden' }).click(),
  ])
  assert.match(download.suggestedFilename(), /-afgerond5\.csv$/, 'always rounded')
  const csv = await readFile(await download.path(), 'utf8')
  const counts = csv.trim().split(/\r?\n/).slice(1).flatMap((line) => line.split(';').slice(1))
  assert.ok(counts.length > 10, csv)
  for (const cell of counts) {
    assert.ok(cell === 'x' || Number(cell) === 0 || (Number(cell) >= 5 && Number(cell) % 5 === 0), `${cell} in ${csv}`)
  }
  // The organisations' own pages are closed to it, whatever the address says.
  await page.goto(`${base}#/overview`)
  await page.getByRole('heading', { name: 'Exporteren', level: 1 }).waitFor()
  const refused = await page.evaluate(() => fetch('/api/v1/overview?period=month').then((r) => r.status))
  assert.equal(refused, 403)
  assert.deepEqual(problems, [])
  await context.close()
})
