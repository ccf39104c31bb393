# Machine translation, made without a native speaker. To be reviewed by a native speaker before use in the field.
# Tigrinya (ትግርኛ). Plain words, polite plural "you" (no gender). Texts someone looking over the shoulder may see
# (titles, reminders, the neutral screen) never mention violence.

app-name = Sleutel
quick-exit = ቅልጡፍ ውጽኣት
neutral-title = መዘኻኸሪታት
neutral-body = መዘኻኸሪ የለን።
neutral-open = ክፈቱ

language-label = ቋንቋ

first-start-title = ናብ Sleutel እንቋዕ ብደሓን መጻእኩም
first-start-intro = ኣብዚ እትምዝግብዎ ኩሉ ብምስጢር ተዓቂቡ ኣብዚ መሳርሒ ይተርፍ። ንስኹም ጥራይ እትፈልጥዎ ምስጢራዊ ሓረግ ምረጹ።
passphrase-label = ምስጢራዊ ሓረግ
passphrase-repeat-label = ምስጢራዊ ሓረግ ድገሙ
passphrase-hint = እንተወሓደ 8 ፊደላት። ካብ ልሙዳት ቃላት ዝተሰርሐ ሓጺር ምሉእ ሓሳብ ብርቱዕን ንምዝካር ቀሊልን እዩ።
strength-weak = ድኹም: ኣንውሕዎ።
strength-fair = ማእከላይ: ሓደ ቃል ምውሳኽ ብርቱዕ ይገብሮ።
strength-strong = ብርቱዕ።
passphrase-mismatch = እቶም ክልተ ምስጢራዊ ሓረጋት ሓደ ኣይኮኑን።
create-button = ቀጽሉ
recovery-title = ናይ ምምላስ ኮድኩም
recovery-explanation = ነዚ ኮድ ጸሓፍዎ እሞ ኣብ ውሑስ ቦታ ሓልውዎ። ምስጢራዊ ሓረግ እንተረሲዕኩም፡ ብእዚ ኮድ ክትኣትዉ ትኽእሉ። እዚ ኮድ ሓንሳብ ጥራይ እዩ ዝርአ።
recovery-confirm = ነቲ ኮድ ጽሒፈዮ ኣለኹ
recovery-done = ተወዲኡ

unlock-title = ምኽፋት
unlock-button = ክፈቱ
use-recovery-code = ምስጢራዊ ሓረግ ረሲዕኩም? ናይ ምምላስ ኮድ ተጠቐሙ
use-passphrase = ምስጢራዊ ሓረግ ተጠቐሙ
recovery-code-label = ናይ ምምላስ ኮድ
unlock-wait = በጃኹም ተጸበዩ: ድሕሪ { $seconds } ካልኢት ደጊምኩም ፈትኑ።
unlock-attempts = { $count ->
    [one] ኩሉ ቅድሚ ምድምሳሱ { $count } ፈተነ ተሪፉ።
   *[other] ኩሉ ቅድሚ ምድምሳሱ { $count } ፈተነታት ተሪፉ።
}

home-title = ሓፈሻዊ ትሕዝቶ
action-home-visit = ምብጻሕ ገዛ
action-meeting = ኣኼባ
action-conversation = ዝርርብ
action-referral = ሪፈራል
follow-ups = { $count ->
    [0] ዝከታተል የለን።
    [one] { $count } ጉዳይ ምክትታል የድልዮ።
   *[other] { $count } ጉዳያት ምክትታል የድልዮም።
}
month-totals = እዚ ወርሒ
total-activities = ንጥፈታት
total-participants = ተሳተፍቲ
total-referrals = ሪፈራላት
lock-button = ቆልፉ

error-wrong_secret = እዚ ቅኑዕ ኣይኮነን። ደጊምኩም ፈትኑ።
error-unlock_throttled = ብዙሕ ፈተነታት። በጃኹም ቁሩብ ተጸበዩ።
error-passphrase_too_short = ምስጢራዊ ሓረግ እንተወሓደ 8 ፊደላት ክህልዎ ኣለዎ።
error-recovery_code_malformed = እዚ ቅኑዕ ናይ ምምላስ ኮድ ኣይኮነን። ነቶም ፊደላት ተቖጻጸሩ።
error-store_wiped = ድሕሪ ብዙሕ ፈተነታት ኣብዚ መሳርሒ ዝነበረ ኩሉ ተደምሲሱ።
error-unknown = ገለ ጌጋ ኣጋጢሙ። ደጊምኩም ፈትኑ።

