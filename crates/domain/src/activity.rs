//! An activity: one event a volunteer took part in (home visit, group meeting, ...).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::values::{
    AgeTally, CodeSet, CommunityGroup, DurationMinutes, LanguageCode, LocationType, MunicipalityCode, Notes,
    Organisation, ParticipantTally, RecordDate, ShowOfHands, ShowOfHandsInput, ThemeCode, Wijk,
};

/// The kinds of activity from `docs/domain.md`; codes match [`crate::reference::ACTIVITY_TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityType {
    /// Huisbezoek, also a joint visit with a professional.
    HomeVisit,
    /// Gespreksbijeenkomst, groepsvoorlichting, huiskamerbijeenkomst, dialoogbijeenkomst.
    GroupMeeting,
    /// Individueel gesprek, koffiemoment.
    IndividualTalk,
    /// Telefonisch contact (phone circle, helpdesk).
    PhoneContact,
    /// Spreekuur.
    DropInHour,
    /// Bemiddeling.
    Mediation,
    /// Training of workshop.
    Training,
    Other,
}

impl ActivityType {
    pub const ALL: [ActivityType; 8] = [
        Self::HomeVisit,
        Self::GroupMeeting,
        Self::IndividualTalk,
        Self::PhoneContact,
        Self::DropInHour,
        Self::Mediation,
        Self::Training,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::HomeVisit => "home_visit",
            Self::GroupMeeting => "group_meeting",
            Self::IndividualTalk => "individual_talk",
            Self::PhoneContact => "phone_contact",
            Self::DropInHour => "drop_in_hour",
            Self::Mediation => "mediation",
            Self::Training => "training",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|t| t.code() == code.trim())
            .ok_or_else(|| DomainError::UnknownCode { list: "activity_type", code: code.chars().take(40).collect() })
    }

    /// Where a show of hands before and after fits: a group meeting or a training.
    pub fn holds_shows_of_hands(self) -> bool {
        matches!(self, Self::GroupMeeting | Self::Training)
    }

    /// Contact with a person always involves at least one participant; a drop-in hour or training may have
    /// had nobody turn up, which is worth recording too.
    pub fn needs_participants(self) -> bool {
        matches!(self, Self::HomeVisit | Self::IndividualTalk | Self::PhoneContact | Self::Mediation)
    }
}

/// A validated activity. Build one with [`Activity::from_input`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub kind: ActivityType,
    pub date: RecordDate,
    pub duration: DurationMinutes,
    pub municipality: MunicipalityCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wijk: Option<Wijk>,
    pub location: LocationType,
    pub languages: CodeSet<LanguageCode>,
    #[serde(default)]
    pub community_groups: CodeSet<CommunityGroup>,
    pub themes: CodeSet<ThemeCode>,
    pub participants: ParticipantTally,
    /// Participants per age band, where counted (organisations that switch it on).
    #[serde(default, skip_serializing_if = "AgeTally::is_empty")]
    pub ages: AgeTally,
    /// Shows of hands before and after, at a meeting (effects: knowledge, readiness to talk or report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hands: Vec<ShowOfHands>,
    /// The kind of organisation of a professional who took part, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub professional: Option<Organisation>,
    #[serde(default)]
    pub notes: Notes,
    /// The volunteer marked this activity as heavy for themselves (counted, never shown per activity elsewhere).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heavy: bool,
    /// The volunteer asked for a talk about this activity ("ik wil hier graag over praten").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debrief: Option<Debrief>,
}

/// A request for a talk (debrief) with the coordinator, and whether the coordinator may see which device asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Debrief {
    /// The coordinator reads "a volunteer of your organisation asks for a talk".
    Anonymous,
    /// The coordinator also sees the device's label (e.g. "Telefoon 3"), because the volunteer agreed.
    ShowLabel,
}

impl Debrief {
    pub fn shows_label(self) -> bool {
        self == Self::ShowLabel
    }
}

/// What a form sends: plain strings and numbers, not yet validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, export_to = "../../../ui/src/lib/bindings/"))]
#[serde(default)]
pub struct ActivityInput {
    pub kind: String,
    /// `YYYY-MM-DD`
    pub date: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub duration_minutes: i64,
    pub municipality: String,
    pub wijk: String,
    pub location: String,
    pub languages: Vec<String>,
    pub community_groups: Vec<String>,
    pub themes: Vec<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub women: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub men: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub other: i64,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub new_participants: Option<i64>,
    /// Participants per age band code (`under_18`, `18_29`, …); bands left out are unknown.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, number>"))]
    pub ages: std::collections::BTreeMap<String, i64>,
    /// Shows of hands before and after (group meetings and trainings only).
    pub hands: Vec<ShowOfHandsInput>,
    pub professional: Option<String>,
    pub notes: String,
    pub heavy: bool,
    /// Asks for a talk about this activity.
    pub debrief: bool,
    /// With `debrief`: the coordinator may see this device's label.
    pub debrief_show_label: bool,
}

