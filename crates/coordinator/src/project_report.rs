//! A project's card as a file for the funder: one row per indicator with its target, what was realised and the
//! percentage, as CSV (the same dialect as the table exports) or XLSX. Counts below the organisation's threshold are
//! hidden (`x`), and so is the percentage that would give them away; the note under the table says so.

use crate::export::{HIDDEN, Language};

/// One line of the card; `realised` and `percent` are `None` when hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub name: String,
    pub target: Option<i64>,
    pub realised: Option<i64>,
    pub percent: Option<i64>,
}

/// The rows of a card with small realised counts hidden: 1 up to `threshold - 1` (0 is shown: nothing to protect).
pub fn protected_rows(rows: &[(String, Option<i64>, i64, Option<i64>)], threshold: i64) -> Vec<ReportRow> {
    rows.iter()
        .map(|(name, target, realised, percent)| {
            let shown = !(1..threshold).contains(realised);
            ReportRow {
                name: name.clone(),
                target: *target,
                realised: shown.then_some(*realised),
                percent: if shown { *percent } else { None },
            }
        })
        .collect()
}

fn headers(language: Language) -> [&'static str; 4] {
    match language {
        Language::Nl => ["Indicator", "Doel", "Gerealiseerd", "% van het doel"],
        Language::En => ["Indicator", "Target", "Realised", "% of target"],
    }
}

fn note(language: Language, threshold: i64) -> String {
    match language {
        Language::Nl => format!("{HIDDEN} = verborgen: minder dan {threshold}."),
        Language::En => format!("{HIDDEN} = hidden: fewer than {threshold}."),
    }
}

/// Free text (a project's or an indicator's name) as a CSV cell that a spreadsheet shows as text: one starting with
/// `=`, `+`, `-`, `@` or a tab would otherwise be read as a formula (CSV injection), so it gets a leading `'`.
fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

fn hidden_or(value: Option<i64>) -> String {
    value.map_or_else(|| HIDDEN.to_owned(), |v| v.to_string())
}

/// The card as CSV: a title line, the header, a row per indicator, the note.
pub fn to_csv(title: &str, rows: &[ReportRow], threshold: i64, language: Language) -> Result<Vec<u8>, csv::Error> {
    let mut writer = crate::export::csv_writer(language, true);
    writer.write_record([text_cell(title)])?;
    writer.write_record(headers(language))?;
    for row in rows {
        let target = row.target.map(|t| t.to_string()).unwrap_or_default();
        let percent = if row.target.is_some() { hidden_or(row.percent) } else { String::new() };
        writer.write_record([text_cell(&row.name), target, hidden_or(row.realised), percent])?;
    }
    writer.write_record([note(language, threshold)])?;
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The card as an XLSX workbook: numbers as numbers, hidden counts as `x`, the note below.
pub fn to_xlsx(
    title: &str,
    rows: &[ReportRow],
    threshold: i64,
    language: Language,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, title, &bold)?;
    for (c, header) in headers(language).iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *header, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let line = 3 + r as u32;
        sheet.write_string(line, 0, &row.name)?;
        if let Some(target) = row.target {
            sheet.write_number(line, 1, target as f64)?;
        }
        match row.realised {
            Some(value) => sheet.write_number(line, 2, value as f64)?,
            None => sheet.write_string(line, 2, HIDDEN)?,
        };
        match (row.target, row.percent) {
            (None, _) => {}
            (Some(_), Some(percent)) => {
                sheet.write_number(line, 3, percent as f64)?;
            }
            (Some(_), None) => {
                sheet.write_string(line, 3, HIDDEN)?;
            }
        }
    }
    sheet.write_string(4 + rows.len() as u32, 0, note(language, threshold))?;
    sheet.set_column_width(0, 32)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_realised_counts_and_their_percentages_are_hidden_zero_and_large_ones_shown() {
        let rows = [
            ("Trainen".to_owned(), Some(12), 3, Some(25)),
            ("Informeren".to_owned(), Some(400), 299, Some(74)),
            ("Werven".to_owned(), None, 0, None),
        ];
        let protected = protected_rows(&rows, 5);
        assert_eq!(protected[0], ReportRow { name: "Trainen".into(), target: Some(12), realised: None, percent: None });
        assert_eq!(protected[1].realised, Some(299));
        assert_eq!(protected[2].realised, Some(0));
        let csv = String::from_utf8(to_csv("Van huis uit", &protected, 5, Language::Nl).expect("csv")).expect("utf-8");
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            &lines[..5],
            [
                "Van huis uit",
                "Indicator;Doel;Gerealiseerd;% van het doel",
                "Trainen;12;x;x",
                "Informeren;400;299;74",
                "Werven;;0;"
            ]
        );
        assert!(lines[5].starts_with("x = verborgen: minder dan 5"), "{csv}");
    }

    #[test]
    fn names_that_a_spreadsheet_would_run_as_formulas_stay_text() {
        let rows = [ReportRow {
            name: "=HYPERLINK(\"https://example.org\")".into(),
            target: None,
            realised: Some(9),
            percent: None,
        }];
        let csv = String::from_utf8(to_csv("@project", &rows, 5, Language::En).expect("csv")).expect("utf-8");
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "'@project");
        assert!(lines[2].starts_with("\"'=HYPERLINK("), "{csv}");
        assert_eq!(text_cell("Informeren"), "Informeren");
    }
}
