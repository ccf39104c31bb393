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

nav-label = Menü
nav-home = Genel
nav-referrals = Takip
nav-work = İşlerim
back-button = Geri
save-button = Kaydet
cancel-button = İptal
edit-button = Düzenle
delete-button = Sil
undo-button = Geri al
busy = Bir dakika…
optional = (isteğe bağlı)

activity-new-title = Yeni etkinlik
activity-edit-title = Etkinliği düzenle
field-kind = Etkinlik türü
field-date = Tarih
field-duration = Süre (dakika)
field-municipality = Belediye
field-location = Yer
field-languages = Konuşulan diller
field-themes = Konular
field-professional = Bir uzman katıldı mı?
professional-none = Hayır
more-themes = Tüm konuları göster
fewer-themes = Daha az konu göster
more-languages = Tüm dilleri göster
field-participants = Katılımcılar
tally-women = Kadınlar
tally-men = Erkekler
tally-other = Diğer
tally-less = Bir eksik: { $group }
tally-more = Bir fazla: { $group }
tally-total = Toplam: { $count }
field-notes = Notlar
notes-hint = İsim, adres, telefon numarası veya birini tanınır kılabilecek başka bir şey yazmayın.
pii-title = Bu, birinin tanınmasına yol açabilir. Kaydetmeden önce silin:
pii-email = bir e-posta adresi
pii-iban = bir banka hesap numarası
pii-postcode_house_number = kapı numarasıyla birlikte bir posta kodu
pii-address = bir adres
pii-phone = bir telefon numarası
pii-date_of_birth = bir doğum tarihi
pii-bsn = bir vatandaşlık hizmet numarası (BSN)
pii-name = bir isim
pii-found = { $kind }: “{ $text }”
saved-activity = Kaydedildi.
updated-activity = Değişiklikler kaydedildi.
deleted-activity = Silindi.
undone = Geri getirildi.

referral-new-title = Yeni yönlendirme
referral-edit-title = Yönlendirmeyi düzenle
field-destination = Yönlendirilen yer
field-urgency = Ne kadar acil?
urgency-normal = Normal
urgency-urgent = Acil
urgency-acute = Çok acil
acute-hint = Hemen tehlike varsa: 112'yi arayın.
field-consent = Kişi bunu istiyor mu?
consent-yes = Evet
consent-no = Hayır
consent-not_asked = Sorulmadı
field-accompanied = Kişiyle birlikte gidiyorum veya onu kendim tanıştırıyorum
field-first-status = Yönlendirmeyi yaptınız mı?
field-follow-up = Takip tarihi
follow-up-hint = O gün genel bakışınızda "takip edilecek" altında görünür.
referral-saved = { $code } koduyla kaydedildi. Bu kodun yanına asla isim yazmayın.

status-proposed = Önerildi
status-made = Yönlendirildi
status-contact_confirmed = İletişim kuruldu
status-help_started = Yardım başladı
status-closed = Tamamlandı
status-declined = Reddedildi
status-unknown = Bilinmiyor

referrals-title = Yönlendirmeler
referrals-empty = Henüz yönlendirme yok.
referral-line = { $destination } · { $date }
referral-since = { $date } tarihinden beri: { $status }
follow-up-due = Takip edilecek
follow-up-on = Takip tarihi: { $date }
change-status-label = Şimdi ne oldu?
status-date-label = Ne zaman?
change-status-button = Kaydet
set-follow-up-button = Takip tarihini kaydet
status-changed = Kaydedildi. Şimdi: { $status }.
follow-up-saved = Takip tarihi kaydedildi.
confirm-delete = Emin misiniz? Silinen geri getirilemez.
deleted-referral = Yönlendirme silindi.

work-title = Çalışmalarım
work-thanks = Son 12 ayda yaptıklarınız bunlar. Teşekkür ederiz.
work-activities-per-month = Aylara göre etkinlikler
work-participants-per-month = Aylara göre katılımcılar
work-by-theme = Konulara göre etkinlikler
work-by-kind = Türlere göre etkinlikler
work-recent = Son kaydedilenler
work-empty = Son on iki ayda henüz bir şey kaydedilmedi.
work-month = Ay
work-count = Sayı
activity-line = { $kind } · { $date } · { $count ->
    [one] { $count } katılımcı
   *[other] { $count } katılımcı
}

