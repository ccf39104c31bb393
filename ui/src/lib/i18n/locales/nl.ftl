app-name = Sleutel
quick-exit = Snel weg
neutral-title = Notities
neutral-body = Geen notities.
neutral-open = Openen

language-label = Taal

first-start-title = Welkom bij Sleutel
first-start-intro = Alles wat u hier vastlegt, blijft versleuteld op dit apparaat. Kies een wachtzin die alleen u kent.
passphrase-label = Wachtzin
passphrase-repeat-label = Herhaal de wachtzin
passphrase-hint = Minstens 8 tekens. Een korte zin van gewone woorden is sterk en goed te onthouden.
strength-weak = Zwak: maak hem langer.
strength-fair = Redelijk: nog een woord erbij maakt hem sterk.
strength-strong = Sterk.
passphrase-mismatch = De twee wachtzinnen zijn niet gelijk.
create-button = Doorgaan
recovery-title = Uw herstelcode
recovery-explanation = Schrijf deze code op en bewaar hem op een veilige plek. Hiermee komt u erin als u de wachtzin vergeet. Hij wordt maar één keer getoond.
recovery-confirm = Ik heb de code opgeschreven
recovery-done = Klaar

unlock-title = Ontgrendelen
unlock-button = Ontgrendelen
use-recovery-code = Wachtzin vergeten? Gebruik de herstelcode
use-passphrase = Wachtzin gebruiken
recovery-code-label = Herstelcode
unlock-wait = Even wachten: probeer het over { $seconds } seconden opnieuw.
unlock-attempts = { $count ->
    [one] Nog { $count } poging voordat alles wordt gewist.
   *[other] Nog { $count } pogingen voordat alles wordt gewist.
}

home-title = Overzicht
action-home-visit = Huisbezoek
action-meeting = Bijeenkomst
action-conversation = Gesprek
action-referral = Doorverwijzing
follow-ups = { $count ->
    [0] Niets om op te volgen.
    [one] { $count } punt om op te volgen.
   *[other] { $count } punten om op te volgen.
}
month-totals = Deze maand
total-activities = Activiteiten
total-participants = Deelnemers
total-referrals = Doorverwijzingen
lock-button = Vergrendelen

error-wrong_secret = Dat klopt niet. Probeer het opnieuw.
error-unlock_throttled = Te veel pogingen. Even wachten.
error-passphrase_too_short = De wachtzin moet minstens 8 tekens hebben.
error-recovery_code_malformed = Dat is geen geldige herstelcode. Controleer de tekens.
error-store_wiped = Na te veel pogingen is alles op dit apparaat gewist.
error-unknown = Er ging iets mis. Probeer het opnieuw.
