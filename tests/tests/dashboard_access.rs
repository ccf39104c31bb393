//! Dashboard access against a real coordinator: login with a password (cookie HttpOnly, SameSite=Strict, Secure),
//! the CSRF token on changes, lockout after failed logins, logout, and organisation isolation for coordinator
//! accounts on every endpoint that shows counts (totals, exports) — unauthenticated, wrong-role and
//! cross-organisation requests included.

use sleutel_coordinator::admin;
use sleutel_coordinator::storage::Role;
use sleutel_protocol::enrolment_link::EnrolmentLink;
use sleutel_system_tests::{TestCoordinator, TestDevice, error_code, fast_sync, http_client, today};

const PASSWORD: &str = "een lang wachtwoord voor de test";

struct Reply {
    status: u16,
    cookie: Option<String>,
    body: String,
}

async fn call(
    c: &TestCoordinator,
    method: reqwest::Method,
    path: &str,
    cookie: Option<&str>,
    csrf: Option<&str>,
    body: Option<serde_json::Value>,
) -> Reply {
    let mut request = http_client().request(method, format!("{}{path}", c.url()));
    if let Some(cookie) = cookie {
        request = request.header("cookie", format!("__Host-sleutel_session={cookie}"));
    }
    if let Some(csrf) = csrf {
        request = request.header("x-csrf-token", csrf);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("reply");
    let status = response.status().as_u16();
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).map(str::to_owned);
    Reply { status, cookie, body: response.text().await.expect("body") }
}

/// Two organisations with counts; a coordinator of the first, with a password.
async fn setup() -> (TestCoordinator, i64, i64) {
    let coordinator = TestCoordinator::spawn().await;
    let mine = coordinator.organisation("Stichting Eigen");
    let other = coordinator.organisation("Stichting Ander");
    for (organisation, women) in [(&mine, 11), (&other, 7)] {
        let mut device = TestDevice::new();
        device.enrol(&coordinator.url(), &coordinator.enrolment_code(organisation)).await;
        device.record_meeting(1, women, 0, "GM0363");
        sleutel_sync::sync_now(&mut device.store, &fast_sync()).await.expect("synced");
    }
    let storage = coordinator.storage();
    let now = sleutel_coordinator::now();
    admin::create_account(storage, "coördinator", Role::Coordinator, now).expect("account");
    admin::grant_organisation(storage, "coördinator", &mine, now).expect("granted");
    admin::set_password(storage, "coördinator", PASSWORD, now).expect("password");
    admin::set_password(storage, "admin", PASSWORD, now).expect("admin password");
    (coordinator, mine.id, other.id)
}

/// Logs in; an admin (who must have two-factor sign-in) sends a code from it as well.
async fn login(c: &TestCoordinator, name: &str, password: &str) -> Reply {
    let code = c.second_factor_for(name);
    call(
        c,
        reqwest::Method::POST,
        "/api/v1/session",
        None,
        None,
        Some(serde_json::json!({"name": name, "password": password, "code": code})),
    )
    .await
}

fn session_of(reply: &Reply) -> (String, String) {
    let cookie = reply.cookie.as_deref().expect("a session cookie");
    let token =
        cookie.split(';').next().and_then(|p| p.strip_prefix("__Host-sleutel_session=")).expect("token").to_owned();
    let body: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    (token, body["csrf_token"].as_str().expect("csrf").to_owned())
}

#[tokio::test]
async fn login_sets_a_safe_cookie_and_logout_needs_the_csrf_token() {
    let (c, mine, _) = setup().await;
    let reply = login(&c, "coördinator", PASSWORD).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let cookie = reply.cookie.clone().expect("cookie");
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/", "Max-Age=28800"] {
        assert!(cookie.contains(attribute), "{attribute} missing in {cookie}");
    }
    let body: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    assert_eq!(body["role"], "coordinator");
    assert_eq!(body["organisations"], serde_json::json!([mine]));
    let (token, csrf) = session_of(&reply);

    let me = call(&c, reqwest::Method::GET, "/api/v1/session", Some(&token), None, None).await;
    assert_eq!(me.status, 200);
    assert!(me.body.contains("coördinator"));

    // A change with the cookie alone (what a forged cross-site request would have) is refused.
    let forged = call(&c, reqwest::Method::DELETE, "/api/v1/session", Some(&token), None, None).await;
    assert_eq!((forged.status, error_code(&forged.body)), (403, "forbidden".to_owned()));
    let wrong = call(&c, reqwest::Method::DELETE, "/api/v1/session", Some(&token), Some("not-the-token"), None).await;
    assert_eq!(wrong.status, 403);
    let out = call(&c, reqwest::Method::DELETE, "/api/v1/session", Some(&token), Some(&csrf), None).await;
    assert_eq!(out.status, 204);
    assert!(out.cookie.expect("cleared").contains("Max-Age=0"));
    let after = call(&c, reqwest::Method::GET, "/api/v1/session", Some(&token), None, None).await;
    assert_eq!(after.status, 401, "the session ended on the server");

    let actions: Vec<String> = c.storage().audit_log(50).expect("audit").into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"login".to_owned()) && actions.contains(&"logout".to_owned()), "{actions:?}");
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_for_a_while() {
    let (c, _, _) = setup().await;
    let unknown = login(&c, "niemand", PASSWORD).await;
    let wrong = login(&c, "coördinator", "verkeerd wachtwoord!").await;
    assert_eq!((unknown.status, wrong.status), (401, 401), "the same answer: names cannot be probed");
    assert_eq!(unknown.body, wrong.body);
    for _ in 0..4 {
        assert_eq!(login(&c, "coördinator", "verkeerd wachtwoord!").await.status, 401);
    }
    // Locked: even the right password is refused, with the same answer as a wrong one (nothing to probe).
    let locked = login(&c, "coördinator", PASSWORD).await;
    assert_eq!((locked.status, locked.body.as_str()), (401, unknown.body.as_str()));
    assert!(c.storage().audit_log(50).expect("audit").iter().any(|e| e.action == "account_locked"));
    // Other accounts are not affected; a new password ends the lock.
    assert_eq!(login(&c, "admin", PASSWORD).await.status, 200);
    admin::set_password(c.storage(), "coördinator", PASSWORD, sleutel_coordinator::now()).expect("reset");
    assert_eq!(login(&c, "coördinator", PASSWORD).await.status, 200);
}

