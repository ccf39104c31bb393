// The only way the UI reaches Rust: one function per Tauri command. Types come from Rust (ts-rs, `bindings/`).
import { invoke } from '@tauri-apps/api/core'
import type { AppStatus } from './bindings/AppStatus'
import type { CommandError } from './bindings/CommandError'
import type { HomeSummary } from './bindings/HomeSummary'
import type { SetupResult } from './bindings/SetupResult'
import type { UnlockSecret } from './bindings/UnlockSecret'
import type { ActivityInput } from './bindings/ActivityInput'
import type { Finding } from './bindings/Finding'
import type { FormDefaults } from './bindings/FormDefaults'
import type { ReferenceData } from './bindings/ReferenceData'
import type { Saved } from './bindings/Saved'

export type {
  ActivityInput,
  AppStatus,
  CommandError,
  Finding,
  FormDefaults,
  HomeSummary,
  ReferenceData,
  Saved,
  SetupResult,
  UnlockSecret,
}

/** Errors from commands are `{code, message}`; anything else (a bug, a crash) becomes `unknown`. */
export function asCommandError(error: unknown): CommandError {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
    return { code: error.code, message }
  }
  return { code: 'unknown', message: String(error) }
}

export const api = {
  appStatus: () => invoke<AppStatus>('app_status'),
  setup: (passphrase: string) => invoke<SetupResult>('setup', { passphrase }),
  unlock: (secret: UnlockSecret) => invoke<AppStatus>('unlock', { secret }),
  lock: () => invoke<AppStatus>('lock'),
  homeSummary: () => invoke<HomeSummary>('home_summary'),
  referenceData: () => invoke<ReferenceData>('reference_data'),
  piiCheck: (text: string) => invoke<Finding[]>('pii_check', { text }),
  formDefaults: () => invoke<FormDefaults>('form_defaults'),
  recordActivity: (input: ActivityInput) => invoke<Saved>('record_activity', { input }),
  deleteActivity: (id: number) => invoke<ActivityInput>('delete_activity', { id }),
}
