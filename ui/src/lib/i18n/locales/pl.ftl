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

nav-label = Menu
nav-home = Przegląd
nav-referrals = Sprawy
nav-work = Moja praca
back-button = Wstecz
save-button = Zapisz
cancel-button = Anuluj
edit-button = Edytuj
delete-button = Usuń
undo-button = Cofnij
busy = Chwileczkę…
optional = (opcjonalnie)

activity-new-title = Nowe działanie
activity-edit-title = Edytuj działanie
field-kind = Rodzaj działania
field-date = Data
field-duration = Czas trwania w minutach
field-municipality = Gmina
field-location = Miejsce
field-languages = Używane języki
field-themes = Tematy
field-professional = Czy był obecny specjalista?
professional-none = Nie
more-themes = Pokaż wszystkie tematy
fewer-themes = Pokaż mniej tematów
more-languages = Pokaż wszystkie języki
field-participants = Uczestnicy
tally-women = Kobiety
tally-men = Mężczyźni
tally-other = Inne
tally-less = O jeden mniej: { $group }
tally-more = O jeden więcej: { $group }
tally-total = Razem: { $count }
field-notes = Notatki
notes-hint = Nie wpisuj imion, nazwisk, adresów, numerów telefonów ani niczego innego, po czym można kogoś rozpoznać.
pii-title = Po tym można kogoś rozpoznać. Usuń to przed zapisaniem:
pii-email = adres e-mail
pii-iban = numer konta bankowego
pii-postcode_house_number = kod pocztowy z numerem domu
pii-address = adres
pii-phone = numer telefonu
pii-date_of_birth = data urodzenia
pii-bsn = numer BSN (holenderski numer identyfikacyjny)
pii-name = imię
pii-found = { $kind }: „{ $text }”
saved-activity = Zapisano.
updated-activity = Zmiany zapisane.
deleted-activity = Usunięto.
undone = Przywrócono.

referral-new-title = Nowe skierowanie
referral-edit-title = Edytuj skierowanie
field-destination = Skierowano do
field-urgency = Jak pilne?
urgency-normal = Zwykłe
urgency-urgent = Pilne
urgency-acute = Nagłe
acute-hint = W razie bezpośredniego zagrożenia: dzwoń pod 112.
field-consent = Czy ta osoba tego chce?
consent-yes = Tak
consent-no = Nie
consent-not_asked = Nie zapytano
field-accompanied = Idę razem z tą osobą lub sam/sama ją kontaktuję
field-first-status = Czy skierowanie jest już zrobione?
field-follow-up = Data sprawdzenia
follow-up-hint = Tego dnia sprawa pojawi się w przeglądzie jako „do sprawdzenia”.
referral-saved = Zapisano z kodem { $code }. Nigdy nie zapisuj imienia obok tego kodu.

status-proposed = Zaproponowane
status-made = Skierowano
status-contact_confirmed = Kontakt potwierdzony
status-help_started = Pomoc rozpoczęta
status-closed = Zakończone
status-declined = Odrzucone
status-unknown = Nieznane

referrals-title = Skierowania
referrals-empty = Nie ma jeszcze skierowań.
referral-line = { $destination } · { $date }
referral-since = { $status } od { $date }
follow-up-due = Do sprawdzenia
follow-up-on = Do sprawdzenia: { $date }
change-status-label = Co się teraz stało?
status-date-label = Kiedy?
change-status-button = Zapisz
set-follow-up-button = Zapisz datę sprawdzenia
status-changed = Zapisano. Teraz: { $status }.
follow-up-saved = Data sprawdzenia zapisana.
confirm-delete = Na pewno? Usunięcia nie można cofnąć.
deleted-referral = Skierowanie usunięte.

work-title = Moja praca
work-thanks = Oto twoja praca z ostatnich 12 miesięcy. Dziękujemy.
work-activities-per-month = Działania według miesięcy
work-participants-per-month = Uczestnicy według miesięcy
work-by-theme = Działania według tematów
work-by-kind = Działania według rodzaju
work-recent = Ostatnio zapisane
work-empty = W ostatnich dwunastu miesiącach nic jeszcze nie zapisano.
work-month = Miesiąc
work-count = Liczba
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } osoba
    [few] { $count } osoby
    [many] { $count } osób
   *[other] { $count } osób
}

