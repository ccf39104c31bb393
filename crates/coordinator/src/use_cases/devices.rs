//! Managing devices and reading the audit log: list devices (with the last month they reported, never per-device
//! counts), issue enrolment codes (text and QR code), revoke a device, the audit log (admins). Coordinators act on
//! their own organisations only.

use serde::{Deserialize, Serialize};
use sleutel_protocol::ErrorCode;
use sleutel_protocol::enrolment_link::EnrolmentLink;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{AuditEntry, Storage, StorageError};

/// A device as the dashboard lists it: no counts, ever.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeviceRow {
    pub id: String,
    pub organisation_id: i64,
    pub label: String,
    /// `YYYY-MM-DD`
    pub enrolled_on: String,
    /// `YYYY-MM` of the last upload, if any.
    pub last_report_month: Option<String>,
    pub revoked: bool,
}

fn day(unix: i64) -> Option<chrono::NaiveDate> {
    chrono::DateTime::from_timestamp(unix, 0).map(|t| t.date_naive())
}

/// Devices of the organisations the caller may see (`organisation`: one of them).
pub fn list(storage: &dyn Storage, caller: &Caller, organisation: Option<i64>) -> Result<Vec<DeviceRow>, Refusal> {
    let organisations = caller.organisations(organisation, storage)?;
    let devices = organisations.iter().map(|o| storage.devices(Some(*o))).collect::<Result<Vec<_>, _>>()?;
    Ok(devices
        .into_iter()
        .flatten()
        .map(|device| DeviceRow {
            enrolled_on: day(device.enrolled_at).map(|d| d.to_string()).unwrap_or_default(),
            last_report_month: device.last_upload_at.and_then(day).map(|d| d.format("%Y-%m").to_string()),
            revoked: device.revoked_at.is_some(),
            id: device.id,
            organisation_id: device.organisation_id,
            label: device.label,
        })
        .collect())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CodeRequest {
    pub organisation: i64,
    /// Hours the code stays valid: 1 to 336 (default 24).
    pub valid_hours: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CodeReply {
    pub code: String,
    pub organisation: i64,
    pub expires_at: i64,
    /// `sleutel://enrol?server=…&code=…`: the coordinator's address and the code in one, to paste into the app. Absent
    /// when the coordinator does not know the address devices reach it at.
    pub link: Option<String>,
    /// The link (or, without one, the code) as a QR code (SVG), to scan from a screen or a printed page.
    pub qr_svg: String,
}

/// Issues a one-time enrolment code for an organisation the caller may see (valid 1 to 336 hours, else
/// `invalid_field`), with a link and QR code that also carry `server`, the address devices reach this coordinator
/// at. Audited.
pub fn issue_code(
    storage: &dyn Storage,
    caller: &Caller,
    request: &CodeRequest,
    server: Option<&str>,
    now: i64,
) -> Result<CodeReply, Refusal> {
    let valid_hours = request.valid_hours.unwrap_or(24);
    if !(1..=24 * 14).contains(&valid_hours) {
        return Err(ErrorCode::InvalidField.into());
    }
    caller.organisations(Some(request.organisation), storage)?;
    storage.organisation(request.organisation)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    let valid_secs = valid_hours * 3600;
    let code =
        crate::admin::issue_enrolment_code_as(storage, &caller.account.name, request.organisation, valid_secs, now)?;
    let link = server.and_then(|server| EnrolmentLink { server: server.to_owned(), code: code.clone() }.to_link());
    let qr = qrcode::QrCode::new(link.as_deref().unwrap_or(&code).as_bytes()).map_err(|_| StorageError::Corrupt)?;
    let qr_svg = qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(160, 160).build();
    Ok(CodeReply { code, organisation: request.organisation, expires_at: now + valid_secs, link, qr_svg })
}

/// Revokes a device of an organisation the caller may see: its uploads are refused from now on. An unknown device
/// and another organisation's device get the same answer (`forbidden`). Audited.
pub fn revoke(storage: &dyn Storage, caller: &Caller, id: &str, now: i64) -> Result<(), Refusal> {
    let device = storage.device(id)?.ok_or(Refusal::Refused(ErrorCode::Forbidden))?;
    caller.organisations(Some(device.organisation_id), storage)?;
    crate::admin::revoke_device_as(storage, &caller.account.name, id, now)?;
    Ok(())
}

/// One entry of the audit log as the dashboard shows it: who did what, when; never counts or payloads.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditRow {
    /// Unix seconds.
    pub at: i64,
    /// An account's name, a device id, or `cli`.
    pub actor: String,
    /// What happened (`login`, `export`, `device_revoked`, …).
    pub action: String,
    /// The action's particulars (ids, codes, a threshold; for repeats `count` and `last_at`).
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

impl From<AuditEntry> for AuditRow {
    fn from(e: AuditEntry) -> Self {
        Self { at: e.at, actor: e.actor, action: e.action, detail: e.detail }
    }
}

/// The audit log, newest first, at most 1,000 entries (200 unless asked). Admins only.
pub fn audit_log(storage: &dyn Storage, caller: &Caller, limit: Option<u32>) -> Result<Vec<AuditRow>, Refusal> {
    caller.require_admin()?;
    Ok(storage.audit_log(limit.unwrap_or(200).min(1000))?.into_iter().map(AuditRow::from).collect())
}

/// What a device learns about itself (`GET /api/v1/devices/me`): its organisation, its high-water mark (a
/// reinstalled app continues above it) and how many keys the coordinator holds for it.
pub fn status(
    storage: &dyn Storage,
    device: &crate::storage::Device,
) -> Result<sleutel_protocol::DeviceStatus, Refusal> {
    let organisation = storage.organisation(device.organisation_id)?.ok_or(StorageError::NotFound)?;
    Ok(sleutel_protocol::DeviceStatus {
        device_id: device.id.clone(),
        organisation: sleutel_protocol::OrganisationInfo {
            id: organisation.id,
            name: organisation.name,
            reach_details: organisation.reach_details,
        },
        high_water_version: device.high_water_version,
        keys: storage.device_key_count(&device.id)?,
        last_upload_at: device.last_upload_at,
        support_contact: super::support::contact_info(storage, organisation.id)?,
    })
}
