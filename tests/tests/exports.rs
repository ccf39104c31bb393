//! Exports from a real coordinator after real devices synced: CSV and XLSX (opened with a reader library), small
//! counts hidden together with what would give them away, every export in the audit log, and refusals without a
//! valid admin token or with a bad query.

use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, http_client, today};

async fn export(coordinator: &TestCoordinator, query: &str, token: Option<&str>) -> (u16, Vec<u8>, String) {
    let mut request = http_client().get(format!("{}/api/v1/exports/table?{query}", coordinator.url()));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("reply");
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, response.bytes().await.expect("body").to_vec(), content_type)
}

/// Two municipalities: many participants in Amsterdam, a few (2 women, 1 man) in Arnhem.
async fn coordinator_with_counts() -> (TestCoordinator, String) {
    let coordinator = TestCoordinator::spawn().await;
    let organisation = coordinator.organisation("Stichting Export");
    let mut device = TestDevice::new();
    device.enrol(&coordinator.url(), &coordinator.enrolment_code(&organisation)).await;
    for day in 1..=6 {
        device.record_meeting(day, 10, 6, "GM0363");
    }
    device.record_meeting(1, 2, 1, "GM0202");
    sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    let month = today().format("%Y-%m").to_string();
    (coordinator, month)
}

#[tokio::test]
async fn csv_hides_small_counts_and_what_would_give_them_away() {
    let (coordinator, month) = coordinator_with_counts().await;
    let query = format!("metric=participants&from={month}&to={month}&rows=municipality&columns=gender");
    let (status, body, content_type) = export(&coordinator, &query, Some(&coordinator.admin_token)).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    // Dutch Excel reads it as it is: UTF-8 marked with a byte order mark, fields separated by `;`, CRLF line ends.
    let body = body.strip_prefix(sleutel_coordinator::export::UTF8_BOM).expect("a UTF-8 byte order mark");
    let text = String::from_utf8_lossy(body);
    assert!(text.ends_with("\r\n") && text.matches("\r\n").count() == text.matches('\n').count(), "{text:?}");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!((header[0].as_str(), header.last().map(String::as_str)), ("Gemeente", Some("Totaal")));
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    let (men, women, total) = (column("mannen"), column("vrouwen"), column("Totaal"));
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("row").iter().map(str::to_owned).collect()).collect();
    let arnhem = rows.iter().find(|r| r[0] == "Arnhem").expect("Arnhem row");
    assert_eq!((arnhem[men].as_str(), arnhem[women].as_str(), arnhem[total].as_str()), ("x", "x", "x"));
    let amsterdam = rows.iter().find(|r| r[0] == "Amsterdam").expect("Amsterdam row");
    assert_eq!(amsterdam[total], "x", "otherwise 99 − 96 would give Arnhem's 3 away");
    let totals = rows.last().expect("totals row");
    assert_eq!((totals[men].as_str(), totals[women].as_str(), totals[total].as_str()), ("37", "62", "99"));
    // Nothing hidden can be computed back from one line: a line with a hidden cell has at least two.
    for row in &rows {
        assert_ne!(row.iter().filter(|c| *c == "x").count(), 1, "a single hidden cell in {row:?}");
    }
    for c in 1..header.len() {
        assert_ne!(rows.iter().filter(|r| r[c] == "x").count(), 1, "a single hidden cell in column {}", header[c]);
    }

    let audit = coordinator.storage().audit_log(10).expect("audit");
    let entry = audit.iter().find(|e| e.action == "export").expect("the export is audited");
    assert_eq!(entry.actor, "admin");
    assert_eq!(entry.detail["format"], "csv");
    assert!(entry.detail["hidden_cells"].as_u64().expect("count") >= 4);
}

#[tokio::test]
async fn xlsx_opens_in_a_reader_with_numbers_and_hidden_cells() {
    use calamine::{Data, Reader, Xlsx};
    let (coordinator, month) = coordinator_with_counts().await;
    let query = format!("metric=participants&from={month}&to={month}&rows=month&columns=gender&format=xlsx&lang=en");
    let (status, body, content_type) = export(&coordinator, &query, Some(&coordinator.admin_token)).await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(body)).expect("an XLSX file");
    let sheet = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(2, 0), Data::String("Month".into()));
    let headers: Vec<Data> = (0..6).map(|c| cell(2, c)).collect();
    let column = |name: &str| {
        headers.iter().position(|h| *h == Data::String(name.into())).unwrap_or_else(|| panic!("{name}: {headers:?}"))
            as u32
    };
    assert_eq!(cell(3, 0), Data::String(month.clone()));
    // One month: women 62, men 37, total 99 — nothing small, nothing hidden, numbers stored as numbers.
    assert_eq!(cell(3, column("women")), Data::Float(62.0));
    assert_eq!(cell(3, column("men")), Data::Float(37.0));
    assert_eq!(cell(3, column("Total")), Data::Float(99.0));
}

