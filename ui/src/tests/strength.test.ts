import { expect, it } from 'vitest'
import { passphraseStrength } from '../lib/strength'

it('rates length first', () => {
  expect(passphraseStrength('abc12')).toBe('weak')
  expect(passphraseStrength('abcdefghij')).toBe('fair')
  expect(passphraseStrength('de fiets staat buiten')).toBe('strong')
  expect(passphraseStrength('Kort!maar9sterk')).toBe('strong')
})
