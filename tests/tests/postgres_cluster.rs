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
