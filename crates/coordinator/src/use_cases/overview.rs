//! The dashboard's overview: this period (month, quarter or year) against the previous one — activities by type, participants
//! by gender, referrals by destination and status, meldingen to Veilig Thuis, active volunteers, activities by
//! municipality and by theme. The theme filter applies to the per-theme figures (the others have no theme
//! dimension). Targets against what was realised are per project: [`super::projects`].

use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{CountKey, Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{Storage, StorageError, TotalsQuery};

/// Month, quarter or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

/// The months of the period of `kind` that contains `at`, and of the period before it.
pub fn ranges(kind: PeriodKind, at: Period) -> Option<((Period, Period), (Period, Period))> {
    let index = |p: Period| p.year() * 12 + p.month() as i32 - 1;
    let period = |i: i32| Period::new(i.div_euclid(12), i.rem_euclid(12) as u32 + 1).ok();
    let (start, len) = match kind {
        PeriodKind::Month => (index(at), 1),
        PeriodKind::Quarter => (index(at) - (at.month() as i32 - 1) % 3, 3),
        PeriodKind::Year => (at.year() * 12, 12),
    };
    Some(((period(start)?, period(start + len - 1)?), (period(start - len)?, period(start - 1)?)))
}

/// An overview as asked for, in the query's words.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OverviewRequest {
    pub period: PeriodKind,
    /// `YYYY-MM`, a month in the period; this month when left out.
    pub at: Option<String>,
    pub organisation: Option<i64>,
    pub municipality: Option<String>,
    pub theme: Option<String>,
}

/// A checked overview request.
#[derive(Debug, Clone)]
pub struct OverviewSpec {
    organisation: Option<i64>,
    municipality: Option<String>,
    theme: Option<String>,
    current: (Period, Period),
    previous: (Period, Period),
}

impl OverviewSpec {
    /// Checks the request (`invalid_query`); `today` is the month used when `at` is left out.
    pub fn parse(request: &OverviewRequest, today: Period) -> Result<Self, Refusal> {
        let invalid = || Refusal::Refused(ErrorCode::InvalidQuery);
        let at = match request.at.as_deref() {
            Some(text) => Period::parse(text).map_err(|_| invalid())?,
            None => today,
        };
        let (current, previous) = ranges(request.period, at).ok_or_else(invalid)?;
        let municipality = super::municipality_filter(request.municipality.as_deref())?;
        let theme = request
            .theme
            .as_deref()
            .map(|t| sleutel_domain::reference::THEMES.get(t).map(|e| e.code.to_owned()).ok_or_else(invalid))
            .transpose()?;
        Ok(Self { organisation: request.organisation, municipality, theme, current, previous })
    }
}

/// This period against the previous one, for the organisations the caller may see.
pub fn overview(storage: &dyn Storage, caller: &Caller, spec: &OverviewSpec) -> Result<Overview, Refusal> {
    let organisations = caller.organisations(spec.organisation, storage)?;
    let (current, previous) = (spec.current, spec.previous);
    let figures = Figures {
        storage,
        organisations,
        municipality: spec.municipality.clone(),
        theme: spec.theme.clone(),
        current,
        previous,
        loaded: Default::default(),
    };
    let active = |(from, to)| storage.active_devices(&figures.organisations, from, to);
    Ok(Overview {
        current: [current.0.to_string(), current.1.to_string()],
        previous: [previous.0.to_string(), previous.1.to_string()],
        activities: figures.total(Metric::Activities)?,
        participants: figures.total(Metric::Participants)?,
        referrals: figures.total(Metric::Referrals)?,
        meldingen_veilig_thuis: figures.total(Metric::MeldingenVeiligThuis)?,
        active_volunteers: Compared { current: active(current)?, previous: active(previous)? },
        activities_by_type: figures.by(Metric::Activities, Dimension::Activity)?,
        participants_by_gender: figures.by(Metric::Participants, Dimension::Gender)?,
        referrals_by_destination: figures.by(Metric::Referrals, Dimension::Destination)?,
        referrals_by_status: figures.by(Metric::Referrals, Dimension::Status)?,
        activities_by_municipality: figures.by(Metric::Activities, Dimension::Municipality)?,
        activities_by_theme: figures.by(Metric::ActivitiesByTheme, Dimension::Theme)?,
    })
}

#[derive(Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Compared {
    pub current: i64,
    pub previous: i64,
}

