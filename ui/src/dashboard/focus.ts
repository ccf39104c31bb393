import { tick } from 'svelte'

/**
 * Moves the focus to the element with `id` once the page has updated: the button that opened or closed a choice is
 * gone by then, and keyboard and screen-reader users must not be dropped at the top of the page.
 */
export async function focusWhenShown(id: string): Promise<void> {
  await tick()
  document.getElementById(id)?.focus()
}
