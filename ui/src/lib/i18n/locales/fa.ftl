# Machine translation, made without a native speaker. To be reviewed by a native speaker before use in the field.
# Farsi / Dari (فارسی), right-to-left. Plain words; Latin digits only (0-9), never Persian ones. Texts someone
# looking over the shoulder may see (titles, reminders, the neutral screen) never mention violence.

app-name = Sleutel
quick-exit = خروج سریع
neutral-title = یادداشت‌ها
neutral-body = یادداشتی نیست.
neutral-open = باز کردن

language-label = زبان

first-start-title = به Sleutel خوش آمدید
first-start-intro = هر چیزی که اینجا ثبت می‌کنید، رمزگذاری‌شده روی همین دستگاه می‌ماند. رمزی انتخاب کنید که فقط خودتان آن را می‌دانید.
passphrase-label = رمز عبور
passphrase-repeat-label = رمز عبور را دوباره بنویسید
passphrase-hint = دست‌کم 8 حرف. یک جملهٔ کوتاه از کلمه‌های ساده، قوی است و آسان به یاد می‌ماند.
strength-weak = ضعیف: آن را بلندتر کنید.
strength-fair = متوسط: با یک کلمهٔ دیگر قوی می‌شود.
strength-strong = قوی.
passphrase-mismatch = دو رمز عبور یکی نیستند.
create-button = ادامه
recovery-title = کد بازیابی شما
recovery-explanation = این کد را بنویسید و در جای امنی نگه دارید. اگر رمز عبور را فراموش کنید، با این کد باز هم می‌توانید وارد شوید. این کد را فقط یک بار می‌بینید.
recovery-confirm = کد را نوشتم
recovery-done = تمام

unlock-title = باز کردن قفل
unlock-button = باز کردن قفل
use-recovery-code = رمز عبور را فراموش کرده‌اید؟ از کد بازیابی استفاده کنید
use-passphrase = استفاده از رمز عبور
recovery-code-label = کد بازیابی
unlock-wait = کمی صبر کنید: { $seconds } ثانیهٔ دیگر دوباره امتحان کنید.
unlock-attempts = { $count ->
    [one] { $count } بار دیگر می‌توانید امتحان کنید. بعد از آن همه چیز پاک می‌شود.
   *[other] { $count } بار دیگر می‌توانید امتحان کنید. بعد از آن همه چیز پاک می‌شود.
}

home-title = نمای کلی
action-home-visit = دیدار در خانه
action-meeting = نشست
action-conversation = گفتگو
action-referral = ارجاع
follow-ups = { $count ->
    [0] چیزی برای پیگیری نیست.
    [one] { $count } مورد برای پیگیری.
   *[other] { $count } مورد برای پیگیری.
}
month-totals = این ماه
total-activities = فعالیت‌ها
total-participants = شرکت‌کنندگان
total-referrals = ارجاع‌ها
lock-button = قفل کردن

error-wrong_secret = درست نیست. دوباره امتحان کنید.
error-unlock_throttled = تلاش‌ها زیاد بود. کمی صبر کنید.
error-passphrase_too_short = رمز عبور باید دست‌کم 8 حرف داشته باشد.
error-recovery_code_malformed = این کد بازیابی درست نیست. حرف‌ها را بررسی کنید.
error-store_wiped = بعد از تلاش‌های زیاد، همه چیز روی این دستگاه پاک شد.
error-unknown = مشکلی پیش آمد. دوباره امتحان کنید.

nav-label = منو
nav-home = نمای کلی
nav-referrals = پیگیری
nav-work = کار من
back-button = بازگشت
save-button = ذخیره
cancel-button = لغو
edit-button = تغییر
delete-button = حذف
undo-button = برگرداندن
busy = کمی صبر کنید…
optional = (اختیاری)

