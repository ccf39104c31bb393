app-name = Sleutel
quick-exit = Quick exit
neutral-title = Notes
neutral-body = No notes.
neutral-open = Open

language-label = Language

first-start-title = Welcome to Sleutel
first-start-intro = Everything you record here stays encrypted on this device. Choose a passphrase only you know.
passphrase-label = Passphrase
passphrase-repeat-label = Repeat the passphrase
passphrase-hint = At least 8 characters. A short sentence of ordinary words is strong and easy to remember.
strength-weak = Weak: make it longer.
strength-fair = Fair: one more word makes it strong.
strength-strong = Strong.
passphrase-mismatch = The two passphrases are not the same.
create-button = Continue
recovery-title = Your recovery code
recovery-explanation = Write this code down and keep it somewhere safe. If you forget the passphrase, this code still gets you in. You see it only once.
recovery-confirm = I have written the code down
recovery-done = Done

unlock-title = Unlock
unlock-button = Unlock
use-recovery-code = Forgot the passphrase? Use the recovery code
use-passphrase = Use the passphrase
recovery-code-label = Recovery code
unlock-wait = Please wait: try again in { $seconds } seconds.
unlock-attempts = { $count ->
    [one] { $count } attempt left before everything is erased.
   *[other] { $count } attempts left before everything is erased.
}

home-title = Overview
action-home-visit = Home visit
action-meeting = Meeting
action-conversation = Conversation
action-referral = Referral
follow-ups = { $count ->
    [0] Nothing to follow up.
    [one] { $count } item to follow up.
   *[other] { $count } items to follow up.
}
month-totals = This month
total-activities = Activities
total-participants = Participants
total-referrals = Referrals
lock-button = Lock

error-wrong_secret = That is not right. Please try again.
error-unlock_throttled = Too many attempts. Please wait.
error-passphrase_too_short = The passphrase needs at least 8 characters.
error-recovery_code_malformed = That is not a valid recovery code. Check the characters.
error-store_wiped = After too many attempts everything on this device has been erased.
error-unknown = Something went wrong. Please try again.

nav-label = Menu
nav-home = Overview
nav-referrals = Follow-up
nav-work = My work
back-button = Back
save-button = Save
cancel-button = Cancel
edit-button = Edit
delete-button = Delete
undo-button = Undo
busy = One moment…
optional = (optional)

activity-new-title = New activity
activity-edit-title = Edit activity
field-kind = Kind of activity
field-date = Date
field-duration = Duration in minutes
field-municipality = Municipality
field-location = Place
field-languages = Languages spoken
field-themes = Themes
field-professional = Did a professional take part?
professional-none = No
more-themes = Show all themes
fewer-themes = Show fewer themes
more-languages = Show all languages
field-participants = Participants
tally-women = Women
tally-men = Men
tally-other = Other
tally-less = One less: { $group }
tally-more = One more: { $group }
tally-total = Total: { $count }
field-notes = Notes
notes-hint = Do not write names, addresses, phone numbers or anything else that could identify someone.
pii-title = This could identify someone. Remove it before saving:
pii-email = an email address
pii-iban = a bank account number
pii-postcode_house_number = a postcode with house number
pii-address = an address
pii-phone = a phone number
pii-date_of_birth = a date of birth
pii-bsn = a citizen service number (BSN)
pii-name = a name
pii-found = { $kind }: “{ $text }”
saved-activity = Saved.
updated-activity = Changes saved.
deleted-activity = Deleted.
undone = Restored.

referral-new-title = New referral
referral-edit-title = Edit referral
field-destination = Referred to
field-urgency = How urgent?
urgency-normal = Normal
urgency-urgent = Urgent
urgency-acute = Acute
acute-hint = In acute danger: call 112.
field-consent = Does the person want this?
consent-yes = Yes
consent-no = No
consent-not_asked = Not asked
field-accompanied = I go along or put the person in touch myself
field-first-status = Have you made the referral yet?
field-follow-up = Follow up on
follow-up-hint = On that day it shows under "follow up" on your overview.
referral-saved = Saved with code { $code }. Never write a name next to this code.

status-proposed = Proposed
status-made = Referred
status-contact_confirmed = Contact confirmed
status-help_started = Help started
status-closed = Closed
status-declined = Declined
status-unknown = Unknown

