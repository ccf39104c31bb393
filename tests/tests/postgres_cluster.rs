//! The throwaway PostgreSQL cluster the coordinator's PostgreSQL tests will run on: it starts on a free loopback
//! port, takes a schema and data, and is gone afterwards.
#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use sleutel_system_tests::postgres::TestCluster;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_throwaway_cluster_starts_answers_and_goes() {
    let cluster = TestCluster::start().unwrap();
    let (client, connection) = tokio_postgres::connect(&cluster.url(), tokio_postgres::NoTls).await.unwrap();
    let running = tokio::spawn(connection);
    client.batch_execute("CREATE TABLE t (name TEXT NOT NULL); INSERT INTO t VALUES ('één'), ('twee')").await.unwrap();
    let rows = client.query("SELECT count(*) FROM t WHERE name <> $1", &[&"twee"]).await.unwrap();
    assert_eq!(rows[0].get::<_, i64>(0), 1);
    let version: String = client.query_one("SHOW server_version", &[]).await.unwrap().get(0);
    assert!(version.starts_with(char::is_numeric), "{version}");
    drop(client);
    let _ = running.await;
    let port = cluster.port;
    drop(cluster);
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the cluster stopped with the test");
}
