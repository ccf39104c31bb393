// The real app window: the debug binary of src-tauri under Xvfb, driven through tauri-driver and WebKitWebDriver
// with a dependency-free WebDriver client, on a real encrypted store in a temporary folder, next to a real local
// coordinator (its own binary, embedded SQLite, 127.0.0.1 on a free port).
// First start → record a home visit, start a meeting that an auto-lock interrupts, unlock and finish it from its
// draft, a referral → lock → unlock → own totals → a wrong code, then an enrolment link pasted → sync → the
// coordinator's totals equal the app's → the coordinator gone, sync fails → the log holds nothing typed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSession, startDisplay, startDriver, waitFor } from './webdriver.mjs'

const app = process.env.SLEUTEL_APP_BINARY
const coordinatorBinary = process.env.SLEUTEL_COORDINATOR_BINARY
const driverBinary = process.env.TAURI_DRIVER ?? 'tauri-driver'
const display = process.env.E2E_DISPLAY ?? ':94'
const port = Number(process.env.E2E_DRIVER_PORT ?? 4494)
let xvfb, driver, dataDir, coordinator, w
// What the volunteer types that the app's log must never hold.
const PASSPHRASE = 'een lange wachtzin voor de test'
const WRONG_CODE = 'ZZZZ-ZZZZ'
const DEVICE_LABEL = 'Werktelefoon Noord'
const NOTE_MARKER = 'MERKTEKEN-notitie-7Q4'
const appLog = () => readFile(join(dataDir, 'logs', 'sleutel.log'), 'utf8')

