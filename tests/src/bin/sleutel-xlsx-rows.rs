//! `sleutel-xlsx-rows FILE`: the first sheet of an XLSX file as JSON rows on standard output, read with calamine (an
//! independent reader, not the writer the coordinator uses). The dashboard's browser test reads the workbook it
//! downloaded through this: numbers stay numbers, text stays text, empty cells are `null`.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use calamine::{Data, Reader, Xlsx};

fn cell(data: &Data) -> serde_json::Value {
    match data {
        Data::Empty => serde_json::Value::Null,
        Data::Float(f) => serde_json::json!(f),
        Data::Int(i) => serde_json::json!(i),
        Data::Bool(b) => serde_json::json!(b),
        other => serde_json::json!(other.to_string()),
    }
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: sleutel-xlsx-rows FILE.xlsx");
        return ExitCode::from(2);
    };
    let mut workbook: Xlsx<_> = match calamine::open_workbook(&path) {
        Ok(workbook) => workbook,
        Err(e) => {
            eprintln!("{path}: not an XLSX file ({e})");
            return ExitCode::FAILURE;
        }
    };
    let Some(Ok(sheet)) = workbook.worksheet_range_at(0) else {
        eprintln!("{path}: no readable first sheet");
        return ExitCode::FAILURE;
    };
    let rows: Vec<Vec<serde_json::Value>> = sheet.rows().map(|row| row.iter().map(cell).collect()).collect();
    println!("{}", serde_json::Value::from(rows));
    ExitCode::SUCCESS
}
