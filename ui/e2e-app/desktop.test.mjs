// The app as one desktop program: the window's size comes back from the last start, a second start hands over to
// the open window and ends (over the session bus, and without one through the data folder's lock), so one process
// holds the data folder; its log says so and holds nothing else.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, readlink, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSession, startDisplay, startDriver, waitFor } from './webdriver.mjs'

const app = process.env.SLEUTEL_APP_BINARY
const driverBinary = process.env.TAURI_DRIVER ?? 'tauri-driver'
const display = process.env.E2E_DESKTOP_DISPLAY ?? ':95'
const port = Number(process.env.E2E_DESKTOP_DRIVER_PORT ?? 4495)
// What an earlier start kept (the window-state plugin's format): a size the default (420×820) is not.
const KEPT = { width: 640, height: 560, x: 30, y: 40, prev_x: 30, prev_y: 40, maximized: false, visible: true, decorated: true, fullscreen: false }
let xvfb, driver, dataDir, w

before(async () => {
  assert.ok(app, 'SLEUTEL_APP_BINARY must point at the built app')
  dataDir = await mkdtemp(join(tmpdir(), 'sleutel-desktop-e2e-'))
  await mkdir(join(dataDir, 'data'))
  await writeFile(join(dataDir, 'data', 'window-state.json'), JSON.stringify({ main: KEPT }))
  xvfb = await startDisplay(display)
  driver = await startDriver({ binary: driverBinary, port, display, env: { SLEUTEL_APP_DATA_DIR: join(dataDir, 'data') } })
  w = await openSession(port, app)
  await waitFor('first start', async () => (await w.text('h1')) === 'Welkom bij Sleutel')
})

after(async () => {
  await w?.close()
  driver?.kill()
  xvfb?.kill()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

/** Starts the app once more as a volunteer would (not through the driver); resolves with its exit status and output. */
function startAgain(extraEnv = {}) {
  const child = spawn(app, [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DISPLAY: display,
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      DBUS_SESSION_BUS_ADDRESS: driver.bus,
      SLEUTEL_APP_DATA_DIR: join(dataDir, 'data'),
      ...extraEnv,
    },
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  return new Promise((resolve) =>
    child.on('exit', (status, signal) => {
      clearTimeout(timer)
      resolve({ status, signal, output })
    }),
  )
}

/** The ids of the processes that have `file` open. */
async function holders(file) {
  const pids = []
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [])
    for (const fd of fds) {
      if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === file) {
        pids.push(pid)
        break
      }
    }
  }
  return pids
}

const log = () => readFile(join(dataDir, 'data', 'logs', 'sleutel.log'), 'utf8')

test('the window opens at the size the last start kept', async () => {
  const rect = await w.windowRect()
  assert.deepEqual({ width: rect.width, height: rect.height }, { width: KEPT.width, height: KEPT.height })
})

test('a second start hands over to the open window and ends; one process holds the data folder', async () => {
  const lock = join(dataDir, 'data', 'sleutel.lock')
  const [first] = await holders(lock)
  assert.ok(first, 'the running app holds its data folder')

  const second = await startAgain()
  assert.deepEqual({ status: second.status, signal: second.signal }, { status: 0, signal: null }, second.output)
  await waitFor('the handover in the log', async () => (await log()).includes('a second start: showing the open window instead'))

  // Without a session bus the handover cannot happen; the folder's lock still ends the second start.
  const third = await startAgain({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dataDir, 'no-bus')}` })
  assert.deepEqual({ status: third.status, signal: third.signal }, { status: 0, signal: null }, third.output)
  assert.match(third.output, /open already/)

  assert.deepEqual(await holders(lock), [first])
  assert.equal(await w.text('h1'), 'Welkom bij Sleutel', 'the first window still works')
})

test('the log says the app started and nothing about the folder or the machine', async () => {
  const text = await log()
  assert.match(text, /\[INFO\]\[sleutel_app_lib\] Sleutel \d+\.\d+\.\d+ started/)
  assert.ok(!text.includes(dataDir), 'no path in the log')
})

test('a new size is kept for the next start once the window stays put', async () => {
  await w.setWindowRect({ width: 500, height: 700 })
  await waitFor('resized', async () => (await w.windowRect()).width === 500)
  const kept = await waitFor('the size written', async () => {
    const state = JSON.parse(await readFile(join(dataDir, 'data', 'window-state.json'), 'utf8'))
    return state.main?.width === 500 ? state.main : null
  })
  assert.equal(kept.height, 700)
})
