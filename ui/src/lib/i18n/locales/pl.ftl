app-name = Sleutel
quick-exit = Szybkie wyjście
neutral-title = Notatki
neutral-body = Brak notatek.
neutral-open = Otwórz

language-label = Język

first-start-title = Witamy w Sleutel
first-start-intro = Wszystko, co tu zapiszesz, pozostaje zaszyfrowane na tym urządzeniu. Wybierz hasło, które znasz tylko ty.
passphrase-label = Hasło
passphrase-repeat-label = Powtórz hasło
passphrase-hint = Co najmniej 8 znaków. Krótkie zdanie ze zwykłych słów jest silne i łatwe do zapamiętania.
strength-weak = Słabe: wydłuż je.
strength-fair = Średnie: jeszcze jedno słowo uczyni je silnym.
strength-strong = Silne.
passphrase-mismatch = Oba hasła nie są takie same.
create-button = Dalej
recovery-title = Twój kod odzyskiwania
recovery-explanation = Zapisz ten kod i przechowuj go w bezpiecznym miejscu. Dzięki niemu wejdziesz, jeśli zapomnisz hasła. Jest pokazywany tylko raz.
recovery-confirm = Zapisałem(-am) kod
recovery-done = Gotowe

unlock-title = Odblokuj
unlock-button = Odblokuj
use-recovery-code = Nie pamiętasz hasła? Użyj kodu odzyskiwania
use-passphrase = Użyj hasła
recovery-code-label = Kod odzyskiwania
unlock-wait = Poczekaj chwilę: spróbuj ponownie za { $seconds } s.
unlock-attempts = { $count ->
    [one] Została { $count } próba, zanim wszystko zostanie usunięte.
    [few] Zostały { $count } próby, zanim wszystko zostanie usunięte.
   *[other] Zostało { $count } prób, zanim wszystko zostanie usunięte.
}

home-title = Przegląd
action-home-visit = Wizyta domowa
action-meeting = Spotkanie
action-conversation = Rozmowa
action-referral = Skierowanie
follow-ups = { $count ->
    [0] Nic do sprawdzenia.
    [one] { $count } sprawa do sprawdzenia.
    [few] { $count } sprawy do sprawdzenia.
   *[other] { $count } spraw do sprawdzenia.
}
month-totals = Ten miesiąc
total-activities = Działania
total-participants = Uczestnicy
total-referrals = Skierowania
lock-button = Zablokuj

error-wrong_secret = To nie jest poprawne. Spróbuj ponownie.
error-unlock_throttled = Zbyt wiele prób. Poczekaj chwilę.
error-passphrase_too_short = Hasło musi mieć co najmniej 8 znaków.
error-recovery_code_malformed = To nie jest prawidłowy kod odzyskiwania. Sprawdź znaki.
error-store_wiped = Po zbyt wielu próbach wszystko na tym urządzeniu zostało usunięte.
error-unknown = Coś poszło nie tak. Spróbuj ponownie.
