// The volunteer's screens against the fake backend (Tauri's mockIPC): forms, referrals, my work, sync, settings.
import { describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import App from '../App.svelte'
import { fakeBackend, recordCalls, type Calls } from './harness'
import { todayIso } from '../lib/dates'

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

  it('a conversation is saved in three taps from home: open it, pick a theme, save; undo is in the toast', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Gesprek' }))
    await screen.findByRole('heading', { name: 'Gesprek' })
    // Remembered defaults: today, the municipality and languages, who it was with; details wait under "more".
    expect(screen.getByTestId('defaults').textContent).toContain('Amsterdam')
    expect((screen.getByLabelText('Vandaag') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByLabelText('Vrouw') as HTMLInputElement).checked).toBe(true)
    expect(screen.queryByLabelText('Gemeente')).toBeNull()
    expect(screen.queryByLabelText(/Notities/)).toBeNull()
    await fireEvent.click(screen.getByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    const saved = lastCall(calls, 'record_activity')!.args.input
    expect(saved).toMatchObject({ kind: 'individual_talk', municipality: 'GM0363', women: 1, men: 0, other: 0, new_participants: null })
    expect(saved.themes).toEqual(['opvoeding'])
    expect(saved.date).toBe(todayIso())
    expect(screen.getByTestId('toast').textContent).toContain('Opgeslagen.')
    await fireEvent.click(within(screen.getByTestId('toast')).getByRole('button', { name: 'Ongedaan maken' }))
    await waitFor(() => expect(lastCall(calls, 'delete_activity')?.args).toEqual({ id: 1 }))
    expect((await screen.findByTestId('toast')).textContent).toContain('Teruggezet.')
  })

  it('a heavy visit can ask for a talk, named only when ticked; the support screen shows what waits and whom to call', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Huisbezoek' }))
    await fireEvent.click(await screen.findByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByLabelText('Vrouw'))
    expect(screen.queryByRole('group', { name: 'Voor jezelf' }), 'under "more": the quick part has no room').toBeNull()
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    const forYourself = screen.getByRole('group', { name: 'Voor jezelf' })
    await fireEvent.click(within(forYourself).getByLabelText('Dit was zwaar voor mij'))
    expect(within(forYourself).queryByLabelText(/welk toestel/), 'the label question only after asking').toBeNull()
    await fireEvent.click(within(forYourself).getByLabelText('Ik wil hier graag over praten'))
    expect(within(forYourself).getByText(/Niets van wat je hier invult/)).toBeTruthy()
    const showLabel = within(forYourself).getByLabelText(/welk toestel/) as HTMLInputElement
    expect(showLabel.checked, 'anonymous unless the volunteer agrees').toBe(false)
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    expect(lastCall(calls, 'record_activity')!.args.input).toMatchObject({ heavy: true, debrief: true, debrief_show_label: false })

    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Steun voor jou' }))
    await screen.findByRole('heading', { name: 'Steun voor jou' })
    expect((await screen.findByTestId('support-waiting')).textContent).toContain('wordt verstuurd zodra er verbinding is')
    expect(screen.getByTestId('support-contact-none')).toBeTruthy()
    expect(screen.getByText(/Tik op het formulier op „Meer invullen” en vink „Ik wil hier graag over praten” aan/)).toBeTruthy()
    const lines = screen.getAllByRole('link').map((a) => a.getAttribute('href'))
    expect(lines).toEqual(['tel:112', 'tel:08002000', 'tel:08000113', 'tel:0880767000'])
  })

  it('a meeting counts ages, groups present and a show of hands; a referral says first or repeat and what was seen', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Bijeenkomst' }))
    await fireEvent.input(await screen.findByLabelText('Vrouwen'), { target: { value: '12' } })
    await fireEvent.click(screen.getByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    await fireEvent.input(screen.getByLabelText('18 tot 30'), { target: { value: '4' } })
    await fireEvent.input(screen.getByLabelText('30 tot 50'), { target: { value: '7' } })
    await fireEvent.input(screen.getByLabelText('30 tot 50'), { target: { value: '' } })
    await fireEvent.input(screen.getByLabelText('65 of ouder'), { target: { value: '1' } })
    const groups = screen.getByRole('group', { name: 'Welke groepen waren er?' })
    await fireEvent.click(within(groups).getByLabelText('Somalisch'))
    await fireEvent.click(within(groups).getByLabelText('Eritrees'))
    const knowsHelp = screen.getByRole('group', { name: 'Weet waar je hulp kunt vinden' })
    await fireEvent.input(within(knowsHelp).getByLabelText('Voor'), { target: { value: '3' } })
    await fireEvent.input(within(knowsHelp).getByLabelText('Na'), { target: { value: '10' } })
    // A statement started and emptied again is not counted, and its other field shows what was typed, not a 0.
    const wouldTalk = screen.getByRole('group', { name: 'Zou erover praten of het melden' })
    await fireEvent.input(within(wouldTalk).getByLabelText('Voor'), { target: { value: '2' } })
    expect((within(wouldTalk).getByLabelText('Na') as HTMLInputElement).value).toBe('')
    await fireEvent.input(within(wouldTalk).getByLabelText('Voor'), { target: { value: '' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    const meeting = lastCall(calls, 'record_activity')!.args.input
    expect(meeting.ages, 'an emptied band is not counted').toEqual({ '18_29': 4, '65_plus': 1 })
    expect(meeting.community_groups).toEqual(['somalisch', 'eritrees'])
    expect(meeting.hands, 'only the statement asked about').toEqual([{ statement: 'knows_help', before: 3, after: 10 }])

    await fireEvent.click(screen.getByRole('button', { name: 'Doorverwijzing' }))
    await fireEvent.change(await screen.findByLabelText('Verwezen naar'), { target: { value: 'wijkteam' } })
    await fireEvent.click(screen.getByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    await fireEvent.click(within(screen.getByRole('group', { name: 'Is dit de eerste melding?' })).getByLabelText('Nee, al eerder gemeld'))
    await fireEvent.click(screen.getByLabelText('Zorgen om de kinderen'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await waitFor(() => expect(lastCall(calls, 'record_referral')).toBeTruthy())
    expect(lastCall(calls, 'record_referral')!.args.input).toMatchObject({ occurrence: 'repeat', signals: ['kinderen'] })
  })

  it('a home visit asks "first time?", keeps what "more" holds, and warns about a phone number in the notes', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Huisbezoek' }))
    await fireEvent.click(await screen.findByLabelText('Man'))
    await fireEvent.click(screen.getByLabelText('Ja'))
    await fireEvent.click(screen.getByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    expect((screen.getByLabelText('Plaats') as HTMLSelectElement).value).toBe('home')
    await fireEvent.input(screen.getByLabelText(/Notities/), { target: { value: 'bel hem op 0612345678' } })
    const warning = await screen.findByTestId('pii-warnings')
    expect(warning.textContent).toContain('een telefoonnummer: „0612345678”')
    await fireEvent.input(screen.getByLabelText(/Notities/), { target: { value: 'belt zelf terug' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Minder tonen' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    expect((screen.getByLabelText(/Notities/) as HTMLTextAreaElement).value, 'more keeps what was filled').toBe('belt zelf terug')
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    expect(lastCall(calls, 'record_activity')!.args.input).toMatchObject({
      kind: 'home_visit', women: 0, men: 1, new_participants: 1, notes: 'belt zelf terug',
    })
  })

  it('a meeting with nobody counted asks first; a domain error marks its field and nothing is lost', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Bijeenkomst' }))
    await fireEvent.click(await screen.findByLabelText('Isolement'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect((await screen.findByTestId('confirm-empty')).textContent).toContain('Je hebt niemand geteld.')
    expect(lastCall(calls, 'record_activity'), 'nothing saved before the answer').toBeUndefined()
    await fireEvent.click(screen.getByRole('button', { name: 'Nee, eerst tellen' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Eén meer: Vrouwen' }))
    await fireEvent.input(screen.getByLabelText('Mannen'), { target: { value: '3' } })
    expect(screen.getByText('Totaal: 4')).toBeTruthy()
    // The fake's stand-in for the domain refuses a meeting without themes: the field is named and marked.
    await fireEvent.click(screen.getByLabelText('Isolement'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect((await screen.findByRole('alert')).textContent).toBe("Thema's: Kies minstens één waarde.")
    expect(screen.getByRole('group', { name: "Thema's" }).classList.contains('invalid')).toBe(true)
    expect((screen.getByLabelText('Mannen') as HTMLInputElement).value).toBe('3')
    await fireEvent.click(screen.getByLabelText('Isolement'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    expect(lastCall(calls, 'record_activity')!.args.input).toMatchObject({ kind: 'group_meeting', women: 1, men: 3 })
  })

  it('an unfinished form is kept as a draft through a lock and offered back after unlock', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Bijeenkomst' }))
    await fireEvent.input(await screen.findByLabelText('Vrouwen'), { target: { value: '17' } })
    await fireEvent.click(screen.getByLabelText('Opvoeding'))
    // Half a show of hands: the "before" count, the talk still to come.
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    const knowsHelp = () => screen.getByRole('group', { name: 'Weet waar je hulp kunt vinden' })
    await fireEvent.input(within(knowsHelp()).getByLabelText('Voor'), { target: { value: '6' } })
    // The window goes to the background: the app locks, after writing the draft.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    await screen.findByRole('heading', { name: 'Ontgrendelen' })
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    expect(document.body.textContent, 'nothing of the form on the lock screen').not.toContain('17')
    const kept = lastCall(calls, 'save_draft')!.args
    expect(kept.form).toBe('activity')
    expect(JSON.parse(kept.body).form).toMatchObject({ kind: 'group_meeting', women: 17, themes: ['opvoeding'] })
    const lockAt = calls.findIndex((c) => c.cmd === 'lock')
    expect(calls.findIndex((c) => c.cmd === 'save_draft')).toBeLessThan(lockAt)

    await fireEvent.input(screen.getByLabelText('Wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    const banner = await screen.findByTestId('draft-banner')
    expect(banner.textContent).toContain('Gespreksbijeenkomst')
    await fireEvent.click(within(banner).getByRole('button', { name: 'Verder invullen' }))
    expect(((await screen.findByLabelText('Vrouwen')) as HTMLInputElement).value).toBe('17')
    expect((within(knowsHelp()).getByLabelText('Voor') as HTMLInputElement).value, 'half a show of hands kept').toBe('6')
    await fireEvent.input(within(knowsHelp()).getByLabelText('Na'), { target: { value: '14' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    expect(lastCall(calls, 'record_activity')!.args.input).toMatchObject({
      women: 17,
      themes: ['opvoeding'],
      hands: [{ statement: 'knows_help', before: 6, after: 14 }],
    })
    expect(screen.queryByTestId('draft-banner'), 'saved: no draft left').toBeNull()
  })

  it('the quick exit keeps what was typed as a draft in the store only, and the neutral screen shows none of it', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Bijeenkomst' }))
    await fireEvent.input(await screen.findByLabelText('Vrouwen'), { target: { value: '23' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Meer invullen' }))
    await fireEvent.input(screen.getByLabelText(/Notities/), { target: { value: 'draftmarker-Q7' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Snel weg' }))
    await screen.findByRole('heading', { name: 'Notities' })
    await waitFor(() => expect(lastCall(calls, 'lock')).toBeDefined())
    expect(document.body.textContent).not.toContain('draftmarker-Q7')
    expect(document.title).toBe('Notities')
    const saves = calls.filter((c) => c.cmd === 'save_draft')
    expect(JSON.parse(saves.at(-1)!.args.body).form.notes, 'written before the lock').toBe('draftmarker-Q7')
    expect(calls.findIndex((c) => c.cmd === 'save_draft')).toBeLessThan(calls.findIndex((c) => c.cmd === 'lock'))
    // Browser storage holds the app's language and nothing else: never the draft.
    expect(Object.keys(localStorage)).toEqual(['locale'])
  })

  it('a referral gets a code, links to the activity it came from, and a status change defaults to today', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: 'Gesprek' }))
    await fireEvent.click(await screen.findByLabelText('Opvoeding'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await fireEvent.click(await within(await screen.findByTestId('toast')).findByRole('button', { name: 'Doorverwijzen' }))
    const destination = (await screen.findByLabelText('Verwezen naar')) as HTMLSelectElement
    expect(destination.value, 'no destination is chosen for the volunteer').toBe('')
    expect((screen.getByLabelText('Niet gevraagd') as HTMLInputElement).checked).toBe(true)
    await fireEvent.change(destination, { target: { value: 'veilig_thuis' } })
    expect(screen.getByTestId('melding-hint').textContent).toContain('zodra je echt hebt doorverwezen')
    await fireEvent.click(screen.getByLabelText('Nog niet'))
    await fireEvent.click(screen.getByRole('button', { name: "Alle thema's tonen" }))
    await fireEvent.click(screen.getByLabelText('Huiselijk geweld'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('heading', { name: 'Doorverwijzingen' })
    expect(lastCall(calls, 'record_referral')!.args).toMatchObject({ fromActivity: 1, input: { status: 'proposed' } })
    expect(screen.getByTestId('toast').textContent).toContain('Opgeslagen met code R002-Q9XM')
    const group = await screen.findByRole('region', { name: 'Voorgesteld (1)' })
    await fireEvent.click(within(group).getByRole('button', { name: 'Bijwerken' }))
    expect((within(group).getByLabelText('Vandaag') as HTMLInputElement).checked).toBe(true)
    await fireEvent.change(within(group).getByLabelText('Wat is er nu gebeurd?'), { target: { value: 'made' } })
    await fireEvent.click(within(group).getByRole('button', { name: 'Opslaan' }))
    await screen.findByRole('region', { name: 'Doorverwezen (1)' })
    expect(lastCall(calls, 'change_referral_status')!.args).toEqual({ id: 2, status: 'made', date: todayIso() })
    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('Nu bij: Doorverwezen.'))
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-referral'), 'the moved card keeps the focus').toBe('2'),
    )
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
    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
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
    expect(status.textContent).toContain('Alles is verstuurd.')
    expect(calls.every((c) => !['fetch', 'http'].includes(c.cmd))).toBe(true)
  })

  it('sync: a link from the coordinator pasted into a field fills the address and the code', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
    const address = (await screen.findByLabelText('Adres van de coördinator')) as HTMLInputElement
    await fireEvent.input(address, { target: { value: 'sleutel://kapot' } })
    expect((await screen.findByRole('alert')).textContent).toContain('Dit is geen koppellink')
    // Right under the field it was pasted in, and tied to it.
    expect(address.getAttribute('aria-describedby')).toBe('coordinator-problem')
    expect(address.nextElementSibling?.id).toBe('coordinator-problem')
    await fireEvent.input(address, {
      target: { value: ' sleutel://enrol?server=https%3A%2F%2Fsleutel.example.nl&code=DEMO-CODE-2026 ' },
    })
    await waitFor(() => expect(address.value).toBe('https://sleutel.example.nl'))
    expect((screen.getByLabelText('Koppelcode') as HTMLInputElement).value).toBe('DEMO-CODE-2026')
    expect(screen.getByText('Adres en code zijn ingevuld uit de link.')).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }))
    expect((await screen.findByTestId('sync-status')).textContent).toContain('Gekoppeld aan Stichting Demo.')
    expect(lastCall(calls, 'enrol')!.args).toEqual({ coordinator: 'https://sleutel.example.nl', code: 'DEMO-CODE-2026', label: '' })
  })

  it('sync: on a phone the QR code is scanned and fills the address and the code; the desktop shows no scan', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
    await screen.findByLabelText('Adres van de coördinator')
    expect(screen.queryByRole('button', { name: 'QR-code scannen' })).toBeNull()
    cleanup()

    const desktop = navigator.userAgent
    Object.defineProperty(navigator, 'userAgent', { value: 'Mozilla/5.0 (Linux; Android 14) Mobile', configurable: true })
    try {
      await openUnlocked(calls)
      await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
      await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
      await fireEvent.click(await screen.findByRole('button', { name: 'QR-code scannen' }))
      const address = screen.getByLabelText('Adres van de coördinator') as HTMLInputElement
      await waitFor(() => expect(address.value).toBe('https://sleutel.example.nl'))
      expect((screen.getByLabelText('Koppelcode') as HTMLInputElement).value).toBe('DEMO-CODE-2026')
      expect(calls.some((c) => c.cmd === 'plugin:barcode-scanner|scan')).toBe(true)
    } finally {
      Object.defineProperty(navigator, 'userAgent', { value: desktop, configurable: true })
    }
  })

  it('sync: a revoked device links again with a new code, without counting anything twice', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
    await fireEvent.input(await screen.findByLabelText('Adres van de coördinator'), {
      target: { value: 'https://ingetrokken.example.nl' },
    })
    await fireEvent.input(screen.getByLabelText('Koppelcode'), { target: { value: 'DEMO-CODE-2026' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }))
    await screen.findByTestId('sync-status')
    await fireEvent.click(screen.getByRole('button', { name: 'Nu versturen' }))
    await screen.findByRole('heading', { name: 'Opnieuw koppelen' })
    expect(screen.getByTestId('sync-status').textContent).toContain('uitgezet')
    // A link for another coordinator is refused; one for this coordinator gives its code.
    const reCode = screen.getByLabelText('Koppelcode') as HTMLInputElement
    await fireEvent.input(reCode, { target: { value: 'sleutel://enrol?server=https%3A%2F%2Fandere.example.nl&code=ANDER-CODE' } })
    expect((await screen.findByRole('alert')).textContent).toContain('andere coördinator')
    await fireEvent.input(reCode, {
      target: { value: 'sleutel://enrol?server=https%3A%2F%2Fingetrokken.example.nl&code=NIEUW-CODE-2026' },
    })
    await waitFor(() => expect(reCode.value).toBe('NIEUW-CODE-2026'))
    await fireEvent.input(screen.getByLabelText('Koppelcode'), { target: { value: 'NIEUW-CODE-2026' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Opnieuw koppelen' }))
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Opnieuw koppelen' })).toBeNull())
    expect(lastCall(calls, 're_enrol')!.args).toEqual({ code: 'NIEUW-CODE-2026', label: '' })
    expect(screen.getByTestId('sync-status').textContent).toContain('Alles is verstuurd.')
  })

  it('settings: the auto-lock time is saved and used, the passphrase change checks the repeat', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Instellingen' }))
    await fireEvent.change(await screen.findByLabelText('Automatisch vergrendelen na'), { target: { value: '10' } })
    await fireEvent.change(screen.getByLabelText('Alles wissen na mislukte pogingen'), { target: { value: '10' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByText('Instellingen opgeslagen.')
    expect(lastCall(calls, 'update_settings')!.args.settings).toMatchObject({
      auto_lock_minutes: 10,
      retention_months: 24,
      wipe_after: 10,
      discreet: false,
    })
    await fireEvent.input(screen.getByLabelText('Huidige wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.input(screen.getByLabelText('Nieuwe wachtzin'), { target: { value: 'een nieuwe zin' } })
    await fireEvent.input(screen.getByLabelText('Herhaal de wachtzin'), { target: { value: 'een andere zin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }))
    expect((await screen.findByRole('alert')).textContent).toBe('De twee wachtzinnen zijn niet gelijk.')
    expect(lastCall(calls, 'change_passphrase')).toBeUndefined()
    // A changed passphrase changes the recovery code: the new one is shown once, until it is written down.
    await fireEvent.input(screen.getByLabelText('Huidige wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.input(screen.getByLabelText('Nieuwe wachtzin'), { target: { value: 'een nieuwe zin' } })
    await fireEvent.input(screen.getByLabelText('Herhaal de wachtzin'), { target: { value: 'een nieuwe zin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Wachtzin wijzigen' }))
    expect((await screen.findByTestId('recovery-code')).textContent?.replace(/\s/g, '')).toBe('N3WC-0D3A-B7KQ-M2XR-P9TV')
    const done = screen.getByRole('button', { name: 'Klaar' }) as HTMLButtonElement
    expect(done.disabled).toBe(true)
    await fireEvent.click(screen.getByLabelText('Ik heb de code opgeschreven'))
    await fireEvent.click(done)
    expect(screen.queryByTestId('recovery-code')).toBeNull()
    // Every secret field stays out of password managers and spell checkers.
    for (const field of document.querySelectorAll('input[type="password"]')) {
      expect([field.getAttribute('autocomplete'), field.getAttribute('spellcheck')], field.id).toEqual(['off', 'false'])
    }
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

  it('settings: the neutral name titles every screen, and the duress passphrase leaves a first start', async () => {
    await openUnlocked(calls)
    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Instellingen' }))
    await fireEvent.click(await screen.findByLabelText('Toon de app als „Notities”'))
    await fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }))
    await screen.findByText('Instellingen opgeslagen.')
    // The emergency passphrase: checked against the usual one and its repeat.
    await fireEvent.input(screen.getByLabelText('Je gewone wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.input(screen.getByLabelText('Noodwachtzin (anders dan je wachtzin)'), { target: { value: 'noodwachtzin' } })
    await fireEvent.input(screen.getByLabelText('Herhaal de noodwachtzin'), { target: { value: 'iets anders' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Noodwachtzin opslaan' }))
    expect((await screen.findByRole('alert')).textContent).toBe('De twee wachtzinnen zijn niet gelijk.')
    await fireEvent.input(screen.getByLabelText('Je gewone wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.input(screen.getByLabelText('Noodwachtzin (anders dan je wachtzin)'), { target: { value: 'noodwachtzin' } })
    await fireEvent.input(screen.getByLabelText('Herhaal de noodwachtzin'), { target: { value: 'noodwachtzin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Noodwachtzin opslaan' }))
    await screen.findByText('Noodwachtzin opgeslagen.')
    expect(lastCall(calls, 'set_duress_passphrase')!.args).toEqual({ current: 'juiste wachtzin', duress: 'noodwachtzin' })
    expect(screen.getByText('Je hebt een noodwachtzin.')).toBeTruthy()

    await fireEvent.click(screen.getByRole('button', { name: named('Meer') }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Vergrendelen' }))
    await screen.findByRole('heading', { name: 'Ontgrendelen' })
    await waitFor(() => expect(document.title).toBe('Notities'))
    expect(lastCall(calls, 'set_window_title')!.args).toEqual({ title: 'Notities' })
    await fireEvent.input(screen.getByLabelText('Wachtzin'), { target: { value: 'noodwachtzin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    await screen.findByText('Welkom bij Sleutel')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
