# Machine translation, made without a native speaker. To be reviewed by a native speaker before use in the field.
# Somali (Soomaali). Plain words. Texts someone looking over the shoulder may see (titles, reminders, the neutral
# screen) never mention violence.

app-name = Sleutel
quick-exit = Ka bax dhaqso
neutral-title = Qoraallo
neutral-body = Qoraal ma jiro.
neutral-open = Fur

language-label = Luqadda

first-start-title = Ku soo dhawow Sleutel
first-start-intro = Wax kasta oo aad halkan ku qorto, si qarsoon ayay ugu jiraan qalabkan. Dooro weedh sir ah oo adiga keliya aad taqaanno.
passphrase-label = Weedha sirta
passphrase-repeat-label = Ku celi weedha sirta
passphrase-hint = Ugu yaraan 8 xaraf. Weedh gaaban oo ereyo caadi ah way adag tahay, waana fududahay in la xasuusto.
strength-weak = Way daciif tahay: ka dheeree.
strength-fair = Waa dhexdhexaad: hal eray oo kale ayaa adkaynaya.
strength-strong = Way adag tahay.
passphrase-mismatch = Labada weedhood ee sirta isku mid ma aha.
create-button = Sii wad
recovery-title = Koodhkaaga soo celinta
recovery-explanation = Koodhkan qor oo meel ammaan ah dhig. Haddii aad illowdo weedha sirta, koodhkan ayaad ku geli kartaa. Koodhka hal mar oo keliya ayaad aragtaa.
recovery-confirm = Koodhka waan qoray
recovery-done = Diyaar

unlock-title = Furid
unlock-button = Fur
use-recovery-code = Ma illowday weedha sirta? Isticmaal koodhka soo celinta
use-passphrase = Isticmaal weedha sirta
recovery-code-label = Koodhka soo celinta
unlock-wait = Wax yar sug: isku day mar kale { $seconds } ilbiriqsi kadib.
unlock-attempts = { $count ->
    [one] { $count } isku day ayaa kuu hadhay ka hor inta aan wax walba la tirtirin.
   *[other] { $count } isku day ayaa kuu hadhay ka hor inta aan wax walba la tirtirin.
}

home-title = Hoyga
action-home-visit = Booqasho guri
action-meeting = Kulan
action-conversation = Wada hadal
action-referral = Gudbin
follow-ups = { $count ->
    [0] Ma jiro wax dabagal u baahan.
    [one] { $count } arrin ayaa dabagal u baahan.
   *[other] { $count } arrimood ayaa dabagal u baahan.
}
month-totals = Bishan
total-activities = Hawlaha
total-participants = Ka qaybgalayaasha
total-referrals = Gudbinnada
lock-button = Quful

error-wrong_secret = Taasi sax ma aha. Isku day mar kale.
error-unlock_throttled = Isku dayo badan. Wax yar sug.
error-passphrase_too_short = Weedha sirta waa inay lahaato ugu yaraan 8 xaraf.
error-recovery_code_malformed = Taasi ma aha koodh soo celin oo sax ah. Hubi xarafaha.
error-store_wiped = Isku dayo badan kadib, wax walba oo qalabkan ku jiray waa la tirtiray.
error-unknown = Wax baa khaldamay. Isku day mar kale.

nav-label = Liiska
nav-home = Hoyga
nav-referrals = Dabagal
nav-work = Shaqaday
back-button = Dib u noqo
save-button = Kaydi
cancel-button = Jooji
edit-button = Beddel
delete-button = Tirtir
undo-button = Dib u celi
busy = Wax yar sug…
optional = (waajib ma aha)