referrals-title = Referrals
referrals-empty = No referrals yet.
referral-line = { $destination } · { $date }
referral-since = { $status } since { $date }
follow-up-due = Follow up
follow-up-on = Follow up on { $date }
change-status-label = What happened now?
status-date-label = When?
change-status-button = Save
set-follow-up-button = Save follow-up date
status-changed = Saved. Now at: { $status }.
follow-up-saved = Follow-up date saved.
confirm-delete = Are you sure? Deleting cannot be undone.
deleted-referral = Referral deleted.

work-title = My work
work-thanks = This is what you did in the last 12 months. Thank you.
work-activities-per-month = Activities per month
work-participants-per-month = Participants per month
work-by-theme = Activities per theme
work-by-kind = Activities per kind
work-recent = Recently recorded
work-empty = Nothing recorded in the last twelve months yet.
work-month = Month
work-count = Number
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}

sync-title = Send numbers
sync-intro = Only numbers per month go to your coordinator. Never notes, names or other details.
enrol-title = Connect to your coordinator
enrol-intro = Your coordinator gives you a link, or an address and a connection code. You can paste a link into either field: both are then filled in.
field-coordinator = Coordinator's address
field-enrol-code = Connection code
enrol-link-read = The address and code were filled in from the link.
enrol-scan-button = Scan QR code
field-device-label = Name for this device
device-label-hint = Your coordinator sees this name in the list of devices. Do not use a name, phone number or e-mail.
enrol-button = Connect
reenrol-title = Link again
reenrol-intro = Ask your coordinator for a new link code. Your numbers are kept and count only once.
reenrol-button = Link again
sync-organisation = Connected to { $organisation }.
sync-last = Last sent: { $when }.
sync-never = Nothing sent yet.
sync-pending = { $count ->
    [0] Everything has been sent.
    [one] { $count } number still to send.
   *[other] { $count } numbers still to send.
}
sync-rejected = { $count ->
    [one] { $count } number was not accepted. Ask your coordinator what is wrong.
   *[other] { $count } numbers were not accepted. Ask your coordinator what is wrong.
}
sync-problem = Problem: { $problem }
sync-now-button = Send now
sync-running = Sending…
sync-done = Sent.

settings-title = Settings
field-auto-lock = Lock automatically after
minutes-option = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
field-retention = Keep details for
months-option = { $count } months
retention-hint = After that the details are erased. The counts stay.
retention-confirm = Details older than { $count } months will be erased now. The counts stay. Are you sure?
retention-confirm-button = Yes, save and erase
field-wipe-after = Erase everything after failed attempts
wipe-never = Never
attempts-option = After { $count } attempts
settings-saved = Settings saved.
passphrase-change-title = Change passphrase
current-passphrase-label = Current passphrase
new-passphrase-label = New passphrase
change-passphrase-button = Change passphrase
passphrase-changed = Passphrase changed.
recovery-new-title = New recovery code
recovery-new-intro = Lost your recovery code, or has someone else seen it? Make a new one. The old one then stops working.
recovery-new-button = Make a new recovery code
recovery-new-explanation = Write this new code down. The old recovery code no longer works. You see the code only once.
backup-title = Backup
backup-intro = A backup is encrypted. You open it with the passphrase or recovery code valid when you made it.
backup-button = Make a backup
backup-made = Backup made: { $name } in { $folder }.
restore-title = Restore a backup
restore-choose = Choose a backup
restore-secret = Passphrase of that backup
restore-warning = Restoring replaces everything on this device with the backup.
restore-button = Restore
restore-done = Backup restored.
backups-none = No backups yet.

