app-name = Sleutel
quick-exit = خروج سريع
neutral-title = ملاحظات
neutral-body = لا توجد ملاحظات.
neutral-open = فتح

language-label = اللغة

first-start-title = مرحبًا بك في Sleutel
first-start-intro = كل ما تسجله هنا يبقى مشفرًا على هذا الجهاز. اختر عبارة مرور لا يعرفها أحد غيرك.
passphrase-label = عبارة المرور
passphrase-repeat-label = كرر عبارة المرور
passphrase-hint = ثمانية أحرف على الأقل. جملة قصيرة من كلمات عادية قوية وسهلة التذكر.
strength-weak = ضعيفة: اجعلها أطول.
strength-fair = مقبولة: كلمة إضافية تجعلها قوية.
strength-strong = قوية.
passphrase-mismatch = عبارتا المرور غير متطابقتين.
create-button = متابعة
recovery-title = رمز الاستعادة الخاص بك
recovery-explanation = اكتب هذا الرمز واحفظه في مكان آمن. يمكنك الدخول به إذا نسيت عبارة المرور. لن يظهر إلا مرة واحدة.
recovery-confirm = لقد كتبت الرمز
recovery-done = تم

unlock-title = فتح القفل
unlock-button = فتح القفل
use-recovery-code = نسيت عبارة المرور؟ استخدم رمز الاستعادة
use-passphrase = استخدام عبارة المرور
recovery-code-label = رمز الاستعادة
unlock-wait = يرجى الانتظار: حاول مرة أخرى بعد { $seconds } ثانية.
unlock-attempts = { $count ->
    [one] بقيت محاولة واحدة قبل مسح كل شيء.
    [two] بقيت محاولتان قبل مسح كل شيء.
    [few] بقيت { $count } محاولات قبل مسح كل شيء.
   *[other] بقيت { $count } محاولة قبل مسح كل شيء.
}

home-title = نظرة عامة
action-home-visit = زيارة منزلية
action-meeting = لقاء
action-conversation = محادثة
action-referral = إحالة
follow-ups = { $count ->
    [0] لا شيء للمتابعة.
    [one] بند واحد للمتابعة.
    [two] بندان للمتابعة.
    [few] { $count } بنود للمتابعة.
   *[other] { $count } بندًا للمتابعة.
}
month-totals = هذا الشهر
total-activities = الأنشطة
total-participants = المشاركون
total-referrals = الإحالات
lock-button = قفل

error-wrong_secret = هذا غير صحيح. حاول مرة أخرى.
error-unlock_throttled = محاولات كثيرة جدًا. يرجى الانتظار.
error-passphrase_too_short = يجب أن تتكون عبارة المرور من ثمانية أحرف على الأقل.
error-recovery_code_malformed = هذا ليس رمز استعادة صالحًا. تحقق من الأحرف.
error-store_wiped = بعد محاولات كثيرة جدًا تم مسح كل شيء على هذا الجهاز.
error-unknown = حدث خطأ ما. حاول مرة أخرى.

nav-label = القائمة
nav-home = الرئيسية
nav-referrals = المتابعة
nav-work = عملي
back-button = رجوع
save-button = حفظ
cancel-button = إلغاء
edit-button = تعديل
delete-button = حذف
undo-button = تراجع
busy = لحظة من فضلك…
optional = (اختياري)

activity-new-title = نشاط جديد
activity-edit-title = تعديل النشاط
field-kind = نوع النشاط
field-date = التاريخ
field-duration = المدة بالدقائق
field-municipality = البلدية
field-location = المكان
field-languages = اللغات المستخدمة
field-themes = المواضيع
field-professional = هل شارك مختص؟
professional-none = لا
more-themes = عرض كل المواضيع
fewer-themes = عرض مواضيع أقل
more-languages = عرض كل اللغات
field-participants = المشاركون
tally-women = نساء
tally-men = رجال
tally-other = غير ذلك
tally-less = إنقاص واحد: { $group }
tally-more = إضافة واحد: { $group }
tally-total = المجموع: { $count }
field-notes = ملاحظات
notes-hint = لا تكتب أسماء أو عناوين أو أرقام هواتف أو أي شيء آخر قد يكشف هوية شخص ما.
pii-title = هذا قد يكشف هوية شخص ما. احذفه قبل الحفظ:
pii-email = عنوان بريد إلكتروني
pii-iban = رقم حساب مصرفي
pii-postcode_house_number = رمز بريدي مع رقم منزل
pii-address = عنوان
pii-phone = رقم هاتف
pii-date_of_birth = تاريخ ميلاد
pii-bsn = رقم الخدمة المدنية (BSN)
pii-name = اسم
pii-found = { $kind }: «{ $text }»
saved-activity = تم الحفظ.
updated-activity = تم حفظ التغييرات.
deleted-activity = تم الحذف.
undone = تمت الاستعادة.

