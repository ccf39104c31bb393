app-name = Sleutel
quick-exit = Snel weg
neutral-title = Notities
neutral-body = Geen notities.
neutral-open = Openen

language-label = Taal

first-start-title = Welkom bij Sleutel
first-start-intro = Alles wat je hier vastlegt, blijft versleuteld op dit apparaat. Kies een wachtzin die alleen jij kent.
passphrase-label = Wachtzin
passphrase-repeat-label = Herhaal de wachtzin
passphrase-hint = Minstens 8 tekens. Een korte zin van gewone woorden is sterk en goed te onthouden.
strength-weak = Zwak: maak hem langer.
strength-fair = Redelijk: nog een woord erbij maakt hem sterk.
strength-strong = Sterk.
passphrase-mismatch = De twee wachtzinnen zijn niet gelijk.
create-button = Doorgaan
recovery-title = Je herstelcode
recovery-explanation = Schrijf deze code op en bewaar hem op een veilige plek. Ben je de wachtzin vergeten? Dan kom je hiermee toch binnen. Je ziet de code maar één keer.
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

nav-label = Menu
nav-home = Overzicht
nav-referrals = Opvolgen
nav-work = Mijn werk
back-button = Terug
save-button = Opslaan
cancel-button = Annuleren
edit-button = Wijzigen
delete-button = Verwijderen
undo-button = Ongedaan maken
busy = Even geduld…
optional = (niet verplicht)

activity-new-title = Nieuwe activiteit
activity-edit-title = Activiteit wijzigen
field-kind = Soort activiteit
field-date = Datum
field-duration = Duur in minuten
field-municipality = Gemeente
field-location = Plaats
field-languages = Gesproken talen
field-themes = Thema's
field-professional = Was er een professional bij?
professional-none = Nee
more-themes = Alle thema's tonen
fewer-themes = Minder thema's tonen
more-languages = Alle talen tonen
field-participants = Deelnemers
tally-women = Vrouwen
tally-men = Mannen
tally-other = Anders
tally-less = Eén minder: { $group }
tally-more = Eén meer: { $group }
tally-total = Totaal: { $count }
field-notes = Notities
notes-hint = Schrijf geen namen, adressen, telefoonnummers of andere dingen waaraan iemand te herkennen is.
pii-title = Dit kan iemand herkenbaar maken. Haal het weg voor je opslaat:
pii-email = een e-mailadres
pii-iban = een rekeningnummer
pii-postcode_house_number = een postcode met huisnummer
pii-address = een adres
pii-phone = een telefoonnummer
pii-date_of_birth = een geboortedatum
pii-bsn = een burgerservicenummer
pii-name = een naam
pii-found = { $kind }: „{ $text }”
saved-activity = Opgeslagen.
updated-activity = Wijziging opgeslagen.
deleted-activity = Verwijderd.
undone = Teruggezet.

referral-new-title = Nieuwe doorverwijzing
referral-edit-title = Doorverwijzing wijzigen
field-destination = Verwezen naar
field-urgency = Hoe dringend?
urgency-normal = Gewoon
urgency-urgent = Dringend
urgency-acute = Acuut
acute-hint = Bij acuut gevaar: bel 112.
field-consent = Wil de persoon dit?
consent-yes = Ja
consent-no = Nee
consent-not_asked = Niet gevraagd
field-accompanied = Ik ga mee of breng de persoon zelf in contact
field-first-status = Heb je al doorverwezen?
field-follow-up = Opvolgen op
follow-up-hint = Op die dag staat het bij "opvolgen" op je overzicht.
referral-saved = Opgeslagen met code { $code }. Schrijf nooit een naam bij deze code.

status-proposed = Voorgesteld
status-made = Doorverwezen
status-contact_confirmed = Contact bevestigd
status-help_started = Hulp gestart
status-closed = Afgerond
status-declined = Afgewezen
status-unknown = Onbekend

