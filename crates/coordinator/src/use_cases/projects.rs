//! Projects: what a funder pays for, judged on indicators with targets, as on a municipality's performance card
//! ("prestatiekaart"). A project belongs to one organisation and covers a period of whole months (not only a
//! calendar year). An indicator is a metric of the count table, optionally narrowed by dimension values (an
//! activity type, a gender, a municipality: "400 women reached", "group meetings in Enschede"), or the number of
//! active volunteers; its target is for the whole period. The progress view shows what was realised against each
//! target, month by month.
//!
//! Coordinators manage the projects of their own organisations; every change is audited.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{Dimension, Metric, Period};
use sleutel_protocol::ErrorCode;

use super::Refusal;
use super::export::ExportFile;
use crate::auth::Caller;
use crate::export::Language;
use crate::project_report;
use crate::storage::{AuditRecord, ProjectToStore, Storage, StorageError, StoredProject, TotalsQuery};

/// The indicator that counts volunteers (devices) who recorded something in the period, not a metric.
pub const ACTIVE_VOLUNTEERS: &str = "active_volunteers";
const MAX_INDICATORS: usize = 30;
/// Five years: a long subsidy period.
const MAX_MONTHS: usize = 60;
const MAX_NAME: usize = 80;
const MAX_TARGET: i64 = 10_000_000;

/// One indicator of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Indicator {
    /// As the funder words it ("Informeren", "Vrouwen bereikt").
    pub name: String,
    /// A metric code of the count table (`participants`, `activities`, `referrals`, …) or `active_volunteers`.
    pub metric: String,
    /// Dimension values the counts must have, e.g. `{"activity": "group_meeting", "gender": "women"}`;
    /// `municipality` narrows to one municipality. Only dimensions the metric has.
    #[serde(default)]
    pub filters: BTreeMap<String, String>,
    /// For the whole period; `null`: none set.
    pub target: Option<i64>,
}

/// A project as it is created or replaced.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ProjectRequest {
    pub organisation: i64,
    pub name: String,
    /// Who pays (a municipality, a fund); may be empty.
    #[serde(default)]
    pub funder: String,
    /// `YYYY-MM`
    pub first_month: String,
    /// `YYYY-MM`, at most five years after the first.
    pub last_month: String,
    /// Omitted: the six standard indicators without targets (see [`standard_indicators`]).
    pub indicators: Option<Vec<Indicator>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Project {
    pub id: i64,
    pub organisation: i64,
    pub name: String,
    pub funder: String,
    pub first_month: String,
    pub last_month: String,
    pub indicators: Vec<Indicator>,
}

/// A project with what was realised.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProjectProgress {
    pub project: Project,
    /// The project's months, `YYYY-MM`, first to last.
    pub months: Vec<String>,
    /// In the project's order.
    pub indicators: Vec<IndicatorProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct IndicatorProgress {
    pub name: String,
    pub target: Option<i64>,
    /// Over the whole period so far.
    pub realised: i64,
    /// Realised as a percentage of the target, rounded down; `null` without a target (or with a target of 0).
    pub percent: Option<i64>,
    /// Realised from the first month up to and including each month of `months`.
    pub cumulative: Vec<i64>,
}

/// The six indicators of the earlier yearly targets, which a new project gets unless it names its own.
pub fn standard_indicators() -> Vec<Indicator> {
    let indicator = |name: &str, metric: &str, filters: &[(&str, &str)]| Indicator {
        name: name.to_owned(),
        metric: metric.to_owned(),
        filters: filters.iter().map(|(d, v)| ((*d).to_owned(), (*v).to_owned())).collect(),
        target: None,
    };
    vec![
        indicator("Bereik (deelnemers)", "participants", &[]),
        indicator("Groepsbijeenkomsten", "activities", &[("activity", "group_meeting")]),
        indicator("Huisbezoeken", "activities", &[("activity", "home_visit")]),
        indicator("Doorverwijzingen", "referrals", &[]),
        indicator("Meldingen bij Veilig Thuis", "meldingen_veilig_thuis", &[]),
        indicator("Actieve vrijwilligers", ACTIVE_VOLUNTEERS, &[]),
    ]
}

