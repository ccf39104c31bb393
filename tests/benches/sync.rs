//! `make bench`, sync part: bytes on the wire per device-month against DHIS2's `dataValueSets`, and disclosure
//! control on the largest usual export. Prints a table with the goals. Ingest and the dashboard views at national
//! scale are in `coordinator_scale.rs`.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use ring::signature::Ed25519KeyPair;
use sleutel_domain::{Activity, ActivityInput};
use sleutel_protocol::{CountItem, headers};
use sleutel_store::{KdfParams, Passphrase, Store};
use sleutel_system_tests::bench::{BenchDevice, Row, print_table, signed_upload};

/// A heavy volunteer's month (about 85 activities, 17 referrals) in a real store; returns the outbox as items.
fn heavy_month_items() -> Vec<CountItem> {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) =
        Store::create(dir.path(), &Passphrase::new("bench passphrase"), KdfParams::INSECURE_FOR_TESTS).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let kinds = ["home_visit", "group_meeting", "individual_talk", "phone_contact", "drop_in_hour"];
    let themes = ["huiselijk_geweld", "huwelijksdwang", "opvoeding", "achterlating", "isolement", "psychische_nood"];
    for i in 0..85usize {
        let a = Activity::from_input(
            &ActivityInput {
                kind: kinds[i % 5].into(),
                date: format!("2026-11-{:02}", 1 + i % 20),
                duration_minutes: 60,
                municipality: ["GM0202", "GM0363"][i % 2].into(),
                location: ["home", "community_centre", "mosque"][i % 3].into(),
                languages: vec![["tr", "ar", "so"][i % 3].into()],
                themes: vec![themes[i % 6].into(), themes[(i + 2) % 6].into()],
                women: 1 + (i % 20) as i64,
                men: (i % 3) as i64,
                other: 0,
                ..ActivityInput::default()
            },
            today,
        )
        .unwrap();
        store.create_activity(&a).unwrap();
    }
    for i in 0..17usize {
        let r = sleutel_domain::Referral::from_input(
            &sleutel_domain::ReferralInput {
                date: format!("2026-11-{:02}", 1 + i),
                municipality: "GM0202".into(),
                destination: ["veilig_thuis", "wijkteam", "huisarts", "ggd"][i % 4].into(),
                themes: vec![themes[i % 6].into()],
                consent: sleutel_domain::Consent::Yes,
                ..sleutel_domain::ReferralInput::default()
            },
            store.new_referral_code().unwrap(),
            today,
        )
        .unwrap();
        store.create_referral(&r, None).unwrap();
    }
    store.outbox_pending(10_000).unwrap().iter().map(|i| CountItem::from_key(&i.key, i.value, i.version)).collect()
}

fn wire_bytes(rows: &mut Vec<Row>) {
    let items = heavy_month_items();
    let cells = items.len();
    let pair = Ed25519KeyPair::from_seed_unchecked(&[9u8; 32]).unwrap();
    let device = BenchDevice { id: "d-4f2a9c1e7b3d5a60".into(), pair };
    let (body, batch_id, ts, sig) = signed_upload(&device, 1, items.clone());
    let header_bytes = format!(
        "POST /api/v1/counts HTTP/1.1\r\nhost: coordinator.example.nl\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{}: {}\r\n{}: {}\r\n{}: {}\r\n{}: {}\r\n\r\n",
        body.len(), headers::DEVICE, device.id, headers::TIMESTAMP, ts, headers::BATCH, batch_id, headers::SIGNATURE, sig
    )
    .len();
    let sleutel = body.len() + header_bytes;
    // The same cells as a DHIS2 dataValueSets document: one data element per metric, one category option combo per
    // dimension combination, the municipality as organisation unit; DHIS2 identifiers are 11 characters.
    let uid = |kind: &str, text: &str| -> String {
        let digest = ring::digest::digest(&ring::digest::SHA256, format!("{kind}:{text}").as_bytes());
        let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        std::iter::once('a')
            .chain(digest.as_ref()[..10].iter().map(|b| char::from(alphabet[usize::from(*b) % 62])))
            .collect()
    };
    let values: Vec<serde_json::Value> = items
        .iter()
        .map(|i| {
            let mut rest = i.dimensions.clone();
            let municipality = rest.remove("municipality").unwrap_or_default();
            let combo = rest.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(";");
            serde_json::json!({
                "dataElement": uid("de", &i.metric),
                "period": i.period.replace('-', ""),
                "orgUnit": uid("ou", &municipality),
                "categoryOptionCombo": uid("coc", &combo),
                "attributeOptionCombo": uid("aoc", "default"),
                "value": i.value.to_string(),
            })
        })
        .collect();
    let dhis2 = serde_json::to_vec(
        &serde_json::json!({"dataSet": uid("ds", "sleutel"), "completeDate": "2026-11-30", "dataValues": values}),
    )
    .unwrap();
    let ratio = sleutel as f64 / dhis2.len() as f64;
    rows.push(Row(
        format!("bytes on the wire per device-month, heavy volunteer ({cells} cells, request incl. headers)"),
        format!("{sleutel} B"),
        "".into(),
        None,
    ));
    rows.push(Row("same cells as DHIS2 dataValueSets JSON".into(), format!("{} B", dhis2.len()), "".into(), None));
    rows.push(Row("ratio Sleutel / DHIS2".into(), format!("{ratio:.2}"), "".into(), None));
}

/// Disclosure control on the largest usual export (every municipality × every theme), with more and more small
/// counts: the linear programmes of the protection intervals grow with the hidden cells.
fn disclosure_control(rows: &mut Vec<Row>) {
    use sleutel_domain::disclosure::{Table, protect_within};
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let budget = sleutel_coordinator::export::PROTECTION_BUDGET;
    for small_percent in [5, 10] {
        let values: Vec<Vec<i64>> = (0..342)
            .map(|_| {
                (0..17)
                    .map(|_| match next() % 100 {
                        x if x < small_percent => 1 + (next() % 4) as i64,
                        x if x < 50 => 0,
                        _ => 5 + (next() % 40) as i64,
                    })
                    .collect()
            })
            .collect();
        let table = Table {
            rows: (0..342).map(|i| i.to_string()).collect(),
            columns: (0..17).map(|i| i.to_string()).collect(),
            values,
        };
        let start = Instant::now();
        let protected = protect_within(&table, 5, Some(start + budget));
        let took = start.elapsed();
        rows.push(Row(
            format!("disclosure control: 342 municipalities × 17 themes, {small_percent} % small counts (incl. protection intervals)"),
            match &protected {
                Ok(t) => format!("{} ms, {} cells hidden", took.as_millis(), t.hidden_count()),
                Err(_) => format!("refused after {} s (table_too_large)", budget.as_secs()),
            },
            format!("≤ {} s", budget.as_secs()),
            Some(protected.is_ok()),
        ));
    }
}

fn main() {
    let mut rows = Vec::new();
    wire_bytes(&mut rows);
    disclosure_control(&mut rows);
    print_table("Sleutel sync benchmarks (ingest and dashboard views: see the coordinator_scale benchmark)", &rows);
}