impl Activity {
    /// Validates every field of a form; the first problem is returned with the field it concerns.
    pub fn from_input(input: &ActivityInput, today: NaiveDate) -> Result<Self, DomainError> {
        let kind = ActivityType::from_code(&input.kind)?;
        let participants = ParticipantTally::new(input.women, input.men, input.other, input.new_participants)?;
        if kind.needs_participants() && participants.total() == 0 {
            return Err(DomainError::TallyEmpty);
        }
        Ok(Self {
            kind,
            date: RecordDate::parse(&input.date, today, "date")?,
            duration: DurationMinutes::new(input.duration_minutes)?,
            municipality: MunicipalityCode::new(&input.municipality)?,
            wijk: Wijk::new(&input.wijk)?,
            location: LocationType::new(&input.location)?,
            languages: CodeSet::non_empty(&input.languages)?,
            community_groups: CodeSet::new(&input.community_groups)?,
            themes: CodeSet::non_empty(&input.themes)?,
            ages: AgeTally::new(&input.ages, participants.total())?,
            hands: match ShowOfHands::list(&input.hands, participants.total())? {
                hands if !hands.is_empty() && !kind.holds_shows_of_hands() => {
                    return Err(DomainError::HandsNotAtAMeeting);
                }
                hands => hands,
            },
            participants,
            professional: input
                .professional
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(Organisation::new_or_historic)
                .transpose()?,
            notes: Notes::new(&input.notes)?,
            heavy: input.heavy,
            debrief: input.debrief.then_some(if input.debrief_show_label {
                Debrief::ShowLabel
            } else {
                Debrief::Anonymous
            }),
        })
    }

