import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'

// The coordinator's dashboard: a second entry next to the app, sharing its components, i18n and styles. Built to
// `dist-dashboard/`, which `sleutel-coordinator serve --dashboard-dir` serves from the same origin as the API.
export default defineConfig({
  root: 'dashboard',
  base: '/',
  publicDir: false,
  plugins: [svelte({ configFile: '../svelte.config.js' })],
  clearScreen: false,
  build: { outDir: '../dist-dashboard', emptyOutDir: true, target: 'es2022' },
})