nav-label = መምረጺ
nav-home = ሓፈሻዊ
nav-referrals = ምክትታል
nav-work = ስራሐይ
back-button = ተመለሱ
save-button = ዓቅቡ
cancel-button = ሰርዙ
edit-button = ቀይሩ
delete-button = ደምስሱ
undo-button = ናብ ዝነበሮ ምለሱ
busy = ቁሩብ ተጸበዩ…
optional = (ግዴታ ኣይኮነን)

activity-new-title = ሓድሽ ንጥፈት
activity-edit-title = ንጥፈት ቀይሩ
field-kind = ዓይነት ንጥፈት
field-date = ዕለት
field-duration = ግዜ ብደቓይቕ
field-municipality = ምምሕዳር ከተማ
field-location = ቦታ
field-languages = ዝተዛረብኩምሎም ቋንቋታት
field-themes = ኣርእስትታት
field-professional = ክኢላ ሰራሕተኛ ነይሩ ድዩ?
professional-none = ኣይፋል
more-themes = ኩሎም ኣርእስትታት ኣርእዩ
fewer-themes = ውሑዳት ኣርእስትታት ኣርእዩ
more-languages = ኩሎም ቋንቋታት ኣርእዩ
field-participants = ተሳተፍቲ
tally-women = ደቂ ኣንስትዮ
tally-men = ደቂ ተባዕትዮ
tally-other = ካልእ
tally-less = ሓደ ይጉድል: { $group }
tally-more = ሓደ ይውስኽ: { $group }
tally-total = ድምር: { $count }
field-notes = መዘኻኸሪታት
notes-hint = ኣስማት፡ ኣድራሻታት፡ ቁጽሪ ተሌፎን ወይ ካልእ ሰብ ዘለልይ ነገር ኣይትጽሓፉ።
pii-title = እዚ ንሓደ ሰብ ከለልዮ ይኽእል እዩ። ቅድሚ ምዕቃብኩም ኣልግስዎ:
pii-email = ኣድራሻ ኢመይል
pii-iban = ቁጽሪ ሕሳብ ባንኪ
pii-postcode_house_number = ፖስታ ኮድ ምስ ቁጽሪ ገዛ
pii-address = ኣድራሻ
pii-phone = ቁጽሪ ተሌፎን
pii-date_of_birth = ዕለት ልደት
pii-bsn = ቁጽሪ ዜጋ (BSN)
pii-name = ስም
pii-found = { $kind }: «{ $text }»
saved-activity = ተዓቂቡ።
updated-activity = ለውጢ ተዓቂቡ።
deleted-activity = ተደምሲሱ።
undone = ናብ ዝነበሮ ተመሊሱ።

referral-new-title = ሓድሽ ሪፈራል
referral-edit-title = ሪፈራል ቀይሩ
field-destination = ናብ መን ተላኢኹ
field-urgency = ክንደይ ህጹጽ እዩ?
urgency-normal = ልሙድ
urgency-urgent = ህጹጽ
urgency-acute = ኣዝዩ ህጹጽ
acute-hint = ቅጽበታዊ ሓደጋ እንተሎ: ናብ 112 ደውሉ።
field-consent = እቲ ሰብ እዚ ይደልዮ ድዩ?
consent-yes = እወ
consent-no = ኣይፋል
consent-not_asked = ኣይተሓተተን
field-accompanied = ባዕለይ ምስቲ ሰብ እኸይድ ወይ ባዕለይ ርክብ እፈጥር
field-first-status = ሪፈራል ገይርኩም ዶ?
field-follow-up = ምክትታል ዕለት
follow-up-hint = በታ መዓልቲ እቲ ጉዳይ ኣብ ሓፈሻዊ ትሕዝቶኹም ኣብ "ምክትታል" ይርአ።
referral-saved = ብኮድ { $code } ተዓቂቡ። ኣብ ጎኒ እዚ ኮድ ፈጺምኩም ስም ኣይትጽሓፉ።

status-proposed = ተሓሲቡ
status-made = ተላኢኹ
status-contact_confirmed = ርክብ ተረጋጊጹ
status-help_started = ሓገዝ ጀሚሩ
status-closed = ተዛዚሙ
status-declined = ተነጺጉ
status-unknown = ዘይፍለጥ