activity-new-title = فعالیت تازه
activity-edit-title = تغییر فعالیت
field-kind = نوع فعالیت
field-date = تاریخ
field-duration = مدت به دقیقه
field-municipality = شهرداری
field-location = مکان
field-languages = زبان‌هایی که صحبت شد
field-themes = موضوع‌ها
field-professional = آیا یک متخصص هم بود؟
professional-none = نه
more-themes = نشان دادن همهٔ موضوع‌ها
fewer-themes = نشان دادن موضوع‌های کمتر
more-languages = نشان دادن همهٔ زبان‌ها
field-participants = شرکت‌کنندگان
tally-women = زنان
tally-men = مردان
tally-other = دیگر
tally-less = یکی کمتر: { $group }
tally-more = یکی بیشتر: { $group }
tally-total = جمع: { $count }
field-notes = یادداشت‌ها
notes-hint = نام، نشانی، شمارهٔ تلفن یا هر چیز دیگری که با آن بشود کسی را شناخت، ننویسید.
pii-title = این می‌تواند کسی را شناسایی کند. پیش از ذخیره آن را پاک کنید:
pii-email = یک نشانی ایمیل
pii-iban = یک شمارهٔ حساب بانکی
pii-postcode_house_number = یک کد پستی با شمارهٔ خانه
pii-address = یک نشانی
pii-phone = یک شمارهٔ تلفن
pii-date_of_birth = یک تاریخ تولد
pii-bsn = یک شمارهٔ شهروندی (BSN)
pii-name = یک نام
pii-found = { $kind }: «{ $text }»
saved-activity = ذخیره شد.
updated-activity = تغییر ذخیره شد.
deleted-activity = حذف شد.
undone = برگردانده شد.

referral-new-title = ارجاع تازه
referral-edit-title = تغییر ارجاع
field-destination = ارجاع به
field-urgency = چقدر فوری است؟
urgency-normal = عادی
urgency-urgent = فوری
urgency-acute = خیلی فوری
acute-hint = اگر خطر فوری هست: به 112 زنگ بزنید.
field-consent = آیا آن شخص این را می‌خواهد؟
consent-yes = بله
consent-no = نه
consent-not_asked = پرسیده نشد
field-accompanied = خودم همراه می‌روم یا خودم آن شخص را وصل می‌کنم
field-first-status = آیا ارجاع را انجام داده‌اید؟
field-follow-up = پیگیری در تاریخ
follow-up-hint = در آن روز در نمای کلی شما زیر «پیگیری» دیده می‌شود.
referral-saved = با کد { $code } ذخیره شد. هرگز کنار این کد نام ننویسید.

status-proposed = پیشنهاد شده
status-made = ارجاع شده
status-contact_confirmed = تماس تأیید شد
status-help_started = کمک شروع شد
status-closed = تمام شد
status-declined = رد شد
status-unknown = نامعلوم

referrals-title = ارجاع‌ها
referrals-empty = هنوز ارجاعی نیست.
referral-line = { $destination } · { $date }
referral-since = { $status } از { $date }
follow-up-due = پیگیری
follow-up-on = پیگیری در { $date }
change-status-label = حالا چه اتفاقی افتاد؟
status-date-label = کی؟
change-status-button = ذخیره
set-follow-up-button = ذخیرهٔ تاریخ پیگیری
status-changed = ذخیره شد. حالا: { $status }.
follow-up-saved = تاریخ پیگیری ذخیره شد.
confirm-delete = مطمئن هستید؟ حذف را نمی‌شود برگرداند.
deleted-referral = ارجاع حذف شد.

work-title = کار من
work-thanks = این کاری است که شما در 12 ماه گذشته انجام دادید. سپاسگزاریم.
work-activities-per-month = فعالیت‌ها در هر ماه
work-participants-per-month = شرکت‌کنندگان در هر ماه
work-by-theme = فعالیت‌ها بر اساس موضوع
work-by-kind = فعالیت‌ها بر اساس نوع
work-recent = تازه ثبت‌شده
work-empty = در 12 ماه گذشته هنوز چیزی ثبت نشده است.
work-month = ماه
work-count = تعداد
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } شرکت‌کننده
   *[other] { $count } شرکت‌کننده
}

