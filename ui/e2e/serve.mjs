// The built UI served from a loopback port with the app's content security policy, and opened in Chromium with the
// fake backend in place of Tauri's IPC, for the browser tests. (Not a test file itself: `node --test e2e/` runs
// only `*.test.mjs`.)
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const fakeSource = await readFile(fileURLToPath(new URL('../src/tests/fake-backend.js', import.meta.url)), 'utf8')

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

/** Serves `dist` on 127.0.0.1 and a free port; resolves with the server and its base URL. */
export async function serveDist(dist) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    if (path === '/favicon.ico') {
      // Browsers ask for it on their own; the Tauri window does not.
      res.writeHead(204).end()
      return
    }
    const file = join(dist, path === '/' ? 'index.html' : path)
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': "default-src 'self'" })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, base: `http://127.0.0.1:${server.address().port}/` }
}

/**
 * A new page on the app at `base` with the fake backend starting in `initial` state and the app in `locale`.
 * The backend's calls are in `window.__calls`; page errors and console errors (CSP violations among them) in
 * `errors`.
 */
export async function openApp(browser, base, { viewport, initial, locale = 'nl', userAgent }) {
  const context = await browser.newContext({ viewport, ...(userAgent ? { userAgent } : {}) })
  await context.addInitScript({ content: fakeSource })
  await context.addInitScript(({ initial, locale }) => {
    localStorage.setItem('locale', locale)
    const calls = []
    const handle = globalThis.sleutelFakeBackend(initial, calls)
    window.__calls = calls
    // What @tauri-apps/api's invoke() calls inside a Tauri window.
    window.__TAURI_INTERNALS__ = {
      invoke: async (cmd, args) => handle(cmd, args),
      transformCallback: () => 0,
      metadata: { currentWindow: { label: 'main' }, currentWebview: { label: 'main', windowLabel: 'main' } },
    }
  }, { initial, locale })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(base)
  return { page, context, errors }
}

/** The single-line messages of a locale, read from the translation file the app uses. */
export async function messages(locale) {
  const source = await readFile(fileURLToPath(new URL(`../src/lib/i18n/locales/${locale}.ftl`, import.meta.url)), 'utf8')
  return Object.fromEntries(
    source.split('\n').map((l) => l.match(/^([a-z][a-z0-9_-]*) = (.+)$/)).filter(Boolean).map((m) => [m[1], m[2].trim()]),
  )
}
