//! `sleutel-coordinator`: serve the API, and the administrative subcommands.
#![allow(clippy::print_stdout)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sleutel_coordinator::storage::Role;
use sleutel_coordinator::{AppState, Config, admin, now};
use sleutel_domain::counts::Period;

#[derive(Parser, Debug)]
#[command(
    name = "sleutel-coordinator",
    version,
    about = "Sleutel coordinator: enrols devices and receives monthly counts"
)]
struct Cli {
    /// Folder of the embedded database (SQLite, the default).
    #[arg(long, env = "SLEUTEL_DATA_DIR", default_value = "./sleutel-coordinator-data", global = true)]
    data_dir: PathBuf,
    /// Use this PostgreSQL database instead of the embedded one: `postgres://user:password@host:port/database`, or
    /// `postgres:///sleutel?host=/run/postgresql` for the local socket. Several instances may share one database.
    /// Prefer the environment variable: a password on the command line is visible to other users of the machine.
    #[arg(long, env = "SLEUTEL_DATABASE", global = true, hide_env_values = true)]
    database: Option<String>,
    /// Connections to PostgreSQL each instance keeps at most.
    #[arg(long, env = "SLEUTEL_DATABASE_POOL", default_value_t = sleutel_coordinator::postgres::DEFAULT_POOL_SIZE, global = true)]
    database_pool: u32,
    /// The address devices reach this coordinator at (e.g. `https://sleutel.example.org`): enrolment links and their
    /// QR codes carry it. Without it, the address the dashboard was opened at is used.
    #[arg(long, env = "SLEUTEL_PUBLIC_URL", global = true, value_parser = public_url)]
    public_url: Option<String>,
    /// `text` (default) or `json` (one object per line). `SLEUTEL_LOG` sets the level (`info`, `debug`, `warn`).
    #[arg(long, env = "SLEUTEL_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the API.
    Serve {
        /// Address to listen on. Put TLS in front (a reverse proxy) unless it is loopback.
        #[arg(long, env = "SLEUTEL_BIND", default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// The built dashboard pages (`ui/dist-dashboard`, made by `make ui-build`); without it only the API runs.
        #[arg(long, env = "SLEUTEL_DASHBOARD_DIR")]
        dashboard_dir: Option<PathBuf>,
        /// Session cookies without `Secure`, for a local demo over plain HTTP. Never behind a public address: the
        /// cookie would then travel unencrypted.
        #[arg(long, env = "SLEUTEL_PLAIN_HTTP_COOKIES")]
        plain_http_cookies: bool,
        /// Behind a reverse proxy on this machine that appends the client's address to `X-Forwarded-For`: rate
        /// limits and the audit log use that address instead of the proxy's (read only on loopback connections).
        #[arg(long, env = "SLEUTEL_BEHIND_PROXY")]
        behind_proxy: bool,
        /// A network (CIDR, e.g. `10.0.0.0/24`) of proxies or load balancers on other machines whose
        /// `X-Forwarded-For` entry is believed like `--behind-proxy`'s; repeat for more.
        #[arg(long = "trusted-proxy", env = "SLEUTEL_TRUSTED_PROXIES", value_delimiter = ',')]
        trusted_proxies: Vec<ipnet::IpNet>,
        /// Serve Prometheus metrics at `GET /metrics` on this address (e.g. `127.0.0.1:9464`), apart from the API;
        /// keep it off the public network.
        #[arg(long, env = "SLEUTEL_METRICS_BIND")]
        metrics_bind: Option<SocketAddr>,
    },
    /// Copy the SQLite database to a new file, consistently, while the coordinator may be serving. (For PostgreSQL
    /// use `pg_dump`.)
    Backup {
        /// The new file (an existing file is never overwritten).
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the SQLite database with a backup, after checking it; stop the coordinator first. (For PostgreSQL use
    /// `pg_restore`.)
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Create an admin account and print its API token (shown once).
    CreateAdmin {
        #[arg(long)]
        name: String,
    },
    /// Create a coordinator account that sees the given organisations, and print its API token (shown once).
    CreateCoordinator {
        #[arg(long)]
        name: String,
        /// An organisation (id or name) the account may see; repeat for more.
        #[arg(long = "organisation", required = true)]
        organisations: Vec<String>,
    },
    /// Create a municipality's read-only account: it sees protected, rounded tables of every organisation's work in
    /// one municipality. Prints its generated dashboard password once.
    CreateMunicipality {
        #[arg(long)]
        name: String,
        /// The municipality's CBS code, e.g. GM0153.
        #[arg(long)]
        municipality: String,
    },
    /// Switch an account's two-factor sign-in off (phone and recovery codes lost); it is set up again at the next
    /// sign-in.
    ResetTwoFactor {
        #[arg(long)]
        name: String,
    },
    /// Set an account's dashboard password, read from the first line of standard input (at least 12 characters).
    SetPassword {
        #[arg(long)]
        name: String,
    },
    /// Create an organisation.
    CreateOrganisation {
        #[arg(long)]
        name: String,
    },
    /// Set an organisation's disclosure threshold: export cells below it are hidden (3 to 20, default 5).
    SetThreshold {
        #[arg(long)]
        organisation: String,
        #[arg(long)]
        threshold: i64,
    },
    /// Issue a one-time enrolment code for an organisation (id or name).
    IssueCode {
        #[arg(long)]
        organisation: String,
        /// Hours the code stays valid.
        #[arg(long, default_value_t = 24)]
        valid_hours: i64,
    },
    /// List enrolled devices.
    ListDevices {
        #[arg(long)]
        organisation: Option<String>,
    },
    /// Revoke a device: its uploads are refused from now on.
    RevokeDevice { device_id: String },
    /// Print an organisation's totals for a month (default: this month); with --watch, again whenever they change.
    Totals {
        #[arg(long)]
        organisation: String,
        /// `YYYY-MM`
        #[arg(long)]
        month: Option<String>,
        /// Keep watching, checking every few seconds, until interrupted.
        #[arg(long)]
        watch: bool,
    },
}

/// How log lines are written (to standard output).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line, for log shippers (journald, Loki, Elasticsearch).
    Json,
}

/// `--public-url` must be a web address a device can reach.
fn public_url(text: &str) -> Result<String, String> {
    sleutel_protocol::enrolment_link::server_address(text)
        .ok_or_else(|| format!("'{text}' is not an http:// or https:// address"))
}

fn start_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SLEUTEL_LOG").unwrap_or_else(|_| "info".into());
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().flatten_event(true).with_current_span(false).init(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    start_logging(cli.log_format);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Backup and restore work on the SQLite file itself, before anything opens it.
fn back_up_or_restore(cli: &Cli) -> Option<Result<(), String>> {
    let (Command::Backup { .. } | Command::Restore { .. }) = &cli.command else { return None };
    if cli.database.as_deref().is_some_and(|url| !url.is_empty()) {
        return Some(Err(
            "this coordinator uses PostgreSQL: back it up with pg_dump and restore with pg_restore".into()
        ));
    }
    Some(match &cli.command {
        Command::Backup { to } => {
            println!("Backing up {} …", cli.data_dir.join("coordinator.db").display());
            sleutel_coordinator::backup::back_up(&cli.data_dir, to)
                .map(|report| {
                    println!("Backup written to {} ({} pages, {} bytes).", to.display(), report.pages, report.bytes)
                })
                .map_err(|e| match e {
                    sleutel_coordinator::storage::StorageError::Conflict => {
                        format!("{} exists already; choose a new file", to.display())
                    }
                    e => format!("backup failed: {e}"),
                })
        }
        Command::Restore { from } => sleutel_coordinator::backup::restore(&cli.data_dir, from)
            .map(|()| println!("Restored {} into {}.", from.display(), cli.data_dir.display()))
            .map_err(|e| match e {
                sleutel_coordinator::storage::StorageError::Invalid => {
                    format!("{} is not an intact coordinator database; nothing was changed", from.display())
                }
                e => format!("restore failed: {e}"),
            }),
        _ => unreachable!("only backup and restore get here"),
    })
}

fn run(cli: Cli) -> Result<(), String> {
    if let Some(done) = back_up_or_restore(&cli) {
        return done;
    }
    let mut config = Config::new(cli.data_dir.clone());
    config.database_url = cli.database.clone().filter(|url| !url.is_empty());
    config.database_pool_size = cli.database_pool;
    let state = AppState::open(&config).map_err(|e| match &config.database_url {
        // Never the address itself: it may hold a password.
        Some(_) => format!("cannot use the PostgreSQL database given by --database: {e}"),
        None => format!("cannot open the data folder {}: {e}", cli.data_dir.display()),
    })?;
    let storage = state.storage.as_ref();
    match cli.command {
        Command::Serve { bind, dashboard_dir, plain_http_cookies, behind_proxy, trusted_proxies, metrics_bind } => {
            config.bind = bind;
            config.behind_proxy = behind_proxy;
            config.trusted_proxies = trusted_proxies;
            config.dashboard_dir = dashboard_dir;
            config.secure_cookies = !plain_http_cookies;
            config.public_url = cli.public_url.clone();
            if plain_http_cookies && !bind.ip().is_loopback() {
                return Err(format!(
                    "--plain-http-cookies only on a loopback address: on {bind} the session cookie would cross the \
                     network unencrypted"
                ));
            }
            let state = AppState::new(state.storage.clone(), &config);
            match &config.dashboard_dir {
                Some(dir) if dir.join("index.html").is_file() => {
                    tracing::info!(folder = %dir.display(), "serving the dashboard");
                }
                Some(dir) => {
                    tracing::warn!(folder = %dir.display(), "no index.html there: the dashboard is not served")
                }
                None if sleutel_coordinator::dashboard::built_in().is_some() => {
                    tracing::info!("serving the dashboard built into this binary");
                }
                None => tracing::info!("no dashboard in this binary and no --dashboard-dir: serving the API only"),
            }
            let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(config.bind)
                    .await
                    .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
                tracing::info!(address = %listener.local_addr().map_err(|e| e.to_string())?, "coordinator listening");
                if let Some(address) = metrics_bind {
                    let metrics = tokio::net::TcpListener::bind(address)
                        .await
                        .map_err(|e| format!("cannot listen for metrics on {address}: {e}"))?;
                    let address = metrics.local_addr().map_err(|e| e.to_string())?;
                    tracing::info!(address = %address, "metrics listening");
                    let serving = sleutel_coordinator::startup::serve_metrics(
                        metrics,
                        state.clone(),
                        sleutel_coordinator::startup::stop_requested(),
                    );
                    tokio::spawn(serving);
                }
                sleutel_coordinator::startup::serve(listener, state, sleutel_coordinator::startup::stop_requested())
                    .await
                    .map_err(|e| e.to_string())?;
                tracing::info!("stopped");
                Ok(())
            })
        }
        Command::CreateAdmin { name } => {
            let token = admin::create_account(storage, &name, Role::Admin, now()).map_err(|e| e.to_string())?;
            println!("Admin account '{name}' created. API token (shown once, keep it safe):\n{token}");
            Ok(())
        }
        Command::CreateCoordinator { name, organisations } => {
            let found = organisations
                .iter()
                .map(|o| admin::find_organisation(storage, o).map_err(|_| format!("no organisation '{o}'")))
                .collect::<Result<Vec<_>, _>>()?;
            let token = admin::create_account(storage, &name, Role::Coordinator, now()).map_err(|e| e.to_string())?;
            for organisation in &found {
                admin::grant_organisation(storage, &name, organisation, now()).map_err(|e| e.to_string())?;
            }
            println!("Coordinator account '{name}' created. API token (shown once, keep it safe):\n{token}");
            Ok(())
        }
        Command::CreateMunicipality { name, municipality } => {
            let (_, _, password) = admin::create_municipality_account(storage, "cli", &name, &municipality, now())
                .map_err(|e| format!("{e} (is '{municipality}' a CBS code such as GM0153?)"))?;
            println!("Municipality account '{name}' created. Dashboard password (shown once):\n{password}");
            Ok(())
        }
        Command::ResetTwoFactor { name } => {
            admin::reset_two_factor(storage, "cli", &name, now()).map_err(|e| format!("'{name}': {e}"))?;
            println!("Two-factor sign-in of '{name}' is off; it is set up again at the next sign-in.");
            Ok(())
        }
        Command::SetPassword { name } => {
            let mut password = String::new();
            std::io::stdin().read_line(&mut password).map_err(|e| e.to_string())?;
            admin::set_password(storage, &name, password.trim_end_matches(['\r', '\n']), now())?;
            println!("Password set for '{name}'.");
            Ok(())
        }
        Command::SetThreshold { organisation, threshold } => {
            let threshold = sleutel_domain::disclosure::Threshold::new(threshold).map_err(|e| e.to_string())?;
            let found = admin::find_organisation(storage, &organisation)
                .map_err(|_| format!("no organisation '{organisation}'"))?;
            admin::set_disclosure_threshold(storage, "cli", found.id, threshold, now()).map_err(|e| e.to_string())?;
            println!("Disclosure threshold of {} set to {}.", found.name, threshold.get());
            Ok(())
        }
        Command::CreateOrganisation { name } => {
            let organisation = admin::create_organisation(storage, &name, now()).map_err(|e| e.to_string())?;
            println!("Organisation {} created: {}", organisation.id, organisation.name);
            Ok(())
        }
        Command::IssueCode { organisation, valid_hours } => {
            if !(1..=24 * 14).contains(&valid_hours) {
                return Err("valid-hours must be between 1 and 336".into());
            }
            let organisation = admin::find_organisation(storage, &organisation)
                .map_err(|_| format!("no organisation '{organisation}'"))?;
            let code = admin::issue_enrolment_code(storage, organisation.id, valid_hours * 3600, now())
                .map_err(|e| e.to_string())?;
            println!("Enrolment code for {} (one use, valid {valid_hours} h): {code}", organisation.name);
            let link = cli.public_url.map(|server| sleutel_protocol::enrolment_link::EnrolmentLink { server, code });
            if let Some(link) = link.and_then(|link| link.to_link()) {
                println!("Enrolment link (paste into the app, or make a QR code of it): {link}");
            }
            Ok(())
        }
        Command::ListDevices { organisation } => {
            let id = organisation
                .map(|o| {
                    admin::find_organisation(storage, &o).map(|o| o.id).map_err(|_| format!("no organisation '{o}'"))
                })
                .transpose()?;
            for d in admin::list_devices(storage, id).map_err(|e| e.to_string())? {
                let state = if d.revoked_at.is_some() { "revoked" } else { "active" };
                println!(
                    "{}  org {}  {:<20}  {state}  last upload {:?}",
                    d.id, d.organisation_id, d.label, d.last_upload_at
                );
            }
            Ok(())
        }
        Command::Totals { organisation, month, watch } => {
            let organisation = admin::find_organisation(storage, &organisation)
                .map_err(|_| format!("no organisation '{organisation}'"))?;
            let month = match month {
                Some(text) => Period::parse(&text).map_err(|_| format!("not a month (YYYY-MM): {text}"))?,
                None => Period::of(chrono::Utc::now().date_naive()),
            };
            let mut last = None;
            loop {
                let summary = admin::month_summary(storage, organisation.id, month).map_err(|e| e.to_string())?;
                if last.as_ref() != Some(&summary) {
                    let line: Vec<String> = summary.iter().map(|(m, v)| format!("{} {v}", m.code())).collect();
                    println!("{} totals {month}: {}", organisation.name, line.join(", "));
                    last = Some(summary);
                }
                if !watch {
                    return Ok(());
                }
                std::thread::sleep(std::time::Duration::from_secs(3));
            }
        }
        Command::Backup { .. } | Command::Restore { .. } => Err("handled before opening the database".into()),
        Command::RevokeDevice { device_id } => {
            if admin::revoke_device(storage, &device_id, now()).map_err(|e| e.to_string())? {
                println!("Device {device_id} revoked.");
                Ok(())
            } else {
                Err(format!("no device '{device_id}'"))
            }
        }
    }
}