sync-title = فرستادن عددها
sync-intro = فقط عددهای هر ماه به هماهنگ‌کنندهٔ شما می‌رود. هرگز یادداشت، نام یا جزئیات دیگر نمی‌رود.
enrol-title = وصل شدن به هماهنگ‌کنندهٔ شما
enrol-intro = هماهنگ‌کنندهٔ شما یک لینک، یا یک نشانی و یک کد اتصال به شما می‌دهد. لینک را می‌توانید در هر کدام از دو خانه بچسبانید: آن‌وقت هر دو پر می‌شوند.
field-coordinator = نشانی هماهنگ‌کننده
field-enrol-code = کد اتصال
enrol-link-read = نشانی و کد از روی لینک پر شدند.
enrol-scan-button = اسکن کد QR
field-device-label = نام این دستگاه
device-label-hint = هماهنگ‌کنندهٔ شما این نام را در فهرست دستگاه‌ها می‌بیند. نام شخص، شمارهٔ تلفن یا ایمیل به کار نبرید.
enrol-button = وصل کردن
reenrol-title = دوباره وصل کردن
reenrol-intro = از هماهنگ‌کنندهٔ خود یک کد اتصال تازه بخواهید. عددهای شما می‌مانند و فقط یک بار شمرده می‌شوند.
reenrol-button = دوباره وصل کردن
sync-organisation = وصل به { $organisation }.
sync-last = آخرین فرستادن: { $when }.
sync-never = هنوز چیزی فرستاده نشده است.
sync-pending = { $count ->
    [0] همه چیز فرستاده شد.
    [one] { $count } عدد هنوز باید فرستاده شود.
   *[other] { $count } عدد هنوز باید فرستاده شوند.
}
sync-rejected = { $count ->
    [one] { $count } عدد پذیرفته نشد. از هماهنگ‌کنندهٔ خود بپرسید چه مشکلی هست.
   *[other] { $count } عدد پذیرفته نشدند. از هماهنگ‌کنندهٔ خود بپرسید چه مشکلی هست.
}
sync-problem = مشکل: { $problem }
sync-now-button = همین حالا بفرست
sync-running = در حال فرستادن…
sync-done = فرستاده شد.

settings-title = تنظیمات
field-auto-lock = قفل خودکار بعد از
minutes-option = { $count ->
    [one] { $count } دقیقه
   *[other] { $count } دقیقه
}
field-retention = نگه داشتن جزئیات
months-option = { $count } ماه
retention-hint = بعد از آن جزئیات پاک می‌شوند. تعدادها می‌مانند.
retention-confirm = جزئیاتی که از { $count } ماه قدیمی‌ترند، همین حالا پاک می‌شوند. تعدادها می‌مانند. مطمئن هستید؟
retention-confirm-button = بله، ذخیره و پاک کن
field-wipe-after = پاک کردن همه چیز بعد از تلاش‌های نادرست
wipe-never = هرگز
attempts-option = بعد از { $count } تلاش
settings-saved = تنظیمات ذخیره شد.
passphrase-change-title = تغییر رمز عبور
current-passphrase-label = رمز عبور فعلی
new-passphrase-label = رمز عبور تازه
change-passphrase-button = تغییر رمز عبور
passphrase-changed = رمز عبور تغییر کرد.
recovery-new-title = کد بازیابی تازه
recovery-new-intro = کد بازیابی را گم کرده‌اید، یا کس دیگری آن را دیده است؟ یک کد تازه بسازید. کد قدیمی دیگر کار نمی‌کند.
recovery-new-button = ساختن کد بازیابی تازه
recovery-new-explanation = این کد تازه را بنویسید. کد بازیابی قدیمی دیگر کار نمی‌کند. این کد را فقط یک بار می‌بینید.
backup-title = نسخهٔ پشتیبان
backup-intro = نسخهٔ پشتیبان رمزگذاری‌شده است. آن را با رمز عبور یا کد بازیابی‌ای باز می‌کنید که هنگام ساختنش داشتید.
backup-button = ساختن نسخهٔ پشتیبان
backup-made = نسخهٔ پشتیبان ساخته شد: { $name } در { $folder }.
restore-title = برگرداندن نسخهٔ پشتیبان
restore-choose = یک نسخهٔ پشتیبان انتخاب کنید
restore-secret = رمز عبور آن نسخهٔ پشتیبان
restore-warning = برگرداندن، همه چیزِ این دستگاه را با نسخهٔ پشتیبان جایگزین می‌کند.
restore-button = برگرداندن
restore-done = نسخهٔ پشتیبان برگردانده شد.
backups-none = هنوز نسخهٔ پشتیبانی نیست.

