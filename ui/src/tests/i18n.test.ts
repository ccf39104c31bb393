import { describe, expect, it } from 'vitest'
import { bundleFor, directionOf, errorText, formatDay, formatNumber, LOCALES, messageIds, translator } from '../lib/i18n'

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
        expect(t(id).toLowerCase()).not.toMatch(/geweld|violence|şiddet|عنف|przemoc|veilig thuis/)
      }
    }
  })

  it('plurals follow the language', () => {
    expect(translator('nl')('follow-ups', { count: 1 })).toBe('1 punt om op te volgen.')
    expect(translator('en')('follow-ups', { count: 2 })).toBe('2 items to follow up.')
    expect(translator('pl')('follow-ups', { count: 3 })).toBe('3 sprawy do sprawdzenia.')
    expect(translator('pl')('follow-ups', { count: 5 })).toBe('5 spraw do sprawdzenia.')
  })

  it('error codes map to texts, unknown codes to a general text', () => {
    const t = translator('nl')
    expect(errorText(t, 'wrong_secret')).toBe('Dat klopt niet. Probeer het opnieuw.')
    expect(errorText(t, 'no_such_code')).toBe(t('error-unknown'))
  })

  it('Arabic is right-to-left and numbers follow the locale', () => {
    expect(directionOf('ar')).toBe('rtl')
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

  it("dates are in words in the app's language, whatever the system locale", () => {
    expect(formatDay('nl', '2026-03-09', '2026-11-29')).toBe('ma 9 maart')
    expect(formatDay('nl', '2025-03-10', '2026-11-29')).toBe('ma 10 maart 2025')
    expect(formatDay('en', '2026-03-09', '2026-11-29')).toBe('Mon, March 9')
    expect(formatDay('tr', '2026-03-09', '2026-11-29')).toMatch(/9 Mart/)
  })
})
