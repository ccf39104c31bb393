//! Exports of a two-way table of totals (months or municipalities, … × a dimension) as CSV or XLSX, always with
//! disclosure control ([`sleutel_domain::disclosure`]): counts below the threshold and their complements are shown
//! as `x`, so no one can be singled out and no hidden count can be computed back from the totals.

use sleutel_domain::counts::{Dimension, GENDERS};
use sleutel_domain::disclosure::{Cell, ProtectedTable, Table};
use sleutel_domain::reference;

use crate::storage::{TableCell, TableRows};

/// The largest table an export protects (all 342 municipalities × 17 themes fits). Suppression grows faster than
/// the table (measured: 342 × 17 with many small counts, 0.35 s), so larger tables are refused, not computed.
pub const MAX_CELLS: usize = 6_000;
/// What a hidden cell shows.
pub const HIDDEN: &str = "x";

/// The language of labels in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Nl,
    En,
}

impl Language {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "nl" => Some(Self::Nl),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The field separator spreadsheets expect in this language: Dutch Excel splits on `;` (a comma is the
    /// decimal sign there), English on `,`.
    fn csv_delimiter(self) -> u8 {
        match self {
            Self::Nl => b';',
            Self::En => b',',
        }
    }

    fn total(self) -> &'static str {
        match self {
            Self::Nl => "Totaal",
            Self::En => "Total",
        }
    }

    fn note(self, threshold: i64) -> String {
        match self {
            Self::Nl => format!(
                "{HIDDEN} = verborgen: minder dan {threshold}, of verborgen zodat een klein aantal niet uit de totalen \
                 terug te rekenen is."
            ),
            Self::En => format!(
                "{HIDDEN} = hidden: fewer than {threshold}, or hidden so that a small count cannot be computed back \
                 from the totals."
            ),
        }
    }

    fn rounding_note(self, base: i64) -> String {
        match self {
            Self::Nl => {
                format!("Getallen afgerond op {base}-tallen, totalen apart: ze tellen daardoor niet altijd precies op.")
            }
            Self::En => format!("Counts rounded to multiples of {base}, totals on their own, so they need not add up."),
        }
    }

    fn header(self, rows: TableRows) -> &'static str {
        match (rows, self) {
            (TableRows::Month, Self::Nl) => "Maand",
            (TableRows::Month, Self::En) => "Month",
            (TableRows::Dimension(d), language) => dimension_name(d, language),
        }
    }
}

fn dimension_name(dimension: Dimension, language: Language) -> &'static str {
    let (nl, en) = match dimension {
        Dimension::Activity => ("Soort activiteit", "Kind of activity"),
        Dimension::AgeBand => ("Leeftijd", "Age"),
        Dimension::CommunityGroup => ("Groep", "Community group"),
        Dimension::Occurrence => ("Eerste of herhaald", "First or repeat"),
        Dimension::Signal => ("Signaal", "Sign"),
        Dimension::Statement => ("Stelling", "Statement"),
        Dimension::Destination => ("Verwezen naar", "Referred to"),
        Dimension::Gender => ("Gender", "Gender"),
        Dimension::Language => ("Taal", "Language"),
        Dimension::LocationType => ("Plaats", "Place"),
        Dimension::Municipality => ("Gemeente", "Municipality"),
        Dimension::Status => ("Stand", "Status"),
        Dimension::Theme => ("Thema", "Theme"),
    };
    if language == Language::Nl { nl } else { en }
}

/// Every label of one language: per dimension its name and the label of each value. The dashboard shows these,
/// so a page and an export name things the same way.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Labels {
    pub dimensions: std::collections::BTreeMap<&'static str, &'static str>,
    pub values: std::collections::BTreeMap<&'static str, std::collections::BTreeMap<String, String>>,
}

