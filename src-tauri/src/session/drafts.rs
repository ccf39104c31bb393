//! The draft (concept): the one unfinished form, kept in the encrypted store as the volunteer types, so a lock,
//! a quick exit or a restart never costs what was typed. Offered back after unlock; gone once saved or discarded.

use sleutel_domain::{Draft, DraftForm};

use super::Session;
use crate::dto::{CommandError, DraftView};

impl Session {
    /// Keeps the unfinished form (validated in the domain: a known form, a bounded JSON object).
    pub fn save_draft(&self, form: DraftForm, body: &str) -> Result<(), CommandError> {
        let draft = Draft::new(form, body)?;
        self.with_store(|store| Ok(store.save_draft(&draft)?))
    }

    pub fn draft(&self) -> Result<Option<DraftView>, CommandError> {
        self.with_store(|store| {
            Ok(store.draft()?.map(|stored| DraftView {
                form: stored.draft.form(),
                body: stored.draft.body().to_owned(),
                updated_at: stored.updated_at,
            }))
        })
    }

    pub fn discard_draft(&self) -> Result<(), CommandError> {
        self.with_store(|store| Ok(store.discard_draft().map(drop)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{passphrase, session};

    #[test]
    fn a_draft_survives_lock_and_unlock_and_goes_with_the_save() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        assert_eq!(s.save_draft(DraftForm::Activity, "{}").map_err(|e| e.code).err().as_deref(), Some("locked"));
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        assert_eq!(s.draft().expect("read"), None);
        let err = s.save_draft(DraftForm::Activity, "not json").expect_err("malformed");
        assert_eq!((err.code.as_str(), err.field.as_deref()), ("draft_malformed", Some("draft")));

        let body = r#"{"editId":null,"form":{"kind":"group_meeting","women":9}}"#;
        s.save_draft(DraftForm::Activity, body).expect("kept");
        s.lock().expect("locks");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let kept = s.draft().expect("read").expect("still there");
        assert_eq!((kept.form, kept.body.as_str()), (DraftForm::Activity, body));

        // Saving the form it belongs to removes it.
        let input = sleutel_domain::ActivityInput {
            kind: "group_meeting".into(),
            date: Session::today().format("%Y-%m-%d").to_string(),
            duration_minutes: 90,
            municipality: "GM0363".into(),
            location: "community_centre".into(),
            languages: vec!["nl".into()],
            themes: vec!["opvoeding".into()],
            women: 9,
            ..Default::default()
        };
        s.record_activity(&input, Session::today()).expect("saved");
        assert_eq!(s.draft().expect("read"), None);

        s.save_draft(DraftForm::Referral, "{}").expect("kept");
        s.discard_draft().expect("discarded");
        assert_eq!(s.draft().expect("read"), None);
    }
}