/// The projects of the organisations the caller sees (`organisation` narrows to one).
pub fn list(storage: &dyn Storage, caller: &Caller, organisation: Option<i64>) -> Result<Vec<Project>, Refusal> {
    let organisations = caller.organisations(organisation, storage)?;
    storage.projects(&organisations)?.iter().map(|p| Ok(project_of(p)?)).collect()
}

/// Creates a project for an organisation the caller sees (`invalid_field` for a bad request, `already_exists` when the
/// organisation has a project of that name). Audited.
pub fn create(storage: &dyn Storage, caller: &Caller, request: &ProjectRequest, now: i64) -> Result<Project, Refusal> {
    let valid = Valid::of(request)?;
    caller.organisations(Some(request.organisation), storage)?;
    storage.organisation(request.organisation)?.ok_or(Refusal::Refused(ErrorCode::InvalidField))?;
    let json = indicators_json(&valid.indicators)?;
    let audit = audit(
        caller,
        "project_created",
        serde_json::json!({"organisation": request.organisation,
        "name": valid.name}),
    );
    let id = storage.create_project(&valid.to_store(request.organisation, &json), &[audit], now).map_err(named)?;
    Ok(valid.into_project(id, request.organisation))
}

/// Replaces a project's name, funder, period and indicators (the organisation stays). Audited.
pub fn replace(
    storage: &dyn Storage,
    caller: &Caller,
    id: i64,
    request: &ProjectRequest,
    now: i64,
) -> Result<Project, Refusal> {
    let stored = visible(storage, caller, id)?;
    let valid = Valid::of(request)?;
    let json = indicators_json(&valid.indicators)?;
    let audit = audit(
        caller,
        "project_changed",
        serde_json::json!({"project": id,
        "organisation": stored.organisation_id, "name": valid.name, "before": stored.name}),
    );
    let store = valid.to_store(stored.organisation_id, &json);
    if !storage.replace_project(id, &store, &[audit], now).map_err(named)? {
        return Err(ErrorCode::Forbidden.into());
    }
    Ok(valid.into_project(id, stored.organisation_id))
}

/// Deletes a project (the counts stay: they are the organisation's, not the project's). Audited.
pub fn delete(storage: &dyn Storage, caller: &Caller, id: i64, now: i64) -> Result<(), Refusal> {
    let stored = visible(storage, caller, id)?;
    let audit = audit(
        caller,
        "project_deleted",
        serde_json::json!({"project": id,
        "organisation": stored.organisation_id, "name": stored.name}),
    );
    storage.delete_project(id, &[audit], now)?;
    Ok(())
}

/// `GET /api/v1/projects/{id}/export`: the file's format and language.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectExportRequest {
    /// `csv` (default) or `xlsx`.
    pub format: Option<String>,
    /// `nl` (default) or `en`.
    pub lang: Option<String>,
}