#[tokio::test]
async fn coordinators_see_only_their_own_organisations_everywhere() {
    let (c, mine, other) = setup().await;
    let (token, _) = session_of(&login(&c, "coördinator", PASSWORD).await);
    let month = today().format("%Y-%m").to_string();
    let totals = |organisation: Option<i64>| {
        let org = organisation.map(|o| format!("&organisation={o}")).unwrap_or_default();
        format!("/api/v1/totals?metric=participants&from={month}&to={month}{org}")
    };
    let export = |organisation: Option<i64>| {
        let org = organisation.map(|o| format!("&organisation={o}")).unwrap_or_default();
        format!("/api/v1/exports/table?metric=participants&from={month}&to={month}&rows=month&columns=gender{org}")
    };
    let value = |body: &str| -> i64 {
        let json: serde_json::Value = serde_json::from_str(body).expect("json");
        json["rows"].as_array().expect("rows").iter().map(|r| r["value"].as_i64().expect("value")).sum()
    };

    // Own organisation, and "everything I may see": only 11 women, never the other organisation's 7.
    let own = call(&c, reqwest::Method::GET, &totals(Some(mine)), Some(&token), None, None).await;
    assert_eq!((own.status, value(&own.body)), (200, 11));
    let all = call(&c, reqwest::Method::GET, &totals(None), Some(&token), None, None).await;
    assert_eq!((all.status, value(&all.body)), (200, 11));
    let csv = call(&c, reqwest::Method::GET, &export(None), Some(&token), None, None).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains("11") && !csv.body.contains("18"), "{}", csv.body);

    // Another organisation: refused on every endpoint.
    for path in [totals(Some(other)), export(Some(other))] {
        let refused = call(&c, reqwest::Method::GET, &path, Some(&token), None, None).await;
        assert_eq!((refused.status, error_code(&refused.body)), (403, "forbidden".to_owned()), "{path}");
    }
    // Without credentials, or with a session that does not exist: unauthorized.
    for path in [totals(None), export(None)] {
        assert_eq!(call(&c, reqwest::Method::GET, &path, None, None, None).await.status, 401, "{path}");
        assert_eq!(call(&c, reqwest::Method::GET, &path, Some("made-up"), None, None).await.status, 401, "{path}");
    }
    // The admin sees both organisations.
    let (admin_token, _) = session_of(&login(&c, "admin", PASSWORD).await);
    let everything = call(&c, reqwest::Method::GET, &totals(None), Some(&admin_token), None, None).await;
    assert_eq!(value(&everything.body), 18);
}

#[tokio::test]
async fn an_expired_session_is_no_session() {
    let (c, _, _) = setup().await;
    let account = c.storage().login_record("coördinator").expect("read").expect("exists").account;
    let token = "verlopen-sessie";
    c.storage()
        .create_session(
            &sleutel_coordinator::storage::NewSession {
                token_sha256: &ring::digest::digest(&ring::digest::SHA256, token.as_bytes())
                    .as_ref()
                    .try_into()
                    .expect("32"),
                account_id: account.id,
                csrf_token: "csrf",
                now: 1_000,
                expires_at: 2_000,
                second_factor: false,
            },
            &[],
        )
        .expect("stored");
    let reply = call(&c, reqwest::Method::GET, "/api/v1/session", Some(token), None, None).await;
    assert_eq!(reply.status, 401);
}

#[tokio::test]
async fn devices_codes_revocation_and_the_audit_log_respect_role_organisation_and_csrf() {
    let (c, mine, other) = setup().await;
    let (token, csrf) = session_of(&login(&c, "coördinator", PASSWORD).await);

    // The list: own devices only, with the last month they reported and never a count.
    let list = call(&c, reqwest::Method::GET, "/api/v1/devices", Some(&token), None, None).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let devices: serde_json::Value = serde_json::from_str(&list.body).expect("json");
    let devices = devices.as_array().expect("array");
    assert_eq!(devices.len(), 1);
    assert_eq!(devices[0]["organisation_id"], mine);
    assert_eq!(devices[0]["last_report_month"], today().format("%Y-%m").to_string());
    assert!(!list.body.contains("value") && !list.body.contains("participants"), "no counts per device");
    let own_device = devices[0]["id"].as_str().expect("id").to_owned();
    let other_device = c.storage().devices(Some(other)).expect("devices")[0].id.clone();
    let forbidden =
        call(&c, reqwest::Method::GET, &format!("/api/v1/devices?organisation={other}"), Some(&token), None, None)
            .await;
    assert_eq!(forbidden.status, 403);

    // A code for the own organisation, as text and QR; not for another, and not without the CSRF token.
    let body = serde_json::json!({"organisation": mine});
    let without_csrf =
        call(&c, reqwest::Method::POST, "/api/v1/devices/codes", Some(&token), None, Some(body.clone())).await;
    assert_eq!(without_csrf.status, 403);
    let issued = call(&c, reqwest::Method::POST, "/api/v1/devices/codes", Some(&token), Some(&csrf), Some(body)).await;
    assert_eq!(issued.status, 200, "{}", issued.body);
    let issued: serde_json::Value = serde_json::from_str(&issued.body).expect("json");
    assert_eq!(issued["code"].as_str().expect("code").len(), 14, "like 7K3F-Q9XM-2D4P");
    assert!(issued["qr_svg"].as_str().expect("svg").starts_with("<?xml"), "an SVG QR code");
    let elsewhere = serde_json::json!({"organisation": other});
    let refused =
        call(&c, reqwest::Method::POST, "/api/v1/devices/codes", Some(&token), Some(&csrf), Some(elsewhere)).await;
    assert_eq!(refused.status, 403);

    // Revoking: another organisation's device is refused (and stays active); the own one is revoked.
    let path = |id: &str| format!("/api/v1/devices/{id}/revoke");
    assert_eq!(
        call(&c, reqwest::Method::POST, &path(&other_device), Some(&token), Some(&csrf), None).await.status,
        403
    );
    assert!(c.storage().device(&other_device).expect("read").expect("exists").revoked_at.is_none());
    assert_eq!(call(&c, reqwest::Method::POST, &path(&own_device), Some(&token), None, None).await.status, 403, "CSRF");
    assert_eq!(call(&c, reqwest::Method::POST, &path(&own_device), Some(&token), Some(&csrf), None).await.status, 204);
    assert_eq!(call(&c, reqwest::Method::POST, &path(&own_device), Some(&token), Some(&csrf), None).await.status, 204);
    let revocations =
        c.storage().audit_log(100).expect("audit").iter().filter(|e| e.action == "device_revoked").count();
    assert_eq!(revocations, 1, "revoking twice is audited once");
    assert!(c.storage().device(&own_device).expect("read").expect("exists").revoked_at.is_some());

    // The audit log: admins only; it names who did what.
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/audit", Some(&token), None, None).await.status, 403);
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/audit", None, None, None).await.status, 401);
    let (admin_token, _) = session_of(&login(&c, "admin", PASSWORD).await);
    let log = call(&c, reqwest::Method::GET, "/api/v1/audit?limit=50", Some(&admin_token), None, None).await;
    assert_eq!(log.status, 200);
    let entries: serde_json::Value = serde_json::from_str(&log.body).expect("json");
    let by_coordinator: Vec<&str> = entries
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["actor"] == "coördinator")
        .map(|e| e["action"].as_str().expect("action"))
        .collect();
    for action in ["login", "enrolment_code_issued", "device_revoked"] {
        assert!(by_coordinator.contains(&action), "{action} not in {by_coordinator:?}");
    }
}