activity-new-title = Hawl cusub
activity-edit-title = Beddel hawsha
field-kind = Nooca hawsha
field-date = Taariikhda
field-duration = Muddada (daqiiqado)
field-municipality = Degmada
field-location = Goobta
field-languages = Luqadaha lagu hadlay
field-themes = Mawduucyada
field-professional = Ma joogay qof xirfadle ah?
professional-none = Maya
more-themes = Tus dhammaan mawduucyada
fewer-themes = Tus mawduucyo ka yar
more-languages = Tus dhammaan luqadaha
field-participants = Ka qaybgalayaasha
tally-women = Haween
tally-men = Rag
tally-other = Kale
tally-less = Mid ka yar: { $group }
tally-more = Mid ka badan: { $group }
tally-total = Wadar: { $count }
field-notes = Qoraallo
notes-hint = Ha qorin magacyo, cinwaanno, lambarro taleefan ama wax kale oo qof lagu garan karo.
pii-title = Tani waxay muujin kartaa qof. Ka saar ka hor intaadan kaydin:
pii-email = cinwaan iimayl
pii-iban = lambar xisaab bangi
pii-postcode_house_number = koodh boosto iyo lambar guri
pii-address = cinwaan
pii-phone = lambar taleefan
pii-date_of_birth = taariikh dhalasho
pii-bsn = lambarka adeegga muwaadinka (BSN)
pii-name = magac
pii-found = { $kind }: “{ $text }”
saved-activity = Waa la kaydiyay.
updated-activity = Isbeddelka waa la kaydiyay.
deleted-activity = Waa la tirtiray.
undone = Dib ayaa loo celiyay.

referral-new-title = Gudbin cusub
referral-edit-title = Beddel gudbinta
field-destination = Loo gudbiyay
field-urgency = Intee bay degdeg tahay?
urgency-normal = Caadi
urgency-urgent = Degdeg
urgency-acute = Aad u degdeg ah
acute-hint = Haddii khatar degdeg ah jirto: wac 112.
field-consent = Qofku ma rabaa tan?
consent-yes = Haa
consent-no = Maya
consent-not_asked = Lama weydiin
field-accompanied = Waan la socdaa, ama anigu ayaa qofka xiriir u sameeya
field-first-status = Horey ma u gudbisay?
field-follow-up = Dabagal maalinta
follow-up-hint = Maalintaas waxay ka muuqan doontaa Hoyga, qaybta "dabagal".
referral-saved = Waxaa lagu kaydiyay koodhka { $code }. Weligaa magac ha ku qorin koodhkan agtiisa.

status-proposed = La soo jeediyay
status-made = La gudbiyay
status-contact_confirmed = Xiriirka waa la xaqiijiyay
status-help_started = Caawimaaddu way bilaabatay
status-closed = La dhammeeyay
status-declined = La diiday
status-unknown = Lama yaqaan

referrals-title = Gudbinnada
referrals-empty = Weli gudbin ma jirto.
referral-line = { $destination } · { $date }
referral-since = { $status } laga bilaabo { $date }
follow-up-due = Dabagal
follow-up-on = Dabagal { $date }
change-status-label = Maxaa hadda dhacay?
status-date-label = Goorma?
change-status-button = Kaydi
set-follow-up-button = Kaydi taariikhda dabagalka
status-changed = Waa la kaydiyay. Hadda: { $status }.
follow-up-saved = Taariikhda dabagalka waa la kaydiyay.
confirm-delete = Ma hubtaa? Tirtirka dib looma celin karo.
deleted-referral = Gudbinta waa la tirtiray.

work-title = Shaqaday
work-thanks = Kani waa wixii aad samaysay 12-kii bilood ee la soo dhaafay. Mahadsanid.
work-activities-per-month = Hawlaha bil kasta
work-participants-per-month = Ka qaybgalayaasha bil kasta
work-by-theme = Hawlaha mawduuc kasta
work-by-kind = Hawlaha nooc kasta
work-recent = Wixii ugu dambeeyay ee la qoray
work-empty = Weli waxba lama qorin 12-kii bilood ee la soo dhaafay.
work-month = Bil
work-count = Tirada
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } ka qaybgale
   *[other] { $count } ka qaybgale
}

