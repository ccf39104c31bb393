app-name = Sleutel
quick-exit = Hızlı çıkış
neutral-title = Notlar
neutral-body = Not yok.
neutral-open = Aç

language-label = Dil

first-start-title = Sleutel'e hoş geldiniz
first-start-intro = Burada kaydettiğiniz her şey bu cihazda şifreli kalır. Yalnızca sizin bildiğiniz bir parola cümlesi seçin.
passphrase-label = Parola cümlesi
passphrase-repeat-label = Parola cümlesini tekrarlayın
passphrase-hint = En az 8 karakter. Sıradan kelimelerden oluşan kısa bir cümle hem güçlüdür hem de kolay hatırlanır.
strength-weak = Zayıf: daha uzun yapın.
strength-fair = Orta: bir kelime daha eklerseniz güçlü olur.
strength-strong = Güçlü.
passphrase-mismatch = İki parola cümlesi aynı değil.
create-button = Devam
recovery-title = Kurtarma kodunuz
recovery-explanation = Bu kodu yazın ve güvenli bir yerde saklayın. Parola cümlesini unutursanız bununla girebilirsiniz. Yalnızca bir kez gösterilir.
recovery-confirm = Kodu yazdım
recovery-done = Tamam

unlock-title = Kilidi aç
unlock-button = Kilidi aç
use-recovery-code = Parola cümlesini mi unuttunuz? Kurtarma kodunu kullanın
use-passphrase = Parola cümlesini kullan
recovery-code-label = Kurtarma kodu
unlock-wait = Lütfen bekleyin: { $seconds } saniye sonra tekrar deneyin.
unlock-attempts = { $count ->
    [one] Her şey silinmeden önce { $count } deneme hakkı kaldı.
   *[other] Her şey silinmeden önce { $count } deneme hakkı kaldı.
}

home-title = Genel bakış
action-home-visit = Ev ziyareti
action-meeting = Toplantı
action-conversation = Görüşme
action-referral = Yönlendirme
follow-ups = { $count ->
    [0] Takip edilecek bir şey yok.
    [one] Takip edilecek { $count } konu.
   *[other] Takip edilecek { $count } konu.
}
month-totals = Bu ay
total-activities = Etkinlikler
total-participants = Katılımcılar
total-referrals = Yönlendirmeler
lock-button = Kilitle

error-wrong_secret = Bu doğru değil. Lütfen tekrar deneyin.
error-unlock_throttled = Çok fazla deneme. Lütfen bekleyin.
error-passphrase_too_short = Parola cümlesi en az 8 karakter olmalı.
error-recovery_code_malformed = Bu geçerli bir kurtarma kodu değil. Karakterleri kontrol edin.
error-store_wiped = Çok fazla denemeden sonra bu cihazdaki her şey silindi.
error-unknown = Bir şeyler ters gitti. Lütfen tekrar deneyin.