error-locked = The app is locked. Unlock it first.
error-invalid_setting = That setting is not possible.
error-not_found = This does not exist (any more).
error-date_in_future = The date is in the future.
error-date_too_old = The date is too far back.
error-date_malformed = Enter a valid date.
error-duration_out_of_range = The duration must be between 1 and 1440 minutes.
error-tally_out_of_range = That number of participants is not possible.
error-tally_empty = Count at least one participant.
error-new_participants_exceed_total = There are more new participants than participants.
error-unknown_code = Choose a value from the list.
error-duplicate_code = A value appears twice.
error-code_required = Choose at least one value.
error-too_many_codes = Too many chosen.
error-text_too_long = The text is too long.
error-label_identifies = This name says who it is (a name, number or e-mail). Choose a name without personal details, like “Phone 3”.
error-text_control_characters = The text contains odd characters.
error-status_transition_not_allowed = That status cannot follow the current one.
error-status_date_out_of_order = The date is before the previous status.
error-follow_up_before_referral = The follow-up date is before the referral.
error-follow_up_too_far = The follow-up date is too far ahead.
error-not_enrolled = This device is not connected yet.
error-already_enrolled = This device is already connected.
error-invalid_url = That is not a valid address.
error-insecure_url = The address must start with https://.
error-not_an_enrolment_link = This is not a connection link. Ask your coordinator for a new link or code.
error-other_coordinator = This link is for another coordinator. Ask your own coordinator for a new code.
error-scan_failed = Scanning did not work. Try again, or type the address and the code.
error-network_unreachable = The coordinator could not be reached. Sync will try again later.
error-bad_reply = The coordinator's answer was not understood. Sync will try again later.
error-device_revoked = Your coordinator switched this device off. Ask for a new code.
error-unknown_device = The coordinator does not know this device. Connect again with a new code.
error-enrolment_code_invalid = The code is wrong, already used or expired. Ask for a new code.
error-clock_skew = This device's clock is off. Check the date and time.
error-rate_limited = The coordinator is busy. Sync will try again later.
error-backup_corrupt = This file is damaged or not a backup.
error-store_already_exists = There is already a vault here.

kind-home_visit = Home visit
kind-group_meeting = Group conversation meeting
kind-individual_talk = One-to-one talk
kind-phone_contact = Phone contact
kind-drop_in_hour = Drop-in hour
kind-mediation = Mediation
kind-training = Training or workshop
kind-other = Other

theme-huiselijk_geweld = Domestic violence
theme-partnergeweld = Partner violence
theme-kindermishandeling = Child abuse
theme-ouderenmishandeling = Elder abuse
theme-eergerelateerd_geweld = Honour-based violence
theme-huwelijksdwang = Forced marriage
theme-huwelijksgevangenschap = Marital captivity
theme-achterlating = Abandonment abroad
theme-vrouwelijke_genitale_verminking = Female genital mutilation
theme-lhbti_discriminatie = Anti-LGBTI discrimination
theme-zelfbeschikking = Self-determination and social control
theme-isolement = Isolation
theme-mensenhandel = Human trafficking
theme-schulden_armoede = Debt and poverty
theme-opvoeding = Parenting
theme-psychische_nood = Mental distress
theme-overig = Other

location-home = At someone's home
location-mosque = Mosque
location-church = Church
location-other_religious = Other place of worship
location-community_centre = Community centre
location-self_organisation = Community organisation
location-school = School
location-cjg = Family centre (CJG)
location-library = Library
location-professional_office = At a professional's office
location-public_space = Public space
location-online = Online
location-phone = Phone
location-other = Other

language-nl = Dutch
language-en = English
language-tr = Turkish
language-ar = Arabic
language-tzm = Tamazight (Berber)
language-so = Somali
language-pl = Polish
language-ti = Tigrinya
language-fa = Farsi / Dari
language-ku = Kurdish
language-pap = Papiamento
language-srn = Sranan Tongo
language-hns = Sarnami Hindustani
language-ps = Pashto
language-uk = Ukrainian
language-ru = Russian
language-fr = French
language-other = Other language

org-veilig_thuis = Veilig Thuis (domestic violence advice and reporting centre)
org-wijkteam = Neighbourhood social team
org-huisarts = General practitioner
org-politie = Police
org-lkha = National Forced Marriage and Abandonment Hub (LKHA)
org-ggd = Municipal public health service (GGD)
org-vrouwenopvang = Women's shelter
org-amw = General social work
org-schuldhulpverlening = Debt counselling
org-jeugdzorg_cjg = Youth care / family centre (CJG)
org-ggz = Mental health care
org-slachtofferhulp = Victim support
org-juridisch_loket = Legal aid desk / social counsellors
org-other = Other

unlock-attempts-before-wait = { $count ->
    [one] { $count } more try. After that you have to wait a moment.
   *[other] { $count } more tries. After that you have to wait a moment.
}
nav-more = More
more-title = More
close-button = Close
draft-title = Not finished yet
draft-continue = Continue
draft-discard = Throw away
draft-discarded = Thrown away.
form-discarded = Not saved.
refer-from-activity = Refer
field-when = When?
date-today = Today
date-yesterday = Yesterday
date-other-day = Other day
date-none = No date
date-previous-month = Previous month
date-next-month = Next month
date-in-one-week = In 1 week
date-in-two-weeks = In 2 weeks
date-no-follow-up = Not needed
field-who = With whom?
who-women = Woman
who-men = Man
who-other = Other
field-new-person = Is this the first time with this person?
answer-yes = Yes
answer-no = No
field-new-participants = How many people came for the first time?
more-details = Fill in more
less-details = Show less
confirm-no-participants = You did not count anyone. Was there really nobody?
confirm-save-anyway = Yes, save
confirm-count-first = No, count first
first-status-made = Yes, done
first-status-proposed = Not yet
melding-hint = This counts as a report to Veilig Thuis once you have really made the referral. Only suggesting it does not count yet.
update-button = Update
work-twelve-months = The last 12 months
error-draft_malformed = This draft could not be kept.

