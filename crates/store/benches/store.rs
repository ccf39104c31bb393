//! `make bench`: the store's figures against their goals.
//!
//! Criterion measures the steady-state costs (full recomputation, incremental delta); this harness measures the
//! distributions criterion does not report (save latency median and p99 with fsync, unlock time) and prints one
//! table at the end.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::Criterion;
use sleutel_domain::counts::{Counts, Record, delta};
use sleutel_domain::{Activity, ActivityInput, Consent, PseudonymCode, Referral, ReferralInput, ReferralStatus};
use sleutel_store::{KdfParams, Passphrase, Secret, Store};

const THEMES: [&str; 6] =
    ["huiselijk_geweld", "huwelijksdwang", "opvoeding", "achterlating", "isolement", "partnergeweld"];
const KINDS: [&str; 6] =
    ["home_visit", "group_meeting", "individual_talk", "phone_contact", "drop_in_hour", "training"];
const PLACES: [&str; 4] = ["GM0202", "GM0363", "GM0855", "GM0599"];
const LANGUAGES: [&str; 4] = ["nl", "tr", "ar", "so"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A varied activity; `i` picks the values, spreading them over five years of months.
fn activity(i: usize) -> Activity {
    let date = today() - chrono::Duration::days((i % 1800) as i64);
    Activity::from_input(
        &ActivityInput {
            kind: KINDS[i % KINDS.len()].into(),
            date: date.format("%Y-%m-%d").to_string(),
            duration_minutes: 30 + (i % 90) as i64,
            municipality: PLACES[i % PLACES.len()].into(),
            location: "community_centre".into(),
            languages: vec![LANGUAGES[i % 4].into(), "nl".into()]
                .into_iter()
                .collect::<std::collections::BTreeSet<String>>()
                .into_iter()
                .collect(),
            themes: vec![THEMES[i % 6].into(), THEMES[(i / 6) % 6].into()]
                .into_iter()
                .collect::<std::collections::BTreeSet<String>>()
                .into_iter()
                .collect(),
            women: 1 + (i % 25) as i64,
            men: (i % 4) as i64,
            other: (i % 2) as i64,
            ..ActivityInput::default()
        },
        today(),
    )
    .unwrap()
}

fn referral(i: usize) -> Referral {
    let date = today() - chrono::Duration::days((i * 7 % 1800) as i64);
    let mut r = Referral::from_input(
        &ReferralInput {
            date: date.format("%Y-%m-%d").to_string(),
            municipality: PLACES[i % 4].into(),
            destination: ["veilig_thuis", "wijkteam", "huisarts", "lkha"][i % 4].into(),
            themes: vec![THEMES[i % 6].into()],
            consent: if i.is_multiple_of(3) { Consent::Yes } else { Consent::NotAsked },
            accompanied: i.is_multiple_of(2),
            ..ReferralInput::default()
        },
        PseudonymCode::parse(&format!("{:04}-{:04}", i / 10000, i % 10000)).unwrap(),
        today(),
    )
    .unwrap();
    if i.is_multiple_of(3) {
        r.change_status(ReferralStatus::HelpStarted, date, today()).unwrap();
    }
    r
}

fn median_and_p99(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let p99 = samples[((samples.len() as f64) * 0.99).ceil() as usize - 1];
    (samples[samples.len() / 2], p99)
}

fn save_latencies(store: &mut Store, n: usize) -> Vec<Duration> {
    (0..n)
        .map(|i| {
            let a = activity(i);
            let start = Instant::now();
            store.create_activity(&a).unwrap();
            start.elapsed()
        })
        .collect()
}

/// Median number of database pages one save appends to the write-ahead log: the work SQLCipher encrypts.
fn pages_per_save(store: &mut Store, n: usize) -> i64 {
    let mut pages: Vec<i64> = (0..n)
        .map(|i| {
            store.raw_connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
            store.create_activity(&activity(10_000 + i)).unwrap();
            // (busy, frames in the log, frames checkpointed)
            store.raw_connection().query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(1)).unwrap()
        })
        .collect();
    pages.sort_unstable();
    pages[n / 2]
}

