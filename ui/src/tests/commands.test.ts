// Every command the UI invokes must be granted to the window (src-tauri/capabilities/main.json, generated from
// the list in src-tauri/build.rs): a command missing there fails only in the real app, with a general error.
import { describe, expect, it } from 'vitest'
import api from '../lib/api.ts?raw'
import capabilities from '../../../src-tauri/capabilities/main.json?raw'

describe('the commands the UI calls', () => {
  it('are all granted to the main window', () => {
    const invoked = [...api.matchAll(/invoke<[^>]*>\('([a-z_]+)'/g)].map((m) => m[1])
    expect(invoked.length).toBeGreaterThan(30)
    const granted: string[] = JSON.parse(capabilities).permissions
    const missing = invoked.filter((command) => !granted.includes(`allow-${command.replace(/_/g, '-')}`))
    expect(missing).toEqual([])
  })
})
