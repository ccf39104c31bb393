//! Sleutel's domain: what volunteers record, the reference lists they choose from, validation of every value,
//! the notes PII detector, and aggregation of records into the monthly counts that are the only data ever synced.
//!
//! This crate does no IO. Values that need "today" (dates) take it as a parameter, so callers decide the clock.
//!
//! Entry points:
//! - [`Activity`] and [`Referral`], built from [`ActivityInput`] / [`ReferralInput`] with full validation;
//! - [`reference`]: the versioned reference lists (themes, destinations, municipalities, ...);
//! - [`pii::detect`]: finds identifying details in free text;
//! - [`counts`]: count keys, metrics and the aggregation of records into counts;
//! - [`draft`]: an unfinished form, kept encrypted so nothing typed is lost to a lock.

pub mod activity;
pub mod counts;
pub mod device_label;
pub mod disclosure;
pub mod draft;
mod error;
pub mod pii;
pub mod reference;
pub mod referral;
pub mod support_contact;
pub mod typed_code;
pub mod values;

pub use activity::{Activity, ActivityInput, ActivityType, Debrief};
pub use device_label::DeviceLabel;
pub use draft::{Draft, DraftForm};
pub use error::{DomainError, ErrorCode};
pub use referral::{
    Consent, Occurrence, PseudonymCode, Referral, ReferralInput, ReferralStatus, StatusChange, Urgency,
};
pub use support_contact::SupportContact;
pub use values::{
    AgeBand, AgeTally, CodeSet, CommunityGroup, DurationMinutes, LanguageCode, LocationType, MunicipalityCode, Notes,
    Organisation, ParticipantTally, RecordDate, ShowOfHands, ShowOfHandsInput, SignalCode, StatementCode, ThemeCode,
    Wijk,
};
