//! The enrolment link: a coordinator's address and a one-time enrolment code in one piece of text, so a volunteer
//! scans one QR code or pastes one link instead of typing both. Format (see `docs/protocol.md`):
//! `sleutel://enrol?server=<coordinator URL, percent-encoded>&code=<code>`.

use url::Url;

/// The URL scheme the app answers to.
pub const SCHEME: &str = "sleutel";
/// The only action such a link names.
const ENROL: &str = "enrol";

/// What an enrolment link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolmentLink {
    /// The coordinator's address as devices reach it (`https://…`).
    pub server: String,
    /// The one-time code, as issued.
    pub code: String,
}

impl EnrolmentLink {
    /// The link as text. `server` must be an `http(s)` URL, otherwise `None` (a coordinator never offers a link it
    /// could not be reached at).
    pub fn to_link(&self) -> Option<String> {
        let server = server_address(&self.server)?;
        let mut link = Url::parse(&format!("{SCHEME}://{ENROL}")).ok()?;
        link.query_pairs_mut().append_pair("server", &server).append_pair("code", &self.code);
        Some(link.into())
    }

    /// Reads a link as scanned or pasted (surrounding space and letter case of the scheme do not matter). `None`
    /// when the text is not an enrolment link, names no `http(s)` server, or has no code.
    pub fn parse(text: &str) -> Option<Self> {
        let link = Url::parse(text.trim()).ok()?;
        if link.scheme() != SCHEME || link.host_str() != Some(ENROL) {
            return None;
        }
        let (mut server, mut code) = (None, None);
        for (key, value) in link.query_pairs() {
            match key.as_ref() {
                "server" => server = Some(value.into_owned()),
                "code" => code = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        let server = server_address(&server?)?;
        let code = code.filter(|c| !c.is_empty())?;
        Some(Self { server, code })
    }
}

/// `text` as a coordinator's address: an `http`/`https` URL with a host, without a trailing slash; else `None`.
pub fn server_address(text: &str) -> Option<String> {
    let url = Url::parse(text.trim()).ok()?;
    // A base address only: no user name or password, query or fragment riding along into a device's settings.
    let plain =
        url.username().is_empty() && url.password().is_none() && url.query().is_none() && url.fragment().is_none();
    (matches!(url.scheme(), "http" | "https") && url.host().is_some() && plain)
        .then(|| url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a panic is the failure report

    use super::*;

    fn link(server: &str, code: &str) -> EnrolmentLink {
        EnrolmentLink { server: server.into(), code: code.into() }
    }

    #[test]
    fn a_link_carries_the_server_and_the_code_back_unchanged() {
        for (server, code) in [
            ("https://sleutel.example.org", "K7QM-2XPA"),
            ("https://example.org:8443/sleutel", "abc!23"),
            ("http://127.0.0.1:8080", "a&b=c d"),
        ] {
            let text = link(server, code).to_link().unwrap();
            assert!(text.starts_with("sleutel://enrol?server="), "{text}");
            assert_eq!(EnrolmentLink::parse(&text), Some(link(server, code)), "{text}");
        }
    }

    #[test]
    fn the_server_is_percent_encoded_inside_the_link() {
        let text = link("https://example.org:8443/sleutel", "K7QM").to_link().unwrap();
        assert_eq!(text, "sleutel://enrol?server=https%3A%2F%2Fexample.org%3A8443%2Fsleutel&code=K7QM");
    }

    #[test]
    fn pasted_text_may_have_spaces_around_it_and_a_capitalised_scheme() {
        let parsed = EnrolmentLink::parse("  Sleutel://enrol?code=K7QM&server=https://example.org/ \n");
        assert_eq!(parsed, Some(link("https://example.org", "K7QM")));
    }

    #[test]
    fn anything_else_is_not_an_enrolment_link() {
        for text in [
            "",
            "K7QM-2XPA",
            "https://example.org",
            "sleutel://other?server=https://example.org&code=K7QM",
            "sleutel://enrol?server=https://example.org",
            "sleutel://enrol?server=https://example.org&code=%20",
            "sleutel://enrol?code=K7QM",
            "sleutel://enrol?server=ftp://example.org&code=K7QM",
            "sleutel://enrol?server=javascript:alert(1)&code=K7QM",
            "sleutel://enrol?server=https%3A%2F%2Fuser%3Apw%40example.org&code=K7QM",
            "sleutel://enrol?server=https%3A%2F%2Fexample.org%2F%3Fnext%3Devil&code=K7QM",
        ] {
            assert_eq!(EnrolmentLink::parse(text), None, "{text}");
        }
    }

    #[test]
    fn a_coordinator_without_a_web_address_offers_no_link() {
        assert_eq!(link("not an address", "K7QM").to_link(), None);
        assert_eq!(link("file:///etc/passwd", "K7QM").to_link(), None);
    }
}
