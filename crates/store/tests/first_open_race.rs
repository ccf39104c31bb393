//! Its own process on purpose: the very first SQLite connections of a process, opened by several threads at once,
//! must all have SQLCipher's functions (a backup uses `sqlcipher_export`). See `db::initialise_sqlcipher_once`.

use std::sync::{Arc, Barrier};

use sleutel_store::{KdfParams, Passphrase, Store};

#[test]
fn the_first_stores_of_a_process_opened_in_parallel_can_all_back_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let threads = 8;
    let start = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let start = start.clone();
            let path = dir.path().to_owned();
            std::thread::spawn(move || {
                start.wait();
                let (store, _) = Store::create(
                    &path.join(format!("s{i}")),
                    &Passphrase::new("een lange wachtzin"),
                    KdfParams::INSECURE_FOR_TESTS,
                )
                .expect("created");
                store.backup_to(&path.join(format!("b{i}.sleutel"))).map(|_| ()).map_err(|e| e.to_string())
            })
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().expect("thread"), Ok(()));
    }
}
