//! Two-factor sign-in for dashboard accounts against a real coordinator: an admin without it can do nothing but
//! switch it on; switching it on takes a first code and gives ten recovery codes once; login then asks for the
//! code, accepts each code and each recovery code once, counts wrong codes like wrong passwords, and the audit log
//! records every change without a secret or a code in it. Other accounts may switch it on and off.

use reqwest::Method;
use sleutel_coordinator::admin;
use sleutel_coordinator::storage::Role;
use sleutel_coordinator::two_factor::code_at;
use sleutel_system_tests::{TestCoordinator, error_code, http_client, json};

const PASSWORD: &str = "een lang wachtwoord voor de test";

/// A request with a session cookie and its CSRF token: (status, body).
async fn call(
    c: &TestCoordinator,
    method: Method,
    path: &str,
    session: Option<&(String, String)>,
    body: Option<serde_json::Value>,
) -> (u16, String) {
    let mut request = http_client().request(method, format!("{}{path}", c.url()));
    if let Some((cookie, csrf)) = session {
        request = request.header("cookie", format!("__Host-sleutel_session={cookie}")).header("x-csrf-token", csrf);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("reply");
    (response.status().as_u16(), response.text().await.expect("body"))
}

/// Logs in; the session (cookie, CSRF token) when it worked, else the status and the error code.
async fn login(c: &TestCoordinator, name: &str, code: Option<&str>) -> Result<(String, String), (u16, String)> {
    let body = serde_json::json!({"name": name, "password": PASSWORD, "code": code});
    let response = http_client().post(format!("{}/api/v1/session", c.url())).json(&body).send().await.expect("reply");
    let status = response.status().as_u16();
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let text = response.text().await.expect("body");
    if status != 200 {
        return Err((status, error_code(&text)));
    }
    let token = cookie.and_then(|c| c.split(';').next().and_then(|p| p.split_once('=')).map(|(_, v)| v.to_owned()));
    Ok((token.expect("a session cookie"), json(&text)["csrf_token"].as_str().expect("csrf").to_owned()))
}

/// A coordinator whose per-address request limit does not get in the way of a test's many sign-ins (the lockout
/// per account and address, which these tests are about, stays as configured).
async fn coordinator() -> TestCoordinator {
    TestCoordinator::spawn_with(|config| {
        config.login_per_minute = 600;
        config.login_burst = 100;
    })
    .await
}

fn now() -> i64 {
    sleutel_coordinator::now()
}

#[tokio::test]
async fn an_admin_switches_it_on_before_anything_else_and_then_signs_in_with_it() {
    let c = coordinator().await;
    c.organisation("Stichting Oost");
    admin::set_password(c.storage(), "admin", PASSWORD, now()).expect("password");

    // Without it, the admin's session can do nothing but switch it on. A second session opened with the password
    // alone (someone else who knows it) ends when the account switches it on.
    let other = login(&c, "admin", None).await.expect("signed in elsewhere");
    let session = login(&c, "admin", None).await.expect("signed in");
    let (_, me) = call(&c, Method::GET, "/api/v1/session", Some(&session), None).await;
    assert_eq!(
        (json(&me)["two_factor"].as_bool(), json(&me)["two_factor_required"].as_bool()),
        (Some(false), Some(true))
    );
    for path in ["/api/v1/organisations", "/api/v1/audit", "/api/v1/accounts"] {
        let (status, body) = call(&c, Method::GET, path, Some(&session), None).await;
        assert_eq!((status, error_code(&body).as_str()), (403, "two_factor_required"), "{path}");
    }
    // The API token made on the server's command line is not a password sign-in.
    assert_eq!(c.call(Method::GET, "/api/v1/accounts", &c.admin_token, None).await.0, 200);

    let wrong_password = serde_json::json!({"password": "niet het wachtwoord"});
    let (status, _) = call(&c, Method::POST, "/api/v1/session/two-factor", Some(&session), Some(wrong_password)).await;
    assert_eq!(status, 403, "a stolen session alone cannot put another authenticator on the account");
    let start = serde_json::json!({"password": PASSWORD});
    let (status, setup) = call(&c, Method::POST, "/api/v1/session/two-factor", Some(&session), Some(start)).await;
    assert_eq!(status, 200, "{setup}");
    let setup = json(&setup);
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    assert!(setup["uri"].as_str().is_some_and(|u| u.starts_with("otpauth://totp/Sleutel:admin?")));
    assert!(setup["qr_svg"].as_str().is_some_and(|s| s.contains("<svg")));
    let wrong = serde_json::json!({"code": "000000"});
    let (status, _) = call(&c, Method::PUT, "/api/v1/session/two-factor", Some(&session), Some(wrong)).await;
    assert_eq!(status, 400, "a wrong first code switches nothing on");
    let first = code_at(&secret, now()).expect("code");
    let (status, codes) =
        call(&c, Method::PUT, "/api/v1/session/two-factor", Some(&session), Some(serde_json::json!({"code": first})))
            .await;
    assert_eq!(status, 200, "{codes}");
    let recovery: Vec<String> = json(&codes)["recovery_codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("text").to_owned())
        .collect();
    assert_eq!(recovery.len(), 10);
    assert_eq!(call(&c, Method::GET, "/api/v1/organisations", Some(&session), None).await.0, 200, "now it works");
    assert_eq!(
        call(&c, Method::GET, "/api/v1/organisations", Some(&other), None).await.0,
        401,
        "the other session ended"
    );

    // Signing in now asks for the code; a wrong one is refused, the right one works once.
    assert_eq!(login(&c, "admin", None).await.err(), Some((401, "second_factor_required".to_owned())));
    assert_eq!(login(&c, "admin", Some("123456")).await.err().map(|e| e.1), Some("unauthorized".to_owned()));
    let next = code_at(&secret, now() + 30).expect("code");
    login(&c, "admin", Some(&next)).await.expect("the code of the next step (a phone a little ahead)");
    assert_eq!(login(&c, "admin", Some(&next)).await.err().map(|e| e.1), Some("unauthorized".to_owned()), "used");
    // A recovery code works once, typed in any case with or without its dash.
    let typed = recovery[0].replace('-', "").to_uppercase();
    login(&c, "admin", Some(&typed)).await.expect("a recovery code");
    assert!(login(&c, "admin", Some(&recovery[0])).await.is_err(), "a recovery code works once");

    let audit = c.storage().audit_log(100).expect("audit");
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"two_factor_enabled") && actions.contains(&"recovery_code_used"), "{actions:?}");
    let written = serde_json::to_string(&audit.iter().map(|e| &e.detail).collect::<Vec<_>>()).expect("json");
    for secret_text in [secret.as_str(), first.as_str(), recovery[1].as_str()] {
        assert!(!written.contains(secret_text), "the audit log holds {secret_text}");
    }
}

