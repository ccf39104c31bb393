// The sync screen's connection form outlives the screen. A volunteer often leaves the app to copy the code from a
// message, and leaving locks it at once (a hidden window locks); what was typed — the coordinator's address, a
// one-time code, the device's label: no personal data — waits here for the return, and the app reopens the sync
// screen after unlock. Enrolling empties it; the quick exit empties it too, as it leaves nothing of the session.

export const enrolForm = $state({ coordinator: '', code: '', newCode: '', label: '' })

/** Whether anything is typed in the form. */
export function enrolFormTyped(): boolean {
  return Object.values(enrolForm).some((value) => value.trim() !== '')
}

export function clearEnrolForm() {
  enrolForm.coordinator = ''
  enrolForm.code = ''
  enrolForm.newCode = ''
  enrolForm.label = ''
}
