//! A throwaway PostgreSQL cluster for one test: Debian's `initdb` and `pg_ctl` on a temporary folder and a free
//! loopback port, never the system service. `initdb` refuses to run as root, so as root (CI) the cluster belongs to
//! the `postgres` user that Debian's package creates and its programs run through `runuser`. Dropping the cluster
//! stops it and removes its folder.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster, trusting connections from loopback for the user `sleutel`.
pub struct TestCluster {
    dir: tempfile::TempDir,
    pub port: u16,
    bin: PathBuf,
    as_postgres: bool,
}

impl std::fmt::Debug for TestCluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestCluster").field("port", &self.port).finish_non_exhaustive()
    }
}

/// Where Debian puts the newest installed PostgreSQL's programs (`/usr/lib/postgresql/<major>/bin`).
fn postgres_bin() -> Result<PathBuf, String> {
    let root = Path::new("/usr/lib/postgresql");
    let mut majors: Vec<u32> = std::fs::read_dir(root)
        .map_err(|e| {
            format!("{}: {e} (is the Debian package postgresql installed? `make deps` does it)", root.display())
        })?
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    majors.sort_unstable();
    let major = majors.pop().ok_or("no PostgreSQL under /usr/lib/postgresql")?;
    Ok(root.join(major.to_string()).join("bin"))
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl TestCluster {
    /// Creates and starts a cluster for tests: without fsync (a crash of the machine may lose it, which a test
    /// does not mind); waits until it accepts connections.
    pub fn start() -> Result<Self, String> {
        Self::start_with(false)
    }

    /// A cluster that writes durably, as a production server does (fsync on every commit), with a server's usual
    /// buffer and WAL sizes, for benchmarks.
    pub fn start_durable() -> Result<Self, String> {
        Self::start_with(true)
    }

    fn start_with(durable: bool) -> Result<Self, String> {
        let bin = postgres_bin()?;
        let dir = tempfile::Builder::new().prefix("sleutel-pg-").tempdir().map_err(|e| e.to_string())?;
        let as_postgres = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if as_postgres {
            let status = Command::new("chown").arg("postgres:postgres").arg(dir.path()).status();
            if !status.is_ok_and(|s| s.success()) {
                return Err("could not give the cluster's folder to the postgres user".into());
            }
        }
        let port = free_port()?;
        let cluster = Self { dir, port, bin, as_postgres };
        let data = cluster.dir.path().join("data");
        cluster.run(
            "initdb",
            &["-D", &data.to_string_lossy(), "-A", "trust", "-U", "sleutel", "--no-sync", "-E", "UTF8"],
        )?;
        let mut options = format!("-p {port} -k {} -c listen_addresses=127.0.0.1", cluster.dir.path().display());
        if durable {
            // A server's usual tuning instead of PostgreSQL's minimal defaults (128 MB of buffers, 1 GB of WAL between
            // checkpoints), as the README recommends for a coordinator.
            options.push_str(" -c shared_buffers=1GB -c max_wal_size=4GB");
        } else {
            options.push_str(" -c fsync=off -c full_page_writes=off");
        }
        let log = cluster.dir.path().join("log");
        cluster.run(
            "pg_ctl",
            &["-D", &data.to_string_lossy(), "-o", &options, "-l", &log.to_string_lossy(), "-w", "-t", "30", "start"],
        )?;
        Ok(cluster)
    }

    fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let path = self.bin.join(program);
        let output = if self.as_postgres {
            Command::new("runuser").arg("-u").arg("postgres").arg("--").arg(&path).args(args).output()
        } else {
            Command::new(&path).args(args).output()
        }
        .map_err(|e| format!("{program}: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!("{program} failed: {}", String::from_utf8_lossy(&output.stderr)))
        }
    }

    /// A connection string for the database `postgres` as the user `sleutel`.
    pub fn url(&self) -> String {
        self.database_url("postgres")
    }

    /// A connection string for the database `name` as the user `sleutel`.
    pub fn database_url(&self, name: &str) -> String {
        format!("postgres://sleutel@127.0.0.1:{}/{name}", self.port)
    }

    /// Creates an empty database (`name`: letters, digits and `_`) and returns its connection string.
    pub fn fresh_database(&self, name: &str) -> Result<String, String> {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("not a plain database name: {name}"));
        }
        // On a thread of its own: the blocking client must not run on a thread that drives async tasks, and tests
        // call this from both kinds.
        let (url, create) = (self.url(), format!("CREATE DATABASE {name}"));
        std::thread::spawn(move || {
            let mut client = postgres::Client::connect(&url, postgres::NoTls).map_err(|e| e.to_string())?;
            client.batch_execute(&create).map_err(|e| e.to_string())
        })
        .join()
        .map_err(|_| "creating the database panicked".to_string())??;
        Ok(self.database_url(name))
    }
}

impl TestCluster {
    /// Stops the server at once (as a crash or a failover would); the folder stays until the cluster is dropped.
    pub fn stop(&self) {
        let data = self.dir.path().join("data");
        let _ = self.run("pg_ctl", &["-D", &data.to_string_lossy(), "-m", "immediate", "-w", "stop"]);
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        self.stop();
    }
}