sync-title = Dir tirooyinka
sync-intro = Tirooyinka bil kasta oo keliya ayaa loo diraa isuduwahaaga. Marnaba lama diro qoraallo, magacyo ama faahfaahin kale.
enrol-title = Ku xir isuduwahaaga
enrol-intro = Isuduwahaagu wuxuu ku siinayaa link, ama cinwaan iyo koodh xiriir. Link-ga waxaad ku dhejin kartaa labada meelood midkood: markaas labaduba way buuxsamaan.
field-coordinator = Cinwaanka isuduwaha
field-enrol-code = Koodhka xiriirka
enrol-link-read = Cinwaanka iyo koodhka waxaa laga buuxiyay link-ga.
enrol-scan-button = Akhri koodhka QR
field-device-label = Magaca qalabkan
device-label-hint = Isuduwahaagu wuxuu magacan ku arkaa liiska qalabyada. Ha isticmaalin magac qof, lambar taleefan ama iimayl.
enrol-button = Ku xir
reenrol-title = Mar kale ku xir
reenrol-intro = Isuduwahaaga weydii koodh xiriir oo cusub. Tirooyinkaagu way kaydsan yihiin, mar keliya ayaana la tiriyaa.
reenrol-button = Mar kale ku xir
sync-organisation = Waxaa lagu xiray { $organisation }.
sync-last = Markii ugu dambeysay ee la diray: { $when }.
sync-never = Weli waxba lama dirin.
sync-pending = { $count ->
    [0] Wax walba waa la diray.
    [one] { $count } tiro ayaa weli sugaysa in la diro.
   *[other] { $count } tiro ayaa weli sugaya in la diro.
}
sync-rejected = { $count ->
    [one] { $count } tiro lama aqbalin. Isuduwahaaga weydii waxa khaldan.
   *[other] { $count } tiro lama aqbalin. Isuduwahaaga weydii waxa khaldan.
}
sync-problem = Dhibaato: { $problem }
sync-now-button = Hadda dir
sync-running = Waa la dirayaa…
sync-done = Waa la diray.

settings-title = Dejinta
field-auto-lock = Si toos ah u quful kadib
minutes-option = { $count ->
    [one] { $count } daqiiqo
   *[other] { $count } daqiiqo
}
field-retention = Faahfaahinta hay muddo
months-option = { $count } bilood
retention-hint = Kadib faahfaahinta waa la tirtiraa. Tirooyinku way hadhayaan.
retention-confirm = Faahfaahinta ka da' weyn { $count } bilood hadda ayaa la tirtirayaa. Tirooyinku way hadhayaan. Ma hubtaa?
retention-confirm-button = Haa, kaydi oo tirtir
field-wipe-after = Tirtir wax walba kadib isku dayo khaldan
wipe-never = Marnaba
attempts-option = Kadib { $count } isku day
settings-saved = Dejinta waa la kaydiyay.
passphrase-change-title = Beddel weedha sirta
current-passphrase-label = Weedha sirta ee hadda
new-passphrase-label = Weedh sir ah oo cusub
change-passphrase-button = Beddel weedha sirta
passphrase-changed = Weedha sirta waa la beddelay.
recovery-new-title = Koodh soo celin oo cusub
recovery-new-intro = Ma lumisay koodhka soo celinta, mise qof kale ayaa arkay? Samee mid cusub. Kii hore markaas ma shaqaynayo.
recovery-new-button = Samee koodh soo celin oo cusub
recovery-new-explanation = Qor koodhkan cusub. Koodhkii hore ee soo celinta hadda ma shaqaynayo. Koodhka hal mar oo keliya ayaad aragtaa.
backup-title = Nuqul kaydsan
backup-intro = Nuqulka kaydsan waa qarsoon yahay. Waxaad ku furtaa weedha sirta ama koodhka soo celinta ee jiray markii aad samaysay.
backup-button = Samee nuqul kaydsan
backup-made = Nuqul kaydsan waa la sameeyay: { $name } gudaha { $folder }.
restore-title = Dib u soo celi nuqul kaydsan
restore-choose = Dooro nuqul kaydsan
restore-secret = Weedha sirta ee nuqulkaas
restore-warning = Dib u soo celintu waxay wax walba oo qalabkan ku jira ku beddeshaa nuqulka kaydsan.
restore-button = Dib u soo celi
restore-done = Nuqulka kaydsan dib ayaa loo soo celiyay.
backups-none = Weli nuqul kaydsan ma jiro.

