//! Referrals (doorverwijzingen): record one, follow it up, move it along its lifecycle. The lifecycle and every
//! check are the domain's (`Referral`, `ReferralStatus::can_become`).

use chrono::NaiveDate;
use sleutel_domain::{Referral, ReferralInput, ReferralStatus};
use sleutel_store::{ReferralFilter, StoredReferral};

use super::Session;
use crate::dto::{CommandError, ReferralView};

impl Session {
    /// Saves a new referral under a fresh pseudonymous code, which the view returns to show once. A referral
    /// started from an activity (`from_activity`) is linked to it.
    pub fn record_referral(
        &self,
        input: &ReferralInput,
        from_activity: Option<i64>,
        today: NaiveDate,
    ) -> Result<ReferralView, CommandError> {
        let stored = self.with_store(|store| {
            let code = store.new_referral_code()?;
            let referral = Referral::from_input(input, code, today)?;
            store.set_preference("last_municipality", referral.municipality.as_str())?;
            let stored = store.create_referral(&referral, from_activity)?;
            store.discard_draft()?;
            Ok(stored)
        })?;
        self.inner.sync.wake();
        Ok(view(&stored, today))
    }

    /// All referrals, newest first; the UI groups them by status.
    pub fn referrals(&self, today: NaiveDate) -> Result<Vec<ReferralView>, CommandError> {
        self.with_store(|store| {
            let page =
                store.list_referrals(&ReferralFilter { limit: ReferralFilter::MAX_LIMIT, ..Default::default() })?;
            Ok(page.items.iter().map(|r| view(r, today)).collect())
        })
    }

    /// The saved referral as a form, for editing.
    pub fn referral(&self, id: i64) -> Result<ReferralInput, CommandError> {
        self.with_store(|store| Ok(store.referral(id)?.referral.to_input()))
    }

    pub fn update_referral(
        &self,
        id: i64,
        input: &ReferralInput,
        today: NaiveDate,
    ) -> Result<ReferralView, CommandError> {
        let stored = self.with_store(|store| {
            let edited = store.referral(id)?.referral.apply_edit(input, today)?;
            let stored = store.update_referral(id, &edited)?;
            store.discard_draft()?;
            Ok(stored)
        })?;
        self.inner.sync.wake();
        Ok(view(&stored, today))
    }

    pub fn change_referral_status(
        &self,
        id: i64,
        status: ReferralStatus,
        date: &str,
        today: NaiveDate,
    ) -> Result<ReferralView, CommandError> {
        let date = sleutel_domain::RecordDate::parse(date, today, "status_date")?.date();
        let stored = self.with_store(|store| Ok(store.change_referral_status(id, status, date, today)?))?;
        self.inner.sync.wake();
        Ok(view(&stored, today))
    }

    /// Sets the follow-up date, or clears it with an empty text.
    pub fn set_referral_follow_up(
        &self,
        id: i64,
        follow_up: &str,
        today: NaiveDate,
    ) -> Result<ReferralView, CommandError> {
        let stored = self.with_store(|store| Ok(store.set_referral_follow_up(id, follow_up)?))?;
        Ok(view(&stored, today))
    }

    pub fn delete_referral(&self, id: i64) -> Result<(), CommandError> {
        self.with_store(|store| Ok(store.delete_referral(id).map(drop)?))?;
        self.inner.sync.wake();
        Ok(())
    }
}

