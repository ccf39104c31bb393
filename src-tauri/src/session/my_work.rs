//! My work (mijn werk): the volunteer's own totals per month, theme and activity type — recognition of their work.
//! Read from the same monthly counts that sync sends, so what the volunteer sees is what the coordinator gets.

use chrono::NaiveDate;
use sleutel_domain::counts::{CountKey, Dimension, Metric, Period};

use super::Session;
use crate::dto::{CodeTotal, CommandError, MonthTotals, MyWork};

/// Months shown, the current one included.
pub const MY_WORK_MONTHS: u32 = 12;

impl Session {
    pub fn my_work(&self, today: NaiveDate) -> Result<MyWork, CommandError> {
        let to = Period::of(today);
        let months = months_ending(to, MY_WORK_MONTHS);
        let from = months[0];
        let counts = self.with_store(|store| Ok(store.counts_between(from, to)?))?;
        Ok(summarise(&months, &counts))
    }
}

/// The `n` months ending with `last`, oldest first.
fn months_ending(last: Period, n: u32) -> Vec<Period> {
    let index = last.year() * 12 + last.month() as i32 - 1;
    (0..n as i32)
        .rev()
        .filter_map(|back| {
            let i = index - back;
            Period::new(i.div_euclid(12), i.rem_euclid(12) as u32 + 1).ok()
        })
        .collect()
}

fn summarise(months: &[Period], counts: &[(CountKey, i64)]) -> MyWork {
    let mut per_month: Vec<MonthTotals> = months
        .iter()
        .map(|p| MonthTotals { month: p.to_string(), activities: 0, participants: 0, referrals: 0 })
        .collect();
    let mut themes = std::collections::BTreeMap::<&str, i64>::new();
    let mut kinds = std::collections::BTreeMap::<&str, i64>::new();
    for (key, value) in counts {
        let Some(month) = months.iter().position(|p| *p == key.period) else { continue };
        let row = &mut per_month[month];
        match key.metric {
            Metric::Activities => {
                row.activities += value;
                if let Some(kind) = key.dimensions.get(Dimension::Activity) {
                    *kinds.entry(kind).or_default() += value;
                }
            }
            Metric::Participants => row.participants += value,
            Metric::Referrals => row.referrals += value,
            Metric::ActivitiesByTheme => {
                if let Some(theme) = key.dimensions.get(Dimension::Theme) {
                    *themes.entry(theme).or_default() += value;
                }
            }
            _ => {}
        }
    }
    let ranked = |map: std::collections::BTreeMap<&str, i64>| {
        let mut list: Vec<CodeTotal> = map
            .into_iter()
            .filter(|(_, v)| *v > 0)
            .map(|(code, total)| CodeTotal { code: code.to_owned(), total })
            .collect();
        list.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.code.cmp(&b.code)));
        list
    };
    // The totals cover the same twelve months as the charts beside them, not the calendar year.
    let sum = |f: fn(&MonthTotals) -> i64| per_month.iter().map(f).sum();
    MyWork {
        total_activities: sum(|m| m.activities),
        total_participants: sum(|m| m.participants),
        total_referrals: sum(|m| m.referrals),
        by_theme: ranked(themes),
        by_kind: ranked(kinds),
        months: per_month,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{passphrase, session};
    use sleutel_domain::ActivityInput;

    #[test]
    fn twelve_months_end_with_the_current_one_across_a_year_boundary() {
        let months = months_ending(Period::new(2026, 2).expect("period"), 12);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].to_string(), "2025-03");
        assert_eq!(months[11].to_string(), "2026-02");
    }

    #[test]
    fn totals_follow_the_records_per_month_theme_and_kind() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        let record = |kind: &str, date: NaiveDate, women: i64, themes: &[&str]| {
            let input = ActivityInput {
                kind: kind.into(),
                date: date.format("%Y-%m-%d").to_string(),
                duration_minutes: 60,
                municipality: "GM0363".into(),
                location: "home".into(),
                languages: vec!["ar".into()],
                themes: themes.iter().map(|t| (*t).to_owned()).collect(),
                women,
                ..ActivityInput::default()
            };
            s.record_activity(&input, today).expect("saved");
        };
        let last_month = today.checked_sub_months(chrono::Months::new(1)).expect("date");
        record("home_visit", today, 1, &["opvoeding"]);
        record("group_meeting", today, 12, &["opvoeding", "isolement"]);
        record("home_visit", last_month, 2, &["isolement"]);

        let work = s.my_work(today).expect("my work");
        assert_eq!(work.months.len(), 12);
        let now = work.months.last().expect("current month");
        assert_eq!((now.activities, now.participants), (2, 13));
        let before = &work.months[10];
        assert_eq!((before.activities, before.participants), (1, 2));
        assert_eq!(work.by_kind[0], CodeTotal { code: "home_visit".into(), total: 2 });
        assert_eq!(work.by_theme.iter().map(|t| t.total).sum::<i64>(), 4, "an activity counts once per theme");
        // Something from thirteen months ago is outside the charts and outside the totals beside them.
        record("home_visit", today.checked_sub_months(chrono::Months::new(12)).expect("date"), 5, &["isolement"]);
        let work = s.my_work(today).expect("my work");
        assert_eq!((work.total_activities, work.total_participants), (3, 15), "the twelve months of the charts");
    }
}