pub fn labels(language: Language) -> Labels {
    let mut dimensions = std::collections::BTreeMap::new();
    let mut values = std::collections::BTreeMap::new();
    for dimension in Dimension::ALL {
        let codes: Vec<&'static str> = match dimension {
            Dimension::Municipality => reference::municipalities().iter().map(|m| m.code).collect(),
            Dimension::Gender => GENDERS.to_vec(),
            Dimension::Status => sleutel_domain::ReferralStatus::ALL.iter().map(|s| s.code()).collect(),
            Dimension::Activity => reference::ACTIVITY_TYPES.entries.iter().map(|e| e.code).collect(),
            Dimension::Destination => reference::ORGANISATIONS.entries.iter().map(|e| e.code).collect(),
            Dimension::Language => reference::LANGUAGES.entries.iter().map(|e| e.code).collect(),
            Dimension::LocationType => reference::LOCATION_TYPES.entries.iter().map(|e| e.code).collect(),
            Dimension::Theme => reference::THEMES.entries.iter().map(|e| e.code).collect(),
            Dimension::AgeBand => reference::AGE_BANDS.entries.iter().map(|e| e.code).collect(),
            Dimension::CommunityGroup => reference::COMMUNITY_GROUPS.entries.iter().map(|e| e.code).collect(),
            Dimension::Occurrence => reference::OCCURRENCES.entries.iter().map(|e| e.code).collect(),
            Dimension::Signal => reference::SIGNALS.entries.iter().map(|e| e.code).collect(),
            Dimension::Statement => reference::STATEMENTS.entries.iter().map(|e| e.code).collect(),
        };
        dimensions.insert(dimension.code(), dimension_name(dimension, language));
        values.insert(
            dimension.code(),
            codes.into_iter().map(|code| (code.to_owned(), label(Some(dimension), code, language))).collect(),
        );
    }
    Labels { dimensions, values }
}

/// The readable label of a dimension value: municipality names, reference-list labels, gender words.
fn label(dimension: Option<Dimension>, code: &str, language: Language) -> String {
    let list = match dimension {
        None => return code.to_owned(),
        Some(Dimension::Municipality) => {
            return reference::municipality(code).map_or_else(|| code.to_owned(), |m| m.name.to_owned());
        }
        Some(Dimension::Gender) => {
            let words = match language {
                Language::Nl => ["vrouwen", "mannen", "anders of onbekend"],
                Language::En => ["women", "men", "other or unknown"],
            };
            return GENDERS.iter().position(|g| *g == code).map_or_else(|| code.to_owned(), |i| words[i].to_owned());
        }
        Some(Dimension::Activity) => &reference::ACTIVITY_TYPES,
        Some(Dimension::Destination) => &reference::ORGANISATIONS,
        Some(Dimension::Language) => &reference::LANGUAGES,
        Some(Dimension::LocationType) => &reference::LOCATION_TYPES,
        Some(Dimension::Theme) => &reference::THEMES,
        Some(Dimension::AgeBand) => &reference::AGE_BANDS,
        Some(Dimension::CommunityGroup) => &reference::COMMUNITY_GROUPS,
        Some(Dimension::Occurrence) => &reference::OCCURRENCES,
        Some(Dimension::Signal) => &reference::SIGNALS,
        Some(Dimension::Statement) => &reference::STATEMENTS,
        Some(Dimension::Status) => {
            return sleutel_domain::ReferralStatus::from_code(code).map_or_else(
                |_| code.to_owned(),
                |s| {
                    let (nl, en) = match s {
                        sleutel_domain::ReferralStatus::Proposed => ("voorgesteld", "proposed"),
                        sleutel_domain::ReferralStatus::Made => ("doorverwezen", "referred"),
                        sleutel_domain::ReferralStatus::ContactConfirmed => ("contact bevestigd", "contact confirmed"),
                        sleutel_domain::ReferralStatus::HelpStarted => ("hulp gestart", "help started"),
                        sleutel_domain::ReferralStatus::Closed => ("afgerond", "closed"),
                        sleutel_domain::ReferralStatus::Declined => ("afgewezen", "declined"),
                        sleutel_domain::ReferralStatus::Unknown => ("onbekend", "unknown"),
                    };
                    (if language == Language::Nl { nl } else { en }).to_owned()
                },
            );
        }
    };
    list.get(code).map_or_else(|| code.to_owned(), |e| (if language == Language::Nl { e.nl } else { e.en }).to_owned())
}

