//! A draft (concept): an unfinished form, kept so that nothing a volunteer typed is lost when the app locks itself,
//! is closed, or the phone's battery dies. It lives only inside the encrypted store, never in browser storage, and
//! is offered back after unlock. There is one draft at a time: the form the volunteer was filling in.
//!
//! The body is the form as the UI had it (a JSON object, not validated as a record: a draft is by definition not
//! yet valid). It is bounded in size, so a broken UI cannot fill the store.

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// Which form a draft belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(rename_all = "snake_case")]
pub enum DraftForm {
    Activity,
    Referral,
}

impl DraftForm {
    pub fn code(self) -> &'static str {
        match self {
            Self::Activity => "activity",
            Self::Referral => "referral",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, DomainError> {
        [Self::Activity, Self::Referral]
            .into_iter()
            .find(|f| f.code() == code)
            .ok_or_else(|| DomainError::UnknownCode { list: "draft_form", code: code.chars().take(40).collect() })
    }
}

/// A validated draft: a known form and a JSON object of bounded size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    form: DraftForm,
    body: String,
}

impl Draft {
    /// The largest body accepted, in bytes: a full form with 2,000 characters of notes fits many times over.
    pub const MAX_BODY_BYTES: usize = 32 * 1024;

    pub fn new(form: DraftForm, body: &str) -> Result<Self, DomainError> {
        if body.len() > Self::MAX_BODY_BYTES {
            return Err(DomainError::TextTooLong { field: "draft", max: Self::MAX_BODY_BYTES });
        }
        match serde_json::from_str::<serde_json::Value>(body) {
            Ok(serde_json::Value::Object(_)) => Ok(Self { form, body: body.to_owned() }),
            _ => Err(DomainError::DraftMalformed),
        }
    }

    pub fn form(&self) -> DraftForm {
        self.form
    }

    pub fn body(&self) -> &str {
        &self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_a_bounded_json_object_of_a_known_form() {
        let draft = Draft::new(DraftForm::Activity, r#"{"kind":"group_meeting","women":3}"#).expect("valid");
        assert_eq!((draft.form(), draft.body()), (DraftForm::Activity, r#"{"kind":"group_meeting","women":3}"#));
        assert_eq!(Draft::new(DraftForm::Referral, "[1,2]").map_err(|e| e.code()), Err("draft_malformed"));
        assert_eq!(Draft::new(DraftForm::Referral, "{not json").map_err(|e| e.code()), Err("draft_malformed"));
        let huge = format!(r#"{{"notes":"{}"}}"#, "x".repeat(Draft::MAX_BODY_BYTES));
        assert_eq!(Draft::new(DraftForm::Activity, &huge).map_err(|e| e.code()), Err("text_too_long"));
        assert_eq!(DraftForm::from_code("referral"), Ok(DraftForm::Referral));
        assert_eq!(DraftForm::from_code("letter").map_err(|e| e.code()), Err("unknown_code"));
    }
}