#[tokio::test]
async fn the_overview_compares_periods_and_projects_show_what_was_realised() {
    let (c, mine, other) = setup().await;
    let (token, csrf) = session_of(&login(&c, "coördinator", PASSWORD).await);
    let month = today().format("%Y-%m").to_string();
    let path = format!("/api/v1/overview?period=month&at={month}");
    let reply = call(&c, reqwest::Method::GET, &path, Some(&token), None, None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let overview: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    assert_eq!(overview["current"], serde_json::json!([month, month]));
    assert_eq!(overview["participants"], serde_json::json!({"current": 11, "previous": 0}), "own organisation only");
    assert_eq!(overview["activities"]["current"], 1);
    assert_eq!(overview["active_volunteers"]["current"], 1);
    assert_eq!(
        overview["activities_by_type"][0],
        serde_json::json!({"code": "group_meeting", "current": 1, "previous": 0})
    );
    assert_eq!(overview["participants_by_gender"][0]["code"], "women");
    assert_eq!(overview["activities_by_municipality"][0]["code"], "GM0363");
    let other_theme =
        call(&c, reqwest::Method::GET, &format!("{path}&theme=opvoeding"), Some(&token), None, None).await;
    let filtered: serde_json::Value = serde_json::from_str(&other_theme.body).expect("json");
    assert_eq!(filtered["activities_by_theme"], serde_json::json!([]), "the meeting's theme is another one");
    for bad in [format!("{path}&municipality=GM9999"), "/api/v1/overview?period=week".to_owned()] {
        assert_eq!(call(&c, reqwest::Method::GET, &bad, Some(&token), None, None).await.status, 400, "{bad}");
    }
    let cross = call(&c, reqwest::Method::GET, &format!("{path}&organisation={other}"), Some(&token), None, None).await;
    assert_eq!(cross.status, 403);
    assert_eq!(call(&c, reqwest::Method::GET, &path, None, None, None).await.status, 401);

    // A project over this year with the standard indicators, one target set; realised comes from the counts.
    let year = today().format("%Y").to_string();
    let mut indicators = sleutel_coordinator::use_cases::projects::standard_indicators();
    indicators[0].target = Some(250);
    let project = serde_json::json!({"organisation": mine, "name": "Jaardoelen", "first_month": format!("{year}-01"),
        "last_month": format!("{year}-12"), "indicators": indicators});
    assert_eq!(
        call(&c, reqwest::Method::POST, "/api/v1/projects", Some(&token), None, Some(project.clone())).await.status,
        403,
        "CSRF"
    );
    let created = call(&c, reqwest::Method::POST, "/api/v1/projects", Some(&token), Some(&csrf), Some(project.clone()));
    let created = created.await;
    assert_eq!(created.status, 200, "{}", created.body);
    let id = serde_json::from_str::<serde_json::Value>(&created.body).expect("json")["id"].as_i64().expect("id");
    let path = format!("/api/v1/projects/{id}/progress");
    let progress = call(&c, reqwest::Method::GET, &path, Some(&token), None, None).await;
    let progress: serde_json::Value = serde_json::from_str(&progress.body).expect("json");
    let reach = &progress["indicators"][0];
    assert_eq!(
        (&reach["name"], &reach["target"], &reach["realised"], &reach["percent"]),
        (
            &serde_json::json!("Bereik (deelnemers)"),
            &serde_json::json!(250),
            &serde_json::json!(11),
            &serde_json::json!(4)
        )
    );
    let meetings = &progress["indicators"][1];
    assert_eq!((&meetings["target"], &meetings["realised"]), (&serde_json::Value::Null, &serde_json::json!(1)));
    let elsewhere = serde_json::json!({"organisation": other, "name": "X", "first_month": format!("{year}-01"),
        "last_month": format!("{year}-12")});
    assert_eq!(
        call(&c, reqwest::Method::POST, "/api/v1/projects", Some(&token), Some(&csrf), Some(elsewhere)).await.status,
        403
    );
    let nonsense = serde_json::json!({"organisation": mine, "name": "Y", "first_month": format!("{year}-01"),
        "last_month": format!("{year}-12"), "indicators": [{"name": "Geluk", "metric": "happiness", "target": 1}]});
    assert_eq!(
        call(&c, reqwest::Method::POST, "/api/v1/projects", Some(&token), Some(&csrf), Some(nonsense)).await.status,
        400
    );
    let path = format!("/api/v1/projects?organisation={mine}");
    let listed = call(&c, reqwest::Method::GET, &path, Some(&token), None, None).await;
    assert!(listed.body.contains("\"target\":250"), "{}", listed.body);
    assert!(c.storage().audit_log(50).expect("audit").iter().any(|e| e.action == "project_created"));
}

#[tokio::test]
async fn a_new_password_ends_the_sessions_opened_with_the_old_one() {
    let (c, _, _) = setup().await;
    let (token, _) = session_of(&login(&c, "coördinator", PASSWORD).await);
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/session", Some(&token), None, None).await.status, 200);
    admin::set_password(c.storage(), "coördinator", "een heel ander wachtwoord", sleutel_coordinator::now())
        .expect("changed");
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/session", Some(&token), None, None).await.status, 401);
}

async fn export_csv(c: &TestCoordinator, organisation: i64) -> String {
    let month = today().format("%Y-%m");
    let response = http_client()
        .get(format!(
            "{}/api/v1/exports/table?metric=participants&from={month}&to={month}&rows=month&columns=gender\
             &organisation={organisation}",
            c.url()
        ))
        .bearer_auth(&c.admin_token)
        .send()
        .await
        .expect("reply");
    assert_eq!(response.status(), 200);
    response.text().await.expect("csv")
}

#[tokio::test]
async fn each_project_sets_its_own_disclosure_threshold_and_only_admins_may() {
    let (c, mine, other) = setup().await;
    let (coordinator, coordinator_csrf) = session_of(&login(&c, "coördinator", PASSWORD).await);
    let (admin, admin_csrf) = session_of(&login(&c, "admin", PASSWORD).await);

    let listed = call(&c, reqwest::Method::GET, "/api/v1/organisations", Some(&coordinator), None, None).await;
    let listed: serde_json::Value = serde_json::from_str(&listed.body).expect("json");
    assert_eq!(
        listed,
        serde_json::json!([{"id": mine, "name": "Stichting Eigen", "disclosure_threshold": 5, "reach_details": false}])
    );
    let all = call(&c, reqwest::Method::GET, "/api/v1/organisations", Some(&admin), None, None).await;
    assert_eq!(serde_json::from_str::<serde_json::Value>(&all.body).expect("json").as_array().map(Vec::len), Some(2));

    // 11 participants this month: shown under the default threshold of 5.
    assert!(export_csv(&c, mine).await.contains(";11"), "shown at threshold 5");

    let path = format!("/api/v1/organisations/{mine}/threshold");
    let body = || Some(serde_json::json!({"threshold": 12}));
    let by_coordinator =
        call(&c, reqwest::Method::PUT, &path, Some(&coordinator), Some(&coordinator_csrf), body()).await;
    assert_eq!((by_coordinator.status, error_code(&by_coordinator.body)), (403, "forbidden".to_owned()));
    let without_csrf = call(&c, reqwest::Method::PUT, &path, Some(&admin), None, body()).await;
    assert_eq!(without_csrf.status, 403);
    for bad in [0, 2, 21, -5] {
        let refused = call(
            &c,
            reqwest::Method::PUT,
            &path,
            Some(&admin),
            Some(&admin_csrf),
            Some(serde_json::json!({"threshold": bad})),
        )
        .await;
        assert_eq!((refused.status, error_code(&refused.body)), (400, "invalid_field".to_owned()), "{bad}");
    }
    let unknown = format!("/api/v1/organisations/{}/threshold", other + 100);
    let missing = call(&c, reqwest::Method::PUT, &unknown, Some(&admin), Some(&admin_csrf), body()).await;
    assert_eq!(missing.status, 400);
    let set = call(&c, reqwest::Method::PUT, &path, Some(&admin), Some(&admin_csrf), body()).await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert!(set.body.contains("\"disclosure_threshold\":12"));

    let csv = export_csv(&c, mine).await;
    assert!(!csv.contains(";11") && csv.contains(";x"), "11 is below the project's 12 now:\n{csv}");
    assert!(export_csv(&c, other).await.contains(";7"), "the other project keeps 5");
    let entries = c.storage().audit_log(50).expect("audit");
    let entry = entries.iter().find(|e| e.action == "threshold_set").expect("audited");
    assert_eq!((entry.actor.as_str(), entry.detail["threshold"].as_i64()), ("admin", Some(12)));
    let exports: Vec<_> = entries.iter().filter(|e| e.action == "export").map(|e| &e.detail).collect();
    assert_eq!(exports[1]["organisations"], serde_json::json!([mine]), "newest first: mine, then the other");
    assert_eq!((exports[0]["threshold"].as_i64(), exports[1]["threshold"].as_i64()), (Some(5), Some(12)));
}

/// A GET with the request target exactly as given, over a plain TCP connection; the whole reply as text.
async fn raw_get(addr: std::net::SocketAddr, target: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut reply = Vec::new();
    tokio::time::timeout(std::time::Duration::from_secs(5), stream.read_to_end(&mut reply))
        .await
        .expect("in time")
        .expect("read");
    String::from_utf8_lossy(&reply).into_owned()
}

#[tokio::test]
async fn the_dashboard_pages_come_from_the_same_origin_with_strict_headers() {
    let outer = tempfile::tempdir().expect("dir");
    let pages = outer.path().join("pages");
    std::fs::create_dir_all(pages.join("assets")).expect("assets");
    std::fs::write(pages.join("index.html"), "<!doctype html><title>Sleutel</title>").expect("index");
    std::fs::write(pages.join("assets/dashboard-abc.js"), "console.log(1)").expect("script");
    // Next to the pages, not among them: must never be served.
    std::fs::write(outer.path().join("secret.txt"), "NOT-FOR-THE-WEB").expect("secret");
    let dir = pages.clone();
    let c = TestCoordinator::spawn_with(|config| config.dashboard_dir = Some(dir)).await;
    let get = |path: &str| http_client().get(format!("{}{path}", c.url())).send();

    let index = get("/").await.expect("reply");
    assert_eq!(index.status(), 200);
    let headers = index.headers().clone();
    let csp = headers["content-security-policy"].to_str().expect("csp");
    for directive in ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "img-src 'self' data:"] {
        assert!(csp.contains(directive), "{directive} missing in {csp}");
    }
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert!(index.text().await.expect("html").contains("<title>Sleutel</title>"));
    let script = get("/assets/dashboard-abc.js").await.expect("reply");
    assert_eq!(script.status(), 200);
    assert!(script.headers()["content-type"].to_str().expect("type").contains("javascript"));
    // Raw request lines: an HTTP client would tidy `..` away before sending.
    for target in
        ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt"]
    {
        let reply = raw_get(c.addr(), target).await;
        assert!(!reply.contains("NOT-FOR-THE-WEB"), "{target} escaped the pages folder:\n{reply}");
        assert!(reply.starts_with("HTTP/1.1 4"), "{target}: {}", reply.lines().next().unwrap_or_default());
    }
    assert_eq!(get("/nothing-here").await.expect("reply").status(), 404);
    // The API keeps answering next to the pages, with the same headers.
    let api = get("/api/v1/session").await.expect("reply");
    assert_eq!((api.status().as_u16(), api.headers()["x-content-type-options"].to_str().ok()), (401, Some("nosniff")));

    let without = TestCoordinator::spawn().await;
    let reply = http_client().get(without.url()).send().await.expect("reply");
    assert_eq!(reply.status(), 404);
    assert!(reply.text().await.expect("text").contains("--dashboard-dir"), "says how to get the pages");
}

