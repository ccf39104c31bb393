// The only way the UI reaches Rust: one function per Tauri command. Types come from Rust (ts-rs, `bindings/`).
import { invoke } from '@tauri-apps/api/core'
import { Format, scan } from '@tauri-apps/plugin-barcode-scanner'
import type { ActivityInput } from './bindings/ActivityInput'
import type { ActivityListItem } from './bindings/ActivityListItem'
import type { AppSettings } from './bindings/AppSettings'
import type { AppStatus } from './bindings/AppStatus'
import type { BackupFile } from './bindings/BackupFile'
import type { CodeTotal } from './bindings/CodeTotal'
import type { CommandError } from './bindings/CommandError'
import type { Consent } from './bindings/Consent'
import type { DraftForm } from './bindings/DraftForm'
import type { DraftView } from './bindings/DraftView'
import type { EnrolmentLinkView } from './bindings/EnrolmentLinkView'
import type { Finding } from './bindings/Finding'
import type { FormDefaults } from './bindings/FormDefaults'
import type { HomeSummary } from './bindings/HomeSummary'
import type { MonthTotals } from './bindings/MonthTotals'
import type { MyWork } from './bindings/MyWork'
import type { ReferenceData } from './bindings/ReferenceData'
import type { ReferralInput } from './bindings/ReferralInput'
import type { ReferralStatus } from './bindings/ReferralStatus'
import type { ReferralView } from './bindings/ReferralView'
import type { Saved } from './bindings/Saved'
import type { NewRecoveryCode } from './bindings/NewRecoveryCode'
import type { ShowOfHandsInput } from './bindings/ShowOfHandsInput'
import type { SupportView } from './bindings/SupportView'
import type { SyncView } from './bindings/SyncView'
import type { UnlockSecret } from './bindings/UnlockSecret'
import type { Urgency } from './bindings/Urgency'

export type {
  ActivityInput,
  ActivityListItem,
  AppSettings,
  AppStatus,
  BackupFile,
  CodeTotal,
  CommandError,
  Consent,
  DraftForm,
  DraftView,
  Finding,
  FormDefaults,
  HomeSummary,
  MonthTotals,
  MyWork,
  ReferenceData,
  ReferralInput,
  ReferralStatus,
  ReferralView,
  Saved,
  NewRecoveryCode,
  ShowOfHandsInput,
  SupportView,
  SyncView,
  UnlockSecret,
  Urgency,
}

/** Errors from commands are `{code, field, message}`; anything else (a bug, a crash) becomes `unknown`. */
export function asCommandError(error: unknown): CommandError {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
    const field = 'field' in error && typeof error.field === 'string' ? error.field : null
    return { code: error.code, field, message }
  }
  return { code: 'unknown', field: null, message: String(error) }
}

export const api = {
  appStatus: () => invoke<AppStatus>('app_status'),
  setup: (passphrase: string) => invoke<NewRecoveryCode>('setup', { passphrase }),
  unlock: (secret: UnlockSecret) => invoke<AppStatus>('unlock', { secret }),
  lock: () => invoke<AppStatus>('lock'),
  setWindowTitle: (title: string) => invoke<null>('set_window_title', { title }),
  homeSummary: () => invoke<HomeSummary>('home_summary'),

  referenceData: () => invoke<ReferenceData>('reference_data'),
  piiCheck: (text: string) => invoke<Finding[]>('pii_check', { text }),
  /** `kind`: the activity type the form is for, or '' for a referral. */
  formDefaults: (kind: string) => invoke<FormDefaults>('form_defaults', { kind }),
  recordActivity: (input: ActivityInput) => invoke<Saved>('record_activity', { input }),
  getActivity: (id: number) => invoke<ActivityInput>('get_activity', { id }),
  updateActivity: (id: number, input: ActivityInput) => invoke<Saved>('update_activity', { id, input }),
  deleteActivity: (id: number) => invoke<ActivityInput>('delete_activity', { id }),
  recentActivities: () => invoke<ActivityListItem[]>('recent_activities'),

  saveDraft: (form: DraftForm, body: string) => invoke<null>('save_draft', { form, body }),
  draft: () => invoke<DraftView | null>('draft'),
  discardDraft: () => invoke<null>('discard_draft'),

  recordReferral: (input: ReferralInput, fromActivity: number | null = null) =>
    invoke<ReferralView>('record_referral', { input, fromActivity }),
  referrals: () => invoke<ReferralView[]>('referrals'),
  getReferral: (id: number) => invoke<ReferralInput>('get_referral', { id }),
  updateReferral: (id: number, input: ReferralInput) => invoke<ReferralView>('update_referral', { id, input }),
  changeReferralStatus: (id: number, status: ReferralStatus, date: string) =>
    invoke<ReferralView>('change_referral_status', { id, status, date }),
  setReferralFollowUp: (id: number, followUp: string) =>
    invoke<ReferralView>('set_referral_follow_up', { id, followUp }),
  deleteReferral: (id: number) => invoke<null>('delete_referral', { id }),

  myWork: () => invoke<MyWork>('my_work'),

  support: () => invoke<SupportView>('support'),

  syncStatus: () => invoke<SyncView>('sync_status'),
  reEnrol: (code: string, label: string) => invoke<SyncView>('re_enrol', { code, label }),
  readEnrolmentLink: (text: string) => invoke<EnrolmentLinkView>('read_enrolment_link', { text }),
  /** Phones only (the barcode-scanner plugin is not in the desktop app): the text of a QR code the camera sees. */
  scanQrCode: () => scan({ formats: [Format.QRCode] }).then((result) => result.content),
  enrol: (coordinator: string, code: string, label: string) =>
    invoke<SyncView>('enrol', { coordinator, code, label }),
  syncNow: () => invoke<SyncView>('sync_now'),

  getSettings: () => invoke<AppSettings>('get_settings'),
  updateSettings: (settings: AppSettings) => invoke<AppSettings>('update_settings', { settings }),
  changePassphrase: (current: string, next: string) =>
    invoke<NewRecoveryCode>('change_passphrase', { current, new: next }),
  newRecoveryCode: (passphrase: string) => invoke<NewRecoveryCode>('new_recovery_code', { passphrase }),
  setDuressPassphrase: (current: string, duress: string | null) =>
    invoke<AppSettings>('set_duress_passphrase', { current, duress }),
  createBackup: () => invoke<BackupFile>('create_backup'),
  backups: () => invoke<BackupFile[]>('backups'),
  restoreBackup: (name: string, secret: UnlockSecret) => invoke<AppStatus>('restore_backup', { name, secret }),
}