sync-title = Wyślij liczby
sync-intro = Do koordynatora trafiają tylko liczby z każdego miesiąca. Nigdy notatki, imiona ani inne szczegóły.
enrol-title = Połącz się z koordynatorem
enrol-intro = Koordynator poda ci link albo adres i kod połączenia. Link możesz wkleić w dowolne pole: oba zostaną wypełnione.
field-coordinator = Adres koordynatora
field-enrol-code = Kod połączenia
enrol-link-read = Adres i kod zostały wypełnione z linku.
enrol-scan-button = Zeskanuj kod QR
field-device-label = Nazwa tego urządzenia
device-label-hint = Koordynator widzi tę nazwę na liście urządzeń. Nie używaj imienia, numeru telefonu ani e-maila.
enrol-button = Połącz
reenrol-title = Połącz ponownie
reenrol-intro = Poproś koordynatora o nowy kod połączenia. Twoje liczby zostają i liczą się tylko raz.
reenrol-button = Połącz ponownie
sync-organisation = Połączono z: { $organisation }.
sync-last = Ostatnio wysłano: { $when }.
sync-never = Jeszcze nic nie wysłano.
sync-pending = { $count ->
    [0] Wszystko wysłane.
   *[other] Do wysłania: { $count }.
}
sync-rejected = { $count ->
   *[other] Nie przyjęto: { $count }. Zapytaj koordynatora.
}
sync-problem = Problem: { $problem }
sync-now-button = Wyślij teraz
sync-running = Wysyłanie…
sync-done = Wysłano.

settings-title = Ustawienia
field-auto-lock = Czas do automatycznej blokady
minutes-option = { $count ->
    [one] { $count } minuta
    [few] { $count } minuty
    [many] { $count } minut
   *[other] { $count } minut
}
field-retention = Przechowuj szczegóły przez
months-option = { $count ->
    [one] { $count } miesiąc
    [few] { $count } miesiące
    [many] { $count } miesięcy
   *[other] { $count } miesięcy
}
retention-hint = Potem szczegóły zostaną usunięte. Zestawienia liczbowe zostają.
retention-confirm = Szczegóły starsze niż { $count } mies. zostaną teraz usunięte. Zestawienia pozostają. Na pewno?
retention-confirm-button = Tak, zapisz i usuń
field-wipe-after = Usuń wszystko po nieudanych próbach
wipe-never = Nigdy
attempts-option = { $count ->
    [one] Po { $count } próbie
    [few] Po { $count } próbach
    [many] Po { $count } próbach
   *[other] Po { $count } próbach
}
settings-saved = Ustawienia zapisane.
passphrase-change-title = Zmień hasło
current-passphrase-label = Obecne hasło
new-passphrase-label = Nowe hasło
change-passphrase-button = Zmień hasło
passphrase-changed = Hasło zmienione.
recovery-new-title = Nowy kod odzyskiwania
recovery-new-intro = Zgubiłeś kod odzyskiwania albo ktoś inny go widział? Zrób nowy. Stary przestanie działać.
recovery-new-button = Zrób nowy kod odzyskiwania
recovery-new-explanation = Zapisz ten nowy kod. Stary kod odzyskiwania już nie działa. Kod widzisz tylko raz.
backup-title = Kopia zapasowa
backup-intro = Kopia zapasowa jest zaszyfrowana. Otworzysz ją hasłem lub kodem odzyskiwania, które obowiązywały w chwili jej utworzenia.
backup-button = Utwórz kopię zapasową
backup-made = Utworzono kopię zapasową: { $name } w folderze { $folder }.
restore-title = Przywróć kopię zapasową
restore-choose = Wybierz kopię zapasową
restore-secret = Hasło tej kopii zapasowej
restore-warning = Przywrócenie zastąpi wszystko na tym urządzeniu zawartością kopii zapasowej.
restore-button = Przywróć
restore-done = Kopia zapasowa przywrócona.
backups-none = Nie ma jeszcze kopii zapasowych.