fn view(stored: &StoredReferral, today: NaiveDate) -> ReferralView {
    let r = &stored.referral;
    let status = r.status();
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    ReferralView {
        id: stored.id,
        code: r.code.as_str().to_owned(),
        date: iso(r.date.date()),
        destination: r.destination.as_str().to_owned(),
        themes: r.themes.iter().map(|t| t.as_str().to_owned()).collect(),
        urgency: r.urgency,
        status,
        status_date: r.history().last().map(|c| iso(c.date.date())).unwrap_or_else(|| iso(r.date.date())),
        next_statuses: ReferralStatus::ALL.into_iter().filter(|to| status.can_become(*to)).collect(),
        follow_up: r.follow_up.map(iso),
        follow_up_due: status.is_open() && r.follow_up.is_some_and(|f| f <= today),
        activity_id: stored.activity_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{passphrase, session};
    use sleutel_domain::{Consent, Urgency};

    fn referral_input(today: NaiveDate) -> ReferralInput {
        ReferralInput {
            date: today.format("%Y-%m-%d").to_string(),
            municipality: "GM0363".into(),
            destination: "veilig_thuis".into(),
            themes: vec!["huiselijk_geweld".into()],
            urgency: Urgency::Normal,
            consent: Consent::Yes,
            accompanied: false,
            status: ReferralStatus::Made,
            follow_up: today.format("%Y-%m-%d").to_string(),
            notes: String::new(),
            ..ReferralInput::default()
        }
    }

    #[test]
    fn a_referral_moves_along_its_lifecycle_and_its_follow_up_is_due() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        let made = s.record_referral(&referral_input(today), None, today).expect("saved");
        assert_eq!(made.code.len(), 9, "pseudonymous code like 7K3F-Q9XM");
        assert_eq!(made.status, ReferralStatus::Made);
        assert!(made.follow_up_due);
        assert!(made.next_statuses.contains(&ReferralStatus::ContactConfirmed));
        assert!(!made.next_statuses.contains(&ReferralStatus::Proposed));
        assert_eq!(s.home_summary(today).expect("summary").follow_ups_due, 1);

        let iso = today.format("%Y-%m-%d").to_string();
        let err = s.change_referral_status(made.id, ReferralStatus::Proposed, &iso, today).expect_err("backwards");
        assert_eq!(err.code, "status_transition_not_allowed");
        let future = (today + chrono::Days::new(3)).format("%Y-%m-%d").to_string();
        let err = s.change_referral_status(made.id, ReferralStatus::Closed, &future, today).expect_err("future");
        assert_eq!(err.code, "date_in_future");

        let closed = s.change_referral_status(made.id, ReferralStatus::Closed, &iso, today).expect("closed");
        assert_eq!(closed.status, ReferralStatus::Closed);
        assert!(!closed.follow_up_due, "a closed referral needs no follow-up");
        assert_eq!(s.home_summary(today).expect("summary").follow_ups_due, 0);

        let cleared = s.set_referral_follow_up(made.id, "", today).expect("cleared");
        assert_eq!(cleared.follow_up, None);
        assert_eq!(s.referrals(today).expect("list").len(), 1);
        s.delete_referral(made.id).expect("deleted");
        assert!(s.referrals(today).expect("list").is_empty());
        assert_eq!(s.home_summary(today).expect("summary").referrals, 0);
    }

    #[test]
    fn a_referral_started_from_an_activity_is_linked_to_it() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        let talk = sleutel_domain::ActivityInput {
            kind: "individual_talk".into(),
            date: today.format("%Y-%m-%d").to_string(),
            duration_minutes: 30,
            municipality: "GM0363".into(),
            location: "home".into(),
            languages: vec!["nl".into()],
            themes: vec!["huiselijk_geweld".into()],
            women: 1,
            ..Default::default()
        };
        let activity = s.record_activity(&talk, today).expect("saved");
        let linked = s.record_referral(&referral_input(today), Some(activity.id), today).expect("saved");
        assert_eq!(linked.activity_id, Some(activity.id));
        assert_eq!(s.referrals(today).expect("list")[0].activity_id, Some(activity.id));
        let err = s.record_referral(&referral_input(today), Some(activity.id + 99), today).expect_err("no activity");
        assert_eq!(err.code, "not_found");
        assert_eq!(s.referrals(today).expect("list").len(), 1, "nothing saved for a missing activity");
    }

    #[test]
    fn an_invalid_referral_is_refused_with_the_domains_code() {
        let (_dir, s) = session();
        s.setup("een lange wachtzin").expect("created");
        s.unlock(passphrase("een lange wachtzin")).expect("unlocks");
        let today = Session::today();
        let mut input = referral_input(today);
        input.destination = "nowhere".into();
        let err = s.record_referral(&input, None, today).expect_err("unknown destination");
        assert_eq!(err.code, "unknown_code");
        assert!(s.referrals(today).expect("list").is_empty(), "nothing saved");
    }
}