#[tokio::test]
async fn a_plain_http_demo_uses_a_cookie_without_secure_and_reads_only_that_one() {
    let c = TestCoordinator::spawn_with(|config| config.secure_cookies = false).await;
    admin::set_password(c.storage(), "admin", PASSWORD, sleutel_coordinator::now()).expect("password");
    let reply = login(&c, "admin", PASSWORD).await;
    let cookie = reply.cookie.expect("cookie");
    assert!(cookie.starts_with("sleutel_session=") && !cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let token = cookie.split(';').next().and_then(|p| p.strip_prefix("sleutel_session=")).expect("token");
    let me = |name: &'static str| {
        http_client().get(format!("{}/api/v1/session", c.url())).header("cookie", format!("{name}={token}")).send()
    };
    assert_eq!(me("sleutel_session").await.expect("reply").status(), 200);
    assert_eq!(me("__Host-sleutel_session").await.expect("reply").status(), 401);
}

#[tokio::test]
async fn labels_name_things_as_exports_do_for_logged_in_callers_only() {
    let (c, _, _) = setup().await;
    let (token, _) = session_of(&login(&c, "coördinator", PASSWORD).await);
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/labels", None, None, None).await.status, 401);
    let nl = call(&c, reqwest::Method::GET, "/api/v1/labels", Some(&token), None, None).await;
    let nl: serde_json::Value = serde_json::from_str(&nl.body).expect("json");
    assert_eq!(nl["values"]["municipality"]["GM0363"], "Amsterdam");
    assert_eq!(nl["values"]["gender"]["women"], "vrouwen");
    assert_eq!(nl["dimensions"]["destination"], "Verwezen naar");
    assert_eq!(nl["values"]["municipality"].as_object().map(serde_json::Map::len), Some(342));
    let en = call(&c, reqwest::Method::GET, "/api/v1/labels?lang=en", Some(&token), None, None).await;
    let en: serde_json::Value = serde_json::from_str(&en.body).expect("json");
    assert_eq!(en["values"]["theme"]["huwelijksdwang"], "Forced marriage");
    assert_eq!(en["values"]["status"]["made"], "referred");
    let bad = call(&c, reqwest::Method::GET, "/api/v1/labels?lang=xx", Some(&token), None, None).await;
    assert_eq!((bad.status, error_code(&bad.body)), (400, "invalid_query".to_owned()));
}