error-locked = Aplikacja jest zablokowana. Najpierw ją odblokuj.
error-invalid_setting = Takie ustawienie nie jest możliwe.
error-not_found = To nie istnieje (lub już nie istnieje).
error-date_in_future = Data jest w przyszłości.
error-date_too_old = Data jest zbyt dawna.
error-date_malformed = Wpisz prawidłową datę.
error-duration_out_of_range = Czas trwania musi wynosić od 1 do 1440 minut.
error-tally_out_of_range = Taka liczba uczestników nie jest możliwa.
error-tally_empty = Wpisz co najmniej jedną osobę.
error-new_participants_exceed_total = Nowych uczestników jest więcej niż wszystkich uczestników.
error-unknown_code = Wybierz wartość z listy.
error-duplicate_code = Jakaś wartość występuje dwa razy.
error-code_required = Wybierz co najmniej jedną wartość.
error-too_many_codes = Wybrano zbyt wiele.
error-text_too_long = Tekst jest za długi.
error-label_identifies = Ta nazwa mówi, kto to jest (imię, numer lub e-mail). Wybierz nazwę bez danych osobowych, np. „Telefon 3”.
error-text_control_characters = Tekst zawiera dziwne znaki.
error-status_transition_not_allowed = Ten status nie może nastąpić po obecnym.
error-status_date_out_of_order = Data jest wcześniejsza niż data poprzedniego statusu.
error-follow_up_before_referral = Data sprawdzenia jest wcześniejsza niż data skierowania.
error-follow_up_too_far = Data sprawdzenia jest zbyt odległa.
error-not_enrolled = To urządzenie nie jest jeszcze połączone.
error-already_enrolled = To urządzenie jest już połączone.
error-invalid_url = To nie jest prawidłowy adres.
error-insecure_url = Adres musi zaczynać się od https://.
error-not_an_enrolment_link = To nie jest link do połączenia. Poproś koordynatora o nowy link lub kod.
error-other_coordinator = Ten link jest dla innego koordynatora. Poproś swojego koordynatora o nowy kod.
error-scan_failed = Skanowanie nie powiodło się. Spróbuj ponownie albo wpisz adres i kod.
error-network_unreachable = Nie udało się połączyć z koordynatorem. Synchronizacja zostanie ponowiona później.
error-bad_reply = Nie udało się zrozumieć odpowiedzi koordynatora. Synchronizacja zostanie ponowiona później.
error-device_revoked = Koordynator wyłączył to urządzenie. Poproś o nowy kod.
error-unknown_device = Koordynator nie zna tego urządzenia. Połącz się ponownie z nowym kodem.
error-enrolment_code_invalid = Kod jest błędny, został już użyty lub wygasł. Poproś o nowy kod.
error-clock_skew = Zegar tego urządzenia jest źle ustawiony. Sprawdź datę i godzinę.
error-rate_limited = Koordynator jest teraz zajęty. Synchronizacja zostanie ponowiona później.
error-backup_corrupt = Ten plik jest uszkodzony albo nie jest kopią zapasową.
error-store_already_exists = Tu już jest sejf.

kind-home_visit = Wizyta domowa
kind-group_meeting = Spotkanie grupowe z rozmową
kind-individual_talk = Rozmowa indywidualna
kind-phone_contact = Kontakt telefoniczny
kind-drop_in_hour = Dyżur bez zapisów
kind-mediation = Mediacja
kind-training = Szkolenie lub warsztat
kind-other = Inne

theme-huiselijk_geweld = Przemoc domowa
theme-partnergeweld = Przemoc ze strony partnera
theme-kindermishandeling = Krzywdzenie dzieci
theme-ouderenmishandeling = Krzywdzenie osób starszych
theme-eergerelateerd_geweld = Przemoc w imię honoru
theme-huwelijksdwang = Przymusowe małżeństwo
theme-huwelijksgevangenschap = Uwięzienie w małżeństwie (blokowanie rozwodu)
theme-achterlating = Porzucenie za granicą
theme-vrouwelijke_genitale_verminking = Okaleczanie żeńskich narządów płciowych
theme-lhbti_discriminatie = Dyskryminacja osób LGBTI
theme-zelfbeschikking = Samostanowienie i kontrola społeczna
theme-isolement = Izolacja
theme-mensenhandel = Handel ludźmi
theme-schulden_armoede = Długi i ubóstwo
theme-opvoeding = Wychowanie dzieci
theme-psychische_nood = Kryzys psychiczny
theme-overig = Inne

location-home = U kogoś w domu
location-mosque = Meczet
location-church = Kościół
location-other_religious = Inne miejsce kultu
location-community_centre = Centrum dzielnicowe
location-self_organisation = Organizacja społeczności
location-school = Szkoła
location-cjg = Centrum rodzinne (CJG)
location-library = Biblioteka
location-professional_office = U specjalisty
location-public_space = Przestrzeń publiczna
location-online = Online
location-phone = Telefon
location-other = Inne