# Discreet name and duress passphrase
field-discreet = Show the app as “Notes”
discreet-hint = The name and the window title then say nothing about Sleutel, also on the lock screen.
duress-title = Emergency passphrase
duress-intro = Do you have to open the app while someone is watching? Then type the emergency passphrase. Everything is erased, also the backups. The app looks as if it was just installed.
duress-is-set = You have an emergency passphrase.
duress-current-label = Your usual passphrase
duress-label = Emergency passphrase (different from your passphrase)
duress-repeat-label = Repeat the emergency passphrase
duress-button = Save emergency passphrase
duress-remove = Remove emergency passphrase
duress-saved = Emergency passphrase saved.
duress-removed = Emergency passphrase removed.
error-duress_same_as_passphrase = The emergency passphrase must be different from your passphrase.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = For yourself
wellbeing-heavy = This was heavy for me
wellbeing-debrief = I would like to talk about this
wellbeing-debrief-hint = Your coordinator only gets a request for a talk. Nothing of what you fill in here.
wellbeing-show-label = My coordinator may see which device the request comes from
support-title = Support for you
support-intro = This work can be heavy. You do not have to carry it alone. Talking helps.
support-contact-heading = Talk to your organisation
support-contact-none = Your organisation has not set a contact person here yet. Ask your coordinator.
support-call = Call:
support-mail = E-mail:
support-waiting = { $count ->
    [one] Your request for a talk is sent as soon as there is a connection.
   *[other] { $count } requests for a talk are sent as soon as there is a connection.
}
support-how-to-ask = Want to talk about a visit or meeting? On its form, tap “{ more-details }” and tick “{ wellbeing-debrief }”.
support-helplines-heading = Helplines, day and night
helpline-112 = 112: in immediate danger
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (free)
helpline-113 = 113 Suicide prevention: 0800-0113 (free)
helpline-luisterlijn = De Luisterlijn: 088-0767000, to talk things through
error-phone_malformed = That is not a phone number.
error-email_malformed = That is not an e-mail address.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = Ages (number per group)
ages-hint = Only if you know. Together no more than the number of participants.
age-under_18 = Under 18
age-18_29 = 18 to 29
age-30_49 = 30 to 49
age-50_64 = 50 to 64
age-65_plus = 65 or older
field-community-groups = Which groups were there?
community-turks = Turkish
community-marokkaans = Moroccan
community-somalisch = Somali
community-pools = Polish
community-surinaams_hindostaans = Surinamese / Hindustani
community-antilliaans = Antillean / Aruban
community-afghaans = Afghan
community-iraaks = Iraqi
community-iraans = Iranian
community-koerdisch = Kurdish
community-syrisch = Syrian
community-eritrees = Eritrean
community-other = Another group
field-occurrence = Is this the first report?
occurrence-first = Yes, the first
occurrence-repeat = No, reported before
occurrence-unknown = I do not know
field-signals = What did you see or hear?
signal-letsel = Visible injuries
signal-angst = Fear
signal-controle = Control by partner or family
signal-bedreiging = Threats
signal-isolement = Not allowed to see anyone or go anywhere
signal-geld = No own money or papers
signal-kinderen = Worries about the children
signal-reis_huwelijk = Trip or marriage against their will
signal-zelfbeschadiging = Thoughts of self-harm
signal-other = Something else
error-ages_exceed_participants = You counted more people by age than there were participants.

# Effects: a show of hands at a meeting, before and after
field-hands = Show of hands: who raised a hand?
hands-hint = Ask at the start and at the end. Count only the hands, never who.
hands-before = Before
hands-after = After
statement-knows_help = Knows where to find help
statement-would_talk = Would talk to someone or report it
statement-recognises_signs = Recognises the signs
error-hands_out_of_range = There cannot be more hands than participants.
error-hands_not_at_a_meeting = A show of hands belongs to a meeting or training.
