//! The PII detector against a corpus of realistic Dutch and English notes (`tests/data/pii_corpus.tsv`), written
//! independently of the detector. Goals: recall ≥ 95% over identifying sentences (every labelled kind found),
//! false positives ≤ 2% over innocent sentences (nothing found).

use chrono::NaiveDate;
use sleutel_domain::pii::{self, PiiKind};

const CORPUS: &str = include_str!("data/pii_corpus.tsv");

struct Line<'a> {
    kinds: Vec<&'a str>,
    sentence: &'a str,
}

fn corpus() -> Vec<Line<'static>> {
    CORPUS
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let kinds = parts.next().expect("kinds column");
            let _lang = parts.next().expect("lang column");
            let sentence = parts.next().expect("sentence column");
            let kinds = if kinds == "-" { Vec::new() } else { kinds.split(',').collect() };
            Line { kinds, sentence }
        })
        .collect()
}

fn found(sentence: &str) -> Vec<&'static str> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
    pii::kinds(&pii::detect(sentence, today)).into_iter().map(PiiKind::code).collect()
}

#[test]
fn corpus_is_large_and_balanced() {
    let lines = corpus();
    assert!(lines.len() >= 200, "corpus has {} sentences", lines.len());
    let identifying = lines.iter().filter(|l| !l.kinds.is_empty()).count();
    assert!(identifying >= 100 && lines.len() - identifying >= 100);
    // Names: at least 100 sentences with one, and at least 100 innocent ones with capitalised words that are not
    // names (places, organisations, feasts, languages) for the name list to be tempted by.
    let with_name = lines.iter().filter(|l| l.kinds.contains(&"name")).count();
    let innocent_capitalised = lines
        .iter()
        .filter(|l| l.kinds.is_empty())
        .filter(|l| l.sentence.split_whitespace().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase)))
        .count();
    assert!(with_name >= 100 && innocent_capitalised >= 100, "{with_name} with names, {innocent_capitalised} innocent");
    for kind in ["phone", "email", "bsn", "postcode_house_number", "address", "iban", "date_of_birth", "name"] {
        let n = lines.iter().filter(|l| l.kinds.contains(&kind)).count();
        assert!(n >= 15, "{kind} has only {n} examples");
    }
}

#[test]
fn recall_is_at_least_95_percent_and_false_positives_at_most_2_percent() {
    let lines = corpus();
    let (mut identifying, mut caught, mut innocent, mut false_positives) = (0, 0, 0, 0);
    let mut report = String::new();
    for line in &lines {
        let got = found(line.sentence);
        if line.kinds.is_empty() {
            innocent += 1;
            if !got.is_empty() {
                false_positives += 1;
                report.push_str(&format!("false positive {got:?}: {}\n", line.sentence));
            }
        } else {
            identifying += 1;
            if line.kinds.iter().all(|k| got.contains(k)) {
                caught += 1;
            } else {
                report.push_str(&format!("missed {:?} (got {got:?}): {}\n", line.kinds, line.sentence));
            }
        }
    }
    let recall = f64::from(caught) / f64::from(identifying);
    let fp_rate = f64::from(false_positives) / f64::from(innocent);
    eprintln!(
        "recall {:.1}% ({caught}/{identifying}), false positives {:.1}% ({false_positives}/{innocent})\n{report}",
        recall * 100.0,
        fp_rate * 100.0
    );
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95\n{report}");
    assert!(fp_rate <= 0.02, "false-positive rate {fp_rate:.3} above 0.02\n{report}");
}