/// A login as if through a reverse proxy that appended `forwarded_for`, with a known-browser cookie if given.
fn login_request(
    c: &TestCoordinator,
    forwarded_for: &str,
    name: &str,
    password: &str,
    cookie: Option<&str>,
) -> reqwest::RequestBuilder {
    let request = http_client()
        .post(format!("{}/api/v1/session", c.url()))
        .header("x-forwarded-for", forwarded_for)
        .json(&serde_json::json!({"name": name, "password": password}));
    match cookie {
        Some(cookie) => request.header("cookie", cookie),
        None => request,
    }
}

async fn login_from(c: &TestCoordinator, forwarded_for: &str) -> u16 {
    let request = login_request(c, forwarded_for, "niemand", "geen wachtwoord hier", None);
    request.send().await.expect("reply").status().as_u16()
}

/// `PUT /api/v1/session/password` with a session and its CSRF token.
fn change_own_password<'a>(
    c: &'a TestCoordinator,
    session: &'a str,
    csrf: &'a str,
    current: &str,
    new: &str,
) -> impl std::future::Future<Output = Reply> + use<'a> {
    let body = serde_json::json!({"current": current, "new": new});
    call(c, reqwest::Method::PUT, "/api/v1/session/password", Some(session), Some(csrf), Some(body))
}

