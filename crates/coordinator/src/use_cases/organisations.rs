//! The organisations a caller may see, and their disclosure threshold.

use serde::{Deserialize, Serialize};
use sleutel_domain::disclosure::Threshold;
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{Organisation, Storage};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    /// Export cells below this count are hidden.
    pub disclosure_threshold: i64,
    /// Its volunteers count participants by age band and the community groups present.
    pub reach_details: bool,
}

impl From<Organisation> for OrganisationRow {
    fn from(o: Organisation) -> Self {
        Self {
            id: o.id,
            name: o.name,
            disclosure_threshold: o.disclosure_threshold.get(),
            reach_details: o.reach_details,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ThresholdRequest {
    pub threshold: i64,
}

/// The organisations the caller may see (none for a municipality's account).
pub fn list(storage: &dyn Storage, caller: &Caller) -> Result<Vec<OrganisationRow>, Refusal> {
    // A municipality's account works with no organisation on its own: an empty list, so its dashboard starts.
    if caller.municipality().is_some() {
        return Ok(Vec::new());
    }
    let visible = caller.organisations(None, storage)?;
    Ok(storage.organisations()?.into_iter().filter(|o| visible.contains(&o.id)).map(OrganisationRow::from).collect())
}

/// Sets an organisation's disclosure threshold (3 to 20, else `invalid_field`). Admins only: it decides what may be
/// published. Audited.
pub fn set_threshold(
    storage: &dyn Storage,
    caller: &Caller,
    id: i64,
    request: &ThresholdRequest,
    now: i64,
) -> Result<OrganisationRow, Refusal> {
    caller.require_admin()?;
    let threshold = Threshold::new(request.threshold).map_err(|_| Refusal::Refused(ErrorCode::InvalidField))?;
    if !crate::admin::set_disclosure_threshold(storage, &caller.account.name, id, threshold, now)? {
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    let organisation = storage.organisation(id)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    Ok(organisation.into())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ReachDetailsRequest {
    pub enabled: bool,
}

/// Switches counting by age band and community group on or off for an organisation. Admins only: it decides what
/// is collected about the people reached. Devices learn it within a day (at their daily look at the organisation).
/// Audited.
pub fn set_reach_details(
    storage: &dyn Storage,
    caller: &Caller,
    id: i64,
    request: &ReachDetailsRequest,
    now: i64,
) -> Result<OrganisationRow, Refusal> {
    caller.require_admin()?;
    let audit = crate::storage::AuditRecord {
        actor: caller.account.name.clone(),
        action: "reach_details_set",
        detail: serde_json::json!({"organisation": id, "enabled": request.enabled}),
    };
    if !storage.set_reach_details(id, request.enabled, &[audit], now)? {
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    let organisation = storage.organisation(id)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    Ok(organisation.into())
}