referrals-title = Doorverwijzingen
referrals-empty = Nog geen doorverwijzingen.
referral-line = { $destination } · { $date }
referral-since = { $status } sinds { $date }
follow-up-due = Opvolgen
follow-up-on = Opvolgen op { $date }
change-status-label = Wat is er nu gebeurd?
status-date-label = Wanneer?
change-status-button = Opslaan
set-follow-up-button = Opvolgdatum opslaan
status-changed = Opgeslagen. Nu bij: { $status }.
follow-up-saved = Opvolgdatum opgeslagen.
confirm-delete = Weet je het zeker? Verwijderen kan niet ongedaan worden.
deleted-referral = Doorverwijzing verwijderd.

work-title = Mijn werk
work-thanks = Dit is wat jij de laatste 12 maanden hebt gedaan. Dank je wel.
work-activities-per-month = Activiteiten per maand
work-participants-per-month = Deelnemers per maand
work-by-theme = Activiteiten per thema
work-by-kind = Activiteiten per soort
work-recent = Recent vastgelegd
work-empty = Nog niets vastgelegd in de afgelopen twaalf maanden.
work-month = Maand
work-count = Aantal
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } deelnemer
   *[other] { $count } deelnemers
}

sync-title = Cijfers versturen
sync-intro = Alleen getallen per maand gaan naar je coördinator. Nooit notities, namen of andere details.
enrol-title = Koppelen aan je coördinator
enrol-intro = Je coördinator geeft je een link, of een adres en een koppelcode. Een link kun je in een van de velden plakken: dan worden beide ingevuld.
field-coordinator = Adres van de coördinator
field-enrol-code = Koppelcode
enrol-link-read = Adres en code zijn ingevuld uit de link.
enrol-scan-button = QR-code scannen
field-device-label = Naam voor dit apparaat
device-label-hint = Je coördinator ziet deze naam in de lijst van apparaten. Gebruik geen naam, telefoonnummer of e-mail.
enrol-button = Koppelen
reenrol-title = Opnieuw koppelen
reenrol-intro = Vraag je coördinator om een nieuwe koppelcode. Je cijfers blijven bewaard en tellen maar één keer.
reenrol-button = Opnieuw koppelen
sync-organisation = Gekoppeld aan { $organisation }.
sync-last = Laatst verstuurd: { $when }.
sync-never = Nog niets verstuurd.
sync-pending = { $count ->
    [0] Alles is verstuurd.
    [one] Nog { $count } getal te versturen.
   *[other] Nog { $count } getallen te versturen.
}
sync-rejected = { $count ->
    [one] { $count } getal is niet aangenomen. Vraag je coördinator wat er mis is.
   *[other] { $count } getallen zijn niet aangenomen. Vraag je coördinator wat er mis is.
}
sync-problem = Probleem: { $problem }
sync-now-button = Nu versturen
sync-running = Bezig met versturen…
sync-done = Verstuurd.

settings-title = Instellingen
field-auto-lock = Automatisch vergrendelen na
minutes-option = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
field-retention = Details bewaren
months-option = { $count } maanden
retention-hint = Daarna worden de details gewist. De aantallen blijven.
retention-confirm = Details ouder dan { $count } maanden worden nu gewist. De aantallen blijven. Weet je het zeker?
retention-confirm-button = Ja, opslaan en wissen
field-wipe-after = Alles wissen na mislukte pogingen
wipe-never = Nooit
attempts-option = Na { $count } pogingen
settings-saved = Instellingen opgeslagen.
passphrase-change-title = Wachtzin wijzigen
current-passphrase-label = Huidige wachtzin
new-passphrase-label = Nieuwe wachtzin
change-passphrase-button = Wachtzin wijzigen
passphrase-changed = Wachtzin gewijzigd.
recovery-new-title = Nieuwe herstelcode
recovery-new-intro = Is je herstelcode kwijt, of heeft iemand anders hem gezien? Maak een nieuwe. De oude werkt dan niet meer.
recovery-new-button = Nieuwe herstelcode maken
recovery-new-explanation = Schrijf deze nieuwe code op. De oude herstelcode werkt niet meer. Je ziet de code maar één keer.
backup-title = Reservekopie
backup-intro = Een reservekopie is versleuteld. Je opent hem met de wachtzin of herstelcode van het moment dat je hem maakte.
backup-button = Reservekopie maken
backup-made = Reservekopie gemaakt: { $name } in { $folder }.
restore-title = Reservekopie terugzetten
restore-choose = Kies een reservekopie
restore-secret = Wachtzin van die reservekopie
restore-warning = Terugzetten vervangt alles op dit apparaat door de reservekopie.
restore-button = Terugzetten
restore-done = Reservekopie teruggezet.
backups-none = Nog geen reservekopieën.