/// How long protecting one table may take before the export is refused (`table_too_large`).
pub const PROTECTION_BUDGET: std::time::Duration = std::time::Duration::from_secs(10);

/// The protected table of `cells`, with readable labels, rows and columns in a stable order (by code); `None` when
/// it has more than [`MAX_CELLS`] cells or protecting it takes longer than `budget`.
pub fn protected_table(
    cells: &[TableCell],
    rows: TableRows,
    columns: Dimension,
    threshold: i64,
    language: Language,
    budget: std::time::Duration,
) -> Option<ProtectedTable> {
    let deadline = std::time::Instant::now() + budget;
    let mut row_codes: Vec<&str> = cells.iter().map(|c| c.row.as_str()).collect();
    let mut column_codes: Vec<&str> = cells.iter().map(|c| c.column.as_str()).collect();
    for codes in [&mut row_codes, &mut column_codes] {
        codes.sort_unstable();
        codes.dedup();
    }
    if row_codes.len() * column_codes.len() > MAX_CELLS {
        return None;
    }
    let mut values = vec![vec![0i64; column_codes.len()]; row_codes.len()];
    for cell in cells {
        let r = row_codes.binary_search(&cell.row.as_str()).unwrap_or(0);
        let c = column_codes.binary_search(&cell.column.as_str()).unwrap_or(0);
        values[r][c] += cell.value.max(0);
    }
    let row_dimension = match rows {
        TableRows::Month => None,
        TableRows::Dimension(d) => Some(d),
    };
    let table = Table {
        rows: row_codes.iter().map(|code| label(row_dimension, code, language)).collect(),
        columns: column_codes.iter().map(|code| label(Some(columns), code, language)).collect(),
        values: if values.is_empty() { vec![vec![0; column_codes.len().max(1)]] } else { values },
    };
    let table = if row_codes.is_empty() { Table { rows: vec![String::new()], ..table } } else { table };
    sleutel_domain::disclosure::protect_within(&table, threshold, Some(deadline)).ok()
}

fn text(cell: Cell) -> String {
    cell.shown().map_or_else(|| HIDDEN.to_owned(), |v| v.to_string())
}

/// The table as CSV for spreadsheets (UTF-8 with a byte order mark, CRLF, `;` in Dutch and `,` in English), header row
/// first, totals last.
pub fn to_csv(table: &ProtectedTable, rows: TableRows, language: Language) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv_writer(language, false);
    let mut header = vec![language.header(rows).to_owned()];
    header.extend(table.columns.iter().cloned());
    header.push(language.total().to_owned());
    writer.write_record(&header)?;
    let names = table.rows.iter().cloned().chain([language.total().to_owned()]);
    for (name, cells) in names.zip(&table.cells) {
        let mut record = vec![name];
        record.extend(cells.iter().map(|c| text(*c)));
        writer.write_record(&record)?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// A CSV writer in the dialect spreadsheets in `language` read: UTF-8 with a byte order mark (or Excel reads
/// "Súdwest-Fryslân" as Latin-1), `;` in Dutch and `,` in English, lines ending in CRLF as Excel writes them.
/// `flexible`: records may differ in length (a title or a note line above or below a table).
pub(crate) fn csv_writer(language: Language, flexible: bool) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(language.csv_delimiter())
        .terminator(csv::Terminator::CRLF)
        .flexible(flexible)
        .from_writer(UTF8_BOM.to_vec())
}

