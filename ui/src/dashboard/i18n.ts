// The dashboard's translations: its own Fluent messages on top of the app's (shared words such as the error
// fallbacks), Dutch first, then English, Turkish and Arabic (right-to-left).
import { bundleOf, translatorOf, type Translate } from '../lib/i18n/fluent'
// Only the app's messages in the dashboard's languages: the app's other languages are not bundled here.
import appNl from '../lib/i18n/locales/nl.ftl?raw'
import appEn from '../lib/i18n/locales/en.ftl?raw'
import appTr from '../lib/i18n/locales/tr.ftl?raw'
import appAr from '../lib/i18n/locales/ar.ftl?raw'
import nl from './locales/nl.ftl?raw'
import en from './locales/en.ftl?raw'
import tr from './locales/tr.ftl?raw'
import ar from './locales/ar.ftl?raw'

export type DashboardLocale = 'nl' | 'en' | 'tr' | 'ar'
export const DASHBOARD_LOCALES: { code: DashboardLocale; name: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
]
export const DASHBOARD_SOURCES: Record<DashboardLocale, string> = { nl, en, tr, ar }
/** The app's messages the dashboard builds on, per dashboard locale. */
const APP_SOURCES: Record<DashboardLocale, string> = { nl: appNl, en: appEn, tr: appTr, ar: appAr }

/**
 * The languages the coordinator names table values in (themes, kinds of activity, destinations): its labels and
 * exports come from the reference lists, which have Dutch and English names. The dashboard in Turkish or Arabic
 * shows those values in Dutch, the language the reports go out in.
 */
export type TableLanguage = 'nl' | 'en'
export const TABLE_LANGUAGES: { code: TableLanguage; name: string }[] = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
]
export const tableLanguageOf = (locale: DashboardLocale): TableLanguage => (locale === 'en' ? 'en' : 'nl')

/** Whether `code` (from storage, say) is one of the dashboard's locales. */
export function isDashboardLocale(code: unknown): code is DashboardLocale {
  return DASHBOARD_LOCALES.some((l) => l.code === code)
}

/** The writing direction of a dashboard locale: `rtl` for Arabic. */
export function dashboardDirection(locale: DashboardLocale): 'ltr' | 'rtl' {
  return DASHBOARD_LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr'
}

export function dashboardTranslator(locale: DashboardLocale): Translate {
  const bundle = bundleOf(locale, [APP_SOURCES[locale], DASHBOARD_SOURCES[locale]])
  const fallback = locale === 'nl' ? bundle : bundleOf('nl', [APP_SOURCES.nl, DASHBOARD_SOURCES.nl])
  return translatorOf(bundle, fallback)
}

/** The text for a server error code; unknown codes get a general text. */
export function dashboardErrorText(t: Translate, code: string): string {
  const text = t(`db-error-${code}`)
  return text === `db-error-${code}` ? t('db-error-unknown') : text
}