#[tokio::test]
async fn exports_are_refused_without_an_admin_token_or_with_a_bad_query() {
    let (coordinator, month) = coordinator_with_counts().await;
    let query = format!("metric=participants&from={month}&to={month}&rows=municipality&columns=gender");
    let (status, body, _) = export(&coordinator, &query, None).await;
    assert_eq!((status, error_code(&String::from_utf8_lossy(&body)).as_str()), (401, "unauthorized"));
    let (status, _, _) = export(&coordinator, &query, Some("slt_not-a-token")).await;
    assert_eq!(status, 401);
    for bad in [
        format!("metric=participants&from={month}&to={month}&rows=municipality&columns=theme"),
        format!("metric=participants&from={month}&to={month}&rows=gender&columns=gender"),
        format!("metric=participants&from={month}&to={month}&rows=municipality&columns=gender&format=pdf"),
        format!("metric=participants&from={month}&to=2000-01&rows=month&columns=gender"),
        "metric=nothing&from=2026-01&to=2026-02&rows=month&columns=gender".to_owned(),
    ] {
        let (status, body, _) = export(&coordinator, &bad, Some(&coordinator.admin_token)).await;
        assert_eq!((status, error_code(&String::from_utf8_lossy(&body))), (400, "invalid_query".to_owned()), "{bad}");
    }
    assert!(coordinator.storage().audit_log(10).expect("audit").iter().all(|e| e.action != "export"));
}

#[tokio::test]
async fn for_publishing_counts_are_rounded_to_fives_and_the_export_says_so() {
    let (coordinator, month) = coordinator_with_counts().await;
    let query = format!("metric=participants&from={month}&to={month}&rows=municipality&columns=gender&rounding=5");
    let (status, body, _) = export(&coordinator, &query, Some(&coordinator.admin_token)).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let text = String::from_utf8(body).expect("utf-8");
    let cells: Vec<&str> = text.lines().skip(1).flat_map(|line| line.split(';').skip(1)).collect();
    assert!(cells.iter().any(|c| *c != "x"), "something is shown:\n{text}");
    for cell in &cells {
        assert!(*cell == "x" || cell.parse::<i64>().is_ok_and(|v| v % 5 == 0), "{cell} in\n{text}");
    }
    // 37 men, 62 women, 99 in all: 35, 60 and 100 — rounded on their own.
    assert!(text.lines().last().is_some_and(|l| l.ends_with(";35;60;100")), "{text}");
    // In English the fields are separated by commas, as English spreadsheets expect.
    let (_, english, _) = export(&coordinator, &format!("{query}&lang=en"), Some(&coordinator.admin_token)).await;
    let english = String::from_utf8(english).expect("utf-8");
    assert!(english.starts_with('\u{feff}') && english.lines().last().is_some_and(|l| l.ends_with(",35,60,100")));

    let xlsx = format!("{query}&format=xlsx&lang=en");
    let (status, body, _) = export(&coordinator, &xlsx, Some(&coordinator.admin_token)).await;
    assert_eq!(status, 200);
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(body)).expect("xlsx");
    let sheet = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    let notes: Vec<String> = sheet.rows().filter_map(|r| r.first().map(ToString::to_string)).collect();
    assert!(notes.iter().any(|n| n.contains("rounded to multiples of 5")), "{notes:?}");

    let (status, body, _) =
        export(&coordinator, &query.replace("rounding=5", "rounding=3"), Some(&coordinator.admin_token)).await;
    assert_eq!((status, error_code(&String::from_utf8_lossy(&body))), (400, "invalid_query".to_owned()));
    let audit = coordinator.storage().audit_log(10).expect("audit");
    assert_eq!(
        audit.iter().find(|e| e.action == "export").map(|e| e.detail["rounding"].clone()),
        Some(serde_json::json!(5))
    );
}
