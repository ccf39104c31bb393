// App benchmarks (`make bench`), on the release build under Xvfb: cold start next to a hello-world Tauri window
// built the same way, unlock to home, the common records driven through the real window at 360×740 (taps,
// keystrokes, scrolling, a keystroke-level-model estimate and the save round trip), the save round trip from the
// UI, resident memory after 1,000 records, and the binary size. Prints a table; timing goals live here, never in
// tests.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSession, startDisplay, startDriver, waitFor } from '../e2e-app/webdriver.mjs'

const app = process.env.SLEUTEL_APP_BINARY
const hello = process.env.SLEUTEL_HELLO_BINARY
const driverBinary = process.env.TAURI_DRIVER ?? 'tauri-driver'
const display = process.env.BENCH_DISPLAY ?? ':93'
const port = Number(process.env.BENCH_DRIVER_PORT ?? 4493)
const COLD_RUNS = 9
const SAVES = 200
const RECORDS = 1000

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]
const ms = (x) => `${x.toFixed(1)} ms`

/** Wall time from spawning `binary` until it exits after its page has loaded (SLEUTEL_EXIT_AFTER_LOAD). */
async function coldStart(binary, dataDir) {
  const started = process.hrtime.bigint()
  const child = spawn(binary, [], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display, WEBKIT_DISABLE_COMPOSITING_MODE: '1', SLEUTEL_EXIT_AFTER_LOAD: '1', SLEUTEL_APP_DATA_DIR: dataDir },
  })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`${binary} exited with ${code}`)
  return Number(process.hrtime.bigint() - started) / 1e6
}

/** Resident memory (kB) of a process and all its descendants (WebKit's web and network processes). */
async function treeRssKb(rootPid) {
  const parents = new Map()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const fields = (await readFile(`/proc/${entry}/stat`, 'utf8')).split(') ')[1].split(' ')
      parents.set(Number(entry), Number(fields[1]))
    } catch {}
  }
  const tree = new Set([rootPid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true))
  }
  let total = 0
  for (const pid of tree) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
    total += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
  }
  return total
}

async function pidOf(binary) {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    if (cmd.split('\0')[0] === binary) return Number(entry)
  }
  throw new Error(`no process for ${binary}`)
}

// Keystroke-level model (Card, Moran & Newell), for a thumb on a phone: a tap is pointing plus pressing, a key is an
// average non-expert's keystroke, and each decision (what to record, how many were there) is one mental step.
const KLM = { tap: 1.1 + 0.2, key: 0.28, mental: 1.35 }

/**
 * The common records as a volunteer makes them, through the real window at phone size: every tap and keystroke is
 * counted, and before each tap the distance the volunteer would have to scroll to reach its control.
 */
