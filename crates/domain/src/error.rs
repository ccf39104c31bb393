//! One error type for the domain. Each variant has a stable code (for the UI to translate and for tests to match)
//! and an English message for logs and developers. Messages never include record content.

use serde::Serialize;

/// Stable, machine-readable error code. Never renamed once released; the UI's i18n files key on these.
pub type ErrorCode = &'static str;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DomainError {
    #[error("{field}: the date lies after tomorrow")]
    DateInFuture { field: &'static str },
    #[error("{field}: the date is more than {max_years} years ago")]
    DateTooOld { field: &'static str, max_years: u32 },
    #[error("{field}: not a valid date (expected YYYY-MM-DD)")]
    DateMalformed { field: &'static str },
    #[error("duration must be between 1 and 1440 minutes, got {minutes}")]
    DurationOutOfRange { minutes: i64 },
    #[error("{field}: a participant count must be between 0 and {max}")]
    TallyOutOfRange { field: &'static str, max: u32 },
    #[error("this kind of activity needs at least one participant")]
    TallyEmpty,
    #[error("more participants marked as new than there were participants")]
    NewParticipantsExceedTotal,
    #[error("{list}: unknown code")]
    UnknownCode { list: &'static str, code: String },
    #[error("{list}: a code was given twice")]
    DuplicateCode { list: &'static str },
    #[error("{list}: at least one is required")]
    CodeRequired { list: &'static str },
    #[error("{list}: at most {max} may be chosen")]
    TooManyCodes { list: &'static str, max: usize },
    #[error("{field}: text is longer than {max} characters")]
    TextTooLong { field: &'static str, max: usize },
    #[error("{field}: text contains control characters")]
    TextControlCharacters { field: &'static str },
    #[error("not a valid period (expected YYYY-MM between 2000-01 and 2999-12)")]
    PeriodMalformed,
    #[error("a referral cannot go from {from} to {to}")]
    StatusTransitionNotAllowed { from: &'static str, to: &'static str },
    #[error("a status date cannot lie before the previous status date or the referral date")]
    StatusDateOutOfOrder,
    #[error("the follow-up date cannot lie before the referral date")]
    FollowUpBeforeReferral,
    #[error("the follow-up date is more than two years after the referral date")]
    FollowUpTooFar,
    #[error("not a valid pseudonymous referral code")]
    PseudonymCodeMalformed,
    #[error("the disclosure threshold must be between {min} and {max}, got {value}")]
    ThresholdOutOfRange { min: i64, max: i64, value: i64 },
    #[error("the random number generator failed")]
    RandomUnavailable,
    #[error("a draft must be a JSON object")]
    DraftMalformed,
    #[error("the device label contains personal details")]
    LabelIdentifies,
    #[error("not a phone number (digits, spaces, + - and brackets; 3 to 15 digits)")]
    PhoneMalformed,
    #[error("not an e-mail address")]
    EmailMalformed,
    #[error("more participants counted by age than there were participants")]
    AgesExceedParticipants,
    #[error("hands raised must be between 0 and the number of participants")]
    HandsOutOfRange,
    #[error("a show of hands belongs to a group meeting or a training")]
    HandsNotAtAMeeting,
}

impl DomainError {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::DateInFuture { .. } => "date_in_future",
            Self::DateTooOld { .. } => "date_too_old",
            Self::DateMalformed { .. } => "date_malformed",
            Self::DurationOutOfRange { .. } => "duration_out_of_range",
            Self::TallyOutOfRange { .. } => "tally_out_of_range",
            Self::TallyEmpty => "tally_empty",
            Self::NewParticipantsExceedTotal => "new_participants_exceed_total",
            Self::UnknownCode { .. } => "unknown_code",
            Self::DuplicateCode { .. } => "duplicate_code",
            Self::CodeRequired { .. } => "code_required",
            Self::TooManyCodes { .. } => "too_many_codes",
            Self::TextTooLong { .. } => "text_too_long",
            Self::TextControlCharacters { .. } => "text_control_characters",
            Self::PeriodMalformed => "period_malformed",
            Self::StatusTransitionNotAllowed { .. } => "status_transition_not_allowed",
            Self::StatusDateOutOfOrder => "status_date_out_of_order",
            Self::FollowUpBeforeReferral => "follow_up_before_referral",
            Self::FollowUpTooFar => "follow_up_too_far",
            Self::PseudonymCodeMalformed => "pseudonym_code_malformed",
            Self::ThresholdOutOfRange { .. } => "threshold_out_of_range",
            Self::RandomUnavailable => "random_unavailable",
            Self::DraftMalformed => "draft_malformed",
            Self::LabelIdentifies => "label_identifies",
            Self::PhoneMalformed => "phone_malformed",
            Self::EmailMalformed => "email_malformed",
            Self::AgesExceedParticipants => "ages_exceed_participants",
            Self::HandsOutOfRange => "hands_out_of_range",
            Self::HandsNotAtAMeeting => "hands_not_at_a_meeting",
        }
    }

    /// The form field or list the error is about, so the UI can put the message next to it.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::DateInFuture { field }
            | Self::DateTooOld { field, .. }
            | Self::DateMalformed { field }
            | Self::TallyOutOfRange { field, .. }
            | Self::TextTooLong { field, .. }
            | Self::TextControlCharacters { field } => Some(field),
            Self::UnknownCode { list, .. }
            | Self::DuplicateCode { list }
            | Self::CodeRequired { list }
            | Self::TooManyCodes { list, .. } => Some(list),
            Self::DurationOutOfRange { .. } => Some("duration"),
            Self::TallyEmpty | Self::NewParticipantsExceedTotal => Some("participants"),
            Self::FollowUpBeforeReferral | Self::FollowUpTooFar => Some("follow_up"),
            Self::StatusTransitionNotAllowed { .. } | Self::StatusDateOutOfOrder => Some("status"),
            Self::PseudonymCodeMalformed => Some("code"),
            Self::PeriodMalformed => Some("period"),
            Self::ThresholdOutOfRange { .. } => Some("threshold"),
            Self::DraftMalformed => Some("draft"),
            Self::LabelIdentifies => Some("label"),
            Self::PhoneMalformed => Some("support_phone"),
            Self::EmailMalformed => Some("support_email"),
            Self::AgesExceedParticipants => Some("ages"),
            Self::HandsOutOfRange | Self::HandsNotAtAMeeting => Some("hands"),
            Self::RandomUnavailable => None,
        }
    }

    /// The `{code, field, message}` shape the shells hand to the UI.
    pub fn to_report(&self) -> ErrorReport {
        ErrorReport { code: self.code(), field: self.field(), message: self.to_string() }
    }
}

/// Serializable form of an error for the UI: the code to translate, the field to point at, a developer message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorReport {
    pub code: ErrorCode,
    pub field: Option<&'static str>,
    pub message: String,
}
