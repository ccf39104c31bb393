//! Recording activities (home visits, meetings, conversations …): reference data, live privacy warnings, form
//! defaults, and save / edit / delete with undo. Validation is the domain's (`Activity::from_input`).

use chrono::NaiveDate;
use sleutel_domain::pii::{self, Finding};
use sleutel_domain::{Activity, ActivityInput, ActivityType, reference};
use sleutel_store::ActivityFilter;

use super::Session;
use crate::dto::{ActivityListItem, CommandError, FormDefaults, MunicipalityChoice, ReferenceData, Saved};

/// How many recent activities decide the "frequent themes" chips.
const RECENT_FOR_THEMES: u32 = 50;
/// How many activities the "recent" list shows.
const RECENT_LIST: u32 = 100;
/// How many themes the quick form shows as chips before "more".
const FREQUENT_THEMES: usize = 4;

impl Session {
    pub fn reference_data() -> ReferenceData {
        let codes = |list: &reference::ReferenceList| list.entries.iter().map(|e| e.code.to_owned()).collect();
        ReferenceData {
            activity_types: codes(&reference::ACTIVITY_TYPES),
            themes: codes(&reference::THEMES),
            location_types: codes(&reference::LOCATION_TYPES),
            languages: codes(&reference::LANGUAGES),
            organisations: codes(&reference::ORGANISATIONS),
            age_bands: codes(&reference::AGE_BANDS),
            community_groups: codes(&reference::COMMUNITY_GROUPS),
            signals: codes(&reference::SIGNALS),
            statements: codes(&reference::STATEMENTS),
            municipalities: reference::municipalities()
                .iter()
                .map(|m| MunicipalityChoice { code: m.code.into(), name: m.name.into() })
                .collect(),
        }
    }

    /// Live warnings for a note: never stored, never logged.
    pub fn pii_check(text: &str, today: NaiveDate) -> Vec<Finding> {
        pii::detect(text, today)
    }