error-locked = برنامه قفل است. اول قفل را باز کنید.
error-invalid_setting = این تنظیم ممکن نیست.
error-not_found = این وجود ندارد (دیگر وجود ندارد).
error-date_in_future = تاریخ در آینده است.
error-date_too_old = تاریخ خیلی قدیمی است.
error-date_malformed = یک تاریخ درست وارد کنید.
error-duration_out_of_range = مدت باید بین 1 و 1440 دقیقه باشد.
error-tally_out_of_range = این تعداد شرکت‌کننده ممکن نیست.
error-tally_empty = دست‌کم یک شرکت‌کننده بشمارید.
error-new_participants_exceed_total = تعداد شرکت‌کنندگان تازه از همهٔ شرکت‌کنندگان بیشتر است.
error-unknown_code = یکی از فهرست انتخاب کنید.
error-duplicate_code = یک گزینه دو بار آمده است.
error-code_required = دست‌کم یکی انتخاب کنید.
error-too_many_codes = تعداد زیادی انتخاب شده است.
error-text_too_long = متن خیلی بلند است.
error-label_identifies = این نام نشان می‌دهد که چه کسی است (نام، شماره یا ایمیل). نامی بدون اطلاعات شخصی انتخاب کنید، مثل «تلفن 3».
error-text_control_characters = متن نشانه‌های عجیب دارد.
error-status_transition_not_allowed = این وضعیت نمی‌تواند بعد از وضعیت فعلی بیاید.
error-status_date_out_of_order = تاریخ پیش از وضعیت قبلی است.
error-follow_up_before_referral = تاریخ پیگیری پیش از ارجاع است.
error-follow_up_too_far = تاریخ پیگیری خیلی دور است.
error-not_enrolled = این دستگاه هنوز وصل نشده است.
error-already_enrolled = این دستگاه از قبل وصل است.
error-invalid_url = این نشانی درست نیست.
error-insecure_url = نشانی باید با https:// شروع شود.
error-not_an_enrolment_link = این لینک اتصال نیست. از هماهنگ‌کنندهٔ خود لینک یا کد تازه بخواهید.
error-other_coordinator = این لینک برای هماهنگ‌کنندهٔ دیگری است. از هماهنگ‌کنندهٔ خودتان کد تازه بخواهید.
error-scan_failed = اسکن نشد. دوباره امتحان کنید، یا نشانی و کد را بنویسید.
error-network_unreachable = به هماهنگ‌کننده دسترسی نیست. بعداً دوباره امتحان می‌شود.
error-bad_reply = پاسخ هماهنگ‌کننده فهمیده نشد. بعداً دوباره امتحان می‌شود.
error-device_revoked = هماهنگ‌کنندهٔ شما این دستگاه را خاموش کرده است. کد تازه بخواهید.
error-unknown_device = هماهنگ‌کننده این دستگاه را نمی‌شناسد. با یک کد تازه دوباره وصل کنید.
error-enrolment_code_invalid = کد درست نیست، قبلاً استفاده شده یا وقتش گذشته است. کد تازه بخواهید.
error-clock_skew = ساعت این دستگاه درست نیست. تاریخ و ساعت را بررسی کنید.
error-rate_limited = هماهنگ‌کننده سرش شلوغ است. بعداً دوباره امتحان می‌شود.
error-backup_corrupt = این فایل خراب است یا نسخهٔ پشتیبان نیست.
error-store_already_exists = اینجا از قبل یک گاوصندوق (انبار رمزگذاری‌شده) هست.