    /// The input that would produce this activity, e.g. to fill an edit form.
    pub fn to_input(&self) -> ActivityInput {
        ActivityInput {
            kind: self.kind.code().into(),
            date: self.date.to_string(),
            duration_minutes: self.duration.minutes().into(),
            municipality: self.municipality.as_str().into(),
            wijk: self.wijk.as_ref().map(|w| w.as_str().to_owned()).unwrap_or_default(),
            location: self.location.as_str().into(),
            languages: self.languages.iter().map(|c| c.as_str().into()).collect(),
            community_groups: self.community_groups.iter().map(|c| c.as_str().into()).collect(),
            themes: self.themes.iter().map(|c| c.as_str().into()).collect(),
            women: self.participants.women().into(),
            men: self.participants.men().into(),
            other: self.participants.other().into(),
            new_participants: self.participants.new_participants().map(i64::from),
            ages: self.ages.to_map(),
            hands: self.hands.iter().map(ShowOfHands::to_input).collect(),
            professional: self.professional.as_ref().map(|p| p.as_str().into()),
            notes: self.notes.as_str().into(),
            heavy: self.heavy,
            debrief: self.debrief.is_some(),
            debrief_show_label: self.debrief.is_some_and(Debrief::shows_label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ACTIVITY_TYPES;

    pub(crate) fn meeting_input() -> ActivityInput {
        ActivityInput {
            kind: "group_meeting".into(),
            date: "2026-11-20".into(),
            duration_minutes: 120,
            municipality: "GM0202".into(),
            location: "community_centre".into(),
            languages: vec!["tr".into(), "nl".into()],
            themes: vec!["opvoeding".into(), "huwelijksdwang".into()],
            women: 18,
            men: 4,
            other: 1,
            ..ActivityInput::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
    }

    #[test]
    fn activity_types_match_the_reference_list() {
        let codes: Vec<_> = ActivityType::ALL.iter().map(|t| t.code()).collect();
        let listed: Vec<_> = ACTIVITY_TYPES.entries.iter().map(|e| e.code).collect();
        assert_eq!(codes, listed);
    }

    #[test]
    fn a_valid_form_round_trips_through_input() {
        let activity = Activity::from_input(&meeting_input(), today()).expect("valid");
        assert_eq!(activity.participants.total(), 23);
        assert_eq!(activity.themes.len(), 2);
        let again = Activity::from_input(&activity.to_input(), today()).expect("valid");
        assert_eq!(again, activity);
        let json = serde_json::to_string(&activity).expect("serializes");
        let back: Activity = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, activity);
    }

    #[test]
    fn each_invalid_field_is_named() {
        type Mutation = Box<dyn Fn(&mut ActivityInput)>;
        let cases: Vec<(Mutation, &str, Option<&str>)> = vec![
            (Box::new(|i| i.kind = "party".into()), "unknown_code", Some("activity_type")),
            (Box::new(|i| i.date = "2030-01-01".into()), "date_in_future", Some("date")),
            (Box::new(|i| i.duration_minutes = 0), "duration_out_of_range", Some("duration")),
            (Box::new(|i| i.municipality = "GM0457".into()), "unknown_code", Some("municipality")),
            (Box::new(|i| i.languages.clear()), "code_required", Some("language")),
            (Box::new(|i| i.themes.push("onzin".into())), "unknown_code", Some("theme")),
            (Box::new(|i| i.women = -3), "tally_out_of_range", Some("women")),
            (Box::new(|i| i.location = String::new()), "unknown_code", Some("location_type")),
        ];
        for (mutate, code, field) in cases {
            let mut input = meeting_input();
            mutate(&mut input);
            let err = Activity::from_input(&input, today()).expect_err(code);
            assert_eq!((err.code(), err.field()), (code, field));
        }
    }

    #[test]
    fn a_home_visit_needs_someone_but_a_training_may_be_empty() {
        let mut input = meeting_input();
        (input.women, input.men, input.other) = (0, 0, 0);
        input.kind = "home_visit".into();
        assert_eq!(Activity::from_input(&input, today()).map_err(|e| e.code()), Err("tally_empty"));
        input.kind = "training".into();
        assert!(Activity::from_input(&input, today()).is_ok());
    }

    #[test]
    fn wellbeing_marks_round_trip_and_old_records_have_none() {
        let mut input = meeting_input();
        let plain = Activity::from_input(&input, today()).expect("valid");
        assert!(!plain.heavy && plain.debrief.is_none());
        let stored_before = serde_json::to_string(&plain).expect("serializes");
        assert!(!stored_before.contains("heavy") && !stored_before.contains("debrief"), "{stored_before}");
        input.heavy = true;
        input.debrief_show_label = true;
        assert_eq!(Activity::from_input(&input, today()).expect("valid").debrief, None, "no talk asked, no label");
        input.debrief = true;
        let marked = Activity::from_input(&input, today()).expect("valid");
        assert_eq!((marked.heavy, marked.debrief), (true, Some(Debrief::ShowLabel)));
        assert_eq!(Activity::from_input(&marked.to_input(), today()).expect("valid"), marked);
        input.debrief_show_label = false;
        assert_eq!(Activity::from_input(&input, today()).expect("valid").debrief, Some(Debrief::Anonymous));
        let back: Activity = serde_json::from_str(&serde_json::to_string(&marked).expect("json")).expect("reads");
        assert_eq!(back, marked);
    }

    #[test]
    fn ages_are_counted_per_band_and_never_more_than_the_participants() {
        let mut input = meeting_input();
        input.ages = [("18_29".to_owned(), 5), ("30_49".to_owned(), 10), ("65_plus".to_owned(), 0)].into();
        let activity = Activity::from_input(&input, today()).expect("valid");
        let bands: Vec<_> = activity.ages.iter().map(|(b, n)| (b.as_str(), n)).collect();
        assert_eq!(bands, [("18_29", 5), ("30_49", 10)], "zeros are dropped");
        assert_eq!(Activity::from_input(&activity.to_input(), today()).expect("valid"), activity);
        let code = |i: &ActivityInput| Activity::from_input(i, today()).map_err(|e| (e.code(), e.field()));
        input.ages.insert("under_18".into(), 9);
        assert_eq!(code(&input), Err(("ages_exceed_participants", Some("ages"))), "24 counted by age, 23 there");
        input.ages = [("kinderen".to_owned(), 1)].into();
        assert_eq!(code(&input), Err(("unknown_code", Some("age_band"))));
        input.ages = [("18_29".to_owned(), -1)].into();
        assert_eq!(code(&input), Err(("tally_out_of_range", Some("ages"))));
    }

    #[test]
    fn a_meeting_holds_shows_of_hands_within_its_participants() {
        let mut input = meeting_input();
        let hands =
            |statement: &str, before: i64, after: i64| ShowOfHandsInput { statement: statement.into(), before, after };
        input.hands = vec![hands("would_talk", 4, 15), hands("knows_help", 9, 20)];
        let meeting = Activity::from_input(&input, today()).expect("valid");
        let statements: Vec<_> = meeting.hands.iter().map(|h| (h.statement.as_str(), h.before, h.after)).collect();
        assert_eq!(statements, [("knows_help", 9, 20), ("would_talk", 4, 15)]);
        assert_eq!(Activity::from_input(&meeting.to_input(), today()).expect("valid"), meeting);
        let code = |i: &ActivityInput| Activity::from_input(i, today()).map_err(|e| (e.code(), e.field()));
        input.hands = vec![hands("knows_help", 0, 24)];
        assert_eq!(code(&input), Err(("hands_out_of_range", Some("hands"))), "23 were there");
        input.hands = vec![hands("knows_help", 1, 2), hands("knows_help", 3, 4)];
        assert_eq!(code(&input), Err(("duplicate_code", Some("statement"))));
        input.hands = vec![hands("likes_tea", 1, 2)];
        assert_eq!(code(&input), Err(("unknown_code", Some("statement"))));
        input.hands = vec![hands("knows_help", 1, 1)];
        input.kind = "home_visit".into();
        assert_eq!(code(&input), Err(("hands_not_at_a_meeting", Some("hands"))));
    }

    #[test]
    fn tampered_stored_json_is_refused() {
        let activity = Activity::from_input(&meeting_input(), today()).expect("valid");
        let json = serde_json::to_string(&activity).expect("serializes").replace("GM0202", "GM9999");
        assert!(serde_json::from_str::<Activity>(&json).is_err());
    }
}
