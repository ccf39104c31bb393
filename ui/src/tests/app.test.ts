import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import App from '../App.svelte'
import { fakeBackend, recordCalls } from './harness'

/** Secret fields stay out of password managers (a shared phone would offer the passphrase) and spell checkers. */
function expectSecretFieldsPrivate() {
  const fields = document.querySelectorAll('input[type="password"]')
  expect(fields.length).toBeGreaterThan(0)
  for (const field of fields) {
    expect([field.getAttribute('autocomplete'), field.getAttribute('spellcheck')], field.id).toEqual(['off', 'false'])
  }
}

describe('the app', () => {
  const calls = recordCalls()

  it('first start: choose a passphrase, see the recovery code once, then unlock', async () => {
    fakeBackend('setup', calls)
    render(App)
    await screen.findByText('Welkom bij Sleutel')
    expectSecretFieldsPrivate()
    await fireEvent.input(screen.getByLabelText('Wachtzin'), { target: { value: 'juiste wachtzin' } })
    expect(screen.getByText('Redelijk: nog een woord erbij maakt hem sterk.')).toBeTruthy()
    await fireEvent.input(screen.getByLabelText('Herhaal de wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.click(screen.getByText('Doorgaan'))
    expect((await screen.findByTestId('recovery-code')).textContent).toBe('7K3F-Q9XM-2D4P-RT8V-W6HJ')
    expect(calls.find((c) => c.cmd === 'setup')?.args).toEqual({ passphrase: 'juiste wachtzin' })
    const done = screen.getByText('Klaar') as HTMLButtonElement
    expect(done.disabled).toBe(true)
    await fireEvent.click(screen.getByLabelText('Ik heb de code opgeschreven'))
    await fireEvent.click(done)
    await screen.findByRole('heading', { name: 'Ontgrendelen' })
    expectSecretFieldsPrivate()
  })

  it('a wrong passphrase shows the translated error, the right one opens home with totals', async () => {
    fakeBackend('locked', calls)
    render(App)
    await fireEvent.input(await screen.findByLabelText('Wachtzin'), { target: { value: 'fout' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Dat klopt niet. Probeer het opnieuw.')
    await fireEvent.input(screen.getByLabelText('Wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    expect((await screen.findByTestId('follow-ups')).textContent).toBe('Niets om op te volgen.')
    expect(screen.getByText('1.234')).toBeTruthy()
  })

  it('quick exit locks at once and shows a neutral screen', async () => {
    fakeBackend('unlocked', calls)
    render(App)
    await screen.findByRole('heading', { name: 'Overzicht' })
    await fireEvent.click(screen.getByText('Snel weg'))
    await screen.findByText('Notities')
    expect(calls.some((c) => c.cmd === 'lock')).toBe(true)
    expect(screen.queryByText('Overzicht')).toBeNull()
    expect(document.body.textContent).not.toMatch(/Sleutel|Doorverwijzing|Huisbezoek/)
  })

  it('hiding the window locks the app', async () => {
    fakeBackend('unlocked', calls)
    render(App)
    await screen.findByRole('heading', { name: 'Overzicht' })
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    document.dispatchEvent(new Event('visibilitychange'))
    await screen.findByRole('heading', { name: 'Ontgrendelen' })
    expect(calls.some((c) => c.cmd === 'lock')).toBe(true)
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
  })

  it('a half-typed connection survives the lock of leaving the app to copy the code; the quick exit drops it', async () => {
    fakeBackend('unlocked', calls)
    render(App)
    await screen.findByRole('heading', { name: 'Overzicht' })
    await fireEvent.click(screen.getByRole('button', { name: (n) => n.replace(/\u00ad/g, '') === 'Meer' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
    await fireEvent.input(await screen.findByLabelText('Adres van de coördinator'), { target: { value: 'https://sleutel.example.nl' } })
    await fireEvent.input(screen.getByLabelText(/Naam voor dit apparaat/), { target: { value: 'Telefoon Noord' } })
    const hide = (state: string) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
      document.dispatchEvent(new Event('visibilitychange'))
    }
    hide('hidden')
    await screen.findByRole('heading', { name: 'Ontgrendelen' })
    hide('visible')
    await fireEvent.input(screen.getByLabelText('Wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    const address = (await screen.findByLabelText('Adres van de coördinator')) as HTMLInputElement
    expect(address.value).toBe('https://sleutel.example.nl')
    expect((screen.getByLabelText(/Naam voor dit apparaat/) as HTMLInputElement).value).toBe('Telefoon Noord')

    await fireEvent.click(screen.getByText('Snel weg'))
    await screen.findByText('Notities')
    await fireEvent.click(screen.getByText('Openen'))
    await fireEvent.input(await screen.findByLabelText('Wachtzin'), { target: { value: 'juiste wachtzin' } })
    await fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }))
    await screen.findByRole('heading', { name: 'Overzicht' })
    await fireEvent.click(screen.getByRole('button', { name: (n) => n.replace(/\u00ad/g, '') === 'Meer' }))
    await fireEvent.click(await screen.findByRole('button', { name: 'Cijfers versturen' }))
    expect(((await screen.findByLabelText('Adres van de coördinator')) as HTMLInputElement).value).toBe('')
  })

  it('choosing Arabic switches the whole page to right-to-left', async () => {
    fakeBackend('setup', calls)
    render(App)
    const select = (await screen.findByLabelText('Taal')) as HTMLSelectElement
    await fireEvent.change(select, { target: { value: 'ar' } })
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'))
    expect(document.documentElement.lang).toBe('ar')
    expect(screen.getByText('مرحبًا بك في Sleutel')).toBeTruthy()
  })
})
