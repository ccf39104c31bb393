//! The window's Content-Security-Policy: the page may load only the app's own files and talk only to the app
//! (IPC). No plugins, no `<base>` that redirects relative URLs, no form that posts anywhere, no framing, and no
//! inline or evaluated script.

fn csp() -> Vec<(String, String)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json");
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("json");
    let csp = config["app"]["security"]["csp"].as_str().expect("a CSP string");
    csp.split(';')
        .filter_map(|directive| {
            let mut parts = directive.trim().splitn(2, ' ');
            Some((parts.next()?.to_owned(), parts.next().unwrap_or("").trim().to_owned()))
        })
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

#[test]
fn the_window_loads_only_its_own_files_and_talks_only_to_the_app() {
    let csp = csp();
    let directive = |name: &str| csp.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    assert_eq!(directive("default-src"), Some("'self'"));
    assert_eq!(directive("connect-src"), Some("ipc: http://ipc.localhost"));
    for name in ["object-src", "base-uri", "form-action", "frame-ancestors"] {
        assert_eq!(directive(name), Some("'none'"), "{name}");
    }
    for (name, value) in &csp {
        assert!(!value.contains("unsafe-inline") && !value.contains("unsafe-eval"), "{name}: {value}");
        assert!(!value.contains('*'), "{name} allows any origin: {value}");
    }
}