sync-title = Sayıları gönder
sync-intro = Koordinatörünüze yalnızca aylık sayılar gider. Notlar, isimler veya başka ayrıntılar asla gitmez.
enrol-title = Koordinatörünüze bağlanın
enrol-intro = Koordinatörünüz size bir bağlantı linki ya da bir adres ve bir bağlantı kodu verir. Linki alanlardan birine yapıştırabilirsiniz: ikisi de doldurulur.
field-coordinator = Koordinatörün adresi
field-enrol-code = Bağlantı kodu
enrol-link-read = Adres ve kod linkten dolduruldu.
enrol-scan-button = QR kodunu tara
field-device-label = Bu cihazın adı
device-label-hint = Koordinatörün bu adı cihaz listesinde görür. Ad, telefon numarası veya e-posta kullanma.
enrol-button = Bağlan
reenrol-title = Yeniden bağla
reenrol-intro = Koordinatöründen yeni bir bağlantı kodu iste. Sayıların saklanır ve sadece bir kez sayılır.
reenrol-button = Yeniden bağla
sync-organisation = Bağlı olduğunuz kuruluş: { $organisation }.
sync-last = Son gönderim: { $when }.
sync-never = Henüz bir şey gönderilmedi.
sync-pending = { $count ->
    [0] Her şey gönderildi.
   *[other] Gönderilecek { $count } sayı var.
}
sync-rejected = { $count ->
   *[other] { $count } sayı kabul edilmedi. Koordinatörünüze sorun.
}
sync-problem = Sorun: { $problem }
sync-now-button = Şimdi gönder
sync-running = Gönderiliyor…
sync-done = Gönderildi.

settings-title = Ayarlar
field-auto-lock = Otomatik kilitleme süresi
minutes-option = { $count ->
    [one] { $count } dakika
   *[other] { $count } dakika
}
field-retention = Ayrıntıların saklanma süresi
months-option = { $count } ay
retention-hint = Bu sürenin sonunda ayrıntılar silinir. Sayımlar kalır.
retention-confirm = { $count } aydan eski ayrıntılar şimdi silinecek. Sayımlar kalır. Emin misiniz?
retention-confirm-button = Evet, kaydet ve sil
field-wipe-after = Başarısız denemelerden sonra her şeyi sil
wipe-never = Asla
attempts-option = { $count } denemeden sonra
settings-saved = Ayarlar kaydedildi.
passphrase-change-title = Parola cümlesini değiştir
current-passphrase-label = Mevcut parola cümlesi
new-passphrase-label = Yeni parola cümlesi
change-passphrase-button = Parola cümlesini değiştir
passphrase-changed = Parola cümlesi değiştirildi.
recovery-new-title = Yeni kurtarma kodu
recovery-new-intro = Kurtarma kodunu mu kaybettin, ya da başkası mı gördü? Yeni bir tane yap. Eskisi artık çalışmaz.
recovery-new-button = Yeni kurtarma kodu yap
recovery-new-explanation = Bu yeni kodu yaz. Eski kurtarma kodu artık çalışmıyor. Kodu sadece bir kez görürsün.
backup-title = Yedek
backup-intro = Yedek şifrelidir. Onu, yedeği oluşturduğunuz sırada geçerli olan parola cümlesi veya kurtarma koduyla açarsınız.
backup-button = Yedek oluştur
backup-made = Yedek oluşturuldu: { $name } (konum: { $folder }).
restore-title = Yedeği geri yükle
restore-choose = Bir yedek seçin
restore-secret = O yedeğin parola cümlesi
restore-warning = Geri yükleme, bu cihazdaki her şeyi yedektekiyle değiştirir.
restore-button = Geri yükle
restore-done = Yedek geri yüklendi.
backups-none = Henüz yedek yok.

