//! A small command-line tool around the store.
//!
//! - `demo [DIR]`: creates a store, records a home visit, a group meeting and a referral, and prints the counts
//!   that would be synced. This is what `make run` shows until the app exists.
//! - `write-burst DIR`: unlocks the store in DIR (test passphrase) and saves activities in a loop, printing
//!   `ACK <id>` after each save is committed. The crash test kills it with SIGKILL mid-burst.
//! - `change-passphrase-loop DIR`: unlocks the store in DIR with either of two test passphrases and changes it to
//!   the other one, again and again, printing `BEGIN <n>` before and `CHANGED <n>` after each change (which also
//!   changes the data key). The crash test kills it in the middle of a change.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;
use sleutel_domain::counts::Period;
use sleutel_domain::pii;
use sleutel_domain::{Activity, ActivityInput, Referral, ReferralInput};
use sleutel_store::{KdfParams, Passphrase, Secret, Store, StoreError};

/// The passphrase `write-burst` uses; the crash test creates its store with it.
const BURST_PASSPHRASE: &str = "crash test passphrase";
/// The two passphrases `change-passphrase-loop` alternates between; the first is the one its store starts with.
const LOOP_PASSPHRASES: [&str; 2] = [BURST_PASSPHRASE, "second crash test passphrase"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo(args.get(1).map(PathBuf::from)),
        Some("write-burst") => match args.get(1) {
            Some(dir) => write_burst(Path::new(dir)),
            None => Err("usage: sleutel-store-tool write-burst DIR".into()),
        },
        Some("change-passphrase-loop") => match args.get(1) {
            Some(dir) => change_passphrase_loop(Path::new(dir)),
            None => Err("usage: sleutel-store-tool change-passphrase-loop DIR".into()),
        },
        _ => Err("usage: sleutel-store-tool demo [DIR] | write-burst DIR | change-passphrase-loop DIR".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn describe(e: StoreError) -> String {
    format!("{} ({})", e, e.code())
}

fn demo(dir: Option<PathBuf>) -> Result<(), String> {
    let dir = dir.unwrap_or_else(|| std::env::temp_dir().join(format!("sleutel-demo-{}", std::process::id())));
    let today = Utc::now().date_naive();
    let date = today.format("%Y-%m-%d").to_string();
    println!("Sleutel core demo: an encrypted store in {}", dir.display());
    println!("(The app and the coordinator are not built yet; this shows the core they will use.)\n");

    let started = std::time::Instant::now();
    let passphrase = Passphrase::new_checked("demo passphrase, not a real one").map_err(describe)?;
    let (mut store, recovery) = Store::create(&dir, &passphrase, KdfParams::PRODUCTION).map_err(describe)?;
    println!("Created store (Argon2id 64 MiB, 5 passes) in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
    println!("  SQLCipher {}", store.cipher_version().map_err(describe)?);
    println!("  recovery code (shown once to the volunteer): {}\n", recovery.display().as_str());

    let note = "Moeder vertelde over druk van familie; bel haar op 06-12345678";
    println!("PII check of a note while typing: \"{note}\"");
    for finding in pii::detect(note, today) {
        println!(
            "  warning: looks like a {} at characters {}..{}",
            finding.kind.code(),
            finding.start_utf16,
            finding.end_utf16
        );
    }
    let note = "Moeder vertelde over druk van familie; afspraak met wijkteam gemaakt.";
    println!("  rephrased: \"{note}\" -> {} warnings\n", pii::detect(note, today).len());

    let visit = Activity::from_input(
        &ActivityInput {
            kind: "home_visit".into(),
            date: date.clone(),
            duration_minutes: 75,
            municipality: "GM0202".into(),
            location: "home".into(),
            languages: vec!["tr".into(), "nl".into()],
            themes: vec!["huwelijksdwang".into()],
            women: 1,
            notes: note.into(),
            ..ActivityInput::default()
        },
        today,
    )
    .map_err(|e| e.to_string())?;
    let meeting = Activity::from_input(
        &ActivityInput {
            kind: "group_meeting".into(),
            date: date.clone(),
            duration_minutes: 120,
            municipality: "GM0202".into(),
            location: "community_centre".into(),
            languages: vec!["tr".into()],
            themes: vec!["opvoeding".into(), "huiselijk_geweld".into()],
            women: 22,
            men: 3,
            other: 0,
            ..ActivityInput::default()
        },
        today,
    )
    .map_err(|e| e.to_string())?;
    let visit_id = store.create_activity(&visit).map_err(describe)?;
    store.create_activity(&meeting).map_err(describe)?;
    let code = store.new_referral_code().map_err(describe)?;
    let referral = Referral::from_input(
        &ReferralInput {
            date: date.clone(),
            municipality: "GM0202".into(),
            destination: "veilig_thuis".into(),
            themes: vec!["huwelijksdwang".into()],
            consent: sleutel_domain::Consent::Yes,
            accompanied: true,
            ..ReferralInput::default()
        },
        code,
        today,
    )
    .map_err(|e| e.to_string())?;
    let saved = store.create_referral(&referral, Some(visit_id)).map_err(describe)?;
    println!(
        "Recorded a home visit, a group meeting (22 women, 3 men) and referral {} to Veilig Thuis.\n",
        saved.referral.code
    );

    let period = Period::of(today);
    println!("Counts for {period} (the only data that will ever leave the device):");
    for (key, value) in store.counts_between(period, period).map_err(describe)? {
        println!("  {:<30} {:<62} {value:>5}", key.metric.code(), key.dimensions_text());
    }
    println!("\nOutbox: {} count keys waiting to be synced.", store.outbox_len().map_err(describe)?);
    drop(store);

    let db = std::fs::read(dir.join(sleutel_store::files::DATABASE)).map_err(|e| e.to_string())?;
    let visible = db.windows(note.len()).any(|w| w == note.as_bytes());
    println!("The note is {} in the database file on disk.", if visible { "VISIBLE" } else { "not readable" });
    Store::wipe(&dir).map_err(describe)?;
    let _ = std::fs::remove_dir(&dir);
    println!("Demo store wiped.");
    Ok(())
}

fn write_burst(dir: &Path) -> Result<(), String> {
    let mut store = Store::unlock(dir, &Secret::Passphrase(Passphrase::new(BURST_PASSPHRASE))).map_err(describe)?;
    let today = Utc::now().date_naive();
    let input = ActivityInput {
        kind: "individual_talk".into(),
        date: today.format("%Y-%m-%d").to_string(),
        duration_minutes: 30,
        municipality: "GM0855".into(),
        location: "home".into(),
        languages: vec!["so".into()],
        themes: vec!["isolement".into()],
        women: 1,
        ..ActivityInput::default()
    };
    let activity = Activity::from_input(&input, today).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout();
    for _ in 0..100_000 {
        let id = store.create_activity(&activity).map_err(describe)?;
        let mut out = stdout.lock();
        writeln!(out, "ACK {id}").and_then(|()| out.flush()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn change_passphrase_loop(dir: &Path) -> Result<(), String> {
    let unlock = |p: &str| Store::unlock(dir, &Secret::Passphrase(Passphrase::new(p)));
    let (mut store, mut current) = match unlock(LOOP_PASSPHRASES[0]) {
        Ok(store) => (store, 0),
        Err(_) => (unlock(LOOP_PASSPHRASES[1]).map_err(describe)?, 1),
    };
    let stdout = std::io::stdout();
    for n in 0..100_000 {
        let next = 1 - current;
        let say = |word: &str| {
            let mut out = stdout.lock();
            writeln!(out, "{word} {n}").and_then(|()| out.flush()).map_err(|e| e.to_string())
        };
        say("BEGIN")?;
        store
            .change_passphrase(&Passphrase::new(LOOP_PASSPHRASES[current]), &Passphrase::new(LOOP_PASSPHRASES[next]))
            .map_err(describe)?;
        current = next;
        say("CHANGED")?;
    }
    Ok(())
}
