//! The real `sleutel-coordinator` binary as a separate process, for tests that run several instances or kill one
//! with SIGKILL. It listens on a free loopback port that it reports in its log (standard output).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The binary, built by `cargo test --workspace` (the coordinator's own tests need it); built here when a single
/// package's tests run.
pub fn coordinator_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // <target>/<profile>/deps/<test binary>
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap().to_owned();
    let binary = profile_dir.join("sleutel-coordinator");
    if !binary.is_file() {
        let target = profile_dir.parent().unwrap();
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "-p", "sleutel-coordinator", "--bin", "sleutel-coordinator"])
            .env("CARGO_TARGET_DIR", target)
            .status()
            .unwrap();
        assert!(status.success(), "building sleutel-coordinator failed");
    }
    binary
}

/// The line without ANSI colour sequences (`ESC [ … m`), which the log may use.
fn without_colours(line: &str) -> String {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// The address in the "coordinator listening" line, written as text (`address=…`) or as JSON (`"address":"…"`).
fn listening_address(line: &str) -> Option<String> {
    if !line.contains("coordinator listening") {
        return None;
    }
    if line.starts_with('{') {
        let event: serde_json::Value = serde_json::from_str(line).ok()?;
        return event["address"].as_str().map(str::to_owned);
    }
    Some(line.split("address=").nth(1)?.split_whitespace().next()?.to_owned())
}

/// A running `sleutel-coordinator serve`; killed when dropped.
pub struct CoordinatorProcess {
    child: Child,
    pub url: String,
}

impl CoordinatorProcess {
    /// Starts `serve` with these global options (e.g. `--database URL` or `--data-dir DIR`) on a free loopback port
    /// and waits until it listens. Rate limits are raised so that only the behaviour under test limits a request.
    pub fn start(options: &[&str]) -> Self {
        Self::start_logging(options).0
    }

    /// Like [`CoordinatorProcess::start`], with options of `serve` itself too (e.g. `--behind-proxy`).
    pub fn start_serving(options: &[&str], serve_options: &[&str]) -> Self {
        Self::spawn(options, serve_options).0
    }

    /// Like [`CoordinatorProcess::start`], and also every log line it writes from then on, as it comes.
    pub fn start_logging(options: &[&str]) -> (Self, std::sync::mpsc::Receiver<String>) {
        Self::spawn(options, &[])
    }

    fn spawn(options: &[&str], serve_options: &[&str]) -> (Self, std::sync::mpsc::Receiver<String>) {
        let (lines_tx, lines_rx) = std::sync::mpsc::channel();
        let mut child = Command::new(coordinator_binary())
            .args(options)
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(serve_options)
            .env("SLEUTEL_LOG", "info")
            .env("NO_COLOR", "1")
            // The log goes to standard output; errors before it starts to standard error.
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let log = child.stdout.take().unwrap();
        let (found_tx, found_rx) = std::sync::mpsc::channel();
        // The log is read to its end (so the process never blocks on a full pipe); the first address is reported,
        // or, should the process end before it listens, what it said.
        std::thread::spawn(move || {
            let mut found = Some(found_tx);
            let mut said = String::new();
            for line in BufReader::new(log).lines().map_while(Result::ok) {
                let line = without_colours(&line);
                if let Some(address) = listening_address(&line)
                    && let Some(tx) = found.take()
                {
                    let _ = tx.send(Ok(address));
                }
                said.push_str(&line);
                said.push('\n');
                let _ = lines_tx.send(line);
            }
            if let Some(tx) = found {
                let _ = tx.send(Err(said));
            }
        });
        let address = match found_rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Ok(address)) => address,
            Ok(Err(said)) => panic!("the coordinator ended before it listened:\n{said}"),
            Err(_) => {
                let _ = child.kill();
                let said = found_rx.recv_timeout(Duration::from_secs(5)).ok().and_then(Result::err);
                panic!("the coordinator did not start listening within 30 s:\n{}", said.unwrap_or_default());
            }
        };
        (Self { child, url: format!("http://{address}") }, lines_rx)
    }

    /// Asks the process to stop, as systemd or a container runtime does (SIGTERM), and waits for it to exit.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let status = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status().unwrap();
        assert!(status.success(), "kill -TERM failed");
        self.child.wait().unwrap()
    }

    /// Ends the process at once, as a power cut or the OOM killer would: SIGKILL, no shutdown.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for CoordinatorProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
