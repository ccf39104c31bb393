//! The support screen: whom the volunteer can call (the organisation's contact, as sync last brought it) and how
//! many requests for a talk still wait to be sent.

use super::Session;
use crate::dto::{CommandError, SupportView};

impl Session {
    pub fn support(&self) -> Result<SupportView, CommandError> {
        self.with_store(|store| {
            let contact = store.support_contact()?;
            Ok(SupportView {
                dial: contact.as_ref().map(|c| c.dial_string()).filter(|d| !d.is_empty()),
                contact,
                organisation: store.enrolment()?.map(|e| e.organisation_name),
                waiting_talks: store.pending_debriefs()?.len() as u64,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::session::tests::{passphrase, session};

    #[test]
    fn the_support_view_shows_the_kept_contact_and_the_talks_waiting() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let empty = s.support().expect("view");
        assert_eq!((empty.contact, empty.dial, empty.waiting_talks), (None, None, 0));
        let contact = sleutel_domain::SupportContact::new("Fatima", "+31 6 1234 5678", "").expect("valid");
        s.with_store(|store| Ok(store.save_support_contact(Some(&contact))?)).expect("kept");
        let input = sleutel_domain::ActivityInput {
            kind: "home_visit".into(),
            date: crate::session::Session::today().to_string(),
            duration_minutes: 60,
            municipality: "GM0363".into(),
            location: "home".into(),
            languages: vec!["nl".into()],
            themes: vec!["opvoeding".into()],
            women: 1,
            heavy: true,
            debrief: true,
            ..Default::default()
        };
        s.record_activity(&input, crate::session::Session::today()).expect("saved");
        let view = s.support().expect("view");
        assert_eq!(view.contact, Some(contact));
        assert_eq!((view.dial.as_deref(), view.waiting_talks), (Some("+31612345678"), 1));
    }
}
