// Locks the app after a period without input, and at once when the window is hidden (another app in front, the
// phone's screen off). A lock screen is a gate for someone picking up the phone; the encryption is what protects
// the data at rest.
export const DEFAULT_IDLE_MS = 2 * 60 * 1000

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/** Starts watching; returns a function that stops. `lock` is called at most once per idle period. */
export function watchIdle(lock: () => void, idleMs: number = DEFAULT_IDLE_MS, target: Document = document): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const restart = () => {
    clearTimeout(timer)
    timer = setTimeout(lock, idleMs)
  }
  const onVisibility = () => {
    if (target.visibilityState === 'hidden') {
      clearTimeout(timer)
      lock()
    } else {
      restart()
    }
  }
  for (const e of ACTIVITY_EVENTS) target.addEventListener(e, restart, { passive: true })
  target.addEventListener('visibilitychange', onVisibility)
  restart()
  return () => {
    clearTimeout(timer)
    for (const e of ACTIVITY_EVENTS) target.removeEventListener(e, restart)
    target.removeEventListener('visibilitychange', onVisibility)
  }
}
