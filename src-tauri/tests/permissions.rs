//! The commands the app registers, the permissions `build.rs` generates and the main window's capability must be
//! the same list: a command without a permission cannot be called, a permission without a command is a hole.

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("readable")
}

#[test]
fn handlers_permissions_and_capability_list_the_same_commands() {
    let lib = read("src/lib.rs");
    let from = lib.find("generate_handler![").expect("handler list");
    let to = from + lib[from..].find("])").expect("end of handler list");
    let handlers: BTreeSet<String> = lib[from..to]
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::"))
        .map(|c| c.trim_end_matches(',').to_owned())
        .collect();
    let build = read("build.rs");
    let from = build.find("const COMMANDS").expect("command list");
    let to = from + build[from..].find("];").expect("end of command list");
    let manifest: BTreeSet<String> = build[from..to].split('"').skip(1).step_by(2).map(str::to_owned).collect();
    let capability: serde_json::Value = serde_json::from_str(&read("capabilities/main.json")).expect("json");
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("string").trim_start_matches("allow-").replace('-', "_"))
        .collect();
    assert!(handlers.len() >= 30, "{handlers:?}");
    assert_eq!(handlers, manifest);
    assert_eq!(handlers, granted);
}
