// Shared by the component tests: the fake Rust side (the same file the browser tests load) behind Tauri's mockIPC,
// the calls it saw, and a clean slate for every test.
import { afterEach, beforeEach } from 'vitest'
import { cleanup } from '@testing-library/svelte'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'

import './fake-backend.js'

export type Calls = { cmd: string; args: any }[]
type Handler = (cmd: string, args: unknown) => unknown
declare global {
  var sleutelFakeBackend: (initial: 'setup' | 'locked' | 'unlocked', calls: Calls) => Handler
}

export function fakeBackend(initial: 'setup' | 'locked' | 'unlocked', calls: Calls) {
  mockIPC(globalThis.sleutelFakeBackend(initial, calls))
}

/** Registers the per-test reset; the returned array holds the calls of the running test. */
export function recordCalls(): Calls {
  const calls: Calls = []
  beforeEach(() => {
    calls.length = 0
    localStorage.clear()
  })
  afterEach(() => {
    cleanup()
    clearMocks()
  })
  return calls
}