error-locked = App-ku waa qufulan yahay. Marka hore fur.
error-invalid_setting = Dejintan lama samayn karo.
error-not_found = Tani ma jirto, ama hadda ma jirto.
error-date_in_future = Taariikhdu waa mustaqbalka.
error-date_too_old = Taariikhdu aad bay dib ugu fog tahay.
error-date_malformed = Geli taariikh sax ah.
error-duration_out_of_range = Muddadu waa inay u dhexeysaa 1 iyo 1440 daqiiqo.
error-tally_out_of_range = Tiradaas ka qaybgalayaasha suurtagal ma aha.
error-tally_empty = Tiri ugu yaraan hal ka qaybgale.
error-new_participants_exceed_total = Ka qaybgalayaasha cusub ayaa ka badan dhammaan ka qaybgalayaasha.
error-unknown_code = Liiska ka dooro qiime.
error-duplicate_code = Qiime ayaa laba jeer ku jira.
error-code_required = Dooro ugu yaraan hal qiime.
error-too_many_codes = Wax aad u badan ayaa la doortay.
error-text_too_long = Qoraalku aad buu u dheer yahay.
error-label_identifies = Magacani wuxuu sheegayaa qofka uu yahay (magac, lambar ama iimayl). Dooro magac aan lahayn xog shakhsi ah, sida “Taleefan 3”.
error-text_control_characters = Qoraalku wuxuu leeyahay calaamado qalaad.
error-status_transition_not_allowed = Xaaladdaas ma iman karto xaaladda hadda kadib.
error-status_date_out_of_order = Taariikhdu waxay ka horreysaa xaaladdii hore.
error-follow_up_before_referral = Taariikhda dabagalku waxay ka horreysaa gudbinta.
error-follow_up_too_far = Taariikhda dabagalku aad bay u fog tahay.
error-not_enrolled = Qalabkan weli lama xirin.
error-already_enrolled = Qalabkan horey ayaa loo xiray.
error-invalid_url = Taasi ma aha cinwaan sax ah.
error-insecure_url = Cinwaanku waa inuu ku bilaabmaa https://.
error-not_an_enrolment_link = Tani ma aha link xiriir. Isuduwahaaga weydii link ama koodh cusub.
error-other_coordinator = Link-gan wuxuu u yahay isuduwe kale. Isuduwahaaga weydii koodh cusub.
error-scan_failed = Akhrintu ma shaqayn. Isku day mar kale, ama qor cinwaanka iyo koodhka.
error-network_unreachable = Isuduwaha lama gaari karo. Mar dambe ayaa mar kale la isku dayi doonaa.
error-bad_reply = Jawaabta isuduwaha lama fahmin. Mar dambe ayaa mar kale la isku dayi doonaa.
error-device_revoked = Isuduwahaagu wuxuu damiyay qalabkan. Weydii koodh cusub.
error-unknown_device = Isuduwuhu qalabkan ma yaqaan. Mar kale ku xir koodh cusub.
error-enrolment_code_invalid = Koodhku waa khaldan yahay, horey ayaa loo isticmaalay ama wakhtigiisii wuu dhacay. Weydii koodh cusub.
error-clock_skew = Saacadda qalabkan waa khaldan tahay. Hubi taariikhda iyo waqtiga.
error-rate_limited = Isuduwuhu wuu mashquul yahay. Mar dambe ayaa mar kale la isku dayi doonaa.
error-backup_corrupt = Faylkani waa xumaaday ama ma aha nuqul kaydsan.
error-store_already_exists = Halkan waxaa horey u yaal kayd qarsoon.

