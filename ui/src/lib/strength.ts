// A simple, explainable strength hint: length counts most; a few character kinds help a little. Argon2id in the
// store does the real work; this only nudges towards longer passphrases.
export type Strength = 'weak' | 'fair' | 'strong'

export function passphraseStrength(text: string): Strength {
  const length = [...text].length
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(text)).length
  const words = text.trim().split(/\s+/).filter(Boolean).length
  if (length >= 20 || (length >= 14 && (kinds >= 3 || words >= 3))) return 'strong'
  if (length >= 10) return 'fair'
  return 'weak'
}