/// Marks a file as UTF-8 for spreadsheet programs.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The table as an XLSX workbook: numbers as numbers, hidden cells as `x`, the explanation below the table.
pub fn to_xlsx(
    table: &ProtectedTable,
    rows: TableRows,
    language: Language,
    title: &str,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, title, &bold)?;
    let top = 2u32;
    sheet.write_string_with_format(top, 0, language.header(rows), &bold)?;
    for (c, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(top, (c + 1) as u16, column, &bold)?;
    }
    sheet.write_string_with_format(top, (table.columns.len() + 1) as u16, language.total(), &bold)?;
    let names = table.rows.iter().map(String::as_str).chain([language.total()]);
    for (r, (name, cells)) in names.zip(&table.cells).enumerate() {
        let row = top + 1 + r as u32;
        sheet.write_string(row, 0, name)?;
        for (c, cell) in cells.iter().enumerate() {
            match cell.shown() {
                Some(value) => sheet.write_number(row, (c + 1) as u16, value as f64)?,
                None => sheet.write_string(row, (c + 1) as u16, HIDDEN)?,
            };
        }
    }
    let note_row = top + 2 + table.cells.len() as u32;
    sheet.write_string(note_row, 0, language.note(table.threshold))?;
    if let Some(base) = table.rounding {
        sheet.write_string(note_row + 1, 0, language.rounding_note(base))?;
    }
    sheet.set_column_width(0, 28)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: &str, column: &str, value: i64) -> TableCell {
        TableCell { row: row.into(), column: column.into(), value }
    }

    #[test]
    fn labels_are_readable_and_small_counts_hidden() {
        let cells = [
            cell("GM0363", "huiselijk_geweld", 12),
            cell("GM0363", "opvoeding", 30),
            cell("GM0202", "huiselijk_geweld", 2),
            cell("GM0202", "opvoeding", 25),
        ];
        let rows = TableRows::Dimension(Dimension::Municipality);
        let table = protected_table(
            &cells,
            rows,
            Dimension::Theme,
            sleutel_domain::disclosure::Threshold::DEFAULT.get(),
            Language::Nl,
            PROTECTION_BUDGET,
        )
        .expect("small");
        assert_eq!(table.rows, ["Arnhem", "Amsterdam"]);
        assert_eq!(table.columns, ["Huiselijk geweld", "Opvoeding"]);
        let csv = String::from_utf8(to_csv(&table, rows, Language::Nl).expect("csv")).expect("utf-8");
        // Marked as UTF-8, separated by `;`, lines ending in CRLF: what Dutch Excel reads.
        let csv = csv.strip_prefix('\u{feff}').expect("byte order mark");
        assert!(csv.ends_with("\r\n") && csv.matches("\r\n").count() == csv.matches('\n').count(), "{csv:?}");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Gemeente;Huiselijk geweld;Opvoeding;Totaal");
        assert_eq!(lines[1], "Arnhem;x;x;27", "2 is hidden, and what would give it away");
        assert_eq!(lines[2], "Amsterdam;x;x;42");
        assert_eq!(lines[3], "Totaal;14;55;69");
    }

    #[test]
    fn an_empty_selection_is_an_empty_table_not_an_error() {
        let table = protected_table(
            &[],
            TableRows::Month,
            Dimension::Theme,
            sleutel_domain::disclosure::Threshold::DEFAULT.get(),
            Language::En,
            PROTECTION_BUDGET,
        )
        .expect("small");
        assert_eq!(table.hidden_count(), 0);
        assert!(to_xlsx(&table, TableRows::Month, Language::En, "Activities").expect("xlsx").starts_with(b"PK"));
    }

    /// More than 6,000 cells is refused before any work; a table whose protection outruns its budget is refused too.
    #[test]
    fn a_table_too_large_or_too_slow_to_protect_is_refused() {
        let municipalities: Vec<&str> =
            sleutel_domain::reference::municipalities().iter().map(|m| m.code).take(301).collect();
        let themes: Vec<String> = (0..20).map(|i| format!("thema_{i:02}")).collect();
        let many: Vec<TableCell> =
            municipalities.iter().flat_map(|m| themes.iter().map(move |t| cell(m, t, 1))).collect();
        assert_eq!(municipalities.len() * themes.len(), 6_020);
        let rows = TableRows::Dimension(Dimension::Municipality);
        assert!(protected_table(&many, rows, Dimension::Theme, 5, Language::Nl, PROTECTION_BUDGET).is_none());
        // 300 × 20 = 6,000 cells, all small: allowed in size, but not in no time.
        let fits: Vec<TableCell> = many.into_iter().take(6_000).collect();
        let no_time = std::time::Duration::ZERO;
        assert!(protected_table(&fits, rows, Dimension::Theme, 5, Language::Nl, no_time).is_none());
    }
}
