// A fake of the Rust side for UI tests: the real command names and shapes, with state kept in memory.
// Plain script (no imports or exports) so that the same file runs in vitest and, as an init script, in Chromium.
/**
 * @param {'setup' | 'locked' | 'unlocked'} initial
 * @param {{ cmd: string, args: any }[]} calls
 * @returns {(cmd: string, args: any) => unknown}
 */
globalThis.sleutelFakeBackend = function sleutelFakeBackend(initial, calls) {
  let state = initial
  let failed = 0
  const status = () => ({ state, failed_attempts: failed, retry_after_secs: 0, wipe_after: null })
  /** @param {string} cmd @param {any} args */
  return function handle(cmd, args) {
    calls.push({ cmd, args })
    switch (cmd) {
      case 'app_status':
        return status()
      case 'setup':
        state = 'locked'
        return { recovery_code: '7K3F-Q9XM-2D4P-RT8V-W6HJ' }
      case 'unlock':
        if (args.secret.value !== 'juiste wachtzin') {
          failed += 1
          throw { code: 'wrong_secret', message: 'the passphrase or recovery code is not correct' }
        }
        state = 'unlocked'
        failed = 0
        return status()
      case 'lock':
        state = 'locked'
        return status()
      case 'home_summary':
        return { month: '2026-11', follow_ups_due: 2, activities: 1234, participants: 56, referrals: 3 }
      default:
        throw { code: 'unknown_command', message: cmd }
    }
  }
}
