//! JSON wire types. Unknown fields are ignored (a newer device may send more); missing required fields are errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{CountKey, Metric};

use crate::codes::ItemCode;

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Only the protocol field, read first so a newer body shape gets a clear error.
#[derive(Debug, Deserialize)]
pub struct VersionProbe {
    pub protocol: u32,
}

/// `POST /api/v1/enrol`, signed with the new key (device id and batch id empty in the signed bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EnrolRequest {
    pub protocol: u32,
    /// The one-time enrolment code from a coordinator.
    pub code: String,
    /// The device's new Ed25519 public key, base64url without padding.
    pub public_key: String,
    /// A neutral label the coordinator sees in the device list, e.g. "Telefoon 3".
    pub label: String,
    /// When a device that was enrolled before enrols again (after a revocation, or with a new key): proof that it
    /// held the old device's key. Within the same organisation the old device's counts become the new one's, so
    /// they are neither counted twice nor ever taken out of the totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Replacement>,
}

/// The old device id and its key's signature over [`crate::replacement_bytes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Replacement {
    pub device_id: String,
    /// Ed25519, base64url without padding.
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OrganisationInfo {
    pub id: i64,
    pub name: String,
    /// The organisation counts participants by age band and the community groups present; devices ask for them on
    /// the activity form only then.
    #[serde(default)]
    pub reach_details: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ReferenceEntry {
    pub code: String,
    pub nl: String,
    pub en: String,
}

/// The reference lists of the device's organisation, by list name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ReferenceLists {
    /// List name → version.
    pub versions: BTreeMap<String, u32>,
    /// List name → entries.
    pub lists: BTreeMap<String, Vec<ReferenceEntry>>,
}

impl ReferenceLists {
    /// The lists shipped with the domain.
    pub fn shipped() -> Self {
        let mut versions = BTreeMap::new();
        let mut lists = BTreeMap::new();
        for list in sleutel_domain::reference::all_lists() {
            versions.insert(list.name.to_owned(), list.version);
            lists.insert(
                list.name.to_owned(),
                list.entries
                    .iter()
                    .map(|e| ReferenceEntry { code: e.code.into(), nl: e.nl.into(), en: e.en.into() })
                    .collect(),
            );
        }
        Self { versions, lists }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EnrolReply {
    pub device_id: String,
    pub organisation: OrganisationInfo,
    pub reference_lists: ReferenceLists,
    /// Whom the volunteer can call for support, when the organisation has set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<SupportContactInfo>,
}

/// The organisation's support contact as it travels to devices. Devices validate it again
/// ([`sleutel_domain::SupportContact::new`]) before they keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupportContactInfo {
    pub name: String,
    /// Empty when not given.
    pub phone: String,
    /// Empty when not given.
    pub email: String,
}

impl From<&sleutel_domain::SupportContact> for SupportContactInfo {
    fn from(c: &sleutel_domain::SupportContact) -> Self {
        Self { name: c.name.clone(), phone: c.phone.clone(), email: c.email.clone() }
    }
}

/// `POST /api/v1/debrief-requests`: a volunteer asks the coordinator for a talk. It carries no record, date or
/// count: only whether the coordinator may see the device's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DebriefRequest {
    pub protocol: u32,
    /// Chosen by the device, 16 to 64 characters of `[A-Za-z0-9_-]`; a retry reuses it, so a lost reply never
    /// makes two requests.
    pub request_id: String,
    /// The volunteer agreed that the coordinator sees this device's label.
    pub show_label: bool,
}

/// The reply to a debrief request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DebriefReply {
    /// False when this request id had arrived before (a retry).
    pub new: bool,
    /// The current support contact, so the app shows whom to expect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<SupportContactInfo>,
}

/// One count: the device's cumulative value for a key, and the version of its latest change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CountItem {
    /// `YYYY-MM`
    pub period: String,
    pub metric: String,
    /// Dimension name → value; exactly the metric's dimensions.
    pub dimensions: BTreeMap<String, String>,
    pub value: i64,
    pub version: i64,
}

impl CountItem {
    pub fn from_key(key: &CountKey, value: i64, version: i64) -> Self {
        Self {
            period: key.period.to_string(),
            metric: key.metric.code().to_owned(),
            dimensions: key.dimensions.iter().map(|(d, v)| (d.code().to_owned(), v.to_owned())).collect(),
            value,
            version,
        }
    }

