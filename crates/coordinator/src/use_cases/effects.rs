//! Effects, not only activity: at meetings volunteers may ask a show of hands before and after the talk ("who knows
//! where to find help?", "who would talk to someone or report it?"). The counts add up per statement over the
//! months asked for; this view sets the hands against the participants of those meetings and shows the shift, with
//! the number of meetings behind it.
//!
//! Disclosure control: a statement asked at fewer meetings than the organisation's threshold is hidden whole (a
//! shift from one meeting describes that one group), and any other count from 1 to the threshold − 1 is hidden. The
//! four numbers of a row are not parts of one total, and rows are not added up, so no hidden count can be computed
//! back from what is shown; a table-wide secondary suppression would hide every shift behind one small row.

use serde::{Deserialize, Serialize};
use sleutel_domain::counts::{Dimension, Metric, Period};
use sleutel_domain::reference;
use sleutel_protocol::ErrorCode;

use super::Refusal;
use crate::auth::Caller;
use crate::storage::{Storage, StorageResult, TotalsQuery};

/// The four counts behind a shift, in the order of the view's columns.
const COLUMNS: [Metric; 4] =
    [Metric::MeetingsWithHands, Metric::ParticipantsWithHands, Metric::HandsBefore, Metric::HandsAfter];

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EffectsRequest {
    pub organisation: i64,
    /// `YYYY-MM`
    pub from: String,
    /// `YYYY-MM`
    pub to: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Effects {
    pub organisation: i64,
    pub from: String,
    pub to: String,
    pub threshold: i64,
    /// One row per statement that was asked about, in the reference list's order.
    pub statements: Vec<StatementEffect>,
}

/// A statement's show of hands over the months: absent counts are hidden under the threshold.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatementEffect {
    pub statement: String,
    pub meetings: Option<i64>,
    pub participants: Option<i64>,
    pub before: Option<i64>,
    pub after: Option<i64>,
    /// Hands before and after as a share of the participants, in whole percent, when those counts are shown.
    pub before_percent: Option<i64>,
    pub after_percent: Option<i64>,
}

/// Hands as a share of the participants in whole percent (halves up), when both counts are shown.
fn share(hands: Option<i64>, participants: Option<i64>) -> Option<i64> {
    match (hands, participants) {
        (Some(hands), Some(of)) if of > 0 => Some((hands * 100 + of / 2) / of),
        _ => None,
    }
}

/// The shows of hands of an organisation the caller may see, per statement, over `from`..=`to`.
pub fn effects(storage: &dyn Storage, caller: &Caller, request: &EffectsRequest) -> Result<Effects, Refusal> {
    let invalid = || Refusal::Refused(ErrorCode::InvalidQuery);
    let from = Period::parse(&request.from).map_err(|_| invalid())?;
    let to = Period::parse(&request.to).map_err(|_| invalid())?;
    if from > to {
        return Err(invalid());
    }
    let organisations = caller.organisations(Some(request.organisation), storage)?;
    let threshold = storage
        .organisation(request.organisation)?
        .ok_or(Refusal::Refused(ErrorCode::InvalidField))?
        .disclosure_threshold
        .get();
    let per_statement = |metric: Metric| -> StorageResult<Vec<(String, i64)>> {
        let rows = super::closing::totals(
            storage,
            &TotalsQuery {
                metric,
                from,
                to,
                organisations: organisations.clone(),
                municipality: None,
                group_by_dimension: Some(Dimension::Statement),
                by_period: false,
            },
        )?;
        Ok(rows.into_iter().filter_map(|r| r.group.map(|g| (g, r.value))).collect())
    };
    let [meetings, participants, before, after] = COLUMNS.map(per_statement);
    let (meetings, participants, before, after) = (meetings?, participants?, before?, after?);
    let value =
        |list: &[(String, i64)], statement: &str| list.iter().find(|(s, _)| s == statement).map_or(0, |(_, v)| *v);
    let asked: Vec<&str> =
        reference::STATEMENTS.entries.iter().map(|e| e.code).filter(|code| value(&meetings, code) > 0).collect();
    let statements = asked
        .iter()
        .map(|statement| {
            let whole_row_shown = value(&meetings, statement) >= threshold;
            let cell = |c: usize| {
                let count = value([&meetings, &participants, &before, &after][c], statement);
                (whole_row_shown && (count == 0 || count >= threshold)).then_some(count)
            };
            StatementEffect {
                statement: (*statement).to_owned(),
                meetings: cell(0),
                participants: cell(1),
                before: cell(2),
                after: cell(3),
                before_percent: share(cell(2), cell(1)),
                after_percent: share(cell(3), cell(1)),
            }
        })
        .collect();
    Ok(Effects {
        organisation: request.organisation,
        from: from.to_string(),
        to: to.to_string(),
        threshold,
        statements,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_rounded_to_whole_percent_and_needs_both_counts() {
        assert_eq!(share(Some(12), Some(60)), Some(20));
        assert_eq!(share(Some(1), Some(3)), Some(33));
        assert_eq!(share(Some(2), Some(3)), Some(67));
        assert_eq!(share(None, Some(60)), None, "a hidden count has no share");
        assert_eq!(share(Some(5), None), None);
        assert_eq!(share(Some(5), Some(0)), None);
    }

    #[test]
    fn the_columns_are_the_four_effect_metrics_by_statement() {
        for metric in COLUMNS {
            assert_eq!(metric.dimensions(), [Dimension::Municipality, Dimension::Statement]);
        }
    }
}
