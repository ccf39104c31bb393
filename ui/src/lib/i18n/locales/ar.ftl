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
   *[other] بقيت { $count } محاولات قبل مسح كل شيء.
}

home-title = نظرة عامة
action-home-visit = زيارة منزلية
action-meeting = لقاء
action-conversation = محادثة
action-referral = إحالة
follow-ups = { $count ->
    [0] لا شيء للمتابعة.
    [one] بند واحد للمتابعة.
   *[other] { $count } بنود للمتابعة.
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