kind-home_visit = Booqasho guri
kind-group_meeting = Kulan wada hadal koox
kind-individual_talk = Wada hadal laba qof
kind-phone_contact = Xiriir taleefan
kind-drop_in_hour = Saacad booqasho oo aan ballan lahayn
kind-mediation = Dhexdhexaadin
kind-training = Tababar ama aqoon-is-weydaarsi
kind-other = Kale

theme-huiselijk_geweld = Rabshadda qoyska
theme-partnergeweld = Rabshadda lammaanaha
theme-kindermishandeling = Xadgudubka carruurta
theme-ouderenmishandeling = Xadgudubka dadka waayeelka ah
theme-eergerelateerd_geweld = Rabshad la xiriirta sharafta
theme-huwelijksdwang = Guur qasab ah
theme-huwelijksgevangenschap = Guur laga diiday in laga baxo (furiin la diiday)
theme-achterlating = Dibadda looga tagay
theme-vrouwelijke_genitale_verminking = Gudniinka gabdhaha (FGM)
theme-lhbti_discriminatie = Takoorka dadka LHBTI
theme-zelfbeschikking = Go'aanka naftaada iyo kantaroolka bulshada
theme-isolement = Go'doomin
theme-mensenhandel = Ka ganacsiga dadka
theme-schulden_armoede = Deyn iyo saboolnimo
theme-opvoeding = Barbaarin
theme-psychische_nood = Dhibaato nafsi ah
theme-overig = Kale

location-home = Guriga qof
location-mosque = Masjid
location-church = Kaniisad
location-other_religious = Goob cibaado oo kale
location-community_centre = Xarunta xaafadda
location-self_organisation = Urur bulsho
location-school = Dugsi
location-cjg = Xarunta qoyska (CJG)
location-library = Maktabad
location-professional_office = Xafiiska qof xirfadle ah
location-public_space = Goob dadweyne
location-online = Online (internet)
location-phone = Taleefan
location-other = Kale

language-nl = Af-Holandi (Nederlands)
language-en = Af-Ingiriisi
language-tr = Af-Turki
language-ar = Af-Carabi
language-tzm = Tamazight (Af-Berberi)
language-so = Af-Soomaali
language-pl = Af-Boolish
language-ti = Af-Tigrinya
language-fa = Af-Faarisi / Dari
language-ku = Af-Kurdi
language-pap = Papiamento
language-srn = Sranantongo
language-hns = Sarnami
language-ps = Af-Bashtuun
language-uk = Af-Yukreeni
language-ru = Af-Ruush
language-fr = Af-Faransiis
language-other = Luqad kale

org-veilig_thuis = Veilig Thuis (xarunta talada iyo ka warbixinta rabshadda qoyska)
org-wijkteam = Wijkteam (kooxda bulshada ee xaafadda)
org-huisarts = Dhakhtarka qoyska (huisarts)
org-politie = Booliska
org-lkha = LKHA (xarunta qaranka ee guurka qasabka ah iyo dibadda looga tago)
org-ggd = GGD (adeegga caafimaadka dadweynaha ee degmada)
org-vrouwenopvang = Hoyga haweenka / Blijf van m'n Lijf
org-amw = Shaqada bulshada guud (AMW)
org-schuldhulpverlening = Caawimaadda deynta
org-jeugdzorg_cjg = Daryeelka dhallinyarada / xarunta qoyska (CJG)
org-ggz = GGZ (daryeelka caafimaadka maskaxda)
org-slachtofferhulp = Slachtofferhulp (taageerada dhibbanayaasha)
org-juridisch_loket = Juridisch Loket (talo sharci) / la-taliyayaasha bulshada
org-other = Kale

