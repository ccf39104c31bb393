import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

// The app UI never talks to the network; Tauri serves the built files from `dist/`.
//
// Only for developing on a phone (docs/mobile.md): `tauri android dev` / `tauri ios dev` set TAURI_DEV_HOST to this
// machine's address on the network, so the phone can load the dev server (port 1420, hot reload on 1421). Without
// it the dev server stays on this machine.
const devHost = process.env.TAURI_DEV_HOST

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    host: devHost || false,
    port: 1420,
    strictPort: true,
    hmr: devHost ? { protocol: 'ws', host: devHost, port: 1421 } : undefined,
    // Tests read the window's capability file, to check every command the UI calls is granted there.
    fs: process.env.VITEST ? { allow: ['.', '../src-tauri/capabilities'] } : undefined,
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
