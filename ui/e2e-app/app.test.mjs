// The real app window: the debug binary of src-tauri under Xvfb, driven through tauri-driver and WebKitWebDriver
// with a dependency-free WebDriver client, on a real encrypted store in a temporary folder, next to a real local
// coordinator (its own binary, embedded SQLite, 127.0.0.1 on a free port).
// First start → record a home visit, a meeting and a referral → lock → unlock → own totals → enrol and sync →
// the coordinator's totals equal the app's.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const app = process.env.SLEUTEL_APP_BINARY
const coordinatorBinary = process.env.SLEUTEL_COORDINATOR_BINARY
const driverBinary = process.env.TAURI_DRIVER ?? 'tauri-driver'
const display = process.env.E2E_DISPLAY ?? ':94'
const port = Number(process.env.E2E_DRIVER_PORT ?? 4494)
const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

let xvfb, driver, dataDir, session, coordinator

async function wd(method, path, body) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`)
  return json.value
}

async function waitFor(what, check, timeoutMs = 20_000, start = () => {}) {
  start()
  const end = Date.now() + timeoutMs
  let last
  while (Date.now() < end) {
    try {
      const value = await check()
      if (value) return value
    } catch (e) {
      last = e
    }
    await sleep(150)
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`)
}

const find = (css) =>
  wd('POST', `/session/${session}/element`, { using: 'css selector', value: css }).then((e) => {
    if (!e?.[W3C_ELEMENT]) throw new Error(`no element for ${css}: ${JSON.stringify(e)}`)
    return e[W3C_ELEMENT]
  })
const text = async (css) => wd('GET', `/session/${session}/element/${await find(css)}/text`)
const type = async (css, value) => wd('POST', `/session/${session}/element/${await find(css)}/value`, { text: value })
const click = async (css) => wd('POST', `/session/${session}/element/${await find(css)}/click`, {})
const script = (body) => wd('POST', `/session/${session}/execute/sync`, { script: body, args: [] })
// Buttons and labels by their visible text (soft hyphens in the phone's tab bar left out).
const clickText = (label, selector = 'button') =>
  script(`const el = [...document.querySelectorAll(${JSON.stringify(selector)})]
    .find((e) => e.textContent.replace(/\u00ad/g, '').trim() === ${JSON.stringify(label)});
    if (!el) throw new Error('nothing to click: ' + ${JSON.stringify(label)}); el.click(); return true`)
const clickLabel = (label) => clickText(label, 'label')
const clickAria = (name) => script(`document.querySelector('[aria-label=${JSON.stringify(name)}]').click(); return true`)
const setValue = (css, value) =>
  script(`const el = document.querySelector(${JSON.stringify(css)}); el.value = ${JSON.stringify(value)};
    el.dispatchEvent(new Event('input', { bubbles: true })); return true`)
const bodyText = () => script('return document.body.innerText')

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
  return waitFor('coordinator listening', async () => {
    const match = log.replace(/\x1b\[[0-9;]*m/g, '').match(/listening address=(127\.0\.0\.1:\d+)/)
    return match ? `http://${match[1]}` : null
  }, 20_000, () => {
    coordinator.stdout.on('data', (d) => (log += d))
    coordinator.stderr.on('data', (d) => (log += d))
  })
}

before(async () => {
  assert.ok(app, 'SLEUTEL_APP_BINARY must point at the built app')
  dataDir = await mkdtemp(join(tmpdir(), 'sleutel-app-e2e-'))
  xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' })
  await sleep(500)
  driver = spawn(driverBinary, ['--port', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DISPLAY: display, SLEUTEL_APP_DATA_DIR: dataDir, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  })
  await waitFor('tauri-driver', async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok)
  const created = await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application: app } } },
  })
  session = created.sessionId
})

after(async () => {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {})
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
    console.error('window text at failure:', await bodyText().catch(() => '(unavailable)'))
    throw e
  }
})