#[tokio::test]
async fn wrong_codes_lock_like_wrong_passwords_and_a_coordinator_may_switch_it_off() {
    let c = coordinator().await;
    let org = c.organisation("Stichting Oost");
    admin::create_account(c.storage(), "amina", Role::Coordinator, now()).expect("account");
    admin::grant_organisation(c.storage(), "amina", &org, now()).expect("granted");
    admin::set_password(c.storage(), "amina", PASSWORD, now()).expect("password");

    // Optional for a coordinator: off, the session works; switched on, login asks for it.
    let session = login(&c, "amina", None).await.expect("signed in");
    assert_eq!(call(&c, Method::GET, "/api/v1/organisations", Some(&session), None).await.0, 200);
    let start = serde_json::json!({"password": PASSWORD});
    let (_, setup) = call(&c, Method::POST, "/api/v1/session/two-factor", Some(&session), Some(start.clone())).await;
    let secret = json(&setup)["secret"].as_str().expect("secret").to_owned();
    let code = code_at(&secret, now()).expect("code");
    let (status, codes) =
        call(&c, Method::PUT, "/api/v1/session/two-factor", Some(&session), Some(serde_json::json!({"code": code})))
            .await;
    assert_eq!(status, 200);
    let recovery = json(&codes)["recovery_codes"][0].as_str().expect("a recovery code").to_owned();
    let (status, body) = call(&c, Method::POST, "/api/v1/session/two-factor", Some(&session), Some(start)).await;
    assert_eq!((status, error_code(&body).as_str()), (409, "already_exists"), "no new secret while it is on");

    // Switching it off takes the password and a code.
    let off = |password: &str, code: &str| serde_json::json!({"password": password, "code": code});
    let path = "/api/v1/session/two-factor/off";
    assert_eq!(call(&c, Method::POST, path, Some(&session), Some(off("geraden", "000000"))).await.0, 403);
    assert_eq!(call(&c, Method::POST, path, Some(&session), Some(off(PASSWORD, "1"))).await.0, 400);

    // Five wrong codes from one address lock the account there: then even the right code is refused, and switching
    // it off from there is refused too.
    for _ in 0..5 {
        assert_eq!(login(&c, "amina", Some("999999")).await.err().map(|e| e.0), Some(401));
    }
    let right = code_at(&secret, now() + 30).expect("code");
    assert_eq!(login(&c, "amina", Some(&right)).await.err().map(|e| e.1), Some("unauthorized".to_owned()), "locked");
    assert_eq!(call(&c, Method::POST, path, Some(&session), Some(off(PASSWORD, &right))).await.0, 429);
    let audit = c.storage().audit_log(50).expect("audit");
    assert!(audit.iter().filter(|e| e.action == "second_factor_failed").count() >= 5, "each wrong code on the record");

    // After the lock (here: lifted as after a password reset's new start), off works with the password and a code.
    admin::set_password(c.storage(), "amina", PASSWORD, now()).expect("locks lift");
    let session = login(&c, "amina", Some(&right)).await.expect("signed in");
    // The app's codes of this minute are used up; a recovery code does it.
    assert_eq!(call(&c, Method::POST, path, Some(&session), Some(off(PASSWORD, &recovery))).await.0, 204);
    assert!(
        c.storage()
            .two_factor(c.storage().login_record("amina").expect("read").expect("found").account.id)
            .expect("read")
            .is_none()
    );
    assert!(c.storage().audit_log(50).expect("audit").iter().any(|e| e.action == "two_factor_disabled"));
}

