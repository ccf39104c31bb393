// The dashboard's translations: its own Fluent messages on top of the app's (shared words such as the error
// fallbacks), Dutch first, English second.
import { bundleOf, translatorOf, type Translate } from '../lib/i18n/fluent'
// Only the app's Dutch and English messages: the dashboard has no other languages.
import appNl from '../lib/i18n/locales/nl.ftl?raw'
import appEn from '../lib/i18n/locales/en.ftl?raw'
import nl from './locales/nl.ftl?raw'
import en from './locales/en.ftl?raw'

export type DashboardLocale = 'nl' | 'en'
export const DASHBOARD_LOCALES: { code: DashboardLocale; name: string }[] = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
]
export const DASHBOARD_SOURCES: Record<DashboardLocale, string> = { nl, en }

export function dashboardTranslator(locale: DashboardLocale): Translate {
  const app = { nl: appNl, en: appEn }
  const bundle = bundleOf(locale, [app[locale], DASHBOARD_SOURCES[locale]])
  const fallback = locale === 'nl' ? bundle : bundleOf('nl', [app.nl, DASHBOARD_SOURCES.nl])
  return translatorOf(bundle, fallback)
}

/** The text for a server error code; unknown codes get a general text. */
export function dashboardErrorText(t: Translate, code: string): string {
  const text = t(`db-error-${code}`)
  return text === `db-error-${code}` ? t('db-error-unknown') : text
}