error-locked = Uygulama kilitli. Önce kilidi açın.
error-invalid_setting = Bu ayar mümkün değil.
error-not_found = Bu (artık) mevcut değil.
error-date_in_future = Tarih gelecekte.
error-date_too_old = Tarih çok eski.
error-date_malformed = Geçerli bir tarih girin.
error-duration_out_of_range = Süre 1 ile 1440 dakika arasında olmalı.
error-tally_out_of_range = Bu katılımcı sayısı mümkün değil.
error-tally_empty = En az bir katılımcı girin.
error-new_participants_exceed_total = Yeni katılımcı sayısı toplam katılımcı sayısından fazla.
error-unknown_code = Listeden bir değer seçin.
error-duplicate_code = Bir değer iki kez seçilmiş.
error-code_required = En az bir değer seçin.
error-too_many_codes = Çok fazla seçim yapıldı.
error-text_too_long = Metin çok uzun.
error-label_identifies = Bu ad kim olduğunu söylüyor (bir ad, numara veya e-posta). Kişisel bilgi olmayan bir ad seç, örneğin “Telefon 3”.
error-text_control_characters = Metinde garip karakterler var.
error-status_transition_not_allowed = Bu durum mevcut durumdan sonra gelemez.
error-status_date_out_of_order = Tarih önceki durumdan daha önce.
error-follow_up_before_referral = Takip tarihi yönlendirme tarihinden önce.
error-follow_up_too_far = Takip tarihi çok ileride.
error-not_enrolled = Bu cihaz henüz bağlanmadı.
error-already_enrolled = Bu cihaz zaten bağlı.
error-invalid_url = Bu geçerli bir adres değil.
error-insecure_url = Adres https:// ile başlamalı.
error-not_an_enrolment_link = Bu bir bağlantı linki değil. Koordinatörünüzden yeni bir link ya da kod isteyin.
error-other_coordinator = Bu link başka bir koordinatör için. Kendi koordinatörünüzden yeni bir kod isteyin.
error-scan_failed = Tarama olmadı. Tekrar deneyin ya da adresi ve kodu yazın.
error-network_unreachable = Koordinatöre ulaşılamadı. Eşitleme daha sonra tekrar denenecek.
error-bad_reply = Koordinatörden gelen yanıt anlaşılamadı. Eşitleme daha sonra tekrar denenecek.
error-device_revoked = Koordinatörünüz bu cihazı devre dışı bıraktı. Yeni bir kod isteyin.
error-unknown_device = Koordinatör bu cihazı tanımıyor. Yeni bir kodla tekrar bağlanın.
error-enrolment_code_invalid = Kod yanlış, daha önce kullanılmış veya süresi dolmuş. Yeni bir kod isteyin.
error-clock_skew = Bu cihazın saati yanlış. Tarihi ve saati kontrol edin.
error-rate_limited = Koordinatör şu anda meşgul. Eşitleme daha sonra tekrar denenecek.
error-backup_corrupt = Bu dosya bozuk veya bir yedek değil.
error-store_already_exists = Burada zaten bir kasa var.

kind-home_visit = Ev ziyareti
kind-group_meeting = Grup sohbet toplantısı
kind-individual_talk = Bire bir görüşme
kind-phone_contact = Telefon görüşmesi
kind-drop_in_hour = Randevusuz görüşme saati
kind-mediation = Arabuluculuk
kind-training = Eğitim veya atölye
kind-other = Diğer

theme-huiselijk_geweld = Aile içi şiddet
theme-partnergeweld = Partner şiddeti
theme-kindermishandeling = Çocuk istismarı
theme-ouderenmishandeling = Yaşlı istismarı
theme-eergerelateerd_geweld = Namus temelli şiddet
theme-huwelijksdwang = Zorla evlendirme
theme-huwelijksgevangenschap = Evliliğe hapsedilme (boşanmanın engellenmesi)
theme-achterlating = Yurt dışında bırakılma
theme-vrouwelijke_genitale_verminking = Kadın sünneti / kadın genital sakatlaması
theme-lhbti_discriminatie = LGBTİ bireylere yönelik ayrımcılık
theme-zelfbeschikking = Kendi kararını verme ve sosyal baskı
theme-isolement = Yalnızlaşma
theme-mensenhandel = İnsan ticareti
theme-schulden_armoede = Borçlar ve yoksulluk
theme-opvoeding = Çocuk yetiştirme
theme-psychische_nood = Ruhsal sıkıntı
theme-overig = Diğer

location-home = Birinin evinde
location-mosque = Cami
location-church = Kilise
location-other_religious = Başka bir ibadet yeri
location-community_centre = Mahalle merkezi
location-self_organisation = Topluluk derneği
location-school = Okul
location-cjg = Aile merkezi (CJG)
location-library = Kütüphane
location-professional_office = Bir uzmanın yanında
location-public_space = Kamusal alan
location-online = Çevrim içi
location-phone = Telefon
location-other = Diğer