referrals-title = ሪፈራላት
referrals-empty = ገና ሪፈራል የለን።
referral-line = { $destination } · { $date }
referral-since = { $status } ካብ { $date } ጀሚሩ
follow-up-due = ምክትታል
follow-up-on = ምክትታል ዕለት { $date }
change-status-label = ሕጂ እንታይ ኣጋጢሙ?
status-date-label = መዓስ?
change-status-button = ዓቅቡ
set-follow-up-button = ዕለት ምክትታል ዓቅቡ
status-changed = ተዓቂቡ። ሕጂ: { $status }።
follow-up-saved = ዕለት ምክትታል ተዓቂቡ።
confirm-delete = ርግጸኛታት ዲኹም? ምድምሳስ ክምለስ ኣይክእልን።
deleted-referral = ሪፈራል ተደምሲሱ።

work-title = ስራሐይ
work-thanks = ኣብዞም ዝሓለፉ 12 ኣዋርሕ ዝገበርኩምዎ እዚ እዩ። የቐንየልና።
work-activities-per-month = ንጥፈታት ብወርሒ
work-participants-per-month = ተሳተፍቲ ብወርሒ
work-by-theme = ንጥፈታት ብኣርእስቲ
work-by-kind = ንጥፈታት ብዓይነት
work-recent = ቀረባ ግዜ ዝተመዝገቡ
work-empty = ኣብዞም ዝሓለፉ 12 ኣዋርሕ ገና ዝተመዝገበ የለን።
work-month = ወርሒ
work-count = ብዝሒ
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } ተሳታፊ
   *[other] { $count } ተሳተፍቲ
}

sync-title = ቁጽርታት ስደዱ
sync-intro = ናብ ኣወሃሃዲኹም ዝኸይድ ብወርሒ ዝተደመረ ቁጽርታት ጥራይ እዩ። መዘኻኸሪታት፡ ኣስማት ወይ ካልእ ዝርዝራት ፈጺሙ ኣይኸይድን።
enrol-title = ምስ ኣወሃሃዲኹም ተራኸቡ
enrol-intro = ኣወሃሃዲኹም መላግቦ (link)፡ ወይ ኣድራሻን ናይ ምርኻብ ኮድን ይህበኩም። መላግቦ ኣብ ዝኾነ ካብቶም ክልተ ቦታታት ክትለጥፍዎ ትኽእሉ: ክልቲኦም ብባዕሎም ይምልኡ።
field-coordinator = ኣድራሻ ኣወሃሃዲ
field-enrol-code = ናይ ምርኻብ ኮድ
enrol-link-read = ኣድራሻን ኮድን ካብቲ መላግቦ ተመሊኦም።
enrol-scan-button = QR ኮድ ኣንብቡ
field-device-label = ስም ናይዚ መሳርሒ
device-label-hint = ኣወሃሃዲኹም ነዚ ስም ኣብ ዝርዝር መሳርሒታት ይርእዮ። ስም ሰብ፡ ቁጽሪ ተሌፎን ወይ ኢመይል ኣይትጠቐሙ።
enrol-button = ኣራኽቡ
reenrol-title = ደጊምኩም ኣራኽቡ
reenrol-intro = ካብ ኣወሃሃዲኹም ሓድሽ ናይ ምርኻብ ኮድ ሕተቱ። ቁጽርታትኩም ይዕቀቡ፡ ሓንሳብ ጥራይ ድማ ይቑጸሩ።
reenrol-button = ደጊምኩም ኣራኽቡ
sync-organisation = ምስ { $organisation } ተራኺቡ።
sync-last = ናይ መወዳእታ ዝተላእከሉ: { $when }።
sync-never = ገና ዝተላእከ የለን።
sync-pending = { $count ->
    [0] ኩሉ ተላኢኹ።
    [one] ገና ክለኣኽ ዘለዎ { $count } ቁጽሪ።
   *[other] ገና ክለኣኹ ዘለዎም { $count } ቁጽርታት።
}
sync-rejected = { $count ->
    [one] { $count } ቁጽሪ ኣይተቐበለን። እንታይ ከምዝተጋገየ ንኣወሃሃዲኹም ሕተቱ።
   *[other] { $count } ቁጽርታት ኣይተቐበሉን። እንታይ ከምዝተጋገየ ንኣወሃሃዲኹም ሕተቱ።
}
sync-problem = ጸገም: { $problem }
sync-now-button = ሕጂ ስደዱ
sync-running = ይለኣኽ ኣሎ…
sync-done = ተላኢኹ።

