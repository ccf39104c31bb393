// Drafts (concepten): the form on screen keeps its unfinished state in the encrypted store as the volunteer types
// (debounced), and registers a flush here, so the app can write the very latest state before it locks — by the
// idle timer, by the window being hidden, or by the quick exit. Nothing is kept in browser storage.
import { api } from './api'
import type { DraftForm } from './bindings/DraftForm'

/** How long typing may pause before the draft is written. */
export const DRAFT_DEBOUNCE_MS = 400

let pending: (() => Promise<void>) | null = null

/** The shape every draft body has; `form` is the form's own state. */
export type DraftBody<F> = { form: F; editId: number | null; more: boolean; fromActivity?: number | null }

/**
 * Keeps a form's draft: call `changed` with the body after every change; `flush` writes at once; `stop` forgets
 * the pending write (after a save or a discard, when the store already dropped the draft).
 */
export function draftKeeper<F>(form: DraftForm) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest: string | null = null
  const write = async () => {
    clearTimeout(timer)
    const body = latest
    latest = null
    if (body === null) return
    try {
      await api.saveDraft(form, body)
    } catch {
      // Locked or closing: the store refuses, and there is nothing else to do with it.
    }
  }
  pending = write
  return {
    changed(body: DraftBody<unknown>) {
      latest = JSON.stringify(body)
      clearTimeout(timer)
      timer = setTimeout(write, DRAFT_DEBOUNCE_MS)
    },
    flush: write,
    stop() {
      clearTimeout(timer)
      latest = null
      if (pending === write) pending = null
    },
  }
}

/** Writes the current form's draft now (before a lock). */
export async function flushDraft(): Promise<void> {
  await pending?.()
}
