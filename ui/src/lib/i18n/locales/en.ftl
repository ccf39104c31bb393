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
recovery-explanation = Write this code down and keep it somewhere safe. It gets you in if you forget the passphrase. It is shown only once.
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