referral-new-title = إحالة جديدة
referral-edit-title = تعديل الإحالة
field-destination = الجهة المحال إليها
field-urgency = ما مدى الاستعجال؟
urgency-normal = عادي
urgency-urgent = مستعجل
urgency-acute = طارئ
acute-hint = في حالة خطر فوري: اتصل بالرقم 112.
field-consent = هل يريد الشخص ذلك؟
consent-yes = نعم
consent-no = لا
consent-not_asked = لم يُسأل
field-accompanied = أرافق الشخص أو أوصله بنفسي بالجهة
field-first-status = هل قمت بالإحالة؟
field-follow-up = تاريخ المتابعة
follow-up-hint = في ذلك اليوم يظهر ضمن «للمتابعة» في صفحة النظرة العامة.
referral-saved = تم الحفظ بالرمز { $code }. لا تكتب أبدًا اسمًا بجانب هذا الرمز.

status-proposed = مقترحة
status-made = تمت الإحالة
status-contact_confirmed = تم تأكيد التواصل
status-help_started = بدأت المساعدة
status-closed = مغلقة
status-declined = مرفوضة
status-unknown = غير معروفة

referrals-title = الإحالات
referrals-empty = لا توجد إحالات بعد.
referral-line = { $destination } · { $date }
referral-since = { $status } منذ { $date }
follow-up-due = للمتابعة
follow-up-on = المتابعة في { $date }
change-status-label = ماذا حدث الآن؟
status-date-label = متى؟
change-status-button = احفظ
set-follow-up-button = حفظ تاريخ المتابعة
status-changed = حُفظ. الآن: { $status }.
follow-up-saved = تم حفظ تاريخ المتابعة.
confirm-delete = هل أنت متأكد؟ لا يمكن التراجع عن الحذف.
deleted-referral = تم حذف الإحالة.

work-title = عملي
work-thanks = هذا ما قمت به في آخر 12 شهرًا. شكرًا لك.
work-activities-per-month = الأنشطة حسب الشهر
work-participants-per-month = المشاركون حسب الشهر
work-by-theme = الأنشطة حسب الموضوع
work-by-kind = الأنشطة حسب النوع
work-recent = المسجَّل مؤخرًا
work-empty = لم يُسجَّل شيء بعد في الاثني عشر شهرًا الماضية.
work-month = الشهر
work-count = العدد
activity-line = { $kind } · { $date } · { $count ->
    [zero] لا مشاركين
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
    [many] { $count } مشاركًا
   *[other] { $count } مشارك
}

sync-title = إرسال الأرقام
sync-intro = لا يُرسَل إلى منسقك إلا أرقام شهرية. لا تُرسَل أبدًا الملاحظات أو الأسماء أو أي تفاصيل أخرى.
enrol-title = الربط مع منسقك
enrol-intro = يعطيك منسقك رابطًا، أو عنوانًا ورمز ربط. يمكنك لصق الرابط في أيّ من الحقلين: فيُملأ الحقلان معًا.
field-coordinator = عنوان المنسق
field-enrol-code = رمز الربط
enrol-link-read = تم ملء العنوان والرمز من الرابط.
enrol-scan-button = مسح رمز QR
field-device-label = اسم هذا الجهاز
device-label-hint = يرى منسقك هذا الاسم في قائمة الأجهزة. لا تستخدم اسمًا أو رقم هاتف أو بريدًا إلكترونيًا.
enrol-button = ربط
reenrol-title = ربط من جديد
reenrol-intro = اطلب من منسقك رمز ربط جديدًا. تبقى أرقامك محفوظة وتُحسب مرة واحدة فقط.
reenrol-button = ربط من جديد
sync-organisation = الجهة المرتبطة: { $organisation }.
sync-last = آخر إرسال: { $when }.
sync-never = لم يُرسَل شيء بعد.
sync-pending = { $count ->
    [0] أُرسل كل شيء.
   *[other] أرقام لم تُرسَل بعد: { $count }.
}
sync-rejected = { $count ->
   *[other] أرقام لم تُقبَل: { $count }. اسأل منسقك.
}
sync-problem = مشكلة: { $problem }
sync-now-button = أرسل الآن
sync-running = جارٍ الإرسال…
sync-done = أُرسل.