#[derive(Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct ComparedGroup {
    pub code: String,
    pub current: i64,
    pub previous: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Overview {
    /// `[from, to]` months of this period and of the previous one.
    pub current: [String; 2],
    pub previous: [String; 2],
    pub activities: Compared,
    pub participants: Compared,
    pub referrals: Compared,
    pub meldingen_veilig_thuis: Compared,
    pub active_volunteers: Compared,
    pub activities_by_type: Vec<ComparedGroup>,
    pub participants_by_gender: Vec<ComparedGroup>,
    pub referrals_by_destination: Vec<ComparedGroup>,
    pub referrals_by_status: Vec<ComparedGroup>,
    pub activities_by_municipality: Vec<ComparedGroup>,
    pub activities_by_theme: Vec<ComparedGroup>,
}

struct Figures<'a> {
    storage: &'a dyn Storage,
    organisations: Vec<i64>,
    municipality: Option<String>,
    theme: Option<String>,
    current: (Period, Period),
    previous: (Period, Period),
    /// Per metric, the totals per key over both periods: one query per metric, however many figures use it.
    loaded: std::cell::RefCell<std::collections::HashMap<Metric, KeyTotals>>,
}

/// Totals per key of one metric, shared by the figures made from them.
type KeyTotals = std::rc::Rc<Vec<(CountKey, i64)>>;

impl Figures<'_> {
    /// Every total of `metric` in the previous and the current period, per key, fetched once per metric.
    fn keys(&self, metric: Metric) -> Result<KeyTotals, StorageError> {
        if let Some(keys) = self.loaded.borrow().get(&metric) {
            return Ok(keys.clone());
        }
        let keys = std::rc::Rc::new(super::closing::total_keys(
            self.storage,
            &TotalsQuery {
                metric,
                from: self.previous.0.min(self.current.0),
                to: self.current.1.max(self.previous.1),
                organisations: self.organisations.clone(),
                municipality: self.municipality.clone(),
                group_by_dimension: None,
                by_period: false,
            },
        )?);
        self.loaded.borrow_mut().insert(metric, keys.clone());
        Ok(keys)
    }

    /// The totals of `metric` in the months `range`, per value of `dimension` (or one total without).
    fn grouped(
        &self,
        metric: Metric,
        dimension: Option<Dimension>,
        (from, to): (Period, Period),
    ) -> Result<Vec<(String, i64)>, StorageError> {
        let mut groups: std::collections::BTreeMap<String, i64> = Default::default();
        for (key, value) in self.keys(metric)?.iter().filter(|(key, _)| (from..=to).contains(&key.period)) {
            let group = dimension.map(|d| key.dimensions.get(d).unwrap_or("").to_owned()).unwrap_or_default();
            *groups.entry(group).or_default() += value;
        }
        Ok(groups.into_iter().collect())
    }

    fn total(&self, metric: Metric) -> Result<Compared, StorageError> {
        let sum =
            |range| -> Result<i64, StorageError> { Ok(self.grouped(metric, None, range)?.iter().map(|g| g.1).sum()) };
        Ok(Compared { current: sum(self.current)?, previous: sum(self.previous)? })
    }

    fn by(&self, metric: Metric, dimension: Dimension) -> Result<Vec<ComparedGroup>, StorageError> {
        let mut groups: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
        for (code, value) in self.grouped(metric, Some(dimension), self.current)? {
            groups.entry(code).or_default().0 += value;
        }
        for (code, value) in self.grouped(metric, Some(dimension), self.previous)? {
            groups.entry(code).or_default().1 += value;
        }
        let mut list: Vec<ComparedGroup> = groups
            .into_iter()
            .filter(|(code, (c, p))| {
                (*c != 0 || *p != 0) && self.theme.as_ref().is_none_or(|t| dimension != Dimension::Theme || t == code)
            })
            .map(|(code, (current, previous))| ComparedGroup { code, current, previous })
            .collect();
        list.sort_by(|a, b| b.current.cmp(&a.current).then_with(|| a.code.cmp(&b.code)));
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        Period::parse(text).expect("period")
    }

    #[test]
    fn periods_and_their_predecessors() {
        let months = |((a, b), (c, d)): ((Period, Period), (Period, Period))| [a, b, c, d].map(|x| x.to_string());
        assert_eq!(
            months(ranges(PeriodKind::Month, p("2026-01")).expect("r")),
            ["2026-01", "2026-01", "2025-12", "2025-12"]
        );
        assert_eq!(
            months(ranges(PeriodKind::Quarter, p("2026-05")).expect("r")),
            ["2026-04", "2026-06", "2026-01", "2026-03"]
        );
        assert_eq!(
            months(ranges(PeriodKind::Quarter, p("2026-02")).expect("r")),
            ["2026-01", "2026-03", "2025-10", "2025-12"]
        );
        assert_eq!(
            months(ranges(PeriodKind::Year, p("2026-11")).expect("r")),
            ["2026-01", "2026-12", "2025-01", "2025-12"]
        );
    }
}
