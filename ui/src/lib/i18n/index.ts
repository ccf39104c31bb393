// Fluent-based translations. Dutch first; every locale must have every key (a test checks this).
// Texts never mention violence in places someone looking over a shoulder could see: titles, reminders, the neutral
// screen.
import { FluentResource, type FluentBundle } from '@fluent/bundle'
import { bundleOf, translatorOf, type Locale, type Translate } from './fluent'
import nl from './locales/nl.ftl?raw'
import en from './locales/en.ftl?raw'
import tr from './locales/tr.ftl?raw'
import ar from './locales/ar.ftl?raw'
import pl from './locales/pl.ftl?raw'
import so from './locales/so.ftl?raw'
import ti from './locales/ti.ftl?raw'
import fa from './locales/fa.ftl?raw'

export * from './fluent'

export const LOCALES: { code: Locale; name: string; dir: 'ltr' | 'rtl' }[] = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'so', name: 'Soomaali', dir: 'ltr' },
  { code: 'ti', name: 'ትግርኛ', dir: 'ltr' },
  { code: 'fa', name: 'فارسی', dir: 'rtl' },
]

export const SOURCES: Record<Locale, string> = { nl, en, tr, ar, pl, so, ti, fa }

export function bundleFor(locale: Locale): FluentBundle {
  return bundleOf(locale, [SOURCES[locale]])
}

/** The message ids defined in a locale's source. */
export function messageIds(locale: Locale): string[] {
  const resource = new FluentResource(SOURCES[locale])
  return resource.body.map((entry) => entry.id).filter((id) => !id.startsWith('-'))
}

/** A translator for one locale; a missing message falls back to Dutch, then to the id itself. */
export function translator(locale: Locale): Translate {
  const bundle = bundleFor(locale)
  return translatorOf(bundle, locale === 'nl' ? bundle : bundleFor('nl'))
}

/** The text for an error code from Rust (`{code, message}`); unknown codes get a general text, never the message. */
export function errorText(t: Translate, code: string): string {
  const text = t(`error-${code}`)
  return text === `error-${code}` ? t('error-unknown') : text
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr'
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
  label: 'field-device-label',
}

/** An error's text, led by the name of the field it concerns: "Themes: choose at least one value." */
export function fieldErrorText(t: Translate, error: { code: string; field: string | null }): string {
  const text = errorText(t, error.code)
  const label = error.field ? FIELD_LABELS[error.field] : undefined
  return label ? `${t(label)}: ${text}` : text
}