#[tokio::test]
async fn behind_a_proxy_login_limits_follow_the_address_the_proxy_appended() {
    let slow = |config: &mut sleutel_coordinator::Config, behind_proxy: bool| {
        config.login_per_minute = 1;
        config.login_burst = 2;
        config.behind_proxy = behind_proxy;
    };
    let proxied = TestCoordinator::spawn_with(|config| slow(config, true)).await;
    assert_eq!(login_from(&proxied, "198.51.100.1").await, 401);
    assert_eq!(login_from(&proxied, "198.51.100.1").await, 401);
    assert_eq!(login_from(&proxied, "198.51.100.1").await, 429, "this client's bucket is empty");
    // A client cannot pick its own bucket: the proxy's entry is the last one.
    assert_eq!(login_from(&proxied, "203.0.113.9, 198.51.100.1").await, 429);
    assert_eq!(login_from(&proxied, "198.51.100.2").await, 401, "another client is not held back");
    // IPv6: a whole /64 is one client.
    assert_eq!(login_from(&proxied, "2001:db8:5:6::1").await, 401);
    assert_eq!(login_from(&proxied, "2001:db8:5:6::2").await, 401);
    assert_eq!(login_from(&proxied, "2001:db8:5:6:ffff::3").await, 429);
    let entries = proxied.storage().audit_log(10).expect("audit");
    assert!(entries.iter().all(|e| e.action != "login"), "no login succeeded");

    // Without --behind-proxy the header means nothing: everyone here is 127.0.0.1.
    let direct = TestCoordinator::spawn_with(|config| slow(config, false)).await;
    assert_eq!(login_from(&direct, "198.51.100.1").await, 401);
    assert_eq!(login_from(&direct, "198.51.100.2").await, 401);
    assert_eq!(login_from(&direct, "198.51.100.3").await, 429);
}

#[tokio::test]
async fn wrong_passwords_in_someones_name_do_not_keep_them_out_from_elsewhere() {
    let c = TestCoordinator::spawn_with(|config| config.behind_proxy = true).await;
    admin::set_password(c.storage(), "admin", PASSWORD, sleutel_coordinator::now()).expect("password");
    let attempt = |from: &'static str, password: &'static str| login_request(&c, from, "admin", password, None).send();
    for _ in 0..5 {
        assert_eq!(attempt("203.0.113.66", "geraden wachtwoord").await.expect("reply").status(), 401);
    }
    assert_eq!(
        attempt("203.0.113.66", PASSWORD).await.expect("reply").status(),
        401,
        "locked for the address that guessed"
    );
    assert_eq!(attempt("198.51.100.8", PASSWORD).await.expect("reply").status(), 200, "not for the owner");
    let locked = c.storage().audit_log(20).expect("audit");
    let entry = locked.iter().find(|e| e.action == "account_locked").expect("audited");
    assert_eq!(entry.detail["from"], "203.0.113.66");
}

#[tokio::test]
async fn guesses_from_many_addresses_lock_the_account_but_not_the_owners_browser() {
    let c = TestCoordinator::spawn_with(|config| {
        config.behind_proxy = true;
        config.login_account_ceiling = 3;
    })
    .await;
    admin::set_password(c.storage(), "admin", PASSWORD, sleutel_coordinator::now()).expect("password");
    let attempt = |from: &'static str, password: &'static str, browser: Option<String>| {
        login_request(&c, from, "admin", password, browser.as_deref()).send()
    };
    // The owner logs in once: the browser is known from then on.
    let first = attempt("198.51.100.1", PASSWORD, None).await.expect("reply");
    assert_eq!(first.status(), 200);
    let browser = first
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-sleutel_browser="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .expect("a known-browser cookie");
    let all =
        first.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("\n");
    assert!(all.contains("HttpOnly") && all.contains("Secure") && all.contains("Max-Age=15811200"), "{all}");

    for from in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        assert_eq!(attempt(from, "een gok", None).await.expect("reply").status(), 401);
    }
    // Locked for a browser nobody knows, wherever it is ...
    assert_eq!(attempt("192.0.2.50", PASSWORD, None).await.expect("reply").status(), 401);
    // ... but not for the owner's own browser, from any address.
    assert_eq!(attempt("192.0.2.51", PASSWORD, Some(browser.clone())).await.expect("reply").status(), 200);
    // A made-up browser cookie is no key, and the owner's login did not lift the lock for others.
    let forged = Some("__Host-sleutel_browser=made-up".to_owned());
    assert_eq!(attempt("192.0.2.52", PASSWORD, forged).await.expect("reply").status(), 401);
}