unlock-attempts-before-wait = { $count ->
    [one] { $count } isku day ayaa kuu hadhay. Kadib waa inaad wax yar sugtaa.
   *[other] { $count } isku day ayaa kuu hadhay. Kadib waa inaad wax yar sugtaa.
}
nav-more = Wax kale
more-title = Wax kale
close-button = Xir
draft-title = Weli lama dhammayn
draft-continue = Sii buuxi
draft-discard = Iska tuur
draft-discarded = Waa la tuuray.
form-discarded = Lama kaydin.
refer-from-activity = Gudbi
field-when = Goorma?
date-today = Maanta
date-yesterday = Shalay
date-other-day = Maalin kale
date-none = Taariikh ma jirto
date-previous-month = Bishii hore
date-next-month = Bisha dambe
date-in-one-week = 1 toddobaad kadib
date-in-two-weeks = 2 toddobaad kadib
date-no-follow-up = Looma baahna
field-who = Yaad la joogtay?
who-women = Haweeney
who-men = Nin
who-other = Kale
field-new-person = Qofkan ma markii u horreysay?
answer-yes = Haa
answer-no = Maya
field-new-participants = Immisa qof ayaa markii ugu horreysay yimid?
more-details = Buuxi wax badan
less-details = Tus wax yar
confirm-no-participants = Cidna ma aadan tirin. Runtii qof ma joogin?
confirm-save-anyway = Haa, kaydi
confirm-count-first = Maya, marka hore tiri
first-status-made = Haa, waa la sameeyay
first-status-proposed = Weli maya
melding-hint = Tani waxay u tirsantaa warbixin loo diray Veilig Thuis marka aad runtii gudbiso. Haddii aad keliya soo jeediso, weli ma tirsana.
update-button = Cusboonaysii
work-twelve-months = 12-kii bilood ee la soo dhaafay
error-draft_malformed = Qabyo-qoraalkan lama kaydin karin.

