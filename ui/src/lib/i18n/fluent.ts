// The Fluent and Intl plumbing shared by the app and the coordinator's dashboard, without any locale's messages:
// each bundles only the Fluent files it needs.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle'

/** A locale code the formatters accept (the app's eight; the dashboard uses nl, en, tr and ar). */
export type Locale = 'nl' | 'en' | 'tr' | 'ar' | 'pl' | 'so' | 'ti' | 'fa'

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string

/**
 * The locale the Intl formatters get: the app's language, never the system's. Digits are Latin in every locale,
 * Arabic and Farsi included, so a date, a count and a referral code never mix two kinds of digits on one screen
 * (number fields and codes are Latin everywhere). Farsi also keeps the Gregorian calendar (its default is the
 * Persian one), so a date in words names the same day as the calendar the app draws and the date fields.
 */
export function intlLocale(locale: string): string {
  if (locale === 'ar') return 'ar-u-nu-latn'
  if (locale === 'fa') return 'fa-u-ca-gregory-nu-latn'
  return locale
}

/** A bundle of several Fluent sources (the dashboard adds its own to the app's). */
export function bundleOf(locale: string, sources: string[]): FluentBundle {
  const bundle = new FluentBundle(intlLocale(locale), { useIsolating: false })
  for (const source of sources) {
    const errors = bundle.addResource(new FluentResource(source))
    if (errors.length > 0) throw new Error(`${locale}: ${errors.map(String).join('; ')}`)
  }
  return bundle
}

/** A translator over `bundle` that falls back to `fallback`, then to the id itself. */
export function translatorOf(bundle: FluentBundle, fallback: FluentBundle): Translate {
  return (id, args) => {
    const message = bundle.getMessage(id) ?? fallback.getMessage(id)
    if (!message?.value) return id
    const source = bundle.getMessage(id) ? bundle : fallback
    return source.formatPattern(message.value, args)
  }
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value)
}

export function formatDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  )
}

/** Names as a list in the locale's own words: "Arabisch en Nederlands", "العربية والهولندية". */
export function formatList(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items)
}

/** A calendar date in words, with its weekday: "ma 10 maart" ("ma 10 maart 2025" in another year than `today`). */
export function formatDay(locale: Locale, isoDate: string, today?: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  const sameYear = today !== undefined && today.slice(0, 4) === isoDate.slice(0, 4)
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: sameYear ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)))
}

/** `YYYY-MM` as a short month and year in the locale ("nov 2026", "Kas 2026"). */
export function formatMonth(locale: Locale, period: string): string {
  const [y, m] = period.split('-').map(Number)
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  )
}

/** An RFC 3339 moment as date and time in the locale. */
export function formatDateTime(locale: Locale, moment: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(moment))
}