async function recordsThroughTheWindow(w, rows) {
  await w.wd('POST', `/session/${w.id}/window/rect`, { width: 360, height: 740 }).catch(() => {})
  const viewport = await w.script('return [window.innerWidth, window.innerHeight]')
  let taps = 0
  let keys = 0
  let scroll = 0
  const reach = async (css, text) => {
    const needed = await w.script(`const [css, text] = arguments
      const el = [...document.querySelectorAll(css)].find((e) => text === null || e.textContent.trim() === text)
      if (!el) throw new Error('nothing to tap: ' + css + ' ' + text)
      const r = el.getBoundingClientRect()
      return Math.max(0, r.bottom + window.scrollY - window.innerHeight, -(r.top + window.scrollY))`, [css, text])
    scroll = Math.max(scroll, needed)
  }
  const tap = async (text, css = 'button, label') => {
    await reach(css, text)
    taps += 1
    await w.clickText(text, css)
  }
  const typeInto = async (css, value) => {
    await reach(css, null)
    taps += 1
    keys += value.length
    await w.setValue(css, value)
  }
  const home = () => waitFor('home', async () => (await w.text('h1')) === 'Overzicht')
  /** Runs one record; the last tap is its save, timed in the page from the click to the confirmation. */
  async function measure(name, mental, steps, save, goal) {
    await w.clickText('Overzicht').catch(() => {})
    await home()
    taps = 0
    keys = 0
    scroll = 0
    await steps()
    await reach('button', save)
    taps += 1
    const roundTrip = await w.asyncScript(`const [label, done] = [arguments[0], arguments[arguments.length - 1]]
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label)
      const start = performance.now()
      // Polled with a timer: a resized window may not get animation frames under Xvfb.
      const check = () => document.querySelector('[data-testid="toast"]') ? done(performance.now() - start) : setTimeout(check, 2)
      button.click(); check()`, [save]).catch(async (e) => {
      throw new Error(`${name}: no confirmation after saving (${e.message}); the window shows: ${await w.bodyText()}`)
    })
    const seconds = mental * KLM.mental + taps * KLM.tap + keys * KLM.key
    const met = seconds <= goal.seconds && taps + keys <= (goal.interactions ?? Infinity) && scroll <= (goal.scroll ?? Infinity)
    rows.push([
      `${name} at ${viewport.join('×')}: taps / keystrokes / scroll / KLM estimate / save round trip`,
      `${taps} / ${keys} / ${Math.round(scroll)} px / ${seconds.toFixed(1)} s / ${ms(roundTrip)}`,
      [goal.interactions !== undefined ? `≤ ${goal.interactions} interactions` : null, goal.scroll !== undefined ? `${goal.scroll} px scroll` : null, `≤ ${goal.seconds} s`].filter(Boolean).join(', '),
      met,
    ])
    await waitFor('saved', () => w.find('[data-testid="toast"]'))
  }

  // First use (not measured): the municipality and language are chosen once, and who a one-to-one was with once
  // per kind; from then on they are remembered.
  await w.clickText('Gesprek')
  await waitFor('first form', () => w.find('#municipality'))
  await w.select('#municipality', 'GM0363')
  await w.clickLabel('Vrouw')
  await w.clickLabel('Nederlands')
  await w.clickLabel('Opvoeding')
  await w.clickText('Opslaan')
  await home()
  await w.clickText('Huisbezoek')
  await waitFor('first home visit', () => w.find('.more-toggle'))
  await w.clickLabel('Vrouw')
  await w.clickLabel('Opvoeding')
  await w.clickText('Opslaan')
  await home()

  for (const [name, action] of [['conversation (gesprek)', 'Gesprek'], ['home visit (huisbezoek)', 'Huisbezoek']]) {
    await measure(name, 1, async () => {
      await tap(action, 'button')
      await waitFor('form', () => w.find('.more-toggle'))
      await tap('Opvoeding', 'label')
    }, 'Opslaan', { interactions: 5, scroll: 0, seconds: 10 })
  }
  await measure('meeting with tallies (18 women, 4 men)', 3, async () => {
    await tap('Bijeenkomst', 'button')
    await waitFor('form', () => w.find('#women'))
    await typeInto('#women', '18')
    await typeInto('#men', '4')
    await tap('Opvoeding', 'label')
  }, 'Opslaan', { scroll: 0, seconds: 15 })
  await measure('referral (doorverwijzing) to the wijkteam', 2, async () => {
    await tap('Doorverwijzing', 'button')
    await waitFor('form', () => w.find('#destination'))
    taps += 2 // open the list, choose the destination
    await w.select('#destination', 'wijkteam')
    await tap('Ja', 'label')
    await tap('Opvoeding', 'label')
  }, 'Opslaan', { scroll: 0, seconds: 15 })
  await measure('status change of that referral (contact confirmed, today)', 2, async () => {
    await tap('Opvolgen', 'button')
    await waitFor('referrals', () => w.find('[data-testid="referral"]'))
    await tap('Bijwerken', 'button')
    taps += 2 // open the list of next steps, choose one
    await w.select('.card-update select', 'contact_confirmed')
  }, 'Opslaan', { seconds: 10 })
  await w.wd('POST', `/session/${w.id}/window/rect`, { width: 420, height: 820 }).catch(() => {})
  await w.clickText('Overzicht')
  await home()
}

