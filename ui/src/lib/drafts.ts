// Drafts (concepten): the form on screen keeps its unfinished state in the encrypted store as the volunteer types
// (debounced), and registers a flush here, so the app can write the very latest state before it locks — by the
// idle timer, by the window being hidden, or by the quick exit. Nothing is kept in browser storage.
import { onDestroy } from 'svelte'
import { api } from './api'
import type { DraftForm } from './bindings/DraftForm'

/** How long typing may pause before the draft is written. */
export const DRAFT_DEBOUNCE_MS = 400

/** The current form's pending write, for `flushDraft`. */
let pending: (() => Promise<void>) | null = null

/** The shape every draft body has; `form` is the form's own state. */
export type DraftBody<F> = { form: F; editId: number | null; more: boolean; fromActivity?: number | null }

/**
 * The draft of the form being filled in; call it while the form component initialises (it writes any pending
 * change when the form goes away). `opened` records the state the form started from: a draft is written only once
 * the form differs from it. `changed` after every change; `finish` once the form is saved or cancelled (the store
 * drops the draft itself), returning the body when something was typed, so a cancel can be undone.
 */
export function formDraft<F>(kind: DraftForm) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest: string | null = null
  let initial = ''
  let finished = false
  const typed = (body: DraftBody<F>) => JSON.stringify(body.form) !== initial
  const write = async () => {
    clearTimeout(timer)
    const body = latest
    latest = null
    if (body === null) return
    try {
      await api.saveDraft(kind, body)
    } catch {
      // Locked or closing: the store refuses, and there is nothing else to do with it.
    }
  }
  pending = write
  onDestroy(() => {
    if (!finished) write()
  })
  return {
    /** `null` for a resumed draft: everything in it was typed. */
    opened(form: F | null) {
      initial = form === null ? '' : JSON.stringify(form)
    },
    changed(body: DraftBody<F>) {
      if (finished || !typed(body)) return
      latest = JSON.stringify(body)
      clearTimeout(timer)
      timer = setTimeout(write, DRAFT_DEBOUNCE_MS)
    },
    finish(body: DraftBody<F> | null = null): DraftBody<F> | null {
      finished = true
      clearTimeout(timer)
      latest = null
      if (pending === write) pending = null
      return body && typed(body) ? body : null
    },
  }
}

/** Writes the current form's draft now (before a lock). */
export async function flushDraft(): Promise<void> {
  await pending?.()
}
