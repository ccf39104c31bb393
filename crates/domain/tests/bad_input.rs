//! Bad input to every public constructor of the domain gives an error, never a panic.

use chrono::NaiveDate;
use proptest::prelude::*;
use sleutel_domain::counts::{CountKey, Period};
use sleutel_domain::{
    Activity, ActivityInput, ActivityType, CodeSet, Consent, DurationMinutes, LanguageCode, MunicipalityCode, Notes,
    Organisation, ParticipantTally, PseudonymCode, RecordDate, Referral, ReferralInput, ReferralStatus, ThemeCode,
    Urgency, Wijk, pii,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid")
}

/// Strings that look a bit like what the fields expect, plus anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{4}-[0-9]{2}(-[0-9]{2})?",
        "(GM)?[0-9]{0,6}",
        "[a-z_]{0,20}",
        "[A-Z0-9-]{0,12}",
        Just("2026-02-30".to_owned()),
        Just("\u{0}\u{202e}".to_owned()),
        // Multibyte text around things the PII detector looks at: slicing near a match must respect characters.
        "[éşğ😀ع a-z]{0,50}(geboren )?[0-9]{1,2}-[0-9]{1,2}-(19|20)[0-9]{2}[éşع ]{0,5}",
        "[éş ]{0,30}[A-Z][a-zé]{2,8}straat [0-9]{1,3}[éş (]{0,8}([1-9][0-9]{3} [A-Z]{2})?",
    ]
}

fn activity_input() -> impl Strategy<Value = ActivityInput> {
    (
        (text(), text(), any::<i64>(), text(), text(), text()),
        (proptest::collection::vec(text(), 0..15), proptest::collection::vec(text(), 0..3)),
        (any::<i64>(), any::<i64>(), any::<i64>(), proptest::option::of(any::<i64>())),
        (proptest::option::of(text()), text()),
    )
        .prop_map(|((kind, date, duration, gm, wijk, location), (themes, langs), (w, m, o, n), (prof, notes))| {
            let ages = [(wijk.chars().take(8).collect::<String>(), w), ("18_29".to_owned(), m)].into();
            let statement = location.chars().take(12).collect();
            let hands = vec![sleutel_domain::ShowOfHandsInput { statement, before: w, after: m }];
            ActivityInput {
                kind,
                date,
                duration_minutes: duration,
                municipality: gm,
                wijk,
                location,
                languages: langs,
                community_groups: Vec::new(),
                themes,
                women: w,
                men: m,
                other: o,
                new_participants: n,
                professional: prof,
                notes,
                ages,
                hands,
                heavy: w % 2 == 0,
                debrief: m % 2 == 0,
                debrief_show_label: o % 2 == 0,
            }
        })
}

/// Known and unknown values of a referral's new fields, picked by a number the strategy gives anyway.
fn dest_occurrence(n: usize) -> String {
    ["", "first", "repeat", "unknown", "herhaald", " first "][n % 6].to_owned()
}
fn gm_signal(n: usize) -> String {
    ["angst", "kinderen", "onbekend", ""][n % 4].to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn value_constructors_never_panic(s in text(), n in any::<i64>(), m in any::<i64>()) {
        let _ = RecordDate::parse(&s, today(), "date");
        let _ = DurationMinutes::new(n);
        let _ = ParticipantTally::new(n, m, n ^ m, Some(m));
        let _ = ThemeCode::new(&s);
        let _ = MunicipalityCode::new(&s);
        let _ = Organisation::new_or_historic(&s);
        let _ = CodeSet::<LanguageCode>::new(&[s.clone(), s.clone()]);
        let _ = Notes::new(&s);
        let _ = Wijk::new(&s);
        let _ = PseudonymCode::parse(&s);
        let _ = ActivityType::from_code(&s);
        let _ = ReferralStatus::from_code(&s);
        let _ = Period::parse(&s);
        let _ = CountKey::parse(&s, &s, [(s.as_str(), s.as_str())]);
        let _ = CountKey::parse_text(&s, "participants", &s);
        let findings = pii::detect(&s, today());
        for f in findings {
            prop_assert!(f.start <= f.end && f.end <= s.len() && s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        }
        let _ = serde_json::from_str::<Activity>(&s);
        let _ = serde_json::from_str::<Referral>(&s);
    }

    #[test]
    fn activity_forms_never_panic(input in activity_input()) {
        if let Ok(a) = Activity::from_input(&input, today()) {
            // Whatever was accepted is valid and survives a round trip.
            prop_assert!(a.duration.minutes() >= 1);
            prop_assert_eq!(Activity::from_input(&a.to_input(), today()), Ok(a));
        }
    }

    #[test]
    fn referral_forms_and_status_changes_never_panic(
        date in text(), gm in text(), dest in text(), follow in text(), themes in proptest::collection::vec(text(), 0..4),
        status in 0usize..7, day in -5000i64..5000,
    ) {
        let input = ReferralInput {
            date, municipality: gm, destination: dest, themes, follow_up: follow,
            urgency: Urgency::Urgent, consent: Consent::No, accompanied: true,
            status: ReferralStatus::ALL[status], notes: String::new(),
            occurrence: dest_occurrence(status), signals: vec![gm_signal(status)],
        };
        let code = PseudonymCode::parse("ABCD-EFGH").expect("valid");
        if let Ok(mut r) = Referral::from_input(&input, code, today()) {
            let date = today() + chrono::Duration::days(day);
            for to in ReferralStatus::ALL {
                let _ = r.change_status(to, date, today());
            }
            prop_assert!(!r.history().is_empty());
        }
    }
}
