// Small helpers the dashboard pages share.
import type { Labels } from './api'

/** This month as `YYYY-MM` (UTC, like the coordinator). */
export function thisMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
}

/** A month `back` months before `month` (`YYYY-MM`). */
export function monthsBefore(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) - back
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The readable name of a dimension value; the code itself when the server has no label for it. */
export function labelOf(labels: Labels, dimension: string, code: string): string {
  return labels.values[dimension]?.[code] ?? code
}

/** Sorted `[code, label]` pairs of a dimension, for a select. */
export function choicesOf(labels: Labels, dimension: string): [string, string][] {
  return Object.entries(labels.values[dimension] ?? {}).sort((a, b) => a[1].localeCompare(b[1]))
}
