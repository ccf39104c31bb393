import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { watchIdle } from '../lib/autolock'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

it('locks after the idle time, and input postpones it', () => {
  const lock = vi.fn()
  const stop = watchIdle(lock, 1000)
  vi.advanceTimersByTime(900)
  document.dispatchEvent(new KeyboardEvent('keydown'))
  vi.advanceTimersByTime(900)
  expect(lock).not.toHaveBeenCalled()
  vi.advanceTimersByTime(200)
  expect(lock).toHaveBeenCalledTimes(1)
  stop()
})

it('locks at once when the window is hidden, and stops watching when asked', () => {
  const lock = vi.fn()
  const stop = watchIdle(lock, 60_000)
  setVisibility('hidden')
  expect(lock).toHaveBeenCalledTimes(1)
  setVisibility('visible')
  stop()
  vi.advanceTimersByTime(120_000)
  setVisibility('hidden')
  expect(lock).toHaveBeenCalledTimes(1)
  setVisibility('visible')
})