language-nl = Niderlandzki
language-en = Angielski
language-tr = Turecki
language-ar = Arabski
language-tzm = Tamazight (berberyjski)
language-so = Somalijski
language-pl = Polski
language-ti = Tigrinia
language-fa = Perski (farsi / dari)
language-ku = Kurdyjski
language-pap = Papiamento
language-srn = Sranan tongo
language-hns = Sarnami (hindustani surinamski)
language-ps = Paszto
language-uk = Ukraiński
language-ru = Rosyjski
language-fr = Francuski
language-other = Inny język

org-veilig_thuis = Veilig Thuis (punkt porad i zgłoszeń w sprawie przemocy domowej)
org-wijkteam = Wijkteam (zespół społeczny w dzielnicy)
org-huisarts = Lekarz rodzinny
org-politie = Policja
org-lkha = LKHA (krajowy punkt ds. przymusowych małżeństw i porzucenia za granicą)
org-ggd = GGD (gminna służba zdrowia publicznego)
org-vrouwenopvang = Schronisko dla kobiet
org-amw = Ogólna praca socjalna
org-schuldhulpverlening = Pomoc w sprawie długów
org-jeugdzorg_cjg = Pomoc dla dzieci i młodzieży / centrum rodzinne (CJG)
org-ggz = GGZ (opieka w zakresie zdrowia psychicznego)
org-slachtofferhulp = Pomoc dla ofiar
org-juridisch_loket = Juridisch Loket (bezpłatne porady prawne) / doradcy socjalni
org-other = Inne

unlock-attempts-before-wait = { $count ->
    [one] Jeszcze { $count } próba. Potem trzeba chwilę poczekać.
    [few] Jeszcze { $count } próby. Potem trzeba chwilę poczekać.
   *[other] Jeszcze { $count } prób. Potem trzeba chwilę poczekać.
}
nav-more = Więcej
more-title = Więcej
close-button = Zamknij
draft-title = Jeszcze niegotowe
draft-continue = Wypełnij dalej
draft-discard = Usuń
draft-discarded = Usunięto.
form-discarded = Nie zapisano.
refer-from-activity = Skieruj
field-when = Kiedy?
date-today = Dziś
date-yesterday = Wczoraj
date-other-day = Inny dzień
date-none = Bez daty
date-previous-month = Poprzedni miesiąc
date-next-month = Następny miesiąc
date-in-one-week = Za tydzień
date-in-two-weeks = Za 2 tygodnie
date-no-follow-up = Niepotrzebne
field-who = Z kim?
who-women = Kobieta
who-men = Mężczyzna
who-other = Inna
field-new-person = Czy to pierwszy raz z tą osobą?
answer-yes = Tak
answer-no = Nie
field-new-participants = Ile osób przyszło pierwszy raz?
more-details = Uzupełnij więcej
less-details = Pokaż mniej
confirm-no-participants = Nikogo nie policzono. Czy naprawdę nikogo nie było?
confirm-save-anyway = Tak, zapisz
confirm-count-first = Nie, najpierw policzę
first-status-made = Tak, zrobione
first-status-proposed = Jeszcze nie
melding-hint = To liczy się jako zgłoszenie do Veilig Thuis, gdy skierowanie jest naprawdę zrobione. Sama propozycja jeszcze się nie liczy.
update-button = Aktualizuj
work-twelve-months = Ostatnie 12 miesięcy
error-draft_malformed = Nie udało się zachować tego szkicu.

