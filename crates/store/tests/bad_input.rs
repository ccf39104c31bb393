//! Bad input to the store's public functions gives an error, never a panic, and changes nothing.

mod common;

use common::*;
use proptest::prelude::*;
use sleutel_store::{ActivityFilter, Passphrase, RecoveryCode, ReferralFilter, Secret, Store};

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_files_secrets_and_ids_give_errors(
        key_file in proptest::collection::vec(any::<u8>(), 0..300),
        backup in proptest::collection::vec(any::<u8>(), 0..300),
        secret in any::<String>(),
        id in any::<i64>(),
        limit in any::<u32>(),
        offset in any::<u32>(),
        months in any::<u32>(),
    ) {
        let _ = RecoveryCode::parse(&secret);
        let _ = Passphrase::new_checked(&secret);

        let dir = tempfile::tempdir().expect("tempdir");
        // A key file that is not ours.
        std::fs::write(dir.path().join("sleutel.key"), &key_file).expect("write");
        prop_assert!(Store::unlock(dir.path(), &Secret::Passphrase(Passphrase::new(&secret))).is_err());
        // A backup that is not ours.
        let junk = dir.path().join("junk.bak");
        std::fs::write(&junk, &backup).expect("write");
        prop_assert!(Store::restore_backup(&junk, &dir.path().join("restore"), &passphrase(&secret), &dir.path().join("tries")).is_err());

        let store_dir = dir.path().join("store");
        let (mut store, _) = create(&store_dir);
        let saved = store.create_activity(&meeting("2026-11-01", "")).expect("saved");
        let before = store.all_counts().expect("counts");
        if id != saved {
            prop_assert!(store.activity(id).is_err());
            prop_assert!(store.delete_activity(id).is_err());
            prop_assert!(store.delete_referral(id).is_err());
            prop_assert!(store.change_referral_status(id, sleutel_domain::ReferralStatus::Closed, today(), today()).is_err());
            prop_assert!(store.set_referral_follow_up(id, &secret).is_err());
        }
        let page = store.list_activities(&ActivityFilter { limit, offset, ..ActivityFilter::default() }).expect("lists");
        prop_assert!(page.items.len() <= ActivityFilter::MAX_LIMIT as usize);
        store.list_referrals(&ReferralFilter { limit, offset, ..ReferralFilter::default() }).expect("lists");
        let _ = store.set_retention_months(months);
        prop_assert!(store.set_wipe_after(Some(months)).is_ok() == (3..=100).contains(&months));
        let wrong_current = Passphrase::new(&[PASSPHRASE, "!", secret.as_str()].concat());
        let refused = store.change_passphrase(&wrong_current, &Passphrase::new("whatever new")).is_err();
        prop_assert!(refused);
        prop_assert_eq!(store.all_counts().expect("counts"), before);
    }
}