/** Runs a coordinator command and returns its output. */
async function coordinatorCli(...args) {
  const child = spawn(coordinatorBinary, ['--data-dir', join(dataDir, 'coordinator'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  assert.equal(code, 0, `sleutel-coordinator ${args.join(' ')}`)
  return out
}

/** Starts the coordinator on a free loopback port; resolves with its base URL from its log line. */
async function startCoordinator() {
  coordinator = spawn(coordinatorBinary, ['--data-dir', join(dataDir, 'coordinator'), 'serve', '--bind', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', RUST_LOG: 'info' },
  })
  let log = ''
  coordinator.stdout.on('data', (d) => (log += d))
  coordinator.stderr.on('data', (d) => (log += d))
  return waitFor('coordinator listening', async () => {
    const match = log.replace(/\x1b\[[0-9;]*m/g, '').match(/listening address=(127\.0\.0\.1:\d+)/)
    return match ? `http://${match[1]}` : null
  })
}

before(async () => {
  assert.ok(app, 'SLEUTEL_APP_BINARY must point at the built app')
  dataDir = await mkdtemp(join(tmpdir(), 'sleutel-app-e2e-'))
  xvfb = await startDisplay(display)
  driver = await startDriver({ binary: driverBinary, port, display, env: { SLEUTEL_APP_DATA_DIR: dataDir } })
  w = await openSession(port, app)
})

after(async () => {
  await w?.close()
  driver?.kill()
  xvfb?.kill()
  coordinator?.kill()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('first start, recording, lock and unlock, own totals, enrol and sync, in the real window', async () => {
  try {
    await realWindowFlow()
  } catch (e) {
    // What the window showed, for the failure report.
    console.error('window text at failure:', await w.bodyText().catch(() => '(unavailable)'))
    throw e
  }
})

async function realWindowFlow() {
  assert.ok(coordinatorBinary, 'SLEUTEL_COORDINATOR_BINARY must point at the built coordinator')
  assert.equal(await w.title(), 'Sleutel', 'the window title says nothing about the work')
  await waitFor('first start', async () => (await w.text('h1')) === 'Welkom bij Sleutel')
  await w.type('#passphrase', PASSPHRASE)
  await w.type('#repeat', PASSPHRASE)
  await w.clickText('Doorgaan')
  const code = await waitFor('recovery code', async () => w.text('[data-testid="recovery-code"]'))
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
  await w.click('.check input')
  await w.clickText('Klaar')

  await waitFor('unlock screen', async () => (await w.text('h1')) === 'Ontgrendelen')
  await w.type('#secret', PASSPHRASE)
  await w.clickText('Ontgrendelen')
  await waitFor('home', async () => (await w.text('h1')) === 'Overzicht')
  assert.equal(await waitFor('follow-ups', () => w.text('[data-testid="follow-ups"]')), 'Niets om op te volgen.')

  // A home visit: one woman, theme parenting, the municipality chosen once (remembered for the next form).
  await w.clickText('Huisbezoek')
  await waitFor('activity form', () => w.find('#municipality'))
  await w.select('#municipality', 'GM0363')
  await w.clickLabel('Opvoeding')
  await w.clickLabel('Vrouw')
  // On the very first form no language is remembered yet: the domain asks for one, naming the field.
  await w.clickText('Opslaan')
  assert.equal(await waitFor('validation', () => w.text('[role="alert"]')), 'Gesproken talen: Kies minstens één waarde.')
  await w.clickLabel('Nederlands')
  await w.clickLabel('Turks')
  await w.clickText('Meer invullen')
  await w.type('#notes', 'bel 0612345678')
  await waitFor('privacy warning', () => w.text('[data-testid="pii-warnings"]'))
  await w.setValue('#notes', 'afspraak voor volgende week')
  await w.clickText('Opslaan')
  await waitFor('saved', async () => (await w.bodyText()).includes('Opgeslagen.'))

  // A group meeting: the municipality is remembered (so not asked); nine women and two men.
  await w.clickText('Bijeenkomst')
  await waitFor('meeting form', () => w.find('#women'))
  assert.equal(await w.script(`return document.querySelector('#municipality')`), null, 'a remembered municipality is not asked')
  await w.setValue('#women', '9')
  await w.setValue('#men', '2')
  // Only the theme used before is shown as a chip; the rest is one tap away.
  assert.equal(await w.script(`return document.querySelectorAll('.chips')[0].querySelectorAll('label').length`), 1)
  await w.clickText("Alle thema's tonen")
  await w.clickLabel('Isolement')
  // The window goes to the background before the meeting is saved: the app locks itself at once. What was typed
  // is kept as a draft in the encrypted store and offered back after unlock.
  await w.script(`Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange')); return true`)
  await waitFor('auto-locked', async () => (await w.text('h1')) === 'Ontgrendelen')
  await w.script(`Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }); return true`)
  assert.doesNotMatch(await w.bodyText(), /Isolement|Vrouwen/, 'nothing of the form shows while locked')
  await w.type('#secret', PASSPHRASE)
  await w.clickText('Ontgrendelen')
  const banner = await waitFor('draft offered', () => w.text('[data-testid="draft-banner"]'))
  assert.match(banner, /Gespreksbijeenkomst/)
  await w.clickText('Verder invullen')
  await waitFor('draft restored', async () => (await w.script(`return document.querySelector('#women')?.value`)) === '9')
  assert.equal(await w.script(`return document.querySelector('#men').value`), '2')
  await w.clickText('Opslaan')
  await waitFor('saved', async () => (await w.text('h1')) === 'Overzicht')
  assert.equal(await w.script(`return document.querySelector('[data-testid="draft-banner"]')`), null, 'saved: no draft left')

  // A referral to Veilig Thuis, which the person wanted (nothing is preselected for either).
  await w.clickText('Doorverwijzing')
  await waitFor('referral form', () => w.find('#destination'))
  await w.select('#destination', 'veilig_thuis')
  await w.clickLabel('Ja')
  await w.clickText("Alle thema's tonen")
  await w.clickLabel('Huiselijk geweld')
  await w.clickText('Opslaan')
  const saved = await waitFor('referral code', async () => (await w.bodyText()).match(/Opgeslagen met code ([0-9A-Z]{4}-[0-9A-Z]{4})/))
  assert.ok(saved[1])

  // Lock and unlock: everything is still there.
  await w.clickText('Meer')
  await w.clickText('Vergrendelen')
  await waitFor('locked', async () => (await w.text('h1')) === 'Ontgrendelen')
  await w.type('#secret', PASSPHRASE)
  await w.clickText('Ontgrendelen')
  const totals = await waitFor('month totals', () => w.text('[data-testid="month-totals"]'))
  assert.match(totals, /Activiteiten\s*2\s*Deelnemers\s*12\s*Doorverwijzingen\s*1/)
  await w.clickText('Mijn werk')
  const year = await waitFor('my work', () => w.text('[data-testid="year-totals"]'))
  assert.match(year, /Activiteiten\s*2\s*Deelnemers\s*12\s*Doorverwijzingen\s*1/)

  // A real coordinator with a demo organisation, an enrolment code and an admin token.
  await coordinatorCli('create-organisation', '--name', 'Stichting Demo')
  const enrolment = (await coordinatorCli('issue-code', '--organisation', '1')).match(/: ([0-9A-Z-]+)\s*$/)[1]
  const token = (await coordinatorCli('create-admin', '--name', 'test')).trim().split('\n').at(-1)
  const base = await startCoordinator()

  await w.clickText('Meer')
  await w.clickText('Cijfers versturen')
  await waitFor('enrol form', () => w.find('#coordinator'))
  await w.type('#coordinator', base)
  // A wrong code first: refused, and the log notes the failure by its code only.
  await w.type('#enrol-code', WRONG_CODE)
  await w.type('#device-label', DEVICE_LABEL)
  await w.clickText('Koppelen')
  await waitFor('wrong code refused', () => w.text('[role="alert"]'))
  // Then the link the coordinator hands out, pasted into the address field: it fills both fields.
  await w.setValue('#coordinator', `sleutel://enrol?server=${encodeURIComponent(base)}&code=${enrolment}`)
  await waitFor('the link read', async () => (await w.script(`return document.querySelector('#enrol-code').value`)) === enrolment)
  assert.equal(await w.script(`return document.querySelector('#coordinator').value`), base)
  await w.clickText('Koppelen')
  const status = await waitFor('synced', async () => {
    const t = await w.text('[data-testid="sync-status"]')
    return t.includes('Alles is verstuurd.') ? t : null
  }, 30_000)
  assert.match(status, /Gekoppeld aan Stichting Demo\./)
  assert.match(status, /Laatst verstuurd/)

  // The coordinator's totals for this month equal the app's own.
  const month = new Date().toISOString().slice(0, 7)
  const total = async (metric) => {
    const res = await fetch(`${base}/api/v1/totals?metric=${metric}&from=${month}&to=${month}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    })
    assert.equal(res.status, 200, metric)
    return (await res.json()).rows.reduce((sum, row) => sum + row.value, 0)
  }
  assert.deepEqual(
    {
      activities: await total('activities'),
      participants: await total('participants'),
      referrals: await total('referrals'),
      meldingen: await total('meldingen_veilig_thuis'),
    },
    { activities: 2, participants: 12, referrals: 1, meldingen: 1 },
  )

  // The organisation sets whom volunteers can call; the device learns it with its next request for a talk.
  const api = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
    return { status: res.status, body: res.status === 204 ? null : await res.json() }
  }
  const contact = await api('PUT', '/api/v1/organisations/1/support-contact', { name: 'Amina', phone: '06-11223344', email: '' })
  assert.equal(contact.status, 200)

  // Background sync: a new record reaches the coordinator without pressing anything. This visit was heavy, and the
  // volunteer asks for a talk and lets the coordinator see which device asks.
  await w.clickText('Overzicht')
  await w.clickText('Huisbezoek')
  await waitFor('activity form', () => w.find('.more-toggle'))
  await w.clickLabel('Man')
  await w.clickLabel('Opvoeding')
  await w.clickText('Meer invullen')
  await w.clickLabel('Dit was zwaar voor mij')
  await w.clickLabel('Ik wil hier graag over praten')
  await w.clickLabel('Mijn coördinator mag zien van welk toestel de vraag komt')
  await w.clickText('Opslaan')
  await waitFor('synced in the background', async () => (await total('activities')) === 3, 40_000)
  assert.equal(await total('participants'), 13)
  assert.equal(await total('heavy_activities'), 1)
  const asked = await waitFor('the request for a talk', async () => {
    const open = (await api('GET', '/api/v1/debrief-requests')).body
    return open.length === 1 ? open : null
  }, 20_000)
  assert.equal(asked[0].label, DEVICE_LABEL, 'named, because the volunteer agreed')
  assert.deepEqual(Object.keys(asked[0]).sort(), ['id', 'label', 'organisation_id', 'received_at'], 'nothing about the visit')
  await w.clickText('Meer')
  await w.clickText('Steun voor jou')
  assert.equal(await waitFor('the contact arrived', () => w.text('[data-testid="support-contact"]')), 'Amina')
  assert.equal(await w.script(`return document.querySelector('a[href^="tel:06"]')?.getAttribute('href')`), 'tel:0611223344')
  assert.equal(await w.script(`return document.querySelector('[data-testid="support-waiting"]')`), null, 'nothing waits')
  await w.clickText('Overzicht')

  // The coordinator goes away: the next save's background sync fails, and the log says so once, by its code.
  coordinator.kill()
  await w.clickText('Huisbezoek')
  await waitFor('activity form', () => w.find('.more-toggle'))
  await w.clickLabel('Vrouw')
  await w.clickLabel('Opvoeding')
  await w.clickText('Meer invullen')
  await w.setValue('#notes', NOTE_MARKER)
  await w.clickText('Opslaan')
  await waitFor('saved', async () => (await w.bodyText()).includes('Opgeslagen.'))
  await waitFor('the failing sync in the log', async () => /\[WARN\].* sync fails: \w+/.test(await appLog()), 40_000)

  // The log helps (start, the refused code, the enrolment, the failing sync) and betrays nothing typed or secret.
  const log = await appLog()
  for (const line of [/Sleutel \d+\.\d+\.\d+ started/, /enrolment failed: \w+/, /\] enrolled$/m, /sync works/]) {
    assert.match(log, line)
  }
  for (const secret of [PASSPHRASE, code, enrolment, WRONG_CODE, DEVICE_LABEL, NOTE_MARKER, 'afspraak', '0612345678', base, 'GM0363', 'Stichting Demo']) {
    assert.ok(!log.includes(secret), `the log holds ${secret}`)
  }
  assert.doesNotMatch(log, /[0-9a-f]{32}|[A-Za-z0-9+/=_-]{40}/i, 'no key material in the log')

  await w.clickText('Snel weg')
  await waitFor('neutral screen', async () => (await w.text('h1')) === 'Notities')
  await waitFor('neutral window title', async () => (await w.title()) === 'Notities')
  await w.clickText('Openen')
  await waitFor('locked again', async () => (await w.text('h1')) === 'Ontgrendelen')
}
