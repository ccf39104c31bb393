// Fluent-based translations. Dutch first; every locale must have every key (a test checks this).
// Texts never mention violence in places someone looking over a shoulder could see: titles, reminders, the neutral
// screen.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle'
import nl from './locales/nl.ftl?raw'
import en from './locales/en.ftl?raw'
import tr from './locales/tr.ftl?raw'
import ar from './locales/ar.ftl?raw'
import pl from './locales/pl.ftl?raw'

export type Locale = 'nl' | 'en' | 'tr' | 'ar' | 'pl'

export const LOCALES: { code: Locale; name: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
]

export const SOURCES: Record<Locale, string> = { nl, en, tr, ar, pl }

export function bundleFor(locale: Locale): FluentBundle {
  return bundleOf(locale, [SOURCES[locale]])
}

/** A bundle of several Fluent sources (the dashboard adds its own to the app's). */
export function bundleOf(locale: string, sources: string[]): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false })
  for (const source of sources) {
    const errors = bundle.addResource(new FluentResource(source))
    if (errors.length > 0) throw new Error(`${locale}: ${errors.map(String).join('; ')}`)
  }
  return bundle
}

/** The message ids defined in a locale's source. */
export function messageIds(locale: Locale): string[] {
  const resource = new FluentResource(SOURCES[locale])
  return resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-'))
}

export type Translate = (id: string, args?: Record<string, FluentVariable>) => string

/** A translator for one locale; a missing message falls back to Dutch, then to the id itself. */
export function translator(locale: Locale): Translate {
  const bundle = bundleFor(locale)
  return translatorOf(bundle, locale === 'nl' ? bundle : bundleFor('nl'))
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

/** The text for an error code from Rust (`{code, message}`); unknown codes get a general text, never the message. */
export function errorText(t: Translate, code: string): string {
  const text = t(`error-${code}`)
  return text === `error-${code}` ? t('error-unknown') : text
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr'
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value)
}

export function formatDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  )
}

/** `YYYY-MM` as a short month and year in the locale ("nov 2026", "Kas 2026"). */
export function formatMonth(locale: Locale, period: string): string {
  const [y, m] = period.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  )
}

/** An RFC 3339 moment as date and time in the locale. */
export function formatDateTime(locale: Locale, moment: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(moment))
}

/** The form field each domain error field name belongs to (`CommandError.field`). */
const FIELD_LABELS: Record<string, string> = {
  activity_type: 'field-kind',
  date: 'field-date',
  duration: 'field-duration',
  municipality: 'field-municipality',
  location_type: 'field-location',
  language: 'field-languages',
  theme: 'field-themes',
  participants: 'field-participants',
  organisation: 'field-destination',
  follow_up: 'field-follow-up',
  status_date: 'status-date-label',
  notes: 'field-notes',
}

/** An error's text, led by the name of the field it concerns: "Themes: choose at least one value." */
export function fieldErrorText(t: Translate, error: { code: string; field: string | null }): string {
  const text = errorText(t, error.code)
  const label = error.field ? FIELD_LABELS[error.field] : undefined
  return label ? `${t(label)}: ${text}` : text
}