language-nl = Hollandaca
language-en = İngilizce
language-tr = Türkçe
language-ar = Arapça
language-tzm = Tamazight (Berberice)
language-so = Somalice
language-pl = Lehçe
language-ti = Tigrinya dili
language-fa = Farsça / Darice
language-ku = Kürtçe
language-pap = Papiamento
language-srn = Sranan Tongo
language-hns = Sarnami (Surinam Hintçesi)
language-ps = Peştuca
language-uk = Ukraynaca
language-ru = Rusça
language-fr = Fransızca
language-other = Başka bir dil

org-veilig_thuis = Veilig Thuis (aile içi şiddet danışma ve bildirim merkezi)
org-wijkteam = Wijkteam (mahalle sosyal ekibi)
org-huisarts = Aile hekimi
org-politie = Polis
org-lkha = LKHA (zorla evlendirme ve yurt dışında bırakılma ulusal merkezi)
org-ggd = GGD (belediye halk sağlığı hizmeti)
org-vrouwenopvang = Kadın sığınma evi
org-amw = Genel sosyal hizmet
org-schuldhulpverlening = Borç danışmanlığı
org-jeugdzorg_cjg = Gençlik yardımı / aile merkezi (CJG)
org-ggz = GGZ (ruh sağlığı hizmetleri)
org-slachtofferhulp = Mağdur desteği
org-juridisch_loket = Juridisch Loket (hukuki danışma) / sosyal danışmanlar
org-other = Diğer

unlock-attempts-before-wait = { $count ->
    [one] { $count } deneme hakkınız kaldı. Sonra biraz beklemeniz gerekir.
   *[other] { $count } deneme hakkınız kaldı. Sonra biraz beklemeniz gerekir.
}
nav-more = Diğer
more-title = Diğer
close-button = Kapat
draft-title = Henüz bitmedi
draft-continue = Devam et
draft-discard = Sil
draft-discarded = Silindi.
form-discarded = Kaydedilmedi.
refer-from-activity = Yönlendir
field-when = Ne zaman?
date-today = Bugün
date-yesterday = Dün
date-other-day = Başka gün
date-none = Tarih yok
date-previous-month = Önceki ay
date-next-month = Sonraki ay
date-in-one-week = 1 hafta sonra
date-in-two-weeks = 2 hafta sonra
date-no-follow-up = Gerek yok
field-who = Kiminle?
who-women = Kadın
who-men = Erkek
who-other = Diğer
field-new-person = Bu kişiyle ilk kez mi görüştünüz?
answer-yes = Evet
answer-no = Hayır
field-new-participants = Kaç kişi ilk kez geldi?
more-details = Daha fazla doldur
less-details = Daha az göster
confirm-no-participants = Kimseyi saymadınız. Gerçekten kimse yok muydu?
confirm-save-anyway = Evet, kaydet
confirm-count-first = Hayır, önce say
first-status-made = Evet, yaptım
first-status-proposed = Henüz değil
melding-hint = Yönlendirmeyi gerçekten yaptığınızda bu, Veilig Thuis bildirimi olarak sayılır. Sadece önermek henüz sayılmaz.
update-button = Güncelle
work-twelve-months = Son 12 ay
error-draft_malformed = Bu taslak saklanamadı.

# Discreet name and duress passphrase
field-discreet = Uygulamayı “Notlar” olarak göster
discreet-hint = Pencerenin adı ve başlığı o zaman Sleutel hakkında bir şey söylemez, kilit ekranında da.
duress-title = Acil durum parolası
duress-intro = Biri izlerken uygulamayı açman mı gerekiyor? O zaman acil durum parolasını yaz. Her şey silinir, yedekler de. Uygulama yeni kurulmuş gibi görünür.
duress-is-set = Bir acil durum parolan var.
duress-current-label = Her zamanki parolan
duress-label = Acil durum parolası (parolandan farklı)
duress-repeat-label = Acil durum parolasını tekrarla
duress-button = Acil durum parolasını kaydet
duress-remove = Acil durum parolasını kaldır
duress-saved = Acil durum parolası kaydedildi.
duress-removed = Acil durum parolası kaldırıldı.
error-duress_same_as_passphrase = Acil durum parolası, parolandan farklı olmalı.

