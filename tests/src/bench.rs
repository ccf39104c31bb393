//! What the benchmarks share: the table they print, the count items of a device-month, and signed uploads.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use ring::signature::Ed25519KeyPair;
use sleutel_domain::counts::CountKey;
use sleutel_protocol::{CountItem, Signature, UploadRequest, signing_bytes};

/// One line of a benchmark table: figure, value, goal, and whether the goal is met (`None`: no goal).
pub struct Row(pub String, pub String, pub String, pub Option<bool>);

/// Prints the rows as a Markdown table under `title`.
pub fn print_table(title: &str, rows: &[Row]) {
    println!("\n## {title}\n");
    println!("| figure | value | goal | met |");
    println!("|---|---|---|---|");
    for Row(figure, value, goal, met) in rows {
        let met = match met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        println!("| {figure} | {value} | {goal} | {met} |");
    }
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Count items of one device for one month: `keys` items spread over metrics, municipalities and themes.
pub fn month_items(period: &str, keys: usize, version: i64) -> Vec<CountItem> {
    let places = ["GM0202", "GM0363", "GM0855", "GM0599"];
    let themes = ["huiselijk_geweld", "huwelijksdwang", "opvoeding", "achterlating", "isolement"];
    let kinds = ["home_visit", "group_meeting", "individual_talk", "phone_contact"];
    let mut out = Vec::new();
    for i in 0..keys {
        let gm = places[(i / 12) % 4];
        let key = match i % 4 {
            0 => CountKey::parse(period, "activities", [("activity", kinds[(i / 4) % 4]), ("municipality", gm)]),
            1 => CountKey::parse(
                period,
                "participants",
                [
                    ("activity", kinds[(i / 4) % 4]),
                    ("gender", ["women", "men", "other"][(i / 16) % 3]),
                    ("municipality", gm),
                ],
            ),
            2 => CountKey::parse(period, "activities_by_theme", [("theme", themes[(i / 4) % 5]), ("municipality", gm)]),
            _ => {
                CountKey::parse(period, "participants_by_theme", [("theme", themes[(i / 4) % 5]), ("municipality", gm)])
            }
        }
        .unwrap();
        out.push(CountItem::from_key(&key, 1 + (i as i64 % 17), version));
    }
    out.sort_by(|a, b| (&a.metric, &a.dimensions).cmp(&(&b.metric, &b.dimensions)));
    out.dedup_by(|a, b| a.metric == b.metric && a.dimensions == b.dimensions);
    out
}

/// A device as the benchmarks drive it: its id and signing key.
pub struct BenchDevice {
    pub id: String,
    pub pair: Ed25519KeyPair,
}

/// A signed upload of `items`: body, batch id, timestamp and signature.
pub fn signed_upload(device: &BenchDevice, batch: usize, items: Vec<CountItem>) -> (Vec<u8>, String, i64, String) {
    let batch_id = format!("b-bench-{batch:016}");
    let now = sleutel_coordinator::now();
    let body = serde_json::to_vec(&UploadRequest {
        protocol: 1,
        device_id: device.id.clone(),
        batch_id: batch_id.clone(),
        sent_at: now,
        items,
    })
    .unwrap();
    let message = signing_bytes("POST", "/api/v1/counts", &device.id, now, &batch_id, &body);
    (body, batch_id, now, Signature(device.pair.sign(&message).as_ref().to_vec()).encode())
}