#[tokio::test]
async fn a_lost_phone_is_fixed_by_a_password_reset_or_on_the_command_line() {
    let c = TestCoordinator::spawn().await;
    admin::create_account(c.storage(), "amina", Role::Coordinator, now()).expect("account");
    admin::set_password(c.storage(), "amina", PASSWORD, now()).expect("password");
    let id = c.storage().login_record("amina").expect("read").expect("found").account.id;
    let on = |c: &TestCoordinator| c.storage().two_factor(id).expect("read").is_some_and(|t| t.enabled);
    let switch_on = |c: &TestCoordinator| {
        let secret = sleutel_coordinator::two_factor::new_secret().expect("secret");
        c.storage().begin_two_factor(id, &secret).expect("begun");
        c.storage().enable_two_factor(id, &secret, 0, &[], None, &[], now()).expect("on");
    };
    switch_on(&c);
    assert!(on(&c));
    // An admin resets the password: two-factor sign-in is set up again.
    let (status, _) = c.call(Method::POST, &format!("/api/v1/accounts/{id}/password"), &c.admin_token, None).await;
    assert_eq!(status, 200);
    assert!(!on(&c), "reset with the password");
    // The operator, for the last admin, on the command line.
    switch_on(&c);
    admin::reset_two_factor(c.storage(), "cli", "amina", now()).expect("reset");
    assert!(!on(&c));
    let actions: Vec<String> = c.storage().audit_log(50).expect("audit").into_iter().map(|e| e.action).collect();
    assert_eq!(actions.iter().filter(|a| *a == "two_factor_reset").count(), 2, "{actions:?}");
}