kind-home_visit = دیدار در خانه
kind-group_meeting = نشست گفتگوی گروهی
kind-individual_talk = گفتگوی دونفره
kind-phone_contact = تماس تلفنی
kind-drop_in_hour = ساعت مراجعه بدون وقت قبلی
kind-mediation = میانجی‌گری
kind-training = آموزش یا کارگاه
kind-other = دیگر

theme-huiselijk_geweld = خشونت خانگی
theme-partnergeweld = خشونت از طرف همسر یا شریک زندگی
theme-kindermishandeling = بدرفتاری با کودک
theme-ouderenmishandeling = بدرفتاری با سالمندان
theme-eergerelateerd_geweld = خشونت ناموسی
theme-huwelijksdwang = ازدواج اجباری
theme-huwelijksgevangenschap = گرفتار ماندن در ازدواج (جلوگیری از طلاق)
theme-achterlating = رها کردن در خارج از کشور
theme-vrouwelijke_genitale_verminking = ختنهٔ دختران / زنان (FGM)
theme-lhbti_discriminatie = تبعیض علیه افراد LHBTI
theme-zelfbeschikking = حق تصمیم برای خود و کنترل اجتماعی
theme-isolement = تنهایی و انزوا
theme-mensenhandel = قاچاق انسان
theme-schulden_armoede = بدهی و فقر
theme-opvoeding = تربیت فرزند
theme-psychische_nood = فشار روانی
theme-overig = دیگر

location-home = در خانهٔ کسی
location-mosque = مسجد
location-church = کلیسا
location-other_religious = عبادتگاه دیگر
location-community_centre = خانهٔ محله / مرکز محله
location-self_organisation = انجمن یا سازمان جامعه
location-school = مدرسه
location-cjg = مرکز خانواده (CJG)
location-library = کتابخانه
location-professional_office = نزد یک متخصص
location-public_space = فضای عمومی
location-online = آنلاین
location-phone = تلفن
location-other = دیگر

language-nl = هلندی
language-en = انگلیسی
language-tr = ترکی
language-ar = عربی
language-tzm = تمازیغت (بربری)
language-so = سومالیایی
language-pl = لهستانی
language-ti = تیگرینیا
language-fa = فارسی / دری
language-ku = کردی
language-pap = پاپیامنتو
language-srn = سرانان تونگو
language-hns = سرنامی
language-ps = پشتو
language-uk = اوکراینی
language-ru = روسی
language-fr = فرانسوی
language-other = زبان دیگر

org-veilig_thuis = Veilig Thuis (مرکز مشاوره و گزارش خشونت خانگی)
org-wijkteam = Wijkteam (تیم اجتماعی محله)
org-huisarts = پزشک خانواده (huisarts)
org-politie = پلیس
org-lkha = LKHA (مرکز ملی ازدواج اجباری و رها کردن در خارج)
org-ggd = GGD (خدمات بهداشت عمومی شهرداری)
org-vrouwenopvang = خانهٔ امن زنان / Blijf van m'n Lijf
org-amw = مددکاری اجتماعی عمومی (AMW)
org-schuldhulpverlening = کمک برای بدهی
org-jeugdzorg_cjg = کمک به جوانان / مرکز خانواده (CJG)
org-ggz = GGZ (خدمات سلامت روان)
org-slachtofferhulp = Slachtofferhulp (حمایت از قربانیان)
org-juridisch_loket = Juridisch Loket (مشاورهٔ حقوقی) / مشاوران اجتماعی
org-other = دیگر