#[tokio::test]
async fn admins_create_organisations_and_accounts_whose_passwords_work_once_passed_on() {
    let (c, mine, _) = setup().await;
    let (coordinator, coordinator_csrf) = session_of(&login(&c, "coördinator", PASSWORD).await);
    let (admin, admin_csrf) = session_of(&login(&c, "admin", PASSWORD).await);
    let post = |path: &'static str, cookie: String, csrf: Option<String>, body: serde_json::Value| {
        let c = &c;
        async move { call(c, reqwest::Method::POST, path, Some(&cookie), csrf.as_deref(), Some(body)).await }
    };

    // Coordinators manage nothing; nobody changes anything without the CSRF token.
    for (path, body) in [
        ("/api/v1/organisations", serde_json::json!({"name": "Stichting Noord"})),
        ("/api/v1/accounts", serde_json::json!({"name": "x", "role": "coordinator", "organisations": [mine]})),
    ] {
        let refused = post(path, coordinator.clone(), Some(coordinator_csrf.clone()), body.clone()).await;
        assert_eq!((refused.status, error_code(&refused.body)), (403, "forbidden".to_owned()), "{path}");
        assert_eq!(post(path, admin.clone(), None, body).await.status, 403, "{path} without CSRF");
    }
    let listed = call(&c, reqwest::Method::GET, "/api/v1/accounts", Some(&coordinator), None, None).await;
    assert_eq!(listed.status, 403);

    let created = post(
        "/api/v1/organisations",
        admin.clone(),
        Some(admin_csrf.clone()),
        serde_json::json!({"name": "  Stichting Noord "}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let noord: serde_json::Value = serde_json::from_str(&created.body).expect("json");
    assert_eq!((noord["name"].as_str(), noord["disclosure_threshold"].as_i64()), (Some("Stichting Noord"), Some(5)));
    let again = post(
        "/api/v1/organisations",
        admin.clone(),
        Some(admin_csrf.clone()),
        serde_json::json!({"name": "Stichting Noord"}),
    )
    .await;
    assert_eq!((again.status, error_code(&again.body)), (409, "already_exists".to_owned()));
    let empty =
        post("/api/v1/organisations", admin.clone(), Some(admin_csrf.clone()), serde_json::json!({"name": "  "})).await;
    assert_eq!((empty.status, error_code(&empty.body)), (400, "invalid_field".to_owned()));

    // A coordinator account needs at least one organisation that exists.
    for body in [
        serde_json::json!({"name": "noord", "role": "coordinator", "organisations": []}),
        serde_json::json!({"name": "noord", "role": "coordinator", "organisations": [9999]}),
        serde_json::json!({"name": "noord", "role": "king", "organisations": [mine]}),
        serde_json::json!({"name": "", "role": "coordinator", "organisations": [mine]}),
    ] {
        let refused = post("/api/v1/accounts", admin.clone(), Some(admin_csrf.clone()), body.clone()).await;
        assert_eq!(refused.status, 400, "{body}");
    }
    let account = post(
        "/api/v1/accounts",
        admin.clone(),
        Some(admin_csrf.clone()),
        serde_json::json!({"name": "noord", "role": "coordinator", "organisations": [noord["id"]]}),
    )
    .await;
    assert_eq!(account.status, 201, "{}", account.body);
    let account: serde_json::Value = serde_json::from_str(&account.body).expect("json");
    let password = account["password"].as_str().expect("a password").to_owned();
    assert!(password.chars().count() >= 20, "{password}");
    assert_eq!(account["account"]["organisations"], serde_json::json!([noord["id"]]));
    assert_eq!(account["account"]["has_password"], true);
    let duplicate = post(
        "/api/v1/accounts",
        admin.clone(),
        Some(admin_csrf.clone()),
        serde_json::json!({"name": "noord", "role": "coordinator", "organisations": [mine]}),
    )
    .await;
    assert_eq!(duplicate.status, 409);

    // The new account logs in with the password and sees only its organisation.
    let (noord_session, noord_csrf) = session_of(&login(&c, "noord", &password).await);
    let visible = call(&c, reqwest::Method::GET, "/api/v1/organisations", Some(&noord_session), None, None).await;
    let visible: serde_json::Value = serde_json::from_str(&visible.body).expect("json");
    assert_eq!(visible.as_array().map(Vec::len), Some(1));
    assert_eq!(visible[0]["name"], "Stichting Noord");

    // It changes its own password: the current one must be right, the new one long enough.
    let change = |current: &str, new: &str| change_own_password(&c, &noord_session, &noord_csrf, current, new);
    assert_eq!(change("niet het huidige", "een nieuw lang wachtwoord").await.status, 403);
    assert_eq!(change(&password, "kort").await.status, 400);
    // Wrong guesses count toward the address's lockout like wrong logins do (this was the first; four more lock).
    for _ in 0..4 {
        assert_eq!(change("nog een gok hier", "een nieuw lang wachtwoord").await.status, 403);
    }
    let locked = change(&password, "een nieuw lang wachtwoord").await;
    assert_eq!((locked.status, error_code(&locked.body)), (429, "rate_limited".to_owned()), "locked for this address");
    assert!(
        c.storage().audit_log(50).expect("audit").iter().any(|e| e.action == "account_locked" && e.actor == "noord")
    );
    // The admin's new password lifts the lock (and ends the session): start again from there.
    let path = format!("/api/v1/accounts/{}/password", account["account"]["id"]);
    let reset = call(&c, reqwest::Method::POST, &path, Some(&admin), Some(&admin_csrf), None).await;
    let password = serde_json::from_str::<serde_json::Value>(&reset.body).expect("json")["password"]
        .as_str()
        .expect("password")
        .to_owned();
    let (noord_session, noord_csrf) = session_of(&login(&c, "noord", &password).await);
    let change = |current: &str, new: &str| change_own_password(&c, &noord_session, &noord_csrf, current, new);
    assert_eq!(change(&password, "een nieuw lang wachtwoord").await.status, 204);
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/session", Some(&noord_session), None, None).await.status, 401);
    assert_eq!(login(&c, "noord", &password).await.status, 401, "the old password is gone");
    assert_eq!(login(&c, "noord", "een nieuw lang wachtwoord").await.status, 200);

    // The admin gives it more organisations, then a new password (its sessions end).
    let id = account["account"]["id"].as_i64().expect("id");
    let path = format!("/api/v1/accounts/{id}/organisations");
    let set = call(
        &c,
        reqwest::Method::PUT,
        &path,
        Some(&admin),
        Some(&admin_csrf),
        Some(serde_json::json!({"organisations": [mine, noord["id"]]})),
    )
    .await;
    assert_eq!(set.status, 200, "{}", set.body);
    let none = call(
        &c,
        reqwest::Method::PUT,
        &path,
        Some(&admin),
        Some(&admin_csrf),
        Some(serde_json::json!({"organisations": []})),
    )
    .await;
    assert_eq!(none.status, 400, "a coordinator without organisations sees nothing: refused");
    let reset_path = format!("/api/v1/accounts/{id}/password");
    let reset = call(&c, reqwest::Method::POST, &reset_path, Some(&admin), Some(&admin_csrf), None).await;
    assert_eq!(reset.status, 200);
    let reset: serde_json::Value = serde_json::from_str(&reset.body).expect("json");
    let fresh = reset["password"].as_str().expect("password");
    assert_eq!(login(&c, "noord", "een nieuw lang wachtwoord").await.status, 401);
    assert_eq!(login(&c, "noord", fresh).await.status, 200);

    let accounts = call(&c, reqwest::Method::GET, "/api/v1/accounts", Some(&admin), None, None).await;
    let accounts: serde_json::Value = serde_json::from_str(&accounts.body).expect("json");
    let names: Vec<&str> = accounts.as_array().expect("list").iter().filter_map(|a| a["name"].as_str()).collect();
    assert_eq!(names, ["admin", "coördinator", "noord"]);
    assert!(!accounts.to_string().contains("phc") && !accounts.to_string().contains("argon2"), "no hashes listed");
    let actions: Vec<String> = c.storage().audit_log(100).expect("audit").into_iter().map(|e| e.action).collect();
    for action in ["organisation_created", "account_created", "organisations_set", "password_set"] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }
    let by_admin = c.storage().audit_log(100).expect("audit");
    assert!(by_admin.iter().any(|e| e.action == "account_created" && e.actor == "admin"), "the actor is the admin");

    // Someone leaves the project: the account goes, with its sessions; nobody deletes themselves.
    let (noord_again, _) = session_of(&login(&c, "noord", fresh).await);
    let account_path = format!("/api/v1/accounts/{id}");
    let by_coordinator =
        call(&c, reqwest::Method::DELETE, &account_path, Some(&coordinator), Some(&coordinator_csrf), None).await;
    assert_eq!(by_coordinator.status, 403);
    assert_eq!(call(&c, reqwest::Method::DELETE, &account_path, Some(&admin), None, None).await.status, 403, "CSRF");
    let admin_id =
        accounts.as_array().expect("list").iter().find(|a| a["name"] == "admin").expect("admin")["id"].clone();
    let own = format!("/api/v1/accounts/{admin_id}");
    assert_eq!(call(&c, reqwest::Method::DELETE, &own, Some(&admin), Some(&admin_csrf), None).await.status, 400);
    let deleted = call(&c, reqwest::Method::DELETE, &account_path, Some(&admin), Some(&admin_csrf), None).await;
    assert_eq!(deleted.status, 204);
    assert_eq!(call(&c, reqwest::Method::GET, "/api/v1/session", Some(&noord_again), None, None).await.status, 401);
    assert_eq!(login(&c, "noord", fresh).await.status, 401);
    let gone = call(&c, reqwest::Method::DELETE, &account_path, Some(&admin), Some(&admin_csrf), None).await;
    assert_eq!(gone.status, 400, "deleting twice: no such account");
    let entries = c.storage().audit_log(100).expect("audit");
    assert!(entries.iter().any(|e| e.action == "account_deleted" && e.detail["name"] == "noord"));
    // Passwords given out or chosen are never on the record.
    let record = serde_json::to_string(&entries).expect("json");
    for secret in [password.as_str(), fresh, "een nieuw lang wachtwoord"] {
        assert!(!record.contains(secret), "{secret} in the audit log");
    }
}

