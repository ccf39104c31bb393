//! `sleutel-demo-devices`: volunteers' devices with made-up work, for demos and the dashboard's browser tests.
//!
//! Each `--code` enrols one device (a real encrypted store in a temporary folder, removed at exit) with a running
//! coordinator, records a fixed pattern of home visits, group meetings and referrals over the last `--months`
//! months, and syncs. The pattern depends only on the device's position and the month, so a test knows what to
//! expect; what the devices counted is printed as JSON on standard output, per device and in all:
//! `{"devices": [{"label": "Demo 1", "months": {"2026-11": {"activities": 3, ...}}}, ...], "months": {...}}`.
//! Every meeting asks a show of hands (who knows where to find help, before and after); every other month's meeting
//! was heavy for the volunteer; this month the first two devices each ask for a talk
//! after a visit (Demo 1 without its name, Demo 2 with it).
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::Parser;
use sleutel_domain::counts::Metric;
use sleutel_domain::{Activity, ActivityInput, Debrief, Referral, ReferralInput};
use sleutel_store::{KdfParams, Passphrase, Store};
use sleutel_sync::SyncConfig;

#[derive(Parser, Debug)]
#[command(name = "sleutel-demo-devices", about = "Enrol demo devices with made-up work and sync them")]
struct Cli {
    /// The coordinator's address, e.g. http://127.0.0.1:8080
    #[arg(long)]
    coordinator: String,
    /// A one-time enrolment code; one device per code.
    #[arg(long = "code", required = true)]
    codes: Vec<String>,
    /// Months of work per device, this month included.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=24))]
    months: u32,
}

const MUNICIPALITIES: [&str; 4] = ["GM0363", "GM0599", "GM0518", "GM0344"];
const THEMES: [&str; 4] = ["huiselijk_geweld", "huwelijksdwang", "opvoeding", "isolement"];
const DESTINATIONS: [&str; 3] = ["veilig_thuis", "wijkteam", "huisarts"];
/// Per month, per metric: what was counted.
type Months = BTreeMap<String, BTreeMap<&'static str, i64>>;

/// The metrics the summary reports.
const SUMMARY: [Metric; 5] = [
    Metric::Activities,
    Metric::Participants,
    Metric::Referrals,
    Metric::MeldingenVeiligThuis,
    Metric::HeavyActivities,
];

fn activity(kind: &str, date: NaiveDate, today: NaiveDate, n: usize, women: i64, men: i64) -> Result<Activity, String> {
    Activity::from_input(
        &ActivityInput {
            kind: kind.into(),
            date: date.to_string(),
            duration_minutes: if kind == "home_visit" { 60 } else { 120 },
            municipality: MUNICIPALITIES[n % MUNICIPALITIES.len()].into(),
            location: if kind == "home_visit" { "home" } else { "community_centre" }.into(),
            languages: vec![["tr", "ar", "ti"][n % 3].into()],
            themes: vec![THEMES[n % THEMES.len()].into()],
            women,
            men,
            ..ActivityInput::default()
        },
        today,
    )
    .map_err(|e| e.to_string())
}

/// The work of device `device` in the month `back` months ago: visits, one meeting, referrals.
fn record_month(store: &mut Store, device: usize, back: u32, today: NaiveDate) -> Result<(), String> {
    let first = today.with_day(1).and_then(|d| d.checked_sub_months(chrono::Months::new(back))).ok_or("date")?;
    // Past months spread over their days; this month stays on today so nothing lies in the future.
    let day = |k: usize| if back == 0 { today } else { first + chrono::Days::new((3 + 5 * k as u64) % 28) };
    let seed = device + back as usize;
    for k in 0..2 + seed % 3 {
        let mut visit = activity("home_visit", day(k), today, seed + k, 1, (k % 2) as i64)?;
        if back == 0 && k == 0 {
            visit.heavy = device < 2;
            visit.debrief = [Some(Debrief::Anonymous), Some(Debrief::ShowLabel)].get(device).copied().flatten();
        }
        store.create_activity(&visit).map_err(|e| e.to_string())?;
    }
    let mut meeting = activity("group_meeting", day(4), today, seed, 6 + (3 * seed % 7) as i64, (seed % 4) as i64)?;
    meeting.heavy = seed.is_multiple_of(2);
    // Every meeting asks who knows where to find help: a third of the women before the talk, two thirds after.
    let women = meeting.participants.women();
    let hands = [sleutel_domain::ShowOfHandsInput {
        statement: "knows_help".into(),
        before: (women / 3).into(),
        after: (2 * women / 3).into(),
    }];
    meeting.hands =
        sleutel_domain::ShowOfHands::list(&hands, meeting.participants.total()).map_err(|e| e.to_string())?;
    store.create_activity(&meeting).map_err(|e| e.to_string())?;
    for k in 0..1 + seed % 2 {
        let code = store.new_referral_code().map_err(|e| e.to_string())?;
        let referral = Referral::from_input(
            &ReferralInput {
                date: day(k).to_string(),
                municipality: MUNICIPALITIES[(seed + k) % MUNICIPALITIES.len()].into(),
                destination: DESTINATIONS[(seed + k) % DESTINATIONS.len()].into(),
                themes: vec![THEMES[(seed + k) % THEMES.len()].into()],
                ..ReferralInput::default()
            },
            code,
            today,
        )
        .map_err(|e| e.to_string())?;
        store.create_referral(&referral, None).map_err(|e| e.to_string())?;
    }
    Ok(())
}

async fn run(cli: Cli) -> Result<serde_json::Value, String> {
    sleutel_sync::install_crypto_provider();
    let today = chrono::Utc::now().date_naive();
    let config = SyncConfig::default();
    let mut months: Months = BTreeMap::new();
    let mut devices = Vec::new();
    for (device, code) in cli.codes.iter().enumerate() {
        let label = format!("Demo {}", device + 1);
        let folder = tempfile::tempdir().map_err(|e| e.to_string())?;
        // A throwaway store of made-up work: the cheap key derivation only saves time.
        let (mut store, _) =
            Store::create(&folder.path().join("store"), &Passphrase::new("demo device"), KdfParams::INSECURE_FOR_TESTS)
                .map_err(|e| e.to_string())?;
        sleutel_sync::enrol(&mut store, &cli.coordinator, code, &label, &config)
            .await
            .map_err(|e| format!("device {}: enrolment: {e}", device + 1))?;
        for back in 0..cli.months {
            record_month(&mut store, device, back, today)?;
        }
        sleutel_sync::sync_now(&mut store, &config).await.map_err(|e| format!("device {}: sync: {e}", device + 1))?;
        let mut own: Months = BTreeMap::new();
        for (key, value) in store.all_counts().map_err(|e| e.to_string())?.iter() {
            if SUMMARY.contains(&key.metric) {
                for summary in [&mut own, &mut months] {
                    *summary.entry(key.period.to_string()).or_default().entry(key.metric.code()).or_default() += value;
                }
            }
        }
        devices.push(serde_json::json!({ "label": label, "months": own }));
    }
    Ok(serde_json::json!({ "devices": devices, "months": months }))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