settings-title = ምድላዋት
field-auto-lock = ብባዕሉ ዝቖልፈሉ ግዜ
minutes-option = { $count ->
    [one] { $count } ደቒቕ
   *[other] { $count } ደቓይቕ
}
field-retention = ዝርዝራት ክንደይ ግዜ ይዕቀቡ
months-option = { $count } ኣዋርሕ
retention-hint = ድሕሪኡ ዝርዝራት ይድምሰሱ። ቁጽርታት ግን ይተርፉ።
retention-confirm = ካብ { $count } ኣዋርሕ ንላዕሊ ዝጸንሑ ዝርዝራት ሕጂ ክድምሰሱ እዮም። ቁጽርታት ይተርፉ። ርግጸኛታት ዲኹም?
retention-confirm-button = እወ፡ ዓቅቡን ደምስሱን
field-wipe-after = ድሕሪ ዘይተዓወቱ ፈተነታት ኩሉ ደምስሱ
wipe-never = ፈጺሙ ኣይፋል
attempts-option = ድሕሪ { $count } ፈተነታት
settings-saved = ምድላዋት ተዓቂቡ።
passphrase-change-title = ምስጢራዊ ሓረግ ቀይሩ
current-passphrase-label = ሕጂ ዘሎ ምስጢራዊ ሓረግ
new-passphrase-label = ሓድሽ ምስጢራዊ ሓረግ
change-passphrase-button = ምስጢራዊ ሓረግ ቀይሩ
passphrase-changed = ምስጢራዊ ሓረግ ተቐይሩ።
recovery-new-title = ሓድሽ ናይ ምምላስ ኮድ
recovery-new-intro = ናይ ምምላስ ኮድኩም ጠፊኡ ድዩ፡ ወይ ካልእ ሰብ ርእይዎ ድዩ? ሓድሽ ስርሑ። እቲ ኣረጊት ድሕሪኡ ኣይሰርሕን።
recovery-new-button = ሓድሽ ናይ ምምላስ ኮድ ስርሑ
recovery-new-explanation = ነዚ ሓድሽ ኮድ ጸሓፍዎ። እቲ ኣረጊት ናይ ምምላስ ኮድ ድሕሪ ሕጂ ኣይሰርሕን። እዚ ኮድ ሓንሳብ ጥራይ እዩ ዝርአ።
backup-title = ተጠባባቒ ቅዳሕ
backup-intro = ተጠባባቒ ቅዳሕ ብምስጢር ዝተዓቀበ እዩ። ብቲ እንትሰርሕዎ ዝነበረ ምስጢራዊ ሓረግ ወይ ናይ ምምላስ ኮድ ትኸፍትዎ።
backup-button = ተጠባባቒ ቅዳሕ ስርሑ
backup-made = ተጠባባቒ ቅዳሕ ተሰሪሑ: { $name } ኣብ { $folder }።
restore-title = ተጠባባቒ ቅዳሕ ምምላስ
restore-choose = ተጠባባቒ ቅዳሕ ምረጹ
restore-secret = ምስጢራዊ ሓረግ ናይቲ ተጠባባቒ ቅዳሕ
restore-warning = ምምላስ ኣብዚ መሳርሒ ዘሎ ኩሉ ብተጠባባቒ ቅዳሕ ይትክኦ።
restore-button = ምለሱ
restore-done = ተጠባባቒ ቅዳሕ ተመሊሱ።
backups-none = ገና ተጠባባቒ ቅዳሕ የለን።

