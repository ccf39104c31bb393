// The real app window: the debug binary of src-tauri under Xvfb, driven through tauri-driver and WebKitWebDriver
// with a dependency-free WebDriver client. First start → recovery code → unlock → home → quick exit, on a real
// encrypted store in a temporary folder.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const app = process.env.SLEUTEL_APP_BINARY
const driverBinary = process.env.TAURI_DRIVER ?? 'tauri-driver'
const display = process.env.E2E_DISPLAY ?? ':94'
const port = Number(process.env.E2E_DRIVER_PORT ?? 4494)
const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

let xvfb, driver, dataDir, session

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

async function waitFor(what, check, timeoutMs = 20_000) {
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
const clickText = (label) =>
  script(`const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)}); b.click(); return !!b`)

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
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('first start, unlock, home and quick exit in the real window', async () => {
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

  await clickText('Snel weg')
  await waitFor('neutral screen', async () => (await text('h1')) === 'Notities')
  await clickText('Openen')
  await waitFor('locked again', async () => (await text('h1')) === 'Ontgrendelen')
})