unlock-attempts-before-wait = { $count ->
    [one] { $count } بار دیگر می‌توانید امتحان کنید. بعد از آن باید کمی صبر کنید.
   *[other] { $count } بار دیگر می‌توانید امتحان کنید. بعد از آن باید کمی صبر کنید.
}
nav-more = بیشتر
more-title = بیشتر
close-button = بستن
draft-title = هنوز تمام نشده
draft-continue = ادامهٔ پر کردن
draft-discard = دور انداختن
draft-discarded = دور انداخته شد.
form-discarded = ذخیره نشد.
refer-from-activity = ارجاع دادن
field-when = کی؟
date-today = امروز
date-yesterday = دیروز
date-other-day = روز دیگر
date-none = بدون تاریخ
date-previous-month = ماه قبل
date-next-month = ماه بعد
date-in-one-week = 1 هفته بعد
date-in-two-weeks = 2 هفته بعد
date-no-follow-up = لازم نیست
field-who = با چه کسی؟
who-women = زن
who-men = مرد
who-other = دیگر
field-new-person = آیا این اولین بار با این شخص است؟
answer-yes = بله
answer-no = نه
field-new-participants = چند نفر برای اولین بار آمدند؟
more-details = پر کردن بیشتر
less-details = نشان دادن کمتر
confirm-no-participants = شما هیچ کس را نشمردید. واقعاً کسی نبود؟
confirm-save-anyway = بله، ذخیره کن
confirm-count-first = نه، اول بشمارم
first-status-made = بله، انجام شد
first-status-proposed = هنوز نه
melding-hint = وقتی واقعاً ارجاع داده باشید، این یک گزارش به Veilig Thuis شمرده می‌شود. فقط پیشنهاد دادن هنوز شمرده نمی‌شود.
update-button = به‌روز کردن
work-twelve-months = 12 ماه گذشته
error-draft_malformed = این پیش‌نویس نگه داشته نشد.