error-locked = እቲ ኣፕ ተቖሊፉ ኣሎ። ቅድም ክፈትዎ።
error-invalid_setting = እዚ ምድላው ኣይከኣልን።
error-not_found = እዚ የለን (ድሕሪ ሕጂ የለን)።
error-date_in_future = እቲ ዕለት ኣብ መጻኢ እዩ።
error-date_too_old = እቲ ዕለት ኣዝዩ ንድሕሪት እዩ።
error-date_malformed = ቅኑዕ ዕለት ኣእትዉ።
error-duration_out_of_range = ግዜ ኣብ መንጎ 1ን 1440ን ደቓይቕ ክኸውን ኣለዎ።
error-tally_out_of_range = እዚ ብዝሒ ተሳተፍቲ ኣይከኣልን።
error-tally_empty = እንተወሓደ ሓደ ተሳታፊ ቁጸሩ።
error-new_participants_exceed_total = ሓደሽቲ ተሳተፍቲ ካብ ኩሎም ተሳተፍቲ ይበዝሑ።
error-unknown_code = ካብቲ ዝርዝር ሓደ ምረጹ።
error-duplicate_code = ሓደ ምርጫ ክልተ ግዜ ኣሎ።
error-code_required = እንተወሓደ ሓደ ምረጹ።
error-too_many_codes = ብዙሕ ተመሪጹ።
error-text_too_long = እቲ ጽሑፍ ኣዝዩ ነዊሕ እዩ።
error-label_identifies = እዚ ስም መን ምዃኑ ይነግር (ስም፡ ቁጽሪ ወይ ኢመይል)። ከም «ተሌፎን 3» ዝኣመሰለ ብዘይ ውልቃዊ ሓበሬታ ስም ምረጹ።
error-text_control_characters = እቲ ጽሑፍ ዘይልሙዱ ምልክታት ኣለዎ።
error-status_transition_not_allowed = እዚ ኩነታት ድሕሪ እቲ ሕጂ ዘሎ ክመጽእ ኣይክእልን።
error-status_date_out_of_order = እቲ ዕለት ቅድሚ እቲ ዝሓለፈ ኩነታት እዩ።
error-follow_up_before_referral = ዕለት ምክትታል ቅድሚ እቲ ሪፈራል እዩ።
error-follow_up_too_far = ዕለት ምክትታል ኣዝዩ ርሑቕ እዩ።
error-not_enrolled = እዚ መሳርሒ ገና ኣይተራኸበን።
error-already_enrolled = እዚ መሳርሒ ድሮ ተራኺቡ እዩ።
error-invalid_url = እዚ ቅኑዕ ኣድራሻ ኣይኮነን።
error-insecure_url = እቲ ኣድራሻ ብ https:// ክጅምር ኣለዎ።
error-not_an_enrolment_link = እዚ ናይ ምርኻብ መላግቦ ኣይኮነን። ካብ ኣወሃሃዲኹም ሓድሽ መላግቦ ወይ ኮድ ሕተቱ።
error-other_coordinator = እዚ መላግቦ ናይ ካልእ ኣወሃሃዲ እዩ። ካብ ናይ ገዛእ ርእስኹም ኣወሃሃዲ ሓድሽ ኮድ ሕተቱ።
error-scan_failed = ምንባብ ኣይሰለጠን። ደጊምኩም ፈትኑ፡ ወይ ኣድራሻን ኮድን ጽሓፉ።
error-network_unreachable = ኣወሃሃዲ ክርከብ ኣይከኣለን። ጸኒሑ ደጊሙ ክፍተን እዩ።
error-bad_reply = መልሲ ናይቲ ኣወሃሃዲ ክርዳእ ኣይከኣለን። ጸኒሑ ደጊሙ ክፍተን እዩ።
error-device_revoked = ኣወሃሃዲኹም ነዚ መሳርሒ ኣጥፊእዎ። ሓድሽ ኮድ ሕተቱ።
error-unknown_device = ኣወሃሃዲ ነዚ መሳርሒ ኣይፈልጦን። ብሓድሽ ኮድ ደጊምኩም ኣራኽቡ።
error-enrolment_code_invalid = እቲ ኮድ ጌጋ እዩ፡ ድሮ ተጠቒምሉ ወይ ግዜኡ ሓሊፉ። ሓድሽ ኮድ ሕተቱ።
error-clock_skew = ሰዓት ናይዚ መሳርሒ ጌጋ እዩ። ዕለትን ሰዓትን ተቖጻጸሩ።
error-rate_limited = ኣወሃሃዲ ተጸሚዱ ኣሎ። ጸኒሑ ደጊሙ ክፍተን እዩ።
error-backup_corrupt = እዚ ፋይል ተበላሽዩ ወይ ተጠባባቒ ቅዳሕ ኣይኮነን።
error-store_already_exists = ኣብዚ ድሮ ምስጢራዊ መዐቀቢ ኣሎ።

kind-home_visit = ምብጻሕ ገዛ
kind-group_meeting = ናይ ጉጅለ ዝርርብ ኣኼባ
kind-individual_talk = ናይ ሓደ-ብሓደ ዝርርብ
kind-phone_contact = ብተሌፎን ርክብ
kind-drop_in_hour = ብዘይ ቆጸራ ናይ ምብጻሕ ሰዓት
kind-mediation = ሽምግልና
kind-training = ስልጠና ወይ ዎርክሾፕ
kind-other = ካልእ

