//! Enrolling a device with a one-time code (`POST /api/v1/enrol`), once the handler has checked the rate limit,
//! the body's shape and the request's signature with the device's new key.

use sleutel_protocol::{
    EnrolRequest, ErrorCode, PublicKey, Replacement, Signature, replacement_bytes, verify_signature,
};

use super::Refusal;
use crate::storage::{AuditRecord, Device, DeviceEnrolment, Enrolled, Organisation, Storage, StorageError};

/// Enrols the device that holds `public_key` with the request's code, as `device_id` (fresh for a new device). A
/// repeat of an enrolment whose reply was lost gets the same device again. Refusals: a label that names someone
/// (`invalid_field`), a replacement proof the old device's key did not make (`invalid_field`, the code stays
/// unused), and an unknown, expired or used code (`enrolment_code_invalid`).
pub fn enrol(
    storage: &dyn Storage,
    request: &EnrolRequest,
    public_key: &PublicKey,
    device_id: &str,
    now: i64,
) -> Result<(Device, Organisation), Refusal> {
    let today = super::day_of(now);
    let label = sleutel_domain::DeviceLabel::parse(&request.label, today).map_err(|_| ErrorCode::InvalidField)?;
    let replaced =
        request.replaces.as_ref().map(|proof| replaced_device(storage, proof, &request.public_key)).transpose()?;
    let code_sha256 = crate::admin::enrolment_code_hash(&request.code);
    let audit = AuditRecord {
        actor: device_id.to_owned(),
        action: "device_enrolled",
        detail: serde_json::json!({"device_id": device_id, "replaces": replaced}),
    };
    let enrolment = DeviceEnrolment {
        code_sha256: &code_sha256,
        device_id,
        public_key: &public_key.0,
        label: label.as_str(),
        replaces: replaced.as_deref(),
    };
    let device = match storage.enrol_device(&enrolment, &[audit], now) {
        Ok(Some(Enrolled { device, repeated: true })) => {
            // The device's first request got through but its reply did not: the same answer again.
            tracing::info!(device_id = %device.id, "enrolment repeated");
            storage.audit(now, &device.id, "enrolment_repeated", &serde_json::json!({"device_id": device.id}))?;
            device
        }
        Ok(Some(Enrolled { device, .. })) => device,
        Ok(None) | Err(StorageError::Conflict) => {
            let refused = serde_json::json!({"code": "enrolment_code_invalid"});
            storage.audit(now, "unknown", "enrolment_rejected", &refused)?;
            return Err(ErrorCode::EnrolmentCodeInvalid.into());
        }
        Err(e) => return Err(e.into()),
    };
    let organisation = storage.organisation(device.organisation_id)?.ok_or(StorageError::NotFound)?;
    tracing::info!(device_id = %device.id, organisation_id = device.organisation_id, "device enrolled");
    Ok((device, organisation))
}

/// The reply to a device just enrolled: its id, its organisation, the reference lists to use, and whom the
/// volunteer can call for support.
pub fn reply(
    storage: &dyn Storage,
    (device, organisation): (Device, Organisation),
) -> Result<sleutel_protocol::EnrolReply, Refusal> {
    Ok(sleutel_protocol::EnrolReply {
        support_contact: super::support::contact_info(storage, organisation.id)?,
        device_id: device.id,
        organisation: sleutel_protocol::OrganisationInfo {
            id: organisation.id,
            name: organisation.name,
            reach_details: organisation.reach_details,
        },
        reference_lists: sleutel_protocol::ReferenceLists::shipped(),
    })
}

/// The old device a replacement proof names, when its key signed the new public key.
fn replaced_device(storage: &dyn Storage, proof: &Replacement, new_public_key: &str) -> Result<String, Refusal> {
    let signature = Signature::parse(&proof.signature).ok_or(ErrorCode::InvalidField)?;
    let old = storage.device(&proof.device_id)?.ok_or(ErrorCode::InvalidField)?;
    let message = replacement_bytes(&old.id, new_public_key.trim());
    if !verify_signature(&PublicKey(old.public_key), &message, &signature) {
        return Err(ErrorCode::InvalidField.into());
    }
    Ok(old.id)
}