    /// Validates the item: a known metric with exactly its dimensions and known values, a value in range and a
    /// positive version.
    pub fn validate(&self) -> Result<CountKey, ItemCode> {
        use sleutel_domain::counts::CountKeyError as E;
        let key =
            CountKey::parse(&self.period, &self.metric, self.dimensions.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .map_err(|e| match e {
                    E::Period => ItemCode::PeriodMalformed,
                    E::UnknownMetric => ItemCode::UnknownMetric,
                    E::Dimensions => ItemCode::DimensionsMismatch,
                    E::DimensionValue(_) => ItemCode::UnknownDimensionValue,
                })?;
        if !(0..=Metric::MAX_VALUE).contains(&self.value) {
            return Err(ItemCode::ValueOutOfRange);
        }
        if self.version < 1 {
            return Err(ItemCode::VersionInvalid);
        }
        Ok(key)
    }
}

/// `POST /api/v1/counts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UploadRequest {
    pub protocol: u32,
    pub device_id: String,
    /// Chosen by the device; reused when the same batch is retried.
    pub batch_id: String,
    /// Unix seconds when the batch was built.
    pub sent_at: i64,
    pub items: Vec<CountItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UploadStatus {
    /// Every item was applied or was already known.
    Success,
    /// Some items were rejected; see `conflicts`.
    Warning,
    /// No item was applied.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ItemProblem {
    /// Index of the item in the request.
    pub index: usize,
    pub code: ItemCode,
    pub message: String,
}

/// The reply to an upload, modelled on DHIS2's import summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UploadReply {
    pub status: UploadStatus,
    /// Keys seen for the first time.
    pub imported: u32,
    /// Keys whose value was replaced by a newer version.
    pub updated: u32,
    /// Items with a version not newer than the one stored (a retry or a late duplicate); harmless.
    pub ignored: u32,
    /// Items refused; each has an entry in `conflicts`.
    pub rejected: u32,
    pub conflicts: Vec<ItemProblem>,
}

/// `GET /api/v1/devices/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DeviceStatus {
    pub device_id: String,
    pub organisation: OrganisationInfo,
    /// The highest version the coordinator holds from this device; a reinstalled device continues above it.
    pub high_water_version: i64,
    /// Number of count keys held for this device.
    pub keys: u64,
    /// Unix seconds of the last accepted upload.
    pub last_upload_at: Option<i64>,
    /// The organisation's support contact, when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<SupportContactInfo>,
}

/// The body of every error reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ErrorReply {
    pub code: crate::ErrorCode,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(metric: &str, dims: &[(&str, &str)], value: i64, version: i64) -> CountItem {
        CountItem {
            period: "2026-11".into(),
            metric: metric.into(),
            dimensions: dims.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect(),
            value,
            version,
        }
    }

    #[test]
    fn items_are_validated_with_stable_codes() {
        assert!(item("meldingen_veilig_thuis", &[("municipality", "GM0202")], 3, 1).validate().is_ok());
        let cases = [
            (item("visits", &[("municipality", "GM0202")], 3, 1), ItemCode::UnknownMetric),
            (item("meldingen_veilig_thuis", &[], 3, 1), ItemCode::DimensionsMismatch),
            (item("meldingen_veilig_thuis", &[("municipality", "GM9999")], 3, 1), ItemCode::UnknownDimensionValue),
            (item("meldingen_veilig_thuis", &[("municipality", "GM0202")], -1, 1), ItemCode::ValueOutOfRange),
            (item("meldingen_veilig_thuis", &[("municipality", "GM0202")], 10_000_001, 1), ItemCode::ValueOutOfRange),
            (item("meldingen_veilig_thuis", &[("municipality", "GM0202")], 1, 0), ItemCode::VersionInvalid),
        ];
        for (item, code) in cases {
            assert_eq!(item.validate(), Err(code), "{item:?}");
        }
        let mut bad_period = item("meldingen_veilig_thuis", &[("municipality", "GM0202")], 1, 1);
        bad_period.period = "2026-13".into();
        assert_eq!(bad_period.validate(), Err(ItemCode::PeriodMalformed));
    }

    #[test]
    fn an_item_round_trips_through_a_count_key() {
        let original =
            item("participants", &[("activity", "home_visit"), ("gender", "women"), ("municipality", "GM0363")], 4, 9);
        let key = original.validate().expect("valid");
        assert_eq!(CountItem::from_key(&key, 4, 9), original);
    }

    #[test]
    fn shipped_reference_lists_include_themes() {
        let lists = ReferenceLists::shipped();
        assert!(lists.lists["theme"].iter().any(|e| e.code == "huwelijksdwang"));
        assert_eq!(lists.versions["theme"], 1);
    }
}