theme-huiselijk_geweld = ዓመጽ ኣብ ስድራቤት
theme-partnergeweld = ዓመጽ ብመጻምዲ
theme-kindermishandeling = ግፍዒ ኣብ ልዕሊ ቆልዑ
theme-ouderenmishandeling = ግፍዒ ኣብ ልዕሊ ኣረጋውያን
theme-eergerelateerd_geweld = ምስ ክብሪ ዝተኣሳሰረ ዓመጽ
theme-huwelijksdwang = ብግዲ መርዓ
theme-huwelijksgevangenschap = ኣብ መርዓ ተዓጽዩ ምጽናሕ (ፍትሕ ምኽልካል)
theme-achterlating = ኣብ ወጻኢ ሃገር ምግዳፍ
theme-vrouwelijke_genitale_verminking = ግዝረት ኣንስቲ (FGM)
theme-lhbti_discriminatie = ኣድልዎ ኣብ ልዕሊ LHBTI ሰባት
theme-zelfbeschikking = ባዕልኻ ምውሳን ከምኡ'ውን ማሕበራዊ ቁጽጽር
theme-isolement = ተነጺልካ ምንባር
theme-mensenhandel = ምንግጋድ ደቂ ሰባት
theme-schulden_armoede = ዕዳን ድኽነትን
theme-opvoeding = ኣተዓባብያ ቆልዑ
theme-psychische_nood = ኣእምሮኣዊ ጸቕጢ
theme-overig = ካልእ

location-home = ኣብ ገዛ ሓደ ሰብ
location-mosque = መስጊድ
location-church = ቤተ ክርስትያን
location-other_religious = ካልእ ቦታ ጸሎት
location-community_centre = ማእከል ሕብረተሰብ
location-self_organisation = ማሕበር ሕብረተሰብ
location-school = ቤት ትምህርቲ
location-cjg = ማእከል ስድራቤት (CJG)
location-library = ቤተ መጻሕፍቲ
location-professional_office = ኣብ ቤት ጽሕፈት ክኢላ
location-public_space = ህዝባዊ ቦታ
location-online = ኦንላይን (ብኢንተርነት)
location-phone = ተሌፎን
location-other = ካልእ

language-nl = ሆላንድኛ
language-en = እንግሊዝኛ
language-tr = ቱርክኛ
language-ar = ዓረብኛ
language-tzm = ታማዚግት (በርበር)
language-so = ሶማልኛ
language-pl = ፖላንድኛ
language-ti = ትግርኛ
language-fa = ፋርስኛ / ዳሪ
language-ku = ኩርድኛ
language-pap = ፓፕያመንቶ
language-srn = ስራናን ቶንጎ
language-hns = ሳርናሚ
language-ps = ፓሽቶ
language-uk = ዩክሬንኛ
language-ru = ሩስኛ
language-fr = ፈረንሳይኛ
language-other = ካልእ ቋንቋ

org-veilig_thuis = Veilig Thuis (ማእከል ምኽርን ጸብጻብን ብዛዕባ ዓመጽ ኣብ ስድራቤት)
org-wijkteam = Wijkteam (ማሕበራዊ ጉጅለ ናይ ከባቢ)
org-huisarts = ሓኪም ስድራቤት (huisarts)
org-politie = ፖሊስ
org-lkha = LKHA (ሃገራዊ ማእከል ብዛዕባ ብግዲ መርዓን ኣብ ወጻኢ ምግዳፍን)
org-ggd = GGD (ናይ ከተማ ህዝባዊ ጥዕና ኣገልግሎት)
org-vrouwenopvang = መዕቆቢ ደቂ ኣንስትዮ / Blijf van m'n Lijf
org-amw = ሓፈሻዊ ማሕበራዊ ስራሕ (AMW)
org-schuldhulpverlening = ሓገዝ ኣብ ዕዳ
org-jeugdzorg_cjg = ክንክን መንእሰያት / ማእከል ስድራቤት (CJG)
org-ggz = GGZ (ክንክን ኣእምሮኣዊ ጥዕና)
org-slachtofferhulp = Slachtofferhulp (ደገፍ ግዳያት)
org-juridisch_loket = Juridisch Loket (ሕጋዊ ምኽሪ) / ማሕበራዊ ኣማኸርቲ
org-other = ካልእ

