import { describe, expect, it } from 'vitest'
import { FluentResource } from '@fluent/bundle'
import { FluentBundle } from '@fluent/bundle'
import {
  DASHBOARD_LOCALES,
  DASHBOARD_SOURCES,
  dashboardDirection,
  dashboardErrorText,
  dashboardTranslator,
  isDashboardLocale,
} from './i18n'
import { intlLocale } from '../lib/i18n/fluent'
import { EXPORT_METRICS, PROJECT_METRICS } from './metrics'

const ids = (source: string) => new FluentResource(source).body.map((entry) => entry.id)

/** Every `t('db-…')` with a literal id in the dashboard's components. */
function usedIds(): string[] {
  const sources = import.meta.glob<string>('./**/*.svelte', { query: '?raw', import: 'default', eager: true })
  return Object.values(sources).flatMap((source) => [...source.matchAll(/t\('(db-[a-z0-9_-]+)'/g)].map((m) => m[1]))
}

describe('dashboard translations', () => {
  it.each(DASHBOARD_LOCALES.map((l) => l.code))('%s has exactly the Dutch keys', (locale) => {
    const nl = new Set(ids(DASHBOARD_SOURCES.nl))
    const other = new Set(ids(DASHBOARD_SOURCES[locale]))
    const missing = [...nl].filter((id) => !other.has(id))
    const extra = [...other].filter((id) => !nl.has(id))
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] })
  })

  it.each(DASHBOARD_LOCALES.map((l) => l.code))('%s formats every message without errors, in Latin digits', (locale) => {
    const bundle = new FluentBundle(intlLocale(locale), { useIsolating: false })
    expect(bundle.addResource(new FluentResource(DASHBOARD_SOURCES[locale]))).toEqual([])
    // Every variable any dashboard message uses, so a misspelt variable in a translation shows up as an error.
    const args = {
      name: 'n', current: 'c', previous: 'p', from: 'f', to: 't', value: 3, change: 2, organisation: 'o', moment: 'm',
      label: 'l', threshold: 5, funder: 'f', first: 'f', last: 'l', metric: 'm', changed: 2, net: 4, period: 'p',
      municipality: 'm', meetings: 3, participants: 40,
    }
    for (const id of ids(DASHBOARD_SOURCES.nl)) {
      const message = bundle.getMessage(id)
      expect(message?.value, `${locale}:${id}`).toBeTruthy()
      const errors: Error[] = []
      const text = bundle.formatPattern(message!.value!, args, errors)
      expect(errors, `${locale}:${id}`).toEqual([])
      expect(text.trim().length, `${locale}:${id}`).toBeGreaterThan(0)
      expect(text, `${locale}:${id}`).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/)
    }
  })

  it('Arabic is right-to-left, the others left-to-right; a stored code is checked', () => {
    expect(dashboardDirection('ar')).toBe('rtl')
    for (const code of ['nl', 'en', 'tr'] as const) expect(dashboardDirection(code)).toBe('ltr')
    expect(isDashboardLocale('tr')).toBe(true)
    expect(isDashboardLocale('fa')).toBe(false)
    expect(isDashboardLocale(null)).toBe(false)
  })

  it('Turkish and Arabic use the app words of their own language underneath', () => {
    expect(dashboardTranslator('tr')('db-threshold-saved', { organisation: 'Oost', threshold: 12 })).toBe(
      'Oost kuruluşunun eşiği artık 12.',
    )
    expect(dashboardTranslator('tr')('error-unknown')).toBe('Bir şeyler ters gitti. Lütfen tekrar deneyin.')
    expect(dashboardTranslator('ar')('db-closed-correction', { metric: 'm', changed: 2, net: 3 })).toBe('m: تغيّر رقمان، والمجموع 3')
    expect(dashboardErrorText(dashboardTranslator('ar'), 'something_new')).toBe(dashboardTranslator('ar')('db-error-unknown'))
  })

  it('every message the pages use exists', () => {
    const nl = new Set(ids(DASHBOARD_SOURCES.nl))
    const used = usedIds()
    expect(used.length).toBeGreaterThan(50)
    expect(used.filter((id) => !nl.has(id))).toEqual([])
  })

  it('every message named from a code exists: pages, roles, indicators, figures, errors, audit actions', () => {
    const nl = new Set(ids(DASHBOARD_SOURCES.nl))
    const families: Record<string, string[]> = {
      nav: ['overview', 'projects', 'devices', 'exports', 'audit', 'manage', 'account'],
      role: ['admin', 'coordinator'],
      // Every figure an export or a project indicator offers (ui/src/dashboard/metrics.ts).
      metric: [...new Set([...Object.keys(EXPORT_METRICS), ...Object.keys(PROJECT_METRICS)])],
      // Every metric of the coordinator (crates/domain/src/counts.rs): corrections after closing name any of them.
      figure: [
        'activities', 'activity_minutes', 'activities_with_professional', 'participants', 'new_participants',
        'activities_by_theme', 'participants_by_theme', 'activities_by_language', 'participants_by_language',
        'activities_by_location', 'participants_by_location', 'referrals', 'referrals_by_theme',
        'referrals_with_consent', 'referrals_accompanied', 'meldingen_veilig_thuis',
      ],
      error: ['unauthorized', 'forbidden', 'invalid_query', 'invalid_field', 'rate_limited', 'malformed_json', 'network', 'unknown', 'already_exists'],
      // Every action the coordinator writes to its audit log.
      action: [
        'login', 'logout', 'account_locked', 'export', 'enrolment_code_issued', 'device_enrolled', 'device_revoked',
        'project_created', 'project_changed', 'project_deleted', 'period_closed', 'period_reopened', 'threshold_set', 'password_set', 'account_created', 'organisation_created',
        'organisation_granted', 'upload_rejected', 'enrolment_rejected', 'enrolment_repeated', 'organisations_set', 'account_deleted',
      ],
    }
    const missing = Object.entries(families).flatMap(([family, codes]) =>
      codes.map((code) => `db-${family}-${code}`).filter((id) => !nl.has(id)),
    )
    expect(missing).toEqual([])
  })

  it('translates with variables, and unknown error codes get a general text', () => {
    const nl = dashboardTranslator('nl')
    const en = dashboardTranslator('en')
    expect(nl('db-signed-in-as', { name: 'Aylin' })).toBe('Ingelogd als Aylin')
    expect(en('db-threshold-saved', { organisation: 'Oost', threshold: 12 })).toBe('The threshold of Oost is now 12.')
    expect(dashboardErrorText(nl, 'forbidden')).toBe('Dat mag dit account niet.')
    expect(dashboardErrorText(en, 'something_new')).toBe(en('db-error-unknown'))
  })
})
