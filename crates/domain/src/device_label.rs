//! The name a device shows in the coordinator's device list ("Telefoon 3"). Staff see it, so it must not identify
//! the volunteer or anyone else: a label the personal-details detector flags ("Telefoon van Fatima 0612345678") is
//! refused, on the device before it is sent and again by the coordinator.

use chrono::NaiveDate;

use crate::error::DomainError;
use crate::pii;

/// A checked device label: trimmed, 1 to [`DeviceLabel::MAX_CHARS`] characters, no control characters, nothing the
/// detector in [`crate::pii`] flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceLabel(String);

impl DeviceLabel {
    pub const MAX_CHARS: usize = 60;

    pub fn parse(text: &str, today: NaiveDate) -> Result<Self, DomainError> {
        let label = text.trim();
        if label.is_empty() {
            return Err(DomainError::CodeRequired { list: "label" });
        }
        if label.chars().count() > Self::MAX_CHARS {
            return Err(DomainError::TextTooLong { field: "label", max: Self::MAX_CHARS });
        }
        if label.chars().any(char::is_control) {
            return Err(DomainError::TextControlCharacters { field: "label" });
        }
        if !pii::detect(label, today).is_empty() {
            return Err(DomainError::LabelIdentifies);
        }
        Ok(Self(label.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
    }

    #[test]
    fn a_neutral_label_passes_and_one_with_personal_details_does_not() {
        assert_eq!(DeviceLabel::parse("  Telefoon 3 ", today()).expect("neutral").as_str(), "Telefoon 3");
        for bad in ["Telefoon van Fatima 0612345678", "fatima@example.nl", "Tablet 06-12345678"] {
            assert_eq!(DeviceLabel::parse(bad, today()).map_err(|e| e.code()), Err("label_identifies"), "{bad}");
        }
        assert_eq!(DeviceLabel::parse("  ", today()).map_err(|e| e.code()), Err("code_required"));
        assert_eq!(DeviceLabel::parse(&"x".repeat(61), today()).map_err(|e| e.code()), Err("text_too_long"));
        assert_eq!(DeviceLabel::parse("a\u{7}b", today()).map_err(|e| e.code()), Err("text_control_characters"));
    }
}