/// Issues a code as the dashboard does, with `origin` as the page's address; answers the reply's JSON.
async fn issue_code_from(
    c: &TestCoordinator,
    session: &(String, String),
    organisation: i64,
    origin: Option<&str>,
) -> serde_json::Value {
    let mut request = http_client()
        .post(format!("{}/api/v1/devices/codes", c.url()))
        .header("cookie", format!("__Host-sleutel_session={}", session.0))
        .header("x-csrf-token", &session.1)
        .json(&serde_json::json!({ "organisation": organisation }));
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    let response = request.send().await.expect("reply");
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.expect("json")
}

fn qr_of(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .expect("encodable")
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(160, 160)
        .build()
}

#[tokio::test]
async fn an_enrolment_link_carries_the_coordinators_address_and_the_code_and_enrols_a_device() {
    let (c, mine, _) = setup().await;
    let session = session_of(&login(&c, "coördinator", PASSWORD).await);

    // From the dashboard: the link names the address the dashboard was opened at, and the QR code is the link.
    let issued = issue_code_from(&c, &session, mine, Some(&c.url())).await;
    let link = issued["link"].as_str().expect("a link");
    let parsed = EnrolmentLink::parse(link).expect("an enrolment link");
    assert_eq!(parsed, EnrolmentLink { server: c.url(), code: issued["code"].as_str().expect("code").to_owned() });
    assert_eq!(issued["qr_svg"].as_str(), Some(qr_of(link).as_str()), "the QR code holds the whole link");

    // A device given only the link enrols with what it carries.
    let mut device = TestDevice::new();
    device.enrol(&parsed.server, &parsed.code).await;
    assert!(device.store.enrolment().expect("read").is_some());

    // Without a page address (a script with a token) there is no link, and the QR code holds the code alone.
    let bare = issue_code_from(&c, &session, mine, None).await;
    assert!(bare["link"].is_null(), "{bare}");
    assert_eq!(bare["qr_svg"].as_str(), Some(qr_of(bare["code"].as_str().expect("code")).as_str()));
    // A page address that is not a web address is not believed.
    let odd = issue_code_from(&c, &session, mine, Some("null")).await;
    assert!(odd["link"].is_null(), "{odd}");
}

#[tokio::test]
async fn a_configured_public_address_goes_into_the_link_whatever_the_page_address() {
    let c = TestCoordinator::spawn_with(|config| config.public_url = Some("https://sleutel.example.org".into())).await;
    let organisation = c.organisation("Stichting Eigen");
    let now = sleutel_coordinator::now();
    admin::create_account(c.storage(), "coördinator", Role::Coordinator, now).expect("account");
    admin::grant_organisation(c.storage(), "coördinator", &organisation, now).expect("granted");
    admin::set_password(c.storage(), "coördinator", PASSWORD, now).expect("password");
    let session = session_of(&login(&c, "coördinator", PASSWORD).await);

    let issued = issue_code_from(&c, &session, organisation.id, Some(&c.url())).await;
    let parsed = EnrolmentLink::parse(issued["link"].as_str().expect("a link")).expect("an enrolment link");
    assert_eq!(parsed.server, "https://sleutel.example.org");
}