const rows = []
const xvfb = await startDisplay(display)
const dataDir = await mkdtemp(join(tmpdir(), 'sleutel-bench-'))
let driver, w
try {
  // Cold start: alternate the two binaries, after one warm-up each (file cache), and compare medians.
  const coldDir = join(dataDir, 'cold')
  await coldStart(hello, coldDir)
  await coldStart(app, coldDir)
  const helloTimes = []
  const appTimes = []
  for (let i = 0; i < COLD_RUNS; i++) {
    helloTimes.push(await coldStart(hello, coldDir))
    appTimes.push(await coldStart(app, coldDir))
  }
  const ratio = median(appTimes) / median(helloTimes)
  rows.push(['cold start to the loaded page: app / hello-world', `${ms(median(appTimes))} / ${ms(median(helloTimes))} = ${ratio.toFixed(2)}`, '≤ 1.2', ratio <= 1.2])

  driver = await startDriver({ binary: driverBinary, port, display, env: { SLEUTEL_APP_DATA_DIR: join(dataDir, 'app') } })
  w = await openSession(port, app)
  await waitFor('first start', async () => (await w.text('h1')) === 'Welkom bij Sleutel')
  await w.type('#passphrase', 'een lange wachtzin voor de meting')
  await w.type('#repeat', 'een lange wachtzin voor de meting')
  await w.clickText('Doorgaan')
  await waitFor('recovery code', () => w.text('[data-testid="recovery-code"]'), 30_000)
  await w.click('.check input')
  await w.clickText('Klaar')
  await waitFor('unlock screen', async () => (await w.text('h1')) === 'Ontgrendelen')

  // Unlock to home, measured in the page: from the click to the home heading (Argon2id included).
  const unlocks = []
  for (let i = 0; i < 5; i++) {
    await waitFor('unlock screen', async () => (await w.text('h1')) === 'Ontgrendelen')
    const elapsed = await w.asyncScript(`const done = arguments[arguments.length - 1]
      const input = document.querySelector('#secret')
      input.value = 'een lange wachtzin voor de meting'
      input.dispatchEvent(new Event('input', { bubbles: true }))
      const start = performance.now()
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Ontgrendelen')
      const check = () => document.querySelector('h1')?.textContent === 'Overzicht'
        ? done(performance.now() - start) : requestAnimationFrame(check)
      button.click(); check()`)
    unlocks.push(elapsed)
    await w.clickText('Meer')
    await w.clickText('Vergrendelen')
  }
  rows.push(['unlock to home (median of 5, Argon2id m=64 MiB t=5)', ms(median(unlocks)), '—', null])
  await waitFor('unlock screen', async () => (await w.text('h1')) === 'Ontgrendelen')
  await w.type('#secret', 'een lange wachtzin voor de meting')
  await w.clickText('Ontgrendelen')
  await waitFor('home', async () => (await w.text('h1')) === 'Overzicht')

  await recordsThroughTheWindow(w, rows)

  // The save round trip from the UI: the same IPC call the form makes, timed in the page.
  const saveTimes = await w.asyncScript(`const [n, done] = [arguments[0], arguments[arguments.length - 1]]
    const invoke = window.__TAURI_INTERNALS__.invoke
    const today = new Date().toISOString().slice(0, 10)
    const input = { kind: 'group_meeting', date: today, duration_minutes: 90, municipality: 'GM0363', wijk: '',
      location: 'community_centre', languages: ['ar', 'nl'], community_groups: [], themes: ['opvoeding', 'isolement'],
      women: 9, men: 2, other: 0, new_participants: null, professional: null, notes: 'uitleg over opvoeding' }
    ;(async () => {
      const times = []
      for (let i = 0; i < n; i++) {
        const start = performance.now()
        await invoke('record_activity', { input })
        times.push(performance.now() - start)
      }
      done(times)
    })()`, [SAVES])
  rows.push([`save round trip from the UI (${SAVES} saves), median / p95`, `${ms(median(saveTimes))} / ${ms(percentile(saveTimes, 0.95))}`, '—', null])

  await w.asyncScript(`const [n, done] = [arguments[0], arguments[arguments.length - 1]]
    const invoke = window.__TAURI_INTERNALS__.invoke
    const today = new Date().toISOString().slice(0, 10)
    ;(async () => {
      for (let i = 0; i < n; i++) {
        await invoke('record_activity', { input: { kind: 'home_visit', date: today, duration_minutes: 45,
          municipality: 'GM0202', wijk: '', location: 'home', languages: ['tr'], community_groups: [],
          themes: ['huiselijk_geweld'], women: 1, men: 0, other: 0, new_participants: null, professional: null, notes: '' } })
      }
      done(true)
    })()`, [RECORDS - SAVES])
  // Open the screens that read all of it, so their memory counts too.
  await w.clickText('Mijn werk')
  await waitFor('my work', () => w.text('[data-testid="year-totals"]'))
  const pid = await pidOf(app)
  const ownKb = Number((await readFile(`/proc/${pid}/status`, 'utf8')).match(/VmRSS:\s+(\d+)/)[1])
  const treeKb = await treeRssKb(pid)
  rows.push([`resident memory after ${RECORDS} records: app process / with WebKit's processes`, `${(ownKb / 1024).toFixed(0)} MB / ${(treeKb / 1024).toFixed(0)} MB`, '—', null])
} finally {
  await w?.close()
  driver?.kill()
  xvfb.kill()
  await rm(dataDir, { recursive: true, force: true })
}

const sizeMb = (await stat(app)).size / 1e6
rows.push(['release binary size', `${sizeMb.toFixed(1)} MB`, '≤ 15 MB', sizeMb <= 15])

console.log('\n| app benchmark | measured | goal | met |\n|---|---|---|---|')
for (const [name, value, goal, met] of rows) console.log(`| ${name} | ${value} | ${goal} | ${met === null ? '' : met ? 'yes' : 'NO'} |`)