error-locked = De app is vergrendeld. Ontgrendel eerst.
error-invalid_setting = Deze instelling kan niet.
error-not_found = Dit bestaat niet (meer).
error-date_in_future = De datum ligt in de toekomst.
error-date_too_old = De datum ligt te ver terug.
error-date_malformed = Vul een geldige datum in.
error-duration_out_of_range = De duur moet tussen 1 en 1440 minuten liggen.
error-tally_out_of_range = Dat aantal deelnemers kan niet.
error-tally_empty = Tel minstens één deelnemer.
error-new_participants_exceed_total = Er zijn meer nieuwe deelnemers dan deelnemers.
error-unknown_code = Kies een waarde uit de lijst.
error-duplicate_code = Een waarde staat er twee keer in.
error-code_required = Kies minstens één waarde.
error-too_many_codes = Te veel gekozen.
error-text_too_long = De tekst is te lang.
error-label_identifies = Deze naam zegt wie het is (een naam, nummer of e-mail). Kies een naam zonder persoonsgegevens, zoals „Telefoon 3”.
error-text_control_characters = De tekst bevat vreemde tekens.
error-status_transition_not_allowed = Die stand kan niet na de huidige.
error-status_date_out_of_order = De datum ligt vóór de vorige stand.
error-follow_up_before_referral = De opvolgdatum ligt vóór de verwijzing.
error-follow_up_too_far = De opvolgdatum ligt te ver weg.
error-not_enrolled = Dit apparaat is nog niet gekoppeld.
error-already_enrolled = Dit apparaat is al gekoppeld.
error-invalid_url = Dat is geen geldig adres.
error-insecure_url = Het adres moet beginnen met https://.
error-not_an_enrolment_link = Dit is geen koppellink. Vraag je coördinator om een nieuwe link of code.
error-other_coordinator = Deze link is voor een andere coördinator. Vraag je eigen coördinator om een nieuwe code.
error-scan_failed = Het scannen lukte niet. Probeer het opnieuw, of typ het adres en de code.
error-network_unreachable = De coördinator is niet bereikbaar. Het wordt later opnieuw geprobeerd.
error-bad_reply = Het antwoord van de coördinator was niet te begrijpen. Het wordt later opnieuw geprobeerd.
error-device_revoked = Je coördinator heeft dit apparaat uitgezet. Vraag om een nieuwe code.
error-unknown_device = De coördinator kent dit apparaat niet. Koppel opnieuw met een nieuwe code.
error-enrolment_code_invalid = De code klopt niet, is al gebruikt of verlopen. Vraag om een nieuwe code.
error-clock_skew = De klok van dit apparaat loopt verkeerd. Controleer datum en tijd.
error-rate_limited = De coördinator heeft het druk. Het wordt later opnieuw geprobeerd.
error-backup_corrupt = Dit bestand is beschadigd of geen reservekopie.
error-store_already_exists = Er staat hier al een kluis.

kind-home_visit = Huisbezoek
kind-group_meeting = Gespreksbijeenkomst
kind-individual_talk = Individueel gesprek
kind-phone_contact = Telefonisch contact
kind-drop_in_hour = Spreekuur
kind-mediation = Bemiddeling
kind-training = Training of workshop
kind-other = Overig

theme-huiselijk_geweld = Huiselijk geweld
theme-partnergeweld = Partnergeweld
theme-kindermishandeling = Kindermishandeling
theme-ouderenmishandeling = Ouderenmishandeling
theme-eergerelateerd_geweld = Eergerelateerd geweld
theme-huwelijksdwang = Huwelijksdwang
theme-huwelijksgevangenschap = Huwelijksgevangenschap
theme-achterlating = Achterlating
theme-vrouwelijke_genitale_verminking = Meisjesbesnijdenis / vrouwelijke genitale verminking
theme-lhbti_discriminatie = Discriminatie van LHBTI-personen
theme-zelfbeschikking = Zelfbeschikking en sociale controle
theme-isolement = Isolement
theme-mensenhandel = Mensenhandel
theme-schulden_armoede = Schulden en armoede
theme-opvoeding = Opvoeding
theme-psychische_nood = Psychische nood
theme-overig = Overig

