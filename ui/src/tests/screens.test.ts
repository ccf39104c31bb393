// The volunteer's screens against the fake backend (Tauri's mockIPC): forms, referrals, my work, sync, settings.
import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import App from '../App.svelte'
import { fakeBackend, recordCalls, type Calls } from './harness'

async function openUnlocked(calls: Calls) {
  fakeBackend('unlocked', calls)
  render(App)
  await screen.findByRole('heading', { name: 'Overzicht' })
}

// Long navigation labels carry soft hyphens for the phone's tab bar; browsers leave them out of the name.
const named = (text: string) => (name: string) => name.replace(/\u00ad/g, '') === text

const lastCall = (calls: Calls, cmd: string) => [...calls].reverse().find((c) => c.cmd === cmd)

describe('the volunteer screens', () => {
  const calls = recordCalls()

  it('a home visit starts from the defaults, counts with the tally, warns about a phone number, and can be undone', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Huisbezoek' }))
    expect(((await screen.findByLabelText('Soort activiteit')) as HTMLSelectElement).value).toBe('home_visit')
    expect((screen.getByLabelText('Gemeente') as HTMLSelectElement).value).toBe('GM0363')
    expect((screen.getByLabelText('Plaats') as HTMLSelectElement).value).toBe('home')
    // Frequent themes first; the rest behind a button.
    expect(screen.queryByLabelText('Huwelijksdwang')).toBeNull()
    await fireEvent.click(screen.getByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByRole('button', { name: 'Eén meer: Vrouwen' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Eén meer: Vrouwen' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Eén meer: Mannen' }))
    expect(screen.getByText('Totaal: 3')).toBeTruthy()
    await fireEvent.input(screen.getByLabelText(/Notities/), { target: { value: 'bel haar op 0612345678' } })
    const warning = await screen.findByTestId('pii-warnings')
    expect(warning.textContent).toContain('een telefoonnummer: „0612345678”')
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await waitFor(() => expect(screen.queryByRole('alert')?.textContent ?? 'none').toBe('none'))
    await screen.findByRole('heading', { name: 'Overzicht' })
    const saved = lastCall(calls, 'record_activity')!.args.input
    expect(saved).toMatchObject({ kind: 'home_visit', municipality: 'GM0363', women: 2, men: 1, other: 0 })
    expect(saved.themes).toEqual(['opvoeding'])
    expect(saved.languages).toEqual(['ar', 'nl'])
    expect(screen.getByRole('status').textContent).toContain('Opgeslagen.')
    await fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }))
    await waitFor(() => expect(lastCall(calls, 'delete_activity')?.args).toEqual({ id: 1 }))
    expect((await screen.findByRole('status')).textContent).toContain('Teruggezet.')
  })

  it('a domain error is translated and marks its field; nothing is lost', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Bijeenkomst' }))
    await fireEvent.click(await screen.findByLabelText('Isolement'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Deelnemers: Tel minstens één deelnemer.')
    expect(screen.getByRole('group', { name: 'Deelnemers' }).classList.contains('invalid')).toBe(true)
    expect((screen.getByLabelText('Isolement') as HTMLInputElement).checked).toBe(true)
    await fireEvent.input(screen.getByLabelText('Vrouwen'), { target: { value: '12' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    expect(lastCall(calls, 'record_activity')!.args.input).toMatchObject({ kind: 'group_meeting', women: 12 })
  })

  it('a referral gets a code, shows up grouped by status and moves along its lifecycle', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Doorverwijzing' }))
    const destination = (await screen.findByLabelText('Verwezen naar')) as HTMLSelectElement
    expect(destination.value, 'no destination is chosen for the volunteer').toBe('')
    expect((screen.getByLabelText('Niet gevraagd') as HTMLInputElement).checked).toBe(true)
    await fireEvent.change(destination, { target: { value: 'veilig_thuis' } })
    await fireEvent.click(screen.getByLabelText('Acuut'))
    expect(screen.getByText('Bij acuut gevaar: bel 112.')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: "Alle thema's tonen" }))
    await fireEvent.click(screen.getByLabelText('Huiselijk geweld'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Doorverwijzingen' })
    expect(screen.getAllByRole('status')[0].textContent).toContain('Opgeslagen met code R001-Q9XM')
    const group = await screen.findByRole('region', { name: 'Doorverwezen (1)' })
    expect(within(group).getByText('R001-Q9XM')).toBeTruthy()
    await fireEvent.change(within(group).getByLabelText('Nieuwe stand'), { target: { value: 'help_started' } })
    await fireEvent.click(within(group).getByRole('button', { name: 'Stand wijzigen' }))
    await screen.findByRole('region', { name: 'Hulp gestart (1)' })
    expect(lastCall(calls, 'change_referral_status')!.args).toMatchObject({ id: 1, status: 'help_started' })
  })

  it('my work shows the own totals as charts that are tables', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Mijn werk' }))
    const chart = await screen.findByRole('table', { name: 'Activiteiten per maand' })
    expect(within(chart).getAllByRole('row')).toHaveLength(13)
    expect(within(screen.getByTestId('year-totals')).getAllByRole('definition').length).toBe(3)
  })

  it('sync: a wrong code is explained, the right one connects and shows the status in plain words', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Synchroniseren') }))
    await fireEvent.input(await screen.findByLabelText('Adres van de coördinator'), {
      target: { value: 'https://sleutel.example.nl' },
    })
    await fireEvent.input(screen.getByLabelText('Koppelcode'), { target: { value: 'FOUT-CODE' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }))
    expect((await screen.findByRole('alert')).textContent).toContain('De code klopt niet')
    await fireEvent.input(screen.getByLabelText('Koppelcode'), { target: { value: 'DEMO-CODE-2026' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }))
    const status = await screen.findByTestId('sync-status')
    expect(status.textContent).toContain('Gekoppeld aan Stichting Demo.')
    expect(status.textContent).toContain('Er wacht niets.')
    expect(calls.every((c) => !['fetch', 'http'].includes(c.cmd))).toBe(true)
  })

  it('settings: the auto-lock time is saved and used, the passphrase change checks the repeat', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Instellingen') }))
    await fireEvent.change(await screen.findByLabelText('Automatisch vergrendelen na'), { target: { value: '10' } })
    await fireEvent.change(screen.getByLabelText('Alles wissen na mislukte pogingen'), { target: { value: '10' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByText('Instellingen opgeslagen.')
    expect(lastCall(calls, 'update_settings')!.args.settings).toEqual({
      auto_lock_minutes: 10,
      retention_months: 24,
      wipe_after: 10,
    })
    await fireEvent.input(screen.getByLabelText('Huidige wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.input(screen.getByLabelText('Nieuwe wachtzin'), { target: { value: 'een nieuwe zin' } })
    await fireEvent.input(screen.getByLabelText('Herhaal de wachtzin'), { target: { value: 'een andere zin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }))
    expect((await screen.findByRole('alert')).textContent).toBe('De twee wachtzinnen zijn niet gelijk.')
    expect(lastCall(calls, 'change_passphrase')).toBeUndefined()
    await fireEvent.click(screen.getByRole('button', { name: 'Reservekopie maken' }))
    expect((await screen.findByLabelText('Kies een reservekopie')) as HTMLSelectElement).toBeTruthy()
    // A backup can also be opened with the recovery code of its time.
    await fireEvent.click(screen.getByRole('button', { name: 'Wachtzin vergeten? Gebruik de herstelcode' }))
    await fireEvent.input(screen.getByLabelText('Herstelcode'), { target: { value: '7K3F-Q9XM-2D4P-RT8V-W6HJ' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Terugzetten' }))
    await waitFor(() =>
      expect(lastCall(calls, 'restore_backup')?.args.secret).toEqual({ kind: 'recovery_code', value: '7K3F-Q9XM-2D4P-RT8V-W6HJ' }),
    )
    expect((screen.getByLabelText('Herstelcode') as HTMLInputElement).value, 'the secret is not kept').toBe('')
  })
})