# Discreet name and duress passphrase
field-discreet = Pokazuj aplikację jako „Notatki”
discreet-hint = Nazwa i tytuł okna nie mówią wtedy nic o Sleutel, także na ekranie blokady.
duress-title = Hasło awaryjne
duress-intro = Musisz otworzyć aplikację, gdy ktoś patrzy? Wpisz wtedy hasło awaryjne. Wszystko zostanie usunięte, także kopie zapasowe. Aplikacja wygląda, jakby była dopiero zainstalowana.
duress-is-set = Masz hasło awaryjne.
duress-current-label = Twoje zwykłe hasło
duress-label = Hasło awaryjne (inne niż Twoje hasło)
duress-repeat-label = Powtórz hasło awaryjne
duress-button = Zapisz hasło awaryjne
duress-remove = Usuń hasło awaryjne
duress-saved = Hasło awaryjne zapisane.
duress-removed = Hasło awaryjne usunięte.
error-duress_same_as_passphrase = Hasło awaryjne musi być inne niż Twoje hasło.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = Dla ciebie
wellbeing-heavy = To było dla mnie ciężkie
wellbeing-debrief = Chcę o tym porozmawiać
wellbeing-debrief-hint = Twój koordynator dostaje tylko prośbę o rozmowę. Nic z tego, co tu wpisujesz.
wellbeing-show-label = Mój koordynator może zobaczyć, z którego urządzenia jest prośba
support-title = Wsparcie dla ciebie
support-intro = Ta praca bywa ciężka. Nie musisz dźwigać tego sam. Rozmowa pomaga.
support-contact-heading = Porozmawiaj ze swoją organizacją
support-contact-none = Twoja organizacja nie podała tu jeszcze osoby do kontaktu. Zapytaj koordynatora.
support-call = Zadzwoń:
support-mail = E-mail:
support-waiting = { $count ->
    [one] Twoja prośba o rozmowę zostanie wysłana, gdy będzie połączenie.
    [few] { $count } prośby o rozmowę zostaną wysłane, gdy będzie połączenie.
   *[other] { $count } próśb o rozmowę zostanie wysłanych, gdy będzie połączenie.
}
support-how-to-ask = Chcesz porozmawiać o wizycie lub spotkaniu? W formularzu dotknij „{ more-details }” i zaznacz „{ wellbeing-debrief }”.
support-helplines-heading = Telefony pomocy, dzień i noc
helpline-112 = 112: w bezpośrednim zagrożeniu
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (bezpłatnie)
helpline-113 = 113 Zapobieganie samobójstwom: 0800-0113 (bezpłatnie)
helpline-luisterlijn = De Luisterlijn: 088-0767000, aby się wygadać
error-phone_malformed = To nie jest numer telefonu.
error-email_malformed = To nie jest adres e-mail.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = Wiek (liczba osób w grupie)
ages-hint = Tylko jeśli wiesz. Razem nie więcej niż liczba uczestników.
age-under_18 = Poniżej 18 lat
age-18_29 = 18–29 lat
age-30_49 = 30–49 lat
age-50_64 = 50–64 lata
age-65_plus = 65 lat i więcej
field-community-groups = Jakie grupy były obecne?
community-turks = Turecka
community-marokkaans = Marokańska
community-somalisch = Somalijska
community-pools = Polska
community-surinaams_hindostaans = Surinamska / hindustańska
community-antilliaans = Antylska / arubańska
community-afghaans = Afgańska
community-iraaks = Iracka
community-iraans = Irańska
community-koerdisch = Kurdyjska
community-syrisch = Syryjska
community-eritrees = Erytrejska
community-other = Inna grupa
field-occurrence = Czy to pierwsze zgłoszenie?
occurrence-first = Tak, pierwsze
occurrence-repeat = Nie, już wcześniej zgłoszone
occurrence-unknown = Nie wiem
field-signals = Co było widać lub słychać?
signal-letsel = Widoczne obrażenia
signal-angst = Strach lub lęk
signal-controle = Kontrola ze strony partnera lub rodziny
signal-bedreiging = Groźby
signal-isolement = Nie może się z nikim spotykać ani nigdzie wychodzić
signal-geld = Brak własnych pieniędzy lub dokumentów
signal-kinderen = Obawy o dzieci
signal-reis_huwelijk = Wyjazd lub ślub wbrew woli
signal-zelfbeschadiging = Myśli o samookaleczeniu
signal-other = Coś innego
error-ages_exceed_participants = W grupach wiekowych jest więcej osób niż uczestników.

# Effects: a show of hands at a meeting, before and after
field-hands = Podniesienie rąk: kto podniósł rękę?
hands-hint = Zapytaj na początku i na końcu. Licz tylko ręce, nigdy nie zapisuj, kto to był.
hands-before = Przed
hands-after = Po
statement-knows_help = Wie, gdzie szukać pomocy
statement-would_talk = Porozmawia z kimś lub to zgłosi
statement-recognises_signs = Rozpoznaje sygnały
error-hands_out_of_range = Rąk nie może być więcej niż uczestników.
error-hands_not_at_a_meeting = Podniesienie rąk można wpisać tylko przy spotkaniu lub szkoleniu.
