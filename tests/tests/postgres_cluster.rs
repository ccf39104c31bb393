//! The throwaway PostgreSQL cluster the coordinator's PostgreSQL tests run on: it starts on a free loopback port,
//! takes a schema and data, and is gone afterwards.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use sleutel_system_tests::postgres::TestCluster;

#[test]
fn a_throwaway_cluster_starts_answers_and_goes() {
    let cluster = TestCluster::start().unwrap();
    let mut client = postgres::Client::connect(&cluster.url(), postgres::NoTls).unwrap();
    client.batch_execute("CREATE TABLE t (name TEXT NOT NULL); INSERT INTO t VALUES ('één'), ('twee')").unwrap();
    let rows = client.query("SELECT count(*) FROM t WHERE name <> $1", &[&"twee"]).unwrap();
    assert_eq!(rows[0].get::<_, i64>(0), 1);
    let version: String = client.query_one("SHOW server_version", &[]).unwrap().get(0);
    assert!(version.starts_with(char::is_numeric), "{version}");
    let other = cluster.fresh_database("second").unwrap();
    assert!(postgres::Client::connect(&other, postgres::NoTls).is_ok(), "a fresh database answers");
    assert!(cluster.fresh_database("no; DROP").is_err(), "only plain names");
    drop(client);
    let port = cluster.port;
    drop(cluster);
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the cluster stopped with the test");
}

/// A PostgreSQL coordinator database from before migration 3 keeps its yearly targets as projects with the six
/// standard indicators, as the SQLite upgrade does (crates/coordinator/src/sqlite.rs tests).
#[test]
fn the_upgrade_to_projects_keeps_the_yearly_targets() {
    use sleutel_coordinator::storage::ProjectStorage;
    use sleutel_coordinator::use_cases::projects::{Indicator, standard_indicators};
    let cluster = TestCluster::start().unwrap();
    let url = cluster.fresh_database("upgrade").unwrap();
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client.batch_execute("CREATE TABLE schema_version (version INTEGER NOT NULL)").unwrap();
    client.batch_execute(include_str!("../../migrations/coordinator/postgres/0001_init.sql")).unwrap();
    client.batch_execute(include_str!("../../migrations/coordinator/postgres/0002_device_months.sql")).unwrap();
    client
        .batch_execute(
            "INSERT INTO schema_version (version) VALUES (1), (2);
             INSERT INTO organisations (name, name_folded, created_at) VALUES ('Oost', 'oost', 0);
             INSERT INTO targets (organisation_id, year, indicator, value, updated_at)
             SELECT id, 2026, 'reach', 400, 10 FROM organisations UNION ALL
             SELECT id, 2026, 'meetings', 40, 20 FROM organisations UNION ALL
             SELECT id, 2025, 'referrals', 12, 5 FROM organisations;",
        )
        .unwrap();
    let organisation: i64 = client.query_one("SELECT id FROM organisations", &[]).unwrap().get(0);
    drop(client);

    let storage = sleutel_coordinator::postgres::PostgresStorage::open(&url, 2).unwrap();
    let projects = storage.projects(&[organisation]).unwrap();
    let names: Vec<&str> = projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Jaardoelen 2025", "Jaardoelen 2026"]);
    let p2026 = &projects[1];
    assert_eq!((p2026.first_month.as_str(), p2026.last_month.as_str(), p2026.updated_at), ("2026-01", "2026-12", 20));
    let indicators: Vec<Indicator> = serde_json::from_str(&p2026.indicators_json).unwrap();
    let mut expected = standard_indicators();
    expected[0].target = Some(400);
    expected[1].target = Some(40);
    assert_eq!(indicators, expected);
    let p2025: Vec<Indicator> = serde_json::from_str(&projects[0].indicators_json).unwrap();
    assert_eq!(p2025.iter().map(|i| i.target).collect::<Vec<_>>(), [None, None, None, Some(12), None, None]);
}
