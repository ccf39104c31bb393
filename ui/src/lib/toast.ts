// What the toast at the bottom of the screen shows: a short text, and buttons for undo or a next step.
export type ToastAction = { label: string; run: () => void | Promise<void> }
export type ToastMessage = { text: string; actions?: ToastAction[]; error?: boolean }

/** How long a toast stays when nobody touches it. Long enough to read and reach undo with a thumb. */
export const TOAST_MS = 10_000