/// The project's card as a file for its funder, with realised counts below the organisation's threshold hidden
/// (`invalid_query` for an unknown format or language). Audited like every export.
pub fn export(
    storage: &dyn Storage,
    caller: &Caller,
    id: i64,
    request: &ProjectExportRequest,
    now: i64,
) -> Result<ExportFile, Refusal> {
    let invalid = || Refusal::Refused(ErrorCode::InvalidQuery);
    let xlsx = match request.format.as_deref().unwrap_or("csv") {
        "csv" => false,
        "xlsx" => true,
        _ => return Err(invalid()),
    };
    let language = Language::from_code(request.lang.as_deref().unwrap_or("nl")).ok_or_else(invalid)?;
    let progress = progress(storage, caller, id)?;
    let project = &progress.project;
    let threshold = storage
        .organisation(project.organisation)?
        .map(|o| o.disclosure_threshold.get())
        .ok_or(StorageError::Corrupt)?;
    let lines: Vec<_> = progress.indicators.iter().map(|i| (i.name.clone(), i.target, i.realised, i.percent)).collect();
    let rows = project_report::protected_rows(&lines, threshold);
    let title = match project.funder.as_str() {
        "" => format!("{} ({} – {})", project.name, project.first_month, project.last_month),
        funder => format!("{} – {funder} ({} – {})", project.name, project.first_month, project.last_month),
    };
    let (bytes, content_type, extension) = if xlsx {
        let bytes = project_report::to_xlsx(&title, &rows, threshold, language).map_err(|_| StorageError::Corrupt)?;
        (bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
    } else {
        let bytes = project_report::to_csv(&title, &rows, threshold, language).map_err(|_| StorageError::Corrupt)?;
        (bytes, "text/csv; charset=utf-8", "csv")
    };
    let hidden = rows.iter().filter(|r| r.realised.is_none()).count();
    storage.audit(
        now,
        &caller.account.name,
        "export",
        &serde_json::json!({"project": id, "organisation": project.organisation, "format": extension,
            "hidden_cells": hidden}),
    )?;
    Ok(ExportFile { bytes, content_type, filename: format!("sleutel-project-{id}.{extension}") })
}

/// What a project realised against its targets, month by month (months still ahead add nothing yet).
pub fn progress(storage: &dyn Storage, caller: &Caller, id: i64) -> Result<ProjectProgress, Refusal> {
    let project = project_of(&visible(storage, caller, id)?)?;
    let (first, last) = (Period::parse(&project.first_month), Period::parse(&project.last_month));
    let (first, last) = (first.map_err(|_| StorageError::Corrupt)?, last.map_err(|_| StorageError::Corrupt)?);
    let months = months_between(first, last);
    let mut by_metric: BTreeMap<Metric, Vec<(sleutel_domain::counts::CountKey, i64)>> = BTreeMap::new();
    let mut indicators = Vec::with_capacity(project.indicators.len());
    for indicator in &project.indicators {
        let cumulative: Vec<i64> = match Metric::from_code(&indicator.metric) {
            Some(metric) => {
                let keys = match by_metric.entry(metric) {
                    std::collections::btree_map::Entry::Occupied(kept) => kept.into_mut(),
                    std::collections::btree_map::Entry::Vacant(slot) => slot.insert(super::closing::total_keys(
                        storage,
                        &TotalsQuery {
                            metric,
                            from: first,
                            to: last,
                            organisations: vec![project.organisation],
                            municipality: None,
                            group_by_dimension: None,
                            by_period: false,
                        },
                    )?),
                };
                let filters = parsed_filters(metric, &indicator.filters).ok_or(StorageError::Corrupt)?;
                let running = |sum: &mut i64, value: i64| {
                    *sum += value;
                    Some(*sum)
                };
                monthly(keys, &months, &filters).into_iter().scan(0, running).collect()
            }
            // Active volunteers are distinct devices: up to each month, those whose first active month it is.
            None => {
                let mut newly = vec![0; months.len()];
                for (month, devices) in storage.active_devices_by_first_month(&[project.organisation], first, last)? {
                    let month = Period::parse(&month).map_err(|_| StorageError::Corrupt)?;
                    if let Ok(i) = months.binary_search(&month) {
                        newly[i] += devices;
                    }
                }
                let running = |sum: &mut i64, value: i64| {
                    *sum += value;
                    Some(*sum)
                };
                newly.into_iter().scan(0, running).collect()
            }
        };
        let realised = cumulative.last().copied().unwrap_or(0);
        let percent = indicator.target.filter(|t| *t > 0).map(|t| realised * 100 / t);
        indicators.push(IndicatorProgress {
            name: indicator.name.clone(),
            target: indicator.target,
            realised,
            percent,
            cumulative,
        });
    }
    Ok(ProjectProgress { months: months.iter().map(Period::to_string).collect(), indicators, project })
}

/// Per month of `months` (in order), the sum of the keys whose dimensions have every filter value; one pass.
fn monthly(
    keys: &[(sleutel_domain::counts::CountKey, i64)],
    months: &[Period],
    filters: &[(Dimension, &str)],
) -> Vec<i64> {
    let mut sums = vec![0; months.len()];
    for (key, value) in keys {
        if filters.iter().all(|(d, v)| key.dimensions.get(*d) == Some(*v))
            && let Ok(i) = months.binary_search(&key.period)
        {
            sums[i] += value;
        }
    }
    sums
}

/// `filters` checked against `metric`: each a dimension the metric has, with a known value.
fn parsed_filters(metric: Metric, filters: &BTreeMap<String, String>) -> Option<Vec<(Dimension, &'static str)>> {
    filters
        .iter()
        .map(|(dimension, value)| {
            let dimension = Dimension::from_code(dimension).filter(|d| metric.dimensions().contains(d))?;
            Some((dimension, dimension.value(value.trim())?))
        })
        .collect()
}

fn months_between(first: Period, last: Period) -> Vec<Period> {
    std::iter::successors(Some(first), |m| m.next().filter(|n| *n <= last)).collect()
}

/// A project the caller may see, or `forbidden` (also for one that does not exist: ids are not for guessing).
fn visible(storage: &dyn Storage, caller: &Caller, id: i64) -> Result<StoredProject, Refusal> {
    let stored = storage.project(id)?.ok_or(Refusal::Refused(ErrorCode::Forbidden))?;
    caller.organisations(Some(stored.organisation_id), storage)?;
    Ok(stored)
}

fn project_of(stored: &StoredProject) -> Result<Project, StorageError> {
    Ok(Project {
        id: stored.id,
        organisation: stored.organisation_id,
        name: stored.name.clone(),
        funder: stored.funder.clone(),
        first_month: stored.first_month.clone(),
        last_month: stored.last_month.clone(),
        indicators: serde_json::from_str(&stored.indicators_json).map_err(|_| StorageError::Corrupt)?,
    })
}

fn indicators_json(indicators: &[Indicator]) -> Result<String, Refusal> {
    Ok(serde_json::to_string(indicators).map_err(|_| StorageError::Corrupt)?)
}

fn audit(caller: &Caller, action: &'static str, detail: serde_json::Value) -> AuditRecord {
    AuditRecord { actor: caller.account.name.clone(), action, detail }
}

/// A name taken in the organisation is the caller's `already_exists`, not a storage failure.
fn named(e: StorageError) -> Refusal {
    match e {
        StorageError::Conflict => ErrorCode::AlreadyExists.into(),
        other => other.into(),
    }
}

/// A request that passed every check, trimmed.
struct Valid {
    name: String,
    funder: String,
    first_month: String,
    last_month: String,
    indicators: Vec<Indicator>,
}

impl Valid {
    fn of(request: &ProjectRequest) -> Result<Self, Refusal> {
        let invalid = || Refusal::Refused(ErrorCode::InvalidField);
        let name = text(&request.name, 1).ok_or_else(invalid)?;
        let funder = text(&request.funder, 0).ok_or_else(invalid)?;
        let first = Period::parse(request.first_month.trim()).map_err(|_| invalid())?;
        let last = Period::parse(request.last_month.trim()).map_err(|_| invalid())?;
        if last < first || months_between(first, last).len() > MAX_MONTHS {
            return Err(invalid());
        }
        let indicators = match &request.indicators {
            None => standard_indicators(),
            Some(list) if (1..=MAX_INDICATORS).contains(&list.len()) => {
                list.iter().map(valid_indicator).collect::<Option<Vec<_>>>().ok_or_else(invalid)?
            }
            Some(_) => return Err(invalid()),
        };
        Ok(Self { name, funder, first_month: first.to_string(), last_month: last.to_string(), indicators })
    }

    fn to_store<'a>(&'a self, organisation_id: i64, indicators_json: &'a str) -> ProjectToStore<'a> {
        ProjectToStore {
            organisation_id,
            name: &self.name,
            funder: &self.funder,
            first_month: &self.first_month,
            last_month: &self.last_month,
            indicators_json,
        }
    }

    fn into_project(self, id: i64, organisation: i64) -> Project {
        Project {
            id,
            organisation,
            name: self.name,
            funder: self.funder,
            first_month: self.first_month,
            last_month: self.last_month,
            indicators: self.indicators,
        }
    }
}

/// `text` trimmed, between `min` and [`MAX_NAME`] characters, without control characters.
fn text(text: &str, min: usize) -> Option<String> {
    let text = text.trim();
    let length = text.chars().count();
    ((min..=MAX_NAME).contains(&length) && !text.chars().any(char::is_control)).then(|| text.to_owned())
}

fn valid_indicator(indicator: &Indicator) -> Option<Indicator> {
    let name = text(&indicator.name, 1)?;
    let metric = indicator.metric.trim();
    let filters = match Metric::from_code(metric) {
        Some(m) => parsed_filters(m, &indicator.filters)?
            .into_iter()
            .map(|(d, v)| (d.code().to_owned(), v.to_owned()))
            .collect(),
        // Active volunteers are counted per organisation: no filters.
        None if metric == ACTIVE_VOLUNTEERS && indicator.filters.is_empty() => BTreeMap::new(),
        None => return None,
    };
    let target = match indicator.target {
        Some(t) if !(0..=MAX_TARGET).contains(&t) => return None,
        target => target,
    };
    Some(Indicator { name, metric: metric.to_owned(), filters, target })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(indicators: Option<Vec<Indicator>>) -> ProjectRequest {
        ProjectRequest {
            organisation: 1,
            name: " Van huis uit ".into(),
            funder: "Gemeente Den Haag".into(),
            first_month: "2026-07".into(),
            last_month: "2027-06".into(),
            indicators,
        }
    }

    fn indicator(metric: &str, filters: &[(&str, &str)], target: Option<i64>) -> Indicator {
        Indicator {
            name: "Iets".into(),
            metric: metric.into(),
            filters: filters.iter().map(|(d, v)| ((*d).into(), (*v).into())).collect(),
            target,
        }
    }

    #[test]
    fn a_project_without_indicators_gets_the_six_standard_ones_and_names_are_trimmed() {
        let valid = Valid::of(&request(None)).expect("valid");
        assert_eq!(valid.name, "Van huis uit");
        assert_eq!(valid.indicators, standard_indicators());
        assert_eq!(valid.indicators.len(), 6);
        assert!(valid.indicators.iter().all(|i| valid_indicator(i).as_ref() == Some(i)), "the standard ones are valid");
    }

    #[test]
    fn indicators_name_a_metric_and_only_dimensions_and_values_it_has() {
        let ok = [
            indicator("participants", &[("gender", "women"), ("municipality", "GM0153")], Some(400)),
            indicator("activities", &[("activity", "training")], None),
            indicator(ACTIVE_VOLUNTEERS, &[], Some(20)),
        ];
        assert!(Valid::of(&request(Some(ok.to_vec()))).is_ok());
        for bad in [
            indicator("nothing", &[], None),
            indicator("participants", &[("theme", "parenting")], None),
            indicator("participants", &[("gender", "unknown")], None),
            indicator("activities", &[("municipality", "GM9999")], None),
            indicator(ACTIVE_VOLUNTEERS, &[("municipality", "GM0153")], None),
            indicator("referrals", &[], Some(-1)),
            Indicator { name: "  ".into(), ..indicator("referrals", &[], None) },
        ] {
            assert!(Valid::of(&request(Some(vec![bad.clone()]))).is_err(), "{bad:?}");
        }
        assert!(Valid::of(&request(Some(Vec::new()))).is_err(), "at least one indicator");
    }

    #[test]
    fn the_period_is_whole_months_forward_and_at_most_five_years() {
        let with = |first: &str, last: &str| ProjectRequest {
            first_month: first.into(),
            last_month: last.into(),
            ..request(None)
        };
        assert!(Valid::of(&with("2026-01", "2026-01")).is_ok());
        assert!(Valid::of(&with("2026-01", "2030-12")).is_ok());
        assert!(Valid::of(&with("2026-01", "2031-01")).is_err());
        assert!(Valid::of(&with("2026-02", "2026-01")).is_err());
        assert!(Valid::of(&with("2026-13", "2027-01")).is_err());
    }

    #[test]
    fn months_run_from_the_first_to_the_last() {
        let p = |t: &str| Period::parse(t).expect("period");
        let months = months_between(p("2026-11"), p("2027-02"));
        assert_eq!(
            months.iter().map(Period::to_string).collect::<Vec<_>>(),
            ["2026-11", "2026-12", "2027-01", "2027-02"]
        );
    }
}
