//! The organisation's support contact ("steunpunt"): whom a volunteer can call after a heavy visit or meeting. The
//! coordinator sets it; devices ask for it at their first sync after enrolment and then daily, and the app's support
//! screen shows
//! it next to the national helplines.

use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::values::checked_text;

/// A validated support contact: a name and at least one of a phone number and an e-mail address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
pub struct SupportContact {
    /// A person or a role, e.g. "Fatima (coördinator)".
    pub name: String,
    /// Digits with spaces, `+`, `-` and brackets as people write them; empty when not given.
    pub phone: String,
    /// Empty when not given.
    pub email: String,
}

impl SupportContact {
    pub const MAX_NAME_CHARS: usize = 80;
    pub const MAX_PHONE_CHARS: usize = 20;
    pub const MAX_EMAIL_CHARS: usize = 120;

    /// Validates a contact as a form or the wire gives it. Text is trimmed.
    pub fn new(name: &str, phone: &str, email: &str) -> Result<Self, DomainError> {
        let name = checked_text(name, "support_name", Self::MAX_NAME_CHARS)?;
        let phone = checked_text(phone, "support_phone", Self::MAX_PHONE_CHARS)?;
        let email = checked_text(email, "support_email", Self::MAX_EMAIL_CHARS)?;
        if name.is_empty() {
            return Err(DomainError::CodeRequired { list: "support_name" });
        }
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let phone_chars_ok = phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
        if !phone.is_empty() && (!phone_chars_ok || !(3..=15).contains(&digits)) {
            return Err(DomainError::PhoneMalformed);
        }
        if !email.is_empty() && !is_plausible_email(&email) {
            return Err(DomainError::EmailMalformed);
        }
        if phone.is_empty() && email.is_empty() {
            return Err(DomainError::CodeRequired { list: "support_phone" });
        }
        Ok(Self { name, phone, email })
    }

    /// The phone number for a `tel:` link: digits and a leading `+` only.
    pub fn dial_string(&self) -> String {
        let mut out: String = self.phone.chars().filter(|c| c.is_ascii_digit()).collect();
        if self.phone.trim_start().starts_with('+') {
            out.insert(0, '+');
        }
        out
    }
}

/// One `@` with text on both sides, a dot in the domain, no spaces: enough to catch typing slips; the address is
/// shown to volunteers, never mailed by the coordinator.
fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_a_way_to_reach_someone() {
        let ok = SupportContact::new(" Fatima (coördinator) ", "06-12345678", "").expect("valid");
        assert_eq!((ok.name.as_str(), ok.dial_string().as_str()), ("Fatima (coördinator)", "0612345678"));
        assert_eq!(
            SupportContact::new("Steunpunt", "+31 (0)70 123 4567", "").expect("valid").dial_string(),
            "+310701234567"
        );
        assert!(SupportContact::new("Steunpunt", "", "steun@voorbeeld.nl").is_ok());
        let code = |r: Result<SupportContact, DomainError>| r.map_err(|e| (e.code(), e.field()));
        assert_eq!(code(SupportContact::new("", "0612345678", "")), Err(("code_required", Some("support_name"))));
        assert_eq!(code(SupportContact::new("Steunpunt", "", "")), Err(("code_required", Some("support_phone"))));
        assert_eq!(
            code(SupportContact::new("Steunpunt", "bel mij", "")),
            Err(("phone_malformed", Some("support_phone")))
        );
        assert_eq!(code(SupportContact::new("Steunpunt", "12", "")), Err(("phone_malformed", Some("support_phone"))));
        for bad in ["steun", "steun@", "@voorbeeld.nl", "steun@voorbeeld", "st eun@voorbeeld.nl", "a@b@c.nl"] {
            assert_eq!(
                code(SupportContact::new("Steunpunt", "", bad)),
                Err(("email_malformed", Some("support_email"))),
                "{bad}"
            );
        }
        assert_eq!(
            code(SupportContact::new(&"x".repeat(81), "0612345678", "")),
            Err(("text_too_long", Some("support_name")))
        );
        assert_eq!(
            code(SupportContact::new("Steun\u{7}punt", "0612345678", "")),
            Err(("text_control_characters", Some("support_name")))
        );
    }
}
