//! Support for volunteers: the organisation's support contact (whom a volunteer can call, shown in the app), and
//! volunteers' requests for a talk after a heavy visit or meeting.
//!
//! A request carries nothing about any record: the coordinator reads "a volunteer of your organisation asks for a
//! talk", with the device's label only when the volunteer agreed to show it. The device that signed the request is
//! not kept with it, the day it arrived is kept and not the time, and it is not a count of the device (which would
//! tie it to the device in the coordinator's per-device counts): the talks asked per month are the requests
//! received. Handling a request forgets its label. How heavy the work is shows in the `heavy_activities` counts.
//! The wellbeing view shows both under the organisation's disclosure threshold.

use serde::{Deserialize, Serialize};
use sleutel_domain::SupportContact;
use sleutel_domain::counts::{Metric, Period};
use sleutel_domain::disclosure::{Table, protect};
use sleutel_protocol::{DebriefReply, DebriefRequest, ErrorCode, SupportContactInfo, valid_batch_id};

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{AuditRecord, Device, Storage, StorageResult, TotalsQuery};

/// The organisation's contact as kept; a stored text that no longer validates counts as none.
pub fn contact(storage: &dyn Storage, organisation_id: i64) -> StorageResult<Option<SupportContact>> {
    let json = storage.support_contact_json(organisation_id)?;
    Ok(json
        .and_then(|text| serde_json::from_str::<SupportContact>(&text).ok())
        .and_then(|c| SupportContact::new(&c.name, &c.phone, &c.email).ok()))
}

/// The contact as it travels to devices.
pub fn contact_info(storage: &dyn Storage, organisation_id: i64) -> StorageResult<Option<SupportContactInfo>> {
    Ok(contact(storage, organisation_id)?.as_ref().map(SupportContactInfo::from))
}

/// A support contact as the dashboard sends it; all three empty removes the contact.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SupportContactRequest {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// An organisation's support contact, as the dashboard shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SupportContactReply {
    pub organisation: i64,
    /// Absent when the organisation has not set one.
    pub contact: Option<SupportContactInfo>,
}

/// The support contact of an organisation the caller may see.
pub fn get_contact(storage: &dyn Storage, caller: &Caller, organisation: i64) -> Result<SupportContactReply, Refusal> {
    caller.organisations(Some(organisation), storage)?;
    storage.organisation(organisation)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    Ok(SupportContactReply { organisation, contact: contact_info(storage, organisation)? })
}