    /// Defaults for a new form; `kind` (an activity type, or empty for a referral) picks the remembered place and
    /// duration.
    pub fn form_defaults(&self, kind: &str, today: NaiveDate) -> Result<FormDefaults, CommandError> {
        let kind = (!kind.is_empty()).then(|| ActivityType::from_code(kind)).transpose()?;
        self.with_store(|store| {
            let recent =
                store.list_activities(&ActivityFilter { limit: RECENT_FOR_THEMES, ..ActivityFilter::default() })?;
            let mut uses: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
            for stored in &recent.items {
                for theme in stored.activity.themes.iter() {
                    *uses.entry(theme.as_str()).or_default() += 1;
                }
            }
            let mut frequent: Vec<(&str, usize)> = uses.into_iter().collect();
            frequent.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let last_gender = kind.and_then(|k| {
                let one = recent.items.iter().find(|s| s.activity.kind == k && s.activity.participants.total() == 1)?;
                let p = &one.activity.participants;
                let genders = [("women", p.women()), ("men", p.men()), ("other", p.other())];
                genders.into_iter().find(|(_, n)| *n == 1).map(|(g, _)| g.to_owned())
            });
            Ok(FormDefaults {
                reach_details: store.reach_details()?,
                last_gender,
                date: today.format("%Y-%m-%d").to_string(),
                municipality: store.preference("last_municipality")?,
                languages: store
                    .preference("last_languages")?
                    .map(|l| l.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
                    .unwrap_or_default(),
                frequent_themes: frequent.into_iter().take(FREQUENT_THEMES).map(|(t, _)| t.to_owned()).collect(),
                location: kind.map(|k| store.preference(&location_preference(k))).transpose()?.flatten(),
                duration_minutes: kind
                    .map(|k| store.preference(&duration_preference(k)))
                    .transpose()?
                    .flatten()
                    .and_then(|d| d.parse().ok()),
            })
        })
    }

    /// Validates (in the domain) and saves an activity; remembers municipality and languages for the next form.
    pub fn record_activity(&self, input: &ActivityInput, today: NaiveDate) -> Result<Saved, CommandError> {
        let mut activity = Activity::from_input(input, today)?;
        let id = self.with_store(|store| {
            keep_reach_details_only_when_counted(store, &mut activity)?;
            let id = store.create_activity(&activity)?;
            remember_choices(store, &activity)?;
            // The form is saved: its draft has done its job.
            store.discard_draft()?;
            Ok(id)
        })?;
        self.inner.sync.wake();
        Ok(Saved { id })
    }

    /// The saved activity as a form, for editing.
    pub fn activity(&self, id: i64) -> Result<ActivityInput, CommandError> {
        self.with_store(|store| Ok(store.activity(id)?.activity.to_input()))
    }

    pub fn update_activity(&self, id: i64, input: &ActivityInput, today: NaiveDate) -> Result<Saved, CommandError> {
        let mut activity = Activity::from_input(input, today)?;
        self.with_store(|store| {
            keep_reach_details_only_when_counted(store, &mut activity)?;
            store.update_activity(id, &activity)?;
            remember_choices(store, &activity)?;
            Ok(store.discard_draft().map(drop)?)
        })?;
        self.inner.sync.wake();
        Ok(Saved { id })
    }

    /// Deletes an activity and returns its form, so the UI can offer undo by saving it again.
    pub fn delete_activity(&self, id: i64) -> Result<ActivityInput, CommandError> {
        let input = self.with_store(|store| Ok(store.delete_activity(id)?.activity.to_input()))?;
        self.inner.sync.wake();
        Ok(input)
    }

    /// The most recent activities, newest first, without their notes.
    pub fn recent_activities(&self) -> Result<Vec<ActivityListItem>, CommandError> {
        self.with_store(|store| {
            let page = store.list_activities(&ActivityFilter { limit: RECENT_LIST, ..ActivityFilter::default() })?;
            Ok(page
                .items
                .iter()
                .map(|stored| {
                    let a = &stored.activity;
                    ActivityListItem {
                        id: stored.id,
                        kind: a.kind.code().to_owned(),
                        date: a.date.date().format("%Y-%m-%d").to_string(),
                        municipality: a.municipality.as_str().to_owned(),
                        participants: a.participants.total(),
                        themes: a.themes.iter().map(|t| t.as_str().to_owned()).collect(),
                    }
                })
                .collect())
        })
    }
}

fn remember_choices(store: &mut sleutel_store::Store, activity: &Activity) -> Result<(), CommandError> {
    store.set_preference("last_municipality", activity.municipality.as_str())?;
    let languages: Vec<&str> = activity.languages.iter().map(|l| l.as_str()).collect();
    store.set_preference("last_languages", &languages.join(","))?;
    store.set_preference(&location_preference(activity.kind), activity.location.as_str())?;
    store.set_preference(&duration_preference(activity.kind), &activity.duration.minutes().to_string())?;
    Ok(())
}

fn location_preference(kind: ActivityType) -> String {
    format!("last_location_{}", kind.code())
}

fn duration_preference(kind: ActivityType) -> String {
    format!("last_duration_{}", kind.code())
}

/// Age bands and community groups are kept (and so counted) only for an organisation that counts them; otherwise a
/// form that still holds some (an old draft, an organisation that switched it off) saves without them.
fn keep_reach_details_only_when_counted(
    store: &sleutel_store::Store,
    activity: &mut Activity,
) -> Result<(), CommandError> {
    if !store.reach_details()? {
        activity.ages = sleutel_domain::AgeTally::default();
        activity.community_groups = sleutel_domain::CodeSet::default();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{passphrase, session};

    fn visit(municipality: &str, themes: &[&str]) -> ActivityInput {
        ActivityInput {
            kind: "home_visit".into(),
            date: Session::today().format("%Y-%m-%d").to_string(),
            duration_minutes: 45,
            municipality: municipality.into(),
            location: "home".into(),
            languages: vec!["tr".into(), "nl".into()],
            themes: themes.iter().map(|t| (*t).to_owned()).collect(),
            women: 1,
            ..ActivityInput::default()
        }
    }

    #[test]
    fn ages_and_community_groups_are_kept_only_while_the_organisation_counts_them() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        let mut meeting = visit("GM0202", &["opvoeding"]);
        meeting.ages = [("30_49".to_owned(), 1)].into();
        meeting.community_groups = vec!["somalisch".into()];
        assert!(!s.form_defaults("home_visit", today).expect("defaults").reach_details, "off until switched on");
        let off = s.record_activity(&meeting, today).expect("saved");
        let kept = s.activity(off.id).expect("read");
        assert!(kept.ages.is_empty() && kept.community_groups.is_empty(), "not kept, so never counted");

        s.with_store(|store| Ok(store.set_reach_details(true)?)).expect("switched on");
        assert!(s.form_defaults("home_visit", today).expect("defaults").reach_details);
        let on = s.record_activity(&meeting, today).expect("saved");
        let kept = s.activity(on.id).expect("read");
        assert_eq!(
            (kept.ages.get("30_49"), kept.community_groups.as_slice()),
            (Some(&1), ["somalisch".to_owned()].as_slice())
        );
    }

    #[test]
    fn recording_validates_in_the_domain_remembers_choices_and_can_be_undone() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        let today = Session::today();
        assert_eq!(
            s.record_activity(&visit("GM0202", &["opvoeding"]), today).map_err(|e| e.code).err().as_deref(),
            Some("locked")
        );
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");

        let mut bad = visit("GM0202", &["opvoeding"]);
        bad.duration_minutes = 0;
        let err = s.record_activity(&bad, today).expect_err("invalid");
        assert_eq!(err.code, "duration_out_of_range");

        s.record_activity(&visit("GM0202", &["opvoeding", "isolement"]), today).expect("saved");
        let last = s.record_activity(&visit("GM0855", &["opvoeding"]), today).expect("saved");
        let defaults = s.form_defaults("home_visit", today).expect("defaults");
        assert_eq!(defaults.municipality.as_deref(), Some("GM0855"));
        assert_eq!((defaults.location.as_deref(), defaults.duration_minutes), (Some("home"), Some(45)));
        let other = s.form_defaults("group_meeting", today).expect("defaults");
        assert_eq!((other.location, other.duration_minutes), (None, None), "remembered per kind");
        assert_eq!(defaults.last_gender.as_deref(), Some("women"), "the last one-to-one visit was with a woman");
        assert_eq!(other.last_gender, None);
        assert_eq!(s.form_defaults("party", today).map_err(|e| e.code).err().as_deref(), Some("unknown_code"));
        assert_eq!(defaults.languages, ["nl", "tr"]);
        assert_eq!(defaults.frequent_themes, ["opvoeding", "isolement"]);
        assert_eq!(s.home_summary(today).expect("summary").activities, 2);

        let undo = s.delete_activity(last.id).expect("deleted");
        assert_eq!(s.home_summary(today).expect("summary").activities, 1);
        s.record_activity(&undo, today).expect("undo saves it again");
        assert_eq!(s.home_summary(today).expect("summary").participants, 2);
    }