# Discreet name and duress passphrase
field-discreet = App-ka u muuji sida “Qoraallo”
discreet-hint = Markaas magaca iyo cinwaanka daaqadda waxba kama sheegaan Sleutel, xitaa shaashadda qufulka.
duress-title = Weedha sirta ee degdegga
duress-intro = Ma waa inaad app-ka furto iyadoo qof ku eegayo? Markaas qor weedha sirta ee degdegga. Wax walba waa la tirtirayaa, xitaa nuqullada kaydsan. App-ku wuxuu u ekaanayaa mid hadda la rakibay.
duress-is-set = Waxaad leedahay weedh sir ah oo degdeg.
duress-current-label = Weedhaada sirta ee caadiga ah
duress-label = Weedha sirta ee degdegga (ka duwan weedhaada sirta)
duress-repeat-label = Ku celi weedha sirta ee degdegga
duress-button = Kaydi weedha sirta ee degdegga
duress-remove = Ka saar weedha sirta ee degdegga
duress-saved = Weedha sirta ee degdegga waa la kaydiyay.
duress-removed = Weedha sirta ee degdegga waa la saaray.
error-duress_same_as_passphrase = Weedha sirta ee degdeggu waa inay ka duwanaato weedhaada sirta.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = Adiga naftaada
wellbeing-heavy = Tani way igu culusayd
wellbeing-debrief = Waxaan jeclaan lahaa inaan arrintan ka hadlo
wellbeing-debrief-hint = Isuduwahaagu wuxuu helayaa codsi wada hadal oo keliya. Waxba kama helo waxa aad halkan ku buuxiso.
wellbeing-show-label = Isuduwahaygu wuu arki karaa qalabka codsigu ka yimid
support-title = Taageero adiga kuu ah
support-intro = Shaqadani way culus noqon kartaa. Looma baahna inaad keligaa qaaddo. Ka hadalku wuu caawiyaa.
support-contact-heading = La hadal ururkaaga
support-contact-none = Ururkaagu weli halkan kuma qorin qof lala xiriiro. Isuduwahaaga weydii.
support-call = Wac:
support-mail = Iimayl:
support-waiting = { $count ->
    [one] Codsigaaga wada hadalka waa la diri doonaa marka xiriir jiro.
   *[other] { $count } codsi oo wada hadal ayaa la diri doonaa marka xiriir jiro.
}
support-how-to-ask = Ma rabtaa inaad ka hadasho booqasho ama kulan? Foomka ku taabo “{ more-details }” oo calaamadee “{ wellbeing-debrief }”.
support-helplines-heading = Khadadka caawimaadda, habeen iyo maalin
helpline-112 = 112: haddii khatar degdeg ah jirto
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (bilaash)
helpline-113 = 113 Ka hortagga is-dilka: 0800-0113 (bilaash)
helpline-luisterlijn = De Luisterlijn: 088-0767000, si aad u sheegto waxa kugu culus
error-phone_malformed = Taasi ma aha lambar taleefan.
error-email_malformed = Taasi ma aha cinwaan iimayl.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = Da'da (immisa qof koox kasta)
ages-hint = Keliya haddii aad ogtahay. Wadarta kama badnaan karto tirada ka qaybgalayaasha.
age-under_18 = Ka yar 18 sano
age-18_29 = 18–29 sano
age-30_49 = 30–49 sano
age-50_64 = 50–64 sano
age-65_plus = 65 sano ama ka weyn
field-community-groups = Kooxahee ayaa joogay?
community-turks = Turki
community-marokkaans = Marookaan
community-somalisch = Soomaali
community-pools = Boolish
community-surinaams_hindostaans = Surinaami / Hindustaani
community-antilliaans = Antiliyaan / Arubaan
community-afghaans = Afgaani
community-iraaks = Ciraaqi
community-iraans = Iiraani
community-koerdisch = Kurdi
community-syrisch = Suuriyaan
community-eritrees = Ereteriyaan
community-other = Koox kale
field-occurrence = Ma markii ugu horreysay ayaa la sheegay?
occurrence-first = Haa, markii ugu horreysay
occurrence-repeat = Maya, hore ayaa loo sheegay
occurrence-unknown = Ma aqaan
field-signals = Maxaad aragtay ama maqashay?
signal-letsel = Dhaawac muuqda
signal-angst = Cabsi ama naxdin
signal-controle = Xakamayn xagga lammaanaha ama qoyska
signal-bedreiging = Hanjabaad
signal-isolement = Cid arkid iyo meel aadid looma oggola
signal-geld = Lacag ama waraaqo u gaar ah la'aan
signal-kinderen = Walaac ku saabsan carruurta
signal-reis_huwelijk = Safar ama guur qasab ah
signal-zelfbeschadiging = Fikrado ku saabsan is-dhaawac
signal-other = Wax kale
error-ages_exceed_participants = Dadka aad ku tirisay da'da ayaa ka badan ka qaybgalayaasha.

# Effects: a show of hands at a meeting, before and after
field-hands = Gacmo kor u taagid: yaa gacanta kor u taagay?
hands-hint = Weydii bilowga iyo dhammaadka. Tiri gacmaha oo keliya, weligaa ha qorin cidda taagtay.
hands-before = Ka hor
hands-after = Ka dib
statement-knows_help = Wuu og yahay meesha caawimo laga helo
statement-would_talk = Qof buu la hadli lahaa ama wuu soo sheegi lahaa
statement-recognises_signs = Wuu garanayaa calaamadaha
error-hands_out_of_range = Gacmaha kama badnaan karaan tirada ka qaybgalayaasha.
error-hands_not_at_a_meeting = Gacmo kor u taagid waxaa loogu talagalay kulan ama tababar oo keliya.
