// A dependency-free WebDriver client for the real app window: Xvfb, tauri-driver (which starts WebKitWebDriver)
// and the app, plus the few commands the tests and benchmarks use. Shared by e2e-app/ and bench/.
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

export async function waitFor(what, check, timeoutMs = 20_000) {
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

/** Starts a virtual display. */
export async function startDisplay(display) {
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' })
  await sleep(500)
  return xvfb
}

/**
 * Starts a desktop session bus of its own. The app allows one instance per user through the session bus: without a
 * bus of its own, the app under test would hand over to a Sleutel already open on the machine (or to another test's).
 * Resolves with `{ address, process }`.
 */
export async function startBus() {
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] })
  let out = ''
  bus.stdout.on('data', (d) => (out += d))
  const address = await waitFor('session bus', async () => out.split('\n').find((line) => line.startsWith('unix:')), 10_000)
  return { address, process: bus }
}

/** Starts tauri-driver on `port`, with `env` passed on to the app it launches (on a session bus of its own). */
export async function startDriver({ binary, port, display, env }) {
  const bus = await startBus()
  const driver = spawn(binary, ['--port', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      DISPLAY: display,
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      DBUS_SESSION_BUS_ADDRESS: bus.address,
      ...env,
    },
  })
  driver.on('exit', () => bus.process.kill())
  driver.bus = bus.address
  await waitFor('tauri-driver', async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok)
  return driver
}

/** A WebDriver session on the app at `application`: launching it is creating the session. */
export async function openSession(port, application) {
  async function wd(method, path, body) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    })
    const json = await res.json()
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`)
    return json.value
  }
  const created = await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } },
  })
  const id = created.sessionId
  const s = `/session/${id}`
  const find = (css) =>
    wd('POST', `${s}/element`, { using: 'css selector', value: css }).then((e) => {
      if (!e?.[W3C_ELEMENT]) throw new Error(`no element for ${css}: ${JSON.stringify(e)}`)
      return e[W3C_ELEMENT]
    })
  const script = (body, args = []) => wd('POST', `${s}/execute/sync`, { script: body, args })
  const clickText = (label, selector = 'button') =>
    script(`const el = [...document.querySelectorAll(${JSON.stringify(selector)})]
      .find((e) => e.textContent.replace(/\\u00ad/g, '').trim() === ${JSON.stringify(label)});
      if (!el) throw new Error('nothing to click: ' + ${JSON.stringify(label)}); el.click(); return true`)
  return {
    id,
    wd,
    find,
    script,
    /** Runs an async function body in the page; it gets `done` as its last argument. */
    asyncScript: (body, args = []) => wd('POST', `${s}/execute/async`, { script: body, args }),
    title: () => wd('GET', `${s}/title`),
    text: async (css) => wd('GET', `${s}/element/${await find(css)}/text`),
    type: async (css, value) => wd('POST', `${s}/element/${await find(css)}/value`, { text: value }),
    click: async (css) => wd('POST', `${s}/element/${await find(css)}/click`, {}),
    // Buttons and labels by their visible text (soft hyphens in the phone's tab bar left out).
    clickText,
    clickLabel: (label) => clickText(label, 'label'),
    clickAria: (name) => script(`document.querySelector('[aria-label=${JSON.stringify(name)}]').click(); return true`),
    /** Chooses an option of a select, as a change by the volunteer would. */
    select: (css, value) =>
      script(`const s = document.querySelector(${JSON.stringify(css)}); s.value = ${JSON.stringify(value)};
        s.dispatchEvent(new Event('change', { bubbles: true })); return true`),
    setValue: (css, value) =>
      script(`const el = document.querySelector(${JSON.stringify(css)}); el.value = ${JSON.stringify(value)};
        el.dispatchEvent(new Event('input', { bubbles: true })); return true`),
    bodyText: () => script('return document.body.innerText'),
    windowRect: () => wd('GET', `${s}/window/rect`),
    setWindowRect: (rect) => wd('POST', `${s}/window/rect`, rect),
    closeWindow: () => wd('DELETE', `${s}/window`),
    close: () => wd('DELETE', s).catch(() => {}),
  }
}