# Discreet name and duress passphrase
field-discreet = برنامه را با نام «یادداشت‌ها» نشان بده
discreet-hint = آن‌وقت نام و عنوان پنجره چیزی دربارهٔ Sleutel نمی‌گویند، روی صفحهٔ قفل هم.
duress-title = رمز اضطراری
duress-intro = باید برنامه را باز کنید در حالی که کسی نگاه می‌کند؟ آن‌وقت رمز اضطراری را بنویسید. همه چیز پاک می‌شود، نسخه‌های پشتیبان هم. برنامه طوری به نظر می‌رسد که انگار تازه نصب شده است.
duress-is-set = شما یک رمز اضطراری دارید.
duress-current-label = رمز عبور همیشگی شما
duress-label = رمز اضطراری (متفاوت با رمز عبور شما)
duress-repeat-label = رمز اضطراری را دوباره بنویسید
duress-button = ذخیرهٔ رمز اضطراری
duress-remove = برداشتن رمز اضطراری
duress-saved = رمز اضطراری ذخیره شد.
duress-removed = رمز اضطراری برداشته شد.
error-duress_same_as_passphrase = رمز اضطراری باید با رمز عبور شما فرق داشته باشد.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = برای خودتان
wellbeing-heavy = این برایم سنگین بود
wellbeing-debrief = دوست دارم دربارهٔ این صحبت کنم
wellbeing-debrief-hint = هماهنگ‌کنندهٔ شما فقط یک درخواست گفتگو می‌گیرد. هیچ چیز از آنچه اینجا پر می‌کنید به او نمی‌رسد.
wellbeing-show-label = هماهنگ‌کننده‌ام می‌تواند ببیند درخواست از کدام دستگاه آمده است
support-title = حمایت برای شما
support-intro = این کار می‌تواند سنگین باشد. لازم نیست آن را تنها به دوش بکشید. حرف زدن کمک می‌کند.
support-contact-heading = با سازمان خود صحبت کنید
support-contact-none = سازمان شما هنوز اینجا کسی را برای تماس نگذاشته است. از هماهنگ‌کنندهٔ خود بپرسید.
support-call = تماس:
support-mail = ایمیل:
support-waiting = { $count ->
    [one] درخواست گفتگوی شما به محض وصل شدن فرستاده می‌شود.
   *[other] { $count } درخواست گفتگو به محض وصل شدن فرستاده می‌شوند.
}
support-how-to-ask = می‌خواهید دربارهٔ یک دیدار یا نشست صحبت کنید؟ در فرم روی «{ more-details }» بزنید و «{ wellbeing-debrief }» را علامت بزنید.
support-helplines-heading = خطوط کمک، شب و روز
helpline-112 = 112: در خطر فوری
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (رایگان)
helpline-113 = 113 پیشگیری از خودکشی: 0800-0113 (رایگان)
helpline-luisterlijn = De Luisterlijn: 088-0767000، برای اینکه حرف دلتان را بزنید
error-phone_malformed = این شمارهٔ تلفن نیست.
error-email_malformed = این نشانی ایمیل نیست.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = سن (تعداد نفر در هر گروه)
ages-hint = فقط اگر می‌دانید. روی هم نباید بیشتر از تعداد شرکت‌کنندگان باشد.
age-under_18 = زیر 18
age-18_29 = 18 تا 29
age-30_49 = 30 تا 49
age-50_64 = 50 تا 64
age-65_plus = 65 و بالاتر
field-community-groups = کدام گروه‌ها بودند؟
community-turks = ترک
community-marokkaans = مراکشی
community-somalisch = سومالیایی
community-pools = لهستانی
community-surinaams_hindostaans = سورینامی / هندوستانی
community-antilliaans = آنتیلی / آروبایی
community-afghaans = افغانستانی
community-iraaks = عراقی
community-iraans = ایرانی
community-koerdisch = کرد
community-syrisch = سوری
community-eritrees = اریتره‌ای
community-other = گروه دیگر
field-occurrence = آیا این اولین گزارش است؟
occurrence-first = بله، اولین
occurrence-repeat = نه، قبلاً گزارش شده
occurrence-unknown = نمی‌دانم
field-signals = چه دیدید یا شنیدید؟
signal-letsel = آسیب‌های قابل دیدن
signal-angst = ترس یا وحشت
signal-controle = کنترل از طرف شریک زندگی یا خانواده
signal-bedreiging = تهدید
signal-isolement = اجازه ندارد کسی را ببیند یا جایی برود
signal-geld = پول یا مدارک خودش را ندارد
signal-kinderen = نگرانی دربارهٔ بچه‌ها
signal-reis_huwelijk = سفر یا ازدواج اجباری
signal-zelfbeschadiging = فکر آسیب زدن به خود
signal-other = چیز دیگر
error-ages_exceed_participants = تعدادی که در گروه‌های سنی شمردید از تعداد شرکت‌کنندگان بیشتر است.

# Effects: a show of hands at a meeting, before and after
field-hands = بالا بردن دست: چه کسی دستش را بالا برد؟
hands-hint = در شروع و در پایان بپرسید. فقط دست‌ها را بشمارید، هرگز ننویسید چه کسی بود.
hands-before = قبل
hands-after = بعد
statement-knows_help = می‌داند کجا کمک پیدا کند
statement-would_talk = حاضر است با کسی حرف بزند یا گزارش بدهد
statement-recognises_signs = نشانه‌ها را می‌شناسد
error-hands_out_of_range = تعداد دست‌ها نمی‌تواند از تعداد شرکت‌کنندگان بیشتر باشد.
error-hands_not_at_a_meeting = بالا بردن دست فقط مربوط به نشست یا آموزش است.