/// Criterion's median estimate, in nanoseconds, from its JSON output.
fn criterion_median_ns(group: &str, name: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let path = Path::new(&dir).join("criterion").join(group).join(name).join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

struct Row {
    figure: String,
    value: String,
    goal: String,
    met: Option<bool>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let activities: Vec<Activity> = (0..5000).map(activity).collect();
    let referrals: Vec<Referral> = (0..1000).map(referral).collect();

    let mut criterion = Criterion::default().sample_size(20).configure_from_args();
    criterion
        .bench_function("full_recompute_heavy_volunteer", |b| b.iter(|| Counts::recompute(&activities, &referrals)));
    let (before, after) = (activity(1), activity(2));
    criterion.bench_function("incremental_delta_per_save", |b| {
        b.iter(|| delta(Some(Record::Activity(&before)), Some(Record::Activity(&after))))
    });
    criterion.final_summary();

    let mut rows = Vec::new();
    let recompute = criterion_median_ns("full_recompute_heavy_volunteer", "")
        .or_else(|| criterion_median_ns("full_recompute_heavy_volunteer", "new"));
    let recompute_ms = recompute.map(|ns| ns / 1e6);
    rows.push(Row {
        figure: "full recompute, 5,000 activities + 1,000 referrals (in memory)".into(),
        value: recompute_ms.map_or("n/a".into(), |v| format!("{v:.2} ms")),
        goal: "≤ 20 ms".into(),
        met: recompute_ms.map(|v| v <= 20.0),
    });
    let incremental_ms = criterion_median_ns("incremental_delta_per_save", "").map(|ns| ns / 1e6);
    rows.push(Row {
        figure: "incremental count delta per save (domain)".into(),
        value: incremental_ms.map_or("n/a".into(), |v| format!("{:.1} µs", v * 1000.0)),
        goal: "≤ 1 ms".into(),
        met: incremental_ms.map(|v| v <= 1.0),
    });

    // Save latency, encrypted vs plain, same code path and synchronous = FULL. Interleaved rounds so that disk
    // noise hits both alike.
    let base = tempfile::tempdir().unwrap();
    let (mut encrypted, _) = Store::create(
        &base.path().join("enc"),
        &Passphrase::new("benchmark passphrase"),
        KdfParams::INSECURE_FOR_TESTS,
    )
    .unwrap();
    let mut plain = Store::open_unencrypted_for_benchmark(&base.path().join("plain")).unwrap();
    let (mut enc_samples, mut plain_samples) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        enc_samples.extend(save_latencies(&mut encrypted, 100));
        plain_samples.extend(save_latencies(&mut plain, 100));
    }
    let (enc_med, enc_p99) = median_and_p99(enc_samples);
    let (plain_med, plain_p99) = median_and_p99(plain_samples);
    let ratio = ms(enc_med) / ms(plain_med);
    rows.push(Row {
        figure: "save latency SQLCipher, median / p99 (sync FULL; counted at the next read)".into(),
        value: format!("{:.2} / {:.2} ms", ms(enc_med), ms(enc_p99)),
        goal: "".into(),
        met: None,
    });
    rows.push(Row {
        figure: "save latency plain SQLite, median / p99".into(),
        value: format!("{:.2} / {:.2} ms", ms(plain_med), ms(plain_p99)),
        goal: "".into(),
        met: None,
    });
    rows.push(Row {
        figure: "encryption cost: median save ratio SQLCipher / plain".into(),
        value: format!("{ratio:.2}"),
        goal: "≤ 1.15".into(),
        met: Some(ratio <= 1.15),
    });
    // What the save no longer does: counting the new records, once, when counts or the outbox are next read.
    let fold_samples: Vec<Duration> = (0..5)
        .map(|round| {
            for i in 0..100 {
                encrypted.create_activity(&activity(20_000 + round * 100 + i)).unwrap();
            }
            let start = Instant::now();
            encrypted.outbox_len().unwrap();
            start.elapsed()
        })
        .collect();
    let (fold, _) = median_and_p99(fold_samples);
    rows.push(Row {
        figure: "counting 100 new records at the next read of counts (sync, 'Mijn werk')".into(),
        value: format!("{:.1} ms", ms(fold)),
        goal: "≤ 100 ms".into(),
        met: Some(ms(fold) <= 100.0),
    });
    let pages = pages_per_save(&mut encrypted, 50);
    rows.push(Row {
        figure: "pages written per new record, median (each one encrypted and authenticated)".into(),
        value: format!("{pages}"),
        goal: "(informative)".into(),
        met: None,
    });

    // Full recomputation through the store: decrypt, read and decode every record, then aggregate.
    for a in &activities[500..] {
        encrypted.create_activity(a).unwrap();
    }
    for r in &referrals {
        encrypted.create_referral(r, None).unwrap();
    }
    let stored = encrypted.list_activities(&Default::default()).unwrap().total;
    let list_samples: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            encrypted.list_activities(&Default::default()).unwrap();
            start.elapsed()
        })
        .collect();
    let (list, _) = median_and_p99(list_samples);
    rows.push(Row {
        figure: format!("newest 50 of {stored} activities, sorted by date without an index"),
        value: format!("{:.1} ms", ms(list)),
        goal: "≤ 50 ms".into(),
        met: Some(ms(list) <= 50.0),
    });
    let samples: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            encrypted.recompute_counts().unwrap();
            start.elapsed()
        })
        .collect();
    let (store_recompute, _) = median_and_p99(samples);
    rows.push(Row {
        figure: "full recompute from the encrypted store (read + decode + aggregate)".into(),
        value: format!("{:.1} ms", ms(store_recompute)),
        goal: "(informative)".into(),
        met: None,
    });
    drop(encrypted);

    // Unlock with the production Argon2id parameters.
    let unlock_dir = base.path().join("unlock");
    drop(Store::create(&unlock_dir, &Passphrase::new("benchmark passphrase"), KdfParams::PRODUCTION).unwrap());
    let secret = Secret::Passphrase(Passphrase::new("benchmark passphrase"));
    let samples: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            drop(Store::unlock(&unlock_dir, &secret).unwrap());
            start.elapsed()
        })
        .collect();
    let (unlock, _) = median_and_p99(samples);
    let p = KdfParams::PRODUCTION;
    rows.push(Row {
        figure: format!("unlock, Argon2id m={} MiB t={} p={} (median of 5)", p.m_kib / 1024, p.t, p.p),
        value: format!("{:.0} ms", ms(unlock)),
        goal: "200–500 ms".into(),
        met: Some((200.0..=500.0).contains(&ms(unlock))),
    });

    println!("\n## Sleutel store benchmarks\n");
    println!("| figure | value | goal | met |");
    println!("|---|---|---|---|");
    for r in rows {
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        println!("| {} | {} | {} | {} |", r.figure, r.value, r.goal, met);
    }
}