    #[test]
    fn reference_data_and_pii_warnings_come_from_the_domain() {
        let data = Session::reference_data();
        assert_eq!(data.municipalities.len(), 342);
        assert!(data.themes.iter().any(|t| t == "huwelijksdwang"));
        let findings = Session::pii_check("bel 06-12345678", Session::today());
        assert_eq!(findings.len(), 1);
        assert_eq!((findings[0].start_utf16, findings[0].end_utf16), (4, 15));
    }

    #[test]
    fn an_edit_replaces_the_record_and_the_list_shows_no_notes() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        let mut input = visit("GM0202", &["opvoeding"]);
        input.notes = "afspraak gemaakt".into();
        let saved = s.record_activity(&input, today).expect("saved");
        let mut edited = s.activity(saved.id).expect("loads");
        assert_eq!(edited.notes, "afspraak gemaakt");
        edited.kind = "group_meeting".into();
        edited.women = 7;
        edited.men = 2;
        s.update_activity(saved.id, &edited, today).expect("updated");
        let list = s.recent_activities().expect("list");
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].kind.as_str(), list[0].participants), ("group_meeting", 9));
        assert_eq!(s.home_summary(today).expect("summary").participants, 9);
        let err = s.update_activity(999, &edited, today).expect_err("unknown id");
        assert_eq!(err.code, "not_found");
    }
}