location-home = Bij iemand thuis
location-mosque = Moskee
location-church = Kerk
location-other_religious = Andere gebedsruimte
location-community_centre = Buurthuis / wijkcentrum
location-self_organisation = Zelforganisatie / vereniging
location-school = School
location-cjg = CJG
location-library = Bibliotheek
location-professional_office = Bij een hulpverlener
location-public_space = Openbare ruimte
location-online = Online
location-phone = Telefoon
location-other = Overig

language-nl = Nederlands
language-en = Engels
language-tr = Turks
language-ar = Arabisch
language-tzm = Tamazight (Berbers)
language-so = Somalisch
language-pl = Pools
language-ti = Tigrinya
language-fa = Farsi / Dari
language-ku = Koerdisch
language-pap = Papiaments
language-srn = Sranantongo
language-hns = Sarnami
language-ps = Pashtoe
language-uk = Oekraïens
language-ru = Russisch
language-fr = Frans
language-other = Andere taal

org-veilig_thuis = Veilig Thuis
org-wijkteam = Wijkteam / sociaal wijkteam
org-huisarts = Huisarts
org-politie = Politie
org-lkha = Landelijk Knooppunt Huwelijksdwang en Achterlating (LKHA)
org-ggd = GGD
org-vrouwenopvang = Vrouwenopvang / Blijf van m'n Lijf
org-amw = Algemeen maatschappelijk werk
org-schuldhulpverlening = Schuldhulpverlening
org-jeugdzorg_cjg = Jeugdzorg / CJG
org-ggz = GGZ
org-slachtofferhulp = Slachtofferhulp
org-juridisch_loket = Juridisch Loket / sociaal raadslieden
org-other = Overig

unlock-attempts-before-wait = { $count ->
    [one] Nog { $count } keer proberen. Daarna moet je even wachten.
   *[other] Nog { $count } keer proberen. Daarna moet je even wachten.
}
nav-more = Meer
more-title = Meer
close-button = Sluiten
draft-title = Nog niet klaar
draft-continue = Verder invullen
draft-discard = Weggooien
draft-discarded = Weggegooid.
form-discarded = Niet opgeslagen.
refer-from-activity = Doorverwijzen
field-when = Wanneer?
date-today = Vandaag
date-yesterday = Gisteren
date-other-day = Andere dag
date-none = Geen datum
date-previous-month = Vorige maand
date-next-month = Volgende maand
date-in-one-week = Over 1 week
date-in-two-weeks = Over 2 weken
date-no-follow-up = Niet nodig
field-who = Met wie?
who-women = Vrouw
who-men = Man
who-other = Anders
field-new-person = Is dit de eerste keer met deze persoon?
answer-yes = Ja
answer-no = Nee
field-new-participants = Hoeveel mensen kwamen voor het eerst?
more-details = Meer invullen
less-details = Minder tonen
confirm-no-participants = Je hebt niemand geteld. Was er echt niemand?
confirm-save-anyway = Ja, opslaan
confirm-count-first = Nee, eerst tellen
first-status-made = Ja, gedaan
first-status-proposed = Nog niet
melding-hint = Dit telt als melding bij Veilig Thuis zodra je echt hebt doorverwezen. Alleen voorgesteld telt nog niet.
update-button = Bijwerken
work-twelve-months = De laatste 12 maanden
error-draft_malformed = Dit concept kon niet worden bewaard.