async function realWindowFlow() {
  assert.ok(coordinatorBinary, 'SLEUTEL_COORDINATOR_BINARY must point at the built coordinator')
  assert.equal(await wd('GET', `/session/${session}/title`), 'Sleutel', 'the window title says nothing about the work')
  await waitFor('first start', async () => (await text('h1')) === 'Welkom bij Sleutel')
  await type('#passphrase', 'een lange wachtzin voor de test')
  await type('#repeat', 'een lange wachtzin voor de test')
  await clickText('Doorgaan')
  const code = await waitFor('recovery code', async () => text('[data-testid="recovery-code"]'))
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/)
  await click('.check input')
  await clickText('Klaar')

  await waitFor('unlock screen', async () => (await text('h1')) === 'Ontgrendelen')
  await type('#secret', 'een lange wachtzin voor de test')
  await clickText('Ontgrendelen')
  await waitFor('home', async () => (await text('h1')) === 'Overzicht')
  assert.equal(await waitFor('follow-ups', () => text('[data-testid="follow-ups"]')), 'Niets om op te volgen.')

  // A home visit: one woman, theme parenting, the municipality chosen once (remembered for the next form).
  await clickText('Huisbezoek')
  await waitFor('activity form', () => find('#municipality'))
  await script(`const s = document.querySelector('#municipality'); s.value = 'GM0363';
    s.dispatchEvent(new Event('change', { bubbles: true })); return true`)
  await clickLabel('Opvoeding')
  await clickAria('Eén meer: Vrouwen')
  // On the very first form no language is remembered yet: the domain asks for one, naming the field.
  await clickText('Opslaan')
  assert.equal(await waitFor('validation', () => text('[role="alert"]')), 'Gesproken talen: Kies minstens één waarde.')
  await clickLabel('Nederlands')
  await clickLabel('Turks')
  await type('#notes', 'bel 0612345678')
  await waitFor('privacy warning', () => text('[data-testid="pii-warnings"]'))
  await setValue('#notes', 'afspraak voor volgende week')
  await clickText('Opslaan')
  await waitFor('saved', async () => (await bodyText()).includes('Opgeslagen.'))

  // A group meeting: the municipality is already there; nine women and two men.
  await clickText('Bijeenkomst')
  await waitFor('meeting form', async () => (await script(`return document.querySelector('#municipality')?.value`)) === 'GM0363')
  await setValue('#women', '9')
  await setValue('#men', '2')
  // Only the theme used before is shown as a chip; the rest is one tap away.
  assert.equal(await script(`return document.querySelectorAll('.chips')[0].querySelectorAll('label').length`), 1)
  await clickText("Alle thema's tonen")
  await clickLabel('Isolement')
  await clickText('Opslaan')
  await waitFor('saved', async () => (await text('h1')) === 'Overzicht')

  // A referral to Veilig Thuis (the default destination).
  await clickText('Doorverwijzing')
  await waitFor('referral form', () => find('#destination'))
  await clickText("Alle thema's tonen")
  await clickLabel('Huiselijk geweld')
  await clickText('Opslaan')
  const saved = await waitFor('referral code', async () => (await bodyText()).match(/Opgeslagen met code ([0-9A-Z]{4}-[0-9A-Z]{4})/))
  assert.ok(saved[1])

  // Lock and unlock: everything is still there.
  await clickText('Overzicht')
  await clickText('Vergrendelen')
  await waitFor('locked', async () => (await text('h1')) === 'Ontgrendelen')
  await type('#secret', 'een lange wachtzin voor de test')
  await clickText('Ontgrendelen')
  const totals = await waitFor('month totals', () => text('[data-testid="month-totals"]'))
  assert.match(totals, /Activiteiten\s*2\s*Deelnemers\s*12\s*Doorverwijzingen\s*1/)
  await clickText('Mijn werk')
  const year = await waitFor('my work', () => text('[data-testid="year-totals"]'))
  assert.match(year, /Activiteiten\s*2\s*Deelnemers\s*12\s*Doorverwijzingen\s*1/)

  // A real coordinator with a demo organisation, an enrolment code and an admin token.
  await coordinatorCli('create-organisation', '--name', 'Stichting Demo')
  const enrolment = (await coordinatorCli('issue-code', '--organisation', '1')).match(/: ([0-9A-Z-]+)\s*$/)[1]
  const token = (await coordinatorCli('create-admin', '--name', 'test')).trim().split('\n').at(-1)
  const base = await startCoordinator()

  await clickText('Synchroniseren')
  await waitFor('enrol form', () => find('#coordinator'))
  await type('#coordinator', base)
  await type('#enrol-code', enrolment)
  await clickText('Koppelen')
  const status = await waitFor('synced', async () => {
    const t = await text('[data-testid="sync-status"]')
    return t.includes('Er wacht niets.') ? t : null
  }, 30_000)
  assert.match(status, /Gekoppeld aan Stichting Demo\./)
  assert.match(status, /Laatst gelukt/)

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
    { activities: await total('activities'), participants: await total('participants'), referrals: await total('referrals') },
    { activities: 2, participants: 12, referrals: 1 },
  )

  await clickText('Snel weg')
  await waitFor('neutral screen', async () => (await text('h1')) === 'Notities')
  await clickText('Openen')
  await waitFor('locked again', async () => (await text('h1')) === 'Ontgrendelen')
}