unlock-attempts-before-wait = { $count ->
    [one] { $count } ፈተነ ተሪፉኩም። ድሕሪኡ ቁሩብ ክትጽበዩ ኣለኩም።
   *[other] { $count } ፈተነታት ተሪፉኩም። ድሕሪኡ ቁሩብ ክትጽበዩ ኣለኩም።
}
nav-more = ተወሳኺ
more-title = ተወሳኺ
close-button = ዕጸዉ
draft-title = ገና ኣይተወድአን
draft-continue = ምምላእ ቀጽሉ
draft-discard = ደርብዩ
draft-discarded = ተደርብዩ።
form-discarded = ኣይተዓቀበን።
refer-from-activity = ሪፈራል ግበሩ
field-when = መዓስ?
date-today = ሎሚ
date-yesterday = ትማሊ
date-other-day = ካልእ መዓልቲ
date-none = ዕለት የለን
date-previous-month = ዝሓለፈ ወርሒ
date-next-month = ዝመጽእ ወርሒ
date-in-one-week = ድሕሪ 1 ሰሙን
date-in-two-weeks = ድሕሪ 2 ሰሙን
date-no-follow-up = ኣየድልን
field-who = ምስ መን?
who-women = ሰበይቲ
who-men = ሰብኣይ
who-other = ካልእ
field-new-person = ምስዚ ሰብ ንመጀመርታ ግዜ ድዩ?
answer-yes = እወ
answer-no = ኣይፋል
field-new-participants = ክንደይ ሰባት ንመጀመርታ ግዜ መጺኦም?
more-details = ተወሳኺ ምልኡ
less-details = ውሑድ ኣርእዩ
confirm-no-participants = ሓደ ሰብ እኳ ኣይቆጸርኩምን። ብሓቂ ሓደ እኳ ኣይነበረን ድዩ?
confirm-save-anyway = እወ፡ ዓቅቡ
confirm-count-first = ኣይፋል፡ ቅድም ቁጸሩ
first-status-made = እወ፡ ተገይሩ
first-status-proposed = ገና
melding-hint = ብሓቂ ሪፈራል ምስ ገበርኩም፡ እዚ ከም ጸብጻብ ናብ Veilig Thuis ይቑጸር። ምሕሳብ ጥራይ ገና ኣይቁጸርን።
update-button = ኣሐድሱ
work-twelve-months = ዝሓለፉ 12 ኣዋርሕ
error-draft_malformed = እዚ ንድፊ ክዕቀብ ኣይከኣለን።