# Discreet name and duress passphrase
field-discreet = Toon de app als „Notities”
discreet-hint = De naam en de titel van het venster zeggen dan niets over Sleutel, ook op het slotscherm.
duress-title = Noodwachtzin
duress-intro = Moet je de app openen terwijl iemand meekijkt? Typ dan de noodwachtzin. Alles wordt gewist, ook de reservekopieën. De app ziet eruit alsof hij net is geïnstalleerd.
duress-is-set = Je hebt een noodwachtzin.
duress-current-label = Je gewone wachtzin
duress-label = Noodwachtzin (anders dan je wachtzin)
duress-repeat-label = Herhaal de noodwachtzin
duress-button = Noodwachtzin opslaan
duress-remove = Noodwachtzin weghalen
duress-saved = Noodwachtzin opgeslagen.
duress-removed = Noodwachtzin weggehaald.
error-duress_same_as_passphrase = De noodwachtzin moet anders zijn dan je wachtzin.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = Voor jezelf
wellbeing-heavy = Dit was zwaar voor mij
wellbeing-debrief = Ik wil hier graag over praten
wellbeing-debrief-hint = Je coördinator krijgt alleen een vraag om een gesprek. Niets van wat je hier invult.
wellbeing-show-label = Mijn coördinator mag zien van welk toestel de vraag komt
support-title = Steun voor jou
support-intro = Dit werk kan zwaar zijn. Je hoeft het niet alleen te dragen. Praten helpt.
support-contact-heading = Praten met je organisatie
support-contact-none = Je organisatie heeft hier nog geen contactpersoon gezet. Vraag je coördinator ernaar.
support-call = Bellen:
support-mail = Mailen:
support-waiting = { $count ->
    [one] Je vraag om een gesprek wordt verstuurd zodra er verbinding is.
   *[other] { $count } vragen om een gesprek worden verstuurd zodra er verbinding is.
}
support-how-to-ask = Wil je praten over een bezoek of bijeenkomst? Tik op het formulier op „{ more-details }” en vink „{ wellbeing-debrief }” aan.
support-helplines-heading = Hulplijnen, dag en nacht
helpline-112 = 112: bij direct gevaar
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (gratis)
helpline-113 = 113 Zelfmoordpreventie: 0800-0113 (gratis)
helpline-luisterlijn = De Luisterlijn: 088-0767000, om je verhaal kwijt te kunnen
error-phone_malformed = Dat is geen telefoonnummer.
error-email_malformed = Dat is geen e-mailadres.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = Leeftijden (aantal per groep)
ages-hint = Alleen als je het weet. Samen niet meer dan het aantal deelnemers.
age-under_18 = Jonger dan 18
age-18_29 = 18 tot 30
age-30_49 = 30 tot 50
age-50_64 = 50 tot 65
age-65_plus = 65 of ouder
field-community-groups = Welke groepen waren er?
community-turks = Turks
community-marokkaans = Marokkaans
community-somalisch = Somalisch
community-pools = Pools
community-surinaams_hindostaans = Surinaams / Hindostaans
community-antilliaans = Antilliaans / Arubaans
community-afghaans = Afghaans
community-iraaks = Iraaks
community-iraans = Iraans
community-koerdisch = Koerdisch
community-syrisch = Syrisch
community-eritrees = Eritrees
community-other = Andere groep
field-occurrence = Is dit de eerste melding?
occurrence-first = Ja, de eerste
occurrence-repeat = Nee, al eerder gemeld
occurrence-unknown = Weet ik niet
field-signals = Wat zag of hoorde je?
signal-letsel = Zichtbaar letsel
signal-angst = Angst of schrik
signal-controle = Controle door partner of familie
signal-bedreiging = Bedreiging
signal-isolement = Mag niemand zien of nergens heen
signal-geld = Geen eigen geld of papieren
signal-kinderen = Zorgen om de kinderen
signal-reis_huwelijk = Reis of huwelijk tegen de wil
signal-zelfbeschadiging = Gedachten aan zelfbeschadiging
signal-other = Iets anders
error-ages_exceed_participants = Je telde meer mensen bij de leeftijden dan er deelnemers waren.

# Effects: a show of hands at a meeting, before and after
field-hands = Handopsteking: wie stak een hand op?
hands-hint = Vraag het aan het begin en aan het eind. Tel alleen de handen, nooit wie.
hands-before = Voor
hands-after = Na
statement-knows_help = Weet waar je hulp kunt vinden
statement-would_talk = Zou erover praten of het melden
statement-recognises_signs = Herkent de signalen
error-hands_out_of_range = Er kunnen niet meer handen zijn dan deelnemers.
error-hands_not_at_a_meeting = Een handopsteking hoort bij een bijeenkomst of training.