# Support for the volunteer: the activity form's "for yourself" part and the support screen.
wellbeing-legend = Kendin için
wellbeing-heavy = Bu benim için ağırdı
wellbeing-debrief = Bunun hakkında konuşmak istiyorum
wellbeing-debrief-hint = Koordinatörün sadece bir görüşme isteği alır. Burada yazdıklarından hiçbir şey almaz.
wellbeing-show-label = Koordinatörüm isteğin hangi cihazdan geldiğini görebilir
support-title = Senin için destek
support-intro = Bu iş ağır olabilir. Bunu tek başına taşımak zorunda değilsin. Konuşmak iyi gelir.
support-contact-heading = Kuruluşunla konuş
support-contact-none = Kuruluşun burada henüz bir iletişim kişisi belirlemedi. Koordinatörüne sor.
support-call = Ara:
support-mail = E-posta:
support-waiting = { $count ->
    [one] Görüşme isteğin bağlantı olunca gönderilecek.
   *[other] { $count } görüşme isteği bağlantı olunca gönderilecek.
}
support-how-to-ask = Bir ziyaret veya toplantı hakkında konuşmak mı istiyorsun? Formda „{ more-details }” düğmesine dokun ve „{ wellbeing-debrief }” kutusunu işaretle.
support-helplines-heading = Yardım hatları, gece gündüz
helpline-112 = 112: acil tehlikede
helpline-veilig-thuis = Veilig Thuis: 0800-2000 (ücretsiz)
helpline-113 = 113 İntiharı önleme: 0800-0113 (ücretsiz)
helpline-luisterlijn = De Luisterlijn: 088-0767000, içini dökmek için
error-phone_malformed = Bu bir telefon numarası değil.
error-email_malformed = Bu bir e-posta adresi değil.

# Reach: age bands and community groups (organisations that count them), first or repeat melding, signs seen.
field-ages = Yaşlar (her grupta kaç kişi)
ages-hint = Sadece biliyorsanız. Toplam, katılımcı sayısından fazla olamaz.
age-under_18 = 18 yaş altı
age-18_29 = 18–29 yaş
age-30_49 = 30–49 yaş
age-50_64 = 50–64 yaş
age-65_plus = 65 yaş ve üzeri
field-community-groups = Hangi gruplar vardı?
community-turks = Türk
community-marokkaans = Faslı
community-somalisch = Somalili
community-pools = Polonyalı
community-surinaams_hindostaans = Surinamlı / Hindustani
community-antilliaans = Antilli / Arubalı
community-afghaans = Afgan
community-iraaks = Iraklı
community-iraans = İranlı
community-koerdisch = Kürt
community-syrisch = Suriyeli
community-eritrees = Eritreli
community-other = Başka bir grup
field-occurrence = Bu ilk bildirim mi?
occurrence-first = Evet, ilk
occurrence-repeat = Hayır, daha önce bildirildi
occurrence-unknown = Bilmiyorum
field-signals = Ne gördünüz veya duydunuz?
signal-letsel = Görünür yaralar
signal-angst = Korku veya tedirginlik
signal-controle = Partner veya aile tarafından kontrol
signal-bedreiging = Tehdit
signal-isolement = Kimseyi görmesine veya bir yere gitmesine izin yok
signal-geld = Kendi parası veya belgeleri yok
signal-kinderen = Çocuklarla ilgili endişeler
signal-reis_huwelijk = İsteği dışında yolculuk veya evlilik
signal-zelfbeschadiging = Kendine zarar verme düşünceleri
signal-other = Başka bir şey
error-ages_exceed_participants = Yaş gruplarına girdiğiniz kişi sayısı, katılımcı sayısından fazla.

# Effects: a show of hands at a meeting, before and after
field-hands = El kaldırma: kim elini kaldırdı?
hands-hint = Başta ve sonda sorun. Yalnızca elleri sayın, kimin kaldırdığını asla not etmeyin.
hands-before = Önce
hands-after = Sonra
statement-knows_help = Nereden yardım alabileceğini biliyor
statement-would_talk = Biriyle konuşur veya bildirir
statement-recognises_signs = Belirtileri tanıyor
error-hands_out_of_range = El sayısı katılımcı sayısından fazla olamaz.
error-hands_not_at_a_meeting = El kaldırma yalnızca toplantı veya eğitim için geçerlidir.