# Discreet name and duress passphrase
field-discreet = ነቲ ኣፕ ከም «መዘኻኸሪታት» ኣርእዩ
discreet-hint = ሽዑ ስምን ኣርእስቲ መስኮትን ብዛዕባ Sleutel ገለ ኣይነግሩን፡ ኣብ ናይ መቆለፊ ስክሪን እውን።
duress-title = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ
duress-intro = ሓደ ሰብ እናረኣየ ነቲ ኣፕ ክትከፍትዎ ተገዲድኩም ዶ? ሽዑ ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ጽሓፉ። ኩሉ ይድምሰስ፡ ተጠባባቒ ቅዳሓት እውን። እቲ ኣፕ ሕጂ ዝተተኸለ ይመስል።
duress-is-set = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ኣለኩም።
duress-current-label = ልሙድ ምስጢራዊ ሓረግኩም
duress-label = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ (ካብ ምስጢራዊ ሓረግኩም ዝተፈልየ)
duress-repeat-label = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ድገሙ
duress-button = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ዓቅቡ
duress-remove = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ኣልግሱ
duress-saved = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ተዓቂቡ።
duress-removed = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ተኣልዩ።
error-duress_same_as_passphrase = ናይ ህጹጽ ግዜ ምስጢራዊ ሓረግ ካብ ምስጢራዊ ሓረግኩም ዝተፈልየ ክኸውን ኣለዎ።

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = ንባዕልኹም
wellbeing-heavy = እዚ ንዓይ ከቢዱኒ ነይሩ
wellbeing-debrief = ብዛዕባ እዚ ክዛረብ ደስ ምበለኒ
wellbeing-debrief-hint = ኣወሃሃዲኹም ናይ ዝርርብ ሕቶ ጥራይ እዩ ዝበጽሖ። ካብቲ ኣብዚ እትመልእዎ ሓንቲ እኳ ኣይበጽሖን።
wellbeing-show-label = ኣወሃሃዲየይ እቲ ሕቶ ካብ ኣየናይ መሳርሒ ከምዝመጸ ክርኢ ይኽእል
support-title = ደገፍ ንዓኹም
support-intro = እዚ ስራሕ ከቢድ ክኸውን ይኽእል። በይንኹም ክትጾርዎ የብልኩምን። ምዝራብ ይሕግዝ።
support-contact-heading = ምስ ትካልኩም ተዛረቡ
support-contact-none = ትካልኩም ኣብዚ ገና ናይ ርክብ ሰብ ኣየቐመጠን። ንኣወሃሃዲኹም ሕተቱ።
support-call = ደውሉ:
support-mail = ኢመይል:
support-waiting = { $count ->
    [one] ናይ ዝርርብ ሕቶኹም ርክብ ምስ ተረኸበ ክለኣኽ እዩ።
   *[other] { $count } ናይ ዝርርብ ሕቶታት ርክብ ምስ ተረኸበ ክለኣኹ እዮም።
}
support-how-to-ask = ብዛዕባ ምብጻሕ ወይ ኣኼባ ክትዛረቡ ትደልዩ ዶ? ኣብ ቅጥዒ «{ more-details }» ጠውቑ፡ «{ wellbeing-debrief }» ምልክት ግበሩ።
support-helplines-heading = መስመራት ሓገዝ፡ ለይትን መዓልትን
helpline-112 = 112: ቅጽበታዊ ሓደጋ እንተሎ
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (ብነጻ)
helpline-113 = 113 ምክልኻል ነብሰ-ቅትለት: 0800-0113 (ብነጻ)
helpline-luisterlijn = De Luisterlijn: 088-0767000፡ ኣብ ልብኹም ዘሎ ንምዝራብ
error-phone_malformed = እዚ ቁጽሪ ተሌፎን ኣይኮነን።
error-email_malformed = እዚ ኣድራሻ ኢመይል ኣይኮነን።

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = ዕድመ (ቁጽሪ ሰባት ብጉጅለ)
ages-hint = እንተፈሊጥኩም ጥራይ። ብድምር ካብ ቁጽሪ ተሳተፍቲ ክበዝሕ የብሉን።
age-under_18 = ትሕቲ 18 ዓመት
age-18_29 = 18–29 ዓመት
age-30_49 = 30–49 ዓመት
age-50_64 = 50–64 ዓመት
age-65_plus = 65 ዓመትን ልዕሊኡን
field-community-groups = ኣየኖት ጉጅለታት ነይሮም?
community-turks = ቱርካዊ
community-marokkaans = ሞሮካዊ
community-somalisch = ሶማላዊ
community-pools = ፖላንዳዊ
community-surinaams_hindostaans = ሱሪናማዊ / ሂንዱስታኒ
community-antilliaans = ኣንቲላዊ / ኣሩባዊ
community-afghaans = ኣፍጋናዊ
community-iraaks = ዒራቃዊ
community-iraans = ኢራናዊ
community-koerdisch = ኩርዳዊ
community-syrisch = ሶርያዊ
community-eritrees = ኤርትራዊ
community-other = ካልእ ጉጅለ
field-occurrence = እዚ ቀዳማይ ጸብጻብ ድዩ?
occurrence-first = እወ፡ ቀዳማይ
occurrence-repeat = ኣይፋል፡ ቅድሚ ሕጂ ተሓቢሩ
occurrence-unknown = ኣይፈልጥን
field-signals = እንታይ ረኣኹም ወይ ሰማዕኩም?
signal-letsel = ዝረአ ማህሰይቲ
signal-angst = ፍርሒ ወይ ስምባድ
signal-controle = ቁጽጽር ብመጻምዲ ወይ ስድራቤት
signal-bedreiging = ምፍርራሕ
signal-isolement = ሰብ ምርኣይ ወይ ናብ ዝኾነ ቦታ ምኻድ ኣይፍቀድን
signal-geld = ናይ ገዛእ ርእሲ ገንዘብ ወይ ሰነዳት ዘይምህላው
signal-kinderen = ስክፍታ ብዛዕባ ቆልዑ
signal-reis_huwelijk = ብግዲ ጉዕዞ ወይ መርዓ
signal-zelfbeschadiging = ንርእሲ ናይ ምጉዳእ ሓሳባት
signal-other = ካልእ ነገር
error-ages_exceed_participants = ብዕድመ ዝቖጸርኩምዎም ሰባት ካብ ተሳተፍቲ ይበዝሑ።

# Effects: a show of hands at a meeting, before and after
field-hands = ኢድ ምልዓል: መን ኢዱ ኣልዓለ?
hands-hint = ኣብ መጀመርታን ኣብ መወዳእታን ሕተቱ። ኣእዳው ጥራይ ቁጸሩ፡ መን ምዃኑ ፈጺምኩም ኣይትጽሓፉ።
hands-before = ኣብ መጀመርታ
hands-after = ኣብ መወዳእታ
statement-knows_help = ሓገዝ ኣበይ ከም ዝርከብ ይፈልጥ
statement-would_talk = ምስ ሰብ ክዛረብ ወይ ጸብጻብ ክህብ ድሉው እዩ
statement-recognises_signs = ምልክታት የለሊ
error-hands_out_of_range = ብዝሒ ኣእዳው ካብ ብዝሒ ተሳተፍቲ ክበዝሕ ኣይክእልን።
error-hands_not_at_a_meeting = ኢድ ምልዓል ንኣኼባ ወይ ንስልጠና ጥራይ እዩ።
