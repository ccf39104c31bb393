import { describe, expect, it } from 'vitest'
import { bundleFor, directionOf, errorText, formatDay, formatList, formatMonth, formatNumber, LOCALES, messageIds, translator } from '../lib/i18n'

// Every variable any message uses, so a misspelt variable in a translation shows up as an error.
const EVERY_ARGUMENT = {
  count: 3,
  status: "s",
  seconds: 5,
  group: 'g',
  code: 'c',
  date: 'd',
  destination: 'x',
  kind: 'k',
  text: 't',
  name: 'n',
  folder: 'f',
  organisation: 'o',
  when: 'w',
  problem: 'p',
}

describe('translations', () => {
  const reference = new Set(messageIds('nl'))

  it.each(LOCALES.map((l) => l.code))('%s has exactly the Dutch keys', (locale) => {
    const ids = new Set(messageIds(locale))
    const missing = [...reference].filter((id) => !ids.has(id))
    const extra = [...ids].filter((id) => !reference.has(id))
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] })
  })

  it.each(LOCALES.map((l) => l.code))('%s formats every message without errors', (locale) => {
    const bundle = bundleFor(locale)
    for (const id of reference) {
      const message = bundle.getMessage(id)
      expect(message?.value, `${locale}:${id}`).toBeTruthy()
      const errors: Error[] = []
      const text = bundle.formatPattern(message!.value!, EVERY_ARGUMENT, errors)
      expect(errors, `${locale}:${id}`).toEqual([])
      expect(text.trim().length, `${locale}:${id}`).toBeGreaterThan(0)
    }
  })

  it('never mentions violence where others may look: title and neutral screen', () => {
    for (const { code } of LOCALES) {
      const t = translator(code)
      for (const id of ['app-name', 'neutral-title', 'neutral-body', 'quick-exit']) {
        // Dutch, English, Turkish, Arabic, Polish, Somali, Tigrinya, Farsi; and the name of the reporting centre.
        expect(t(id).toLowerCase()).not.toMatch(/geweld|violence|şiddet|عنف|przemoc|rabshad|xadgudub|ዓመጽ|ግፍዒ|خشونت|veilig thuis/)
      }
    }
  })

  it('plurals follow the language', () => {
    expect(translator('nl')('follow-ups', { count: 1 })).toBe('1 punt om op te volgen.')
    expect(translator('en')('follow-ups', { count: 2 })).toBe('2 items to follow up.')
    expect(translator('pl')('follow-ups', { count: 3 })).toBe('3 sprawy do sprawdzenia.')
    expect(translator('pl')('follow-ups', { count: 5 })).toBe('5 spraw do sprawdzenia.')
    // Somali and Farsi: one for 1, other for the rest; Tigrinya: one for 0 and 1. An exact [0] wins over both.
    expect(translator('so')('minutes-option', { count: 1 })).toBe('1 daqiiqo')
    expect(translator('so')('follow-ups', { count: 0 })).toBe('Ma jiro wax dabagal u baahan.')
    expect(translator('so')('follow-ups', { count: 2 })).toBe('2 arrimood ayaa dabagal u baahan.')
    expect(translator('ti')('minutes-option', { count: 1 })).toBe('1 ደቒቕ')
    expect(translator('ti')('minutes-option', { count: 5 })).toBe('5 ደቓይቕ')
    expect(translator('ti')('follow-ups', { count: 0 })).toBe('ዝከታተል የለን።')
    expect(translator('fa')('follow-ups', { count: 0 })).toBe('چیزی برای پیگیری نیست.')
    expect(translator('fa')('sync-pending', { count: 1 })).toBe('1 عدد هنوز باید فرستاده شود.')
    expect(translator('fa')('sync-pending', { count: 4 })).toBe('4 عدد هنوز باید فرستاده شوند.')
  })

  it('error codes map to texts, unknown codes to a general text', () => {
    const t = translator('nl')
    expect(errorText(t, 'wrong_secret')).toBe('Dat klopt niet. Probeer het opnieuw.')
    expect(errorText(t, 'no_such_code')).toBe(t('error-unknown'))
  })

  it('Arabic and Farsi are right-to-left and numbers follow the locale', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('fa')).toBe('rtl')
    for (const code of ['so', 'ti', 'tr', 'pl', 'en'] as const) expect(directionOf(code)).toBe('ltr')
    expect(directionOf('nl')).toBe('ltr')
    expect(formatNumber('nl', 1234)).toBe('1.234')
    expect(formatNumber('en', 1234)).toBe('1,234')
  })

  it('Arabic uses the same Latin digits as number fields and codes: counts, dates and messages', () => {
    expect(formatNumber('ar', 1234)).toMatch(/^1.?234$/)
    expect(formatDay('ar', '2026-03-10', '2026-11-29')).toMatch(/10/)
    expect(translator('ar')('tally-total', { count: 12 })).toContain('12')
    for (const text of [formatNumber('ar', 1234567), formatDay('ar', '2025-03-10'), translator('ar')('follow-ups', { count: 27 })]) {
      expect(text, text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/)
    }
  })

  it('Farsi uses Latin digits too, and the Gregorian calendar the date fields use', () => {
    expect(formatNumber('fa', 1234)).toMatch(/^1.?234$/)
    expect(formatDay('fa', '2026-03-10', '2026-11-29')).toMatch(/10/)
    // 10 March 2025 in the Persian calendar is in 1403: the year shown must be the Gregorian one.
    expect(formatDay('fa', '2025-03-10')).toMatch(/2025/)
    expect(formatMonth('fa', '2026-11')).toMatch(/2026/)
    expect(translator('fa')('tally-total', { count: 12 })).toContain('12')
    for (const text of [
      formatNumber('fa', 1234567),
      formatDay('fa', '2025-03-10'),
      formatMonth('fa', '2026-11'),
      formatList('fa', ['a', 'b', 'c']),
      translator('fa')('follow-ups', { count: 27 }),
      translator('fa')('unlock-wait', { seconds: 30 }),
    ]) {
      expect(text, text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/)
    }
  })

  it('no translation file writes Arabic-Indic or Persian digits itself', () => {
    for (const { code } of LOCALES) {
      const t = translator(code)
      for (const id of messageIds(code)) {
        expect(t(id, EVERY_ARGUMENT), `${code}:${id}`).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/)
      }
    }
  })

  it("dates are in words in the app's language, whatever the system locale", () => {
    expect(formatDay('nl', '2026-03-09', '2026-11-29')).toBe('ma 9 maart')
    expect(formatDay('nl', '2025-03-10', '2026-11-29')).toBe('ma 10 maart 2025')
    expect(formatDay('en', '2026-03-09', '2026-11-29')).toBe('Mon, March 9')
    expect(formatDay('tr', '2026-03-09', '2026-11-29')).toMatch(/9 Mart/)
  })
})