settings-title = الإعدادات
field-auto-lock = القفل التلقائي بعد
minutes-option = { $count ->
    [zero] { $count } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
field-retention = الاحتفاظ بالتفاصيل لمدة
months-option = { $count ->
    [zero] { $count } شهر
    [one] شهر واحد
    [two] شهرين
    [few] { $count } أشهر
    [many] { $count } شهرًا
   *[other] { $count } شهر
}
retention-hint = بعد ذلك تُمسح التفاصيل. أما الإحصاءات فتبقى.
retention-confirm = ستُمحى الآن التفاصيل الأقدم من المدة المختارة. تبقى الإحصاءات. هل أنت متأكد؟
retention-confirm-button = نعم، احفظ وامسح
field-wipe-after = مسح كل شيء بعد المحاولات الفاشلة
wipe-never = أبدًا
attempts-option = { $count ->
    [zero] بعد { $count } محاولة
    [one] بعد محاولة واحدة
    [two] بعد محاولتين
    [few] بعد { $count } محاولات
    [many] بعد { $count } محاولة
   *[other] بعد { $count } محاولة
}
settings-saved = تم حفظ الإعدادات.
passphrase-change-title = تغيير عبارة المرور
current-passphrase-label = عبارة المرور الحالية
new-passphrase-label = عبارة المرور الجديدة
change-passphrase-button = تغيير عبارة المرور
passphrase-changed = تم تغيير عبارة المرور.
recovery-new-title = رمز استرداد جديد
recovery-new-intro = هل فقدت رمز الاسترداد، أو رآه شخص آخر؟ اصنع رمزًا جديدًا. عندها لن يعمل الرمز القديم.
recovery-new-button = إنشاء رمز استرداد جديد
recovery-new-explanation = اكتب هذا الرمز الجديد. رمز الاسترداد القديم لم يعد يعمل. سترى الرمز مرة واحدة فقط.
backup-title = النسخ الاحتياطي
backup-intro = النسخة الاحتياطية مشفرة. تفتحها بعبارة المرور أو رمز الاستعادة الذي كان صالحًا وقت إنشائها.
backup-button = إنشاء نسخة احتياطية
backup-made = تم إنشاء النسخة الاحتياطية: { $name } في { $folder }.
restore-title = استعادة نسخة احتياطية
restore-choose = اختر نسخة احتياطية
restore-secret = عبارة مرور تلك النسخة الاحتياطية
restore-warning = الاستعادة تستبدل كل ما على هذا الجهاز بمحتوى النسخة الاحتياطية.
restore-button = استعادة
restore-done = تمت استعادة النسخة الاحتياطية.
backups-none = لا توجد نسخ احتياطية بعد.

error-locked = التطبيق مقفل. افتح القفل أولًا.
error-invalid_setting = هذا الإعداد غير ممكن.
error-not_found = هذا غير موجود (أو لم يعد موجودًا).
error-date_in_future = التاريخ في المستقبل.
error-date_too_old = التاريخ قديم جدًا.
error-date_malformed = أدخل تاريخًا صحيحًا.
error-duration_out_of_range = يجب أن تكون المدة بين 1 و1440 دقيقة.
error-tally_out_of_range = عدد المشاركين هذا غير ممكن.
error-tally_empty = سجّل مشاركًا واحدًا على الأقل.
error-new_participants_exceed_total = عدد المشاركين الجدد أكبر من عدد المشاركين.
error-unknown_code = اختر قيمة من القائمة.
error-duplicate_code = هناك قيمة مكررة.
error-code_required = اختر قيمة واحدة على الأقل.
error-too_many_codes = تم اختيار عدد كبير جدًا.
error-text_too_long = النص طويل جدًا.
error-label_identifies = هذا الاسم يكشف من هو الشخص (اسم أو رقم أو بريد إلكتروني). اختر اسمًا بدون بيانات شخصية، مثل «هاتف 3».
error-text_control_characters = يحتوي النص على أحرف غريبة.
error-status_transition_not_allowed = لا يمكن أن تأتي هذه الحالة بعد الحالة الحالية.
error-status_date_out_of_order = التاريخ يسبق تاريخ الحالة السابقة.
error-follow_up_before_referral = تاريخ المتابعة يسبق تاريخ الإحالة.
error-follow_up_too_far = تاريخ المتابعة بعيد جدًا.
error-not_enrolled = هذا الجهاز غير مرتبط بعد.
error-already_enrolled = هذا الجهاز مرتبط بالفعل.
error-invalid_url = هذا ليس عنوانًا صالحًا.
error-insecure_url = يجب أن يبدأ العنوان بـ https://
error-not_an_enrolment_link = هذا ليس رابط ربط. اطلب من منسقك رابطًا أو رمزًا جديدًا.
error-other_coordinator = هذا الرابط لمنسق آخر. اطلب من منسقك رمزًا جديدًا.
error-scan_failed = لم ينجح المسح. حاول مرة أخرى، أو اكتب العنوان والرمز.
error-network_unreachable = تعذّر الوصول إلى المنسق. ستُعاد محاولة المزامنة لاحقًا.
error-bad_reply = تعذّر فهم رد المنسق. ستُعاد محاولة المزامنة لاحقًا.
error-device_revoked = أوقف منسقك هذا الجهاز. اطلب رمزًا جديدًا.
error-unknown_device = المنسق لا يعرف هذا الجهاز. اربطه من جديد برمز جديد.
error-enrolment_code_invalid = الرمز خاطئ أو مستخدم من قبل أو منتهي الصلاحية. اطلب رمزًا جديدًا.
error-clock_skew = ساعة هذا الجهاز غير مضبوطة. تحقق من التاريخ والوقت.
error-rate_limited = المنسق مشغول الآن. ستُعاد محاولة المزامنة لاحقًا.
error-backup_corrupt = هذا الملف تالف أو ليس نسخة احتياطية.
error-store_already_exists = توجد خزنة هنا بالفعل.

kind-home_visit = زيارة منزلية
kind-group_meeting = لقاء حواري جماعي
kind-individual_talk = محادثة فردية
kind-phone_contact = اتصال هاتفي
kind-drop_in_hour = ساعة استقبال بدون موعد
kind-mediation = وساطة
kind-training = تدريب أو ورشة عمل
kind-other = أخرى

theme-huiselijk_geweld = العنف الأسري
theme-partnergeweld = عنف الشريك
theme-kindermishandeling = إساءة معاملة الأطفال
theme-ouderenmishandeling = إساءة معاملة كبار السن
theme-eergerelateerd_geweld = العنف المرتبط بالشرف
theme-huwelijksdwang = الزواج القسري
theme-huwelijksgevangenschap = الاحتجاز في الزواج (منع الطلاق)
theme-achterlating = الترك في الخارج
theme-vrouwelijke_genitale_verminking = ختان الإناث / تشويه الأعضاء التناسلية الأنثوية
theme-lhbti_discriminatie = التمييز ضد مجتمع الميم (LHBTI)
theme-zelfbeschikking = حرية القرار الشخصي والرقابة الاجتماعية
theme-isolement = العزلة
theme-mensenhandel = الاتجار بالبشر
theme-schulden_armoede = الديون والفقر
theme-opvoeding = تربية الأطفال
theme-psychische_nood = الضيق النفسي
theme-overig = أخرى

location-home = في منزل أحد الأشخاص
location-mosque = مسجد
location-church = كنيسة
location-other_religious = مكان عبادة آخر
location-community_centre = مركز مجتمعي
location-self_organisation = منظمة مجتمعية
location-school = مدرسة
location-cjg = مركز الأسرة (CJG)
location-library = مكتبة
location-professional_office = في مكتب مختص
location-public_space = مكان عام
location-online = عبر الإنترنت
location-phone = الهاتف
location-other = أخرى

language-nl = الهولندية
language-en = الإنجليزية
language-tr = التركية
language-ar = العربية
language-tzm = الأمازيغية (تمازيغت)
language-so = الصومالية
language-pl = البولندية
language-ti = التغرينية
language-fa = الفارسية / الدرية
language-ku = الكردية
language-pap = البابيامنتو
language-srn = السرانان تونغو
language-hns = السرنامي (الهندوستانية السورينامية)
language-ps = البشتو
language-uk = الأوكرانية
language-ru = الروسية
language-fr = الفرنسية
language-other = لغة أخرى

org-veilig_thuis = Veilig Thuis (مركز الاستشارة والإبلاغ عن العنف الأسري)
org-wijkteam = Wijkteam (الفريق الاجتماعي في الحي)
org-huisarts = طبيب العائلة
org-politie = الشرطة
org-lkha = LKHA (المركز الوطني لمكافحة الزواج القسري والترك في الخارج)
org-ggd = GGD (خدمة الصحة العامة في البلدية)
org-vrouwenopvang = دار إيواء النساء
org-amw = العمل الاجتماعي العام
org-schuldhulpverlening = المساعدة في مشاكل الديون
org-jeugdzorg_cjg = رعاية الشباب / مركز الأسرة (CJG)
org-ggz = GGZ (رعاية الصحة النفسية)
org-slachtofferhulp = دعم الضحايا
org-juridisch_loket = Juridisch Loket (مكتب المشورة القانونية) / المستشارون الاجتماعيون
org-other = أخرى

unlock-attempts-before-wait = { $count ->
    [one] بقيت لك محاولة واحدة. بعدها عليك الانتظار قليلًا.
    [two] بقيت لك محاولتان. بعدها عليك الانتظار قليلًا.
   *[other] بقيت لك { $count } محاولات. بعدها عليك الانتظار قليلًا.
}
nav-more = المزيد
more-title = المزيد
close-button = إغلاق
draft-title = لم تنته بعد
draft-continue = أكمل
draft-discard = احذف
draft-discarded = حُذف.
form-discarded = لم يُحفظ.
refer-from-activity = أضف إحالة
field-when = متى؟
date-today = اليوم
date-yesterday = أمس
date-other-day = يوم آخر
date-none = بدون تاريخ
date-previous-month = الشهر السابق
date-next-month = الشهر التالي
date-in-one-week = بعد أسبوع
date-in-two-weeks = بعد أسبوعين
date-no-follow-up = غير لازم
field-who = مع من؟
who-women = امرأة
who-men = رجل
who-other = غير ذلك
field-new-person = هل هذه أول مرة مع هذا الشخص؟
answer-yes = نعم
answer-no = لا
field-new-participants = كم شخصًا جاء لأول مرة؟
more-details = املأ المزيد
less-details = اعرض أقل
confirm-no-participants = لم تعدّ أحدًا. هل لم يكن هناك أحد فعلًا؟
confirm-save-anyway = نعم، احفظ
confirm-count-first = لا، سأعدّ أولًا
first-status-made = نعم، تمت
first-status-proposed = ليس بعد
melding-hint = تُحسب هذه بلاغًا إلى Veilig Thuis عندما تقوم بالإحالة فعلًا. الاقتراح وحده لا يُحسب بعد.
update-button = تحديث
work-twelve-months = آخر 12 شهرًا
error-draft_malformed = تعذّر حفظ هذه المسودة.

# Discreet name and duress passphrase
field-discreet = أظهر التطبيق باسم «ملاحظات»
discreet-hint = عندها لا يقول اسم النافذة وعنوانها شيئًا عن Sleutel، حتى على شاشة القفل.
duress-title = عبارة مرور الطوارئ
duress-intro = هل يجب أن تفتح التطبيق وشخص ما يراقبك؟ اكتب عندها عبارة مرور الطوارئ. يُمسح كل شيء، والنسخ الاحتياطية أيضًا. يبدو التطبيق كأنه ثُبّت للتو.
duress-is-set = لديك عبارة مرور طوارئ.
duress-current-label = عبارة المرور المعتادة
duress-label = عبارة مرور الطوارئ (مختلفة عن عبارة المرور)
duress-repeat-label = أعد كتابة عبارة مرور الطوارئ
duress-button = حفظ عبارة مرور الطوارئ
duress-remove = إزالة عبارة مرور الطوارئ
duress-saved = تم حفظ عبارة مرور الطوارئ.
duress-removed = تمت إزالة عبارة مرور الطوارئ.
error-duress_same_as_passphrase = يجب أن تختلف عبارة مرور الطوارئ عن عبارة المرور.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = من أجلك
wellbeing-heavy = كان هذا ثقيلًا عليّ
wellbeing-debrief = أودّ أن أتحدث عن هذا
wellbeing-debrief-hint = يصل إلى منسّقك طلب محادثة فقط. لا شيء مما تكتبه هنا.
wellbeing-show-label = يمكن لمنسّقي أن يرى من أي جهاز جاء الطلب
support-title = دعم لك
support-intro = قد يكون هذا العمل ثقيلًا. لست مضطرًا لحمله وحدك. الحديث يساعد.
support-contact-heading = تحدّث مع منظمتك
support-contact-none = لم تضع منظمتك هنا شخصًا للتواصل بعد. اسأل منسّقك.
support-call = اتصل:
support-mail = بريد إلكتروني:
support-waiting = { $count ->
    [one] سيُرسل طلب المحادثة عندما يتوفر الاتصال.
   *[other] سيُرسل { $count } طلبات محادثة عندما يتوفر الاتصال.
}
support-how-to-ask = هل تريد أن تتحدث عن زيارة أو لقاء؟ في النموذج، اضغط على „{ more-details }” وضع علامة على „{ wellbeing-debrief }”.
support-helplines-heading = خطوط المساعدة، ليلًا ونهارًا
helpline-112 = 112: في حالة خطر مباشر
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (مجانًا)
helpline-113 = 113 للوقاية من الانتحار: 0800-0113 (مجانًا)
helpline-luisterlijn = De Luisterlijn: 088-0767000، لتتحدث عمّا في قلبك
error-phone_malformed = هذا ليس رقم هاتف.
error-email_malformed = هذا ليس عنوان بريد إلكتروني.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = الأعمار (العدد في كل فئة)
ages-hint = فقط إذا كنت تعرف. المجموع لا يزيد على عدد المشاركين.
age-under_18 = أقل من 18
age-18_29 = 18 إلى 29
age-30_49 = 30 إلى 49
age-50_64 = 50 إلى 64
age-65_plus = 65 فأكثر
field-community-groups = أي المجموعات كانت حاضرة؟
community-turks = تركي
community-marokkaans = مغربي
community-somalisch = صومالي
community-pools = بولندي
community-surinaams_hindostaans = سورينامي / هندوستاني
community-antilliaans = أنتيلي / أروبي
community-afghaans = أفغاني
community-iraaks = عراقي
community-iraans = إيراني
community-koerdisch = كردي
community-syrisch = سوري
community-eritrees = إريتري
community-other = مجموعة أخرى
field-occurrence = هل هذا أول بلاغ؟
occurrence-first = نعم، الأول
occurrence-repeat = لا، تم الإبلاغ من قبل
occurrence-unknown = لا أعرف
field-signals = ماذا رأيت أو سمعت؟
signal-letsel = إصابات ظاهرة
signal-angst = خوف أو فزع
signal-controle = تحكّم من الشريك أو العائلة
signal-bedreiging = تهديد
signal-isolement = منع من رؤية أي أحد أو الذهاب إلى أي مكان
signal-geld = لا مال خاص ولا أوراق شخصية
signal-kinderen = قلق على الأطفال
signal-reis_huwelijk = سفر أو زواج بالإكراه
signal-zelfbeschadiging = أفكار عن إيذاء النفس
signal-other = شيء آخر
error-ages_exceed_participants = عدد الأشخاص في فئات العمر أكبر من عدد المشاركين.

# Effects: a show of hands at a meeting, before and after
field-hands = رفع الأيدي: من رفع يده؟
hands-hint = اسأل في البداية وفي النهاية. عُدّ الأيدي فقط، ولا تكتب أبدًا من رفعها.
hands-before = قبل
hands-after = بعد
statement-knows_help = يعرف أين يجد المساعدة
statement-would_talk = مستعد أن يتحدث مع أحد أو أن يبلّغ
statement-recognises_signs = يتعرّف على العلامات
error-hands_out_of_range = لا يمكن أن يكون عدد الأيدي أكبر من عدد المشاركين.
error-hands_not_at_a_meeting = رفع الأيدي يكون فقط في لقاء أو تدريب.