/// Sets (or, with every field empty, removes) the support contact of an organisation the caller may see; devices
/// get it at their next sync. Invalid contacts are refused with `invalid_field`. Audited, without the contact
/// itself (it is a work phone number, but an audit log keeps no more than it needs).
pub fn set_contact(
    storage: &dyn Storage,
    caller: &Caller,
    organisation: i64,
    request: &SupportContactRequest,
    now: i64,
) -> Result<SupportContactReply, Refusal> {
    caller.organisations(Some(organisation), storage)?;
    let removing = [&request.name, &request.phone, &request.email].iter().all(|f| f.trim().is_empty());
    let contact = if removing {
        None
    } else {
        Some(
            SupportContact::new(&request.name, &request.phone, &request.email)
                .map_err(|_| Refusal::Refused(ErrorCode::InvalidField))?,
        )
    };
    let json = contact.as_ref().map(serde_json::to_string).transpose().map_err(|_| ErrorCode::InternalError)?;
    let audit = AuditRecord {
        actor: caller.account.name.clone(),
        action: if removing { "support_contact_removed" } else { "support_contact_set" },
        detail: serde_json::json!({"organisation": organisation}),
    };
    if !storage.set_support_contact_json(organisation, json.as_deref(), &[audit], now)? {
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    Ok(SupportContactReply { organisation, contact: contact.as_ref().map(SupportContactInfo::from) })
}

/// Takes a device's request for a talk: kept for its organisation, with the device's label only when the volunteer
/// agreed. A retry of the same request id is answered without a second request.
pub fn receive_request(
    storage: &dyn Storage,
    device: &Device,
    request: &DebriefRequest,
    now: i64,
) -> Result<DebriefReply, Refusal> {
    if !valid_batch_id(&request.request_id) {
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    let label = request.show_label.then_some(device.label.as_str());
    // The day only, and no log line: neither may tie the request to the device's upload of the same moment.
    let day = now - now.rem_euclid(86_400);
    let new = storage.add_debrief_request(device.organisation_id, &request.request_id, label, day)?;
    Ok(DebriefReply { new, support_contact: contact_info(storage, device.organisation_id)? })
}

/// A request for a talk as the dashboard lists it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DebriefRequestView {
    pub id: i64,
    pub organisation_id: i64,
    /// The device's label, only when the volunteer agreed to show it.
    pub label: Option<String>,
    /// Unix seconds of midnight (UTC) of the day it arrived.
    pub received_at: i64,
}

/// The open requests of the organisations the caller may see (`organisation`: one of them), oldest first.
pub fn open_requests(
    storage: &dyn Storage,
    caller: &Caller,
    organisation: Option<i64>,
) -> Result<Vec<DebriefRequestView>, Refusal> {
    let organisations = caller.organisations(organisation, storage)?;
    Ok(storage
        .open_debrief_requests(&organisations)?
        .into_iter()
        .map(|r| DebriefRequestView {
            id: r.id,
            organisation_id: r.organisation_id,
            label: r.label,
            received_at: r.received_at,
        })
        .collect())
}

/// Marks a request handled (the talk is arranged); its label is forgotten. `invalid_field` when there is no open
/// request with this id among the caller's organisations: another organisation's request gets the same answer, so
/// nobody can count another organisation's open requests. Audited.
pub fn handle_request(storage: &dyn Storage, caller: &Caller, id: i64, now: i64) -> Result<(), Refusal> {
    let request = storage.open_debrief_request(id)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    match caller.organisations(Some(request.organisation_id), storage) {
        Err(Refusal::Refused(ErrorCode::Forbidden)) => return Err(Refusal::Refused(ErrorCode::InvalidField)),
        other => other?,
    };
    let audit = AuditRecord {
        actor: caller.account.name.clone(),
        action: "debrief_request_handled",
        detail: serde_json::json!({"organisation": request.organisation_id, "request": id}),
    };
    if !storage.handle_debrief_request(id, &[audit], now)? {
        return Err(Refusal::Refused(ErrorCode::InvalidField));
    }
    Ok(())
}

/// How heavy the work was, per month: what the volunteers marked heavy and the talks they asked for, next to all
/// activities. Heavy activities and talks asked are under the organisation's disclosure threshold like any
/// published table (a coordinator knows their volunteers; "1 heavy visit" in a small group points at someone).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Wellbeing {
    pub organisation: i64,
    pub threshold: i64,
    /// The last twelve months, oldest first.
    pub months: Vec<WellbeingMonth>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WellbeingMonth {
    /// `YYYY-MM`
    pub period: String,
    pub activities: i64,
    /// Absent when hidden: below the threshold, or hidden so that one that is cannot be computed back.
    pub heavy_activities: Option<i64>,
    /// The requests for a talk received that month.
    pub debriefs_asked: Option<i64>,
}

/// The months of the year up to `today`'s month, oldest first.
fn last_twelve_months(today: chrono::NaiveDate) -> Vec<Period> {
    let mut months = vec![Period::of(today)];
    for _ in 1..12 {
        let first = months[0];
        let earlier = if first.month() == 1 {
            Period::new(first.year() - 1, 12)
        } else {
            Period::new(first.year(), first.month() - 1)
        };
        match earlier {
            Ok(month) => months.insert(0, month),
            Err(_) => break,
        }
    }
    months
}

/// How heavy the work of an organisation the caller may see was in the last twelve months.
pub fn wellbeing(storage: &dyn Storage, caller: &Caller, organisation: i64, now: i64) -> Result<Wellbeing, Refusal> {
    caller.organisations(Some(organisation), storage)?;
    let threshold = storage
        .organisation(organisation)?
        .ok_or(Refusal::Refused(ErrorCode::InvalidField))?
        .disclosure_threshold
        .get();
    let months = last_twelve_months(super::day_of(now));
    let per_month = |metric: Metric| -> StorageResult<Vec<i64>> {
        let rows = super::closing::totals(
            storage,
            &TotalsQuery {
                metric,
                from: months[0],
                to: months[months.len() - 1],
                organisations: vec![organisation],
                municipality: None,
                group_by_dimension: None,
                by_period: true,
            },
        )?;
        Ok(months
            .iter()
            .map(|m| rows.iter().filter(|r| r.period.as_deref() == Some(&m.to_string())).map(|r| r.value).sum())
            .collect())
    };
    let activities = per_month(Metric::Activities)?;
    let heavy = per_month(Metric::HeavyActivities)?;
    let days = storage.debrief_request_days(organisation)?;
    let debriefs: Vec<i64> =
        months.iter().map(|m| days.iter().filter(|d| Period::of(super::day_of(**d)) == *m).count() as i64).collect();
    let table = Table {
        rows: months.iter().map(ToString::to_string).collect(),
        columns: vec![Metric::HeavyActivities.code().into(), "debriefs_asked".into()],
        values: heavy.iter().zip(&debriefs).map(|(h, d)| vec![*h, *d]).collect(),
    };
    let protected = protect(&table, threshold);
    Ok(Wellbeing {
        organisation,
        threshold,
        months: months
            .iter()
            .enumerate()
            .map(|(i, month)| WellbeingMonth {
                period: month.to_string(),
                activities: activities[i],
                heavy_activities: protected.cells[i][0].shown(),
                debriefs_asked: protected.cells[i][1].shown(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn twelve_months_end_with_this_one_across_a_new_year() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 15).expect("date");
        let months: Vec<String> = super::last_twelve_months(today).iter().map(ToString::to_string).collect();
        assert_eq!(months.len(), 12);
        assert_eq!((months[0].as_str(), months[11].as_str()), ("2025-04", "2026-03"));
    }
}
