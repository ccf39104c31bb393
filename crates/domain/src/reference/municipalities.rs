//! All Dutch municipalities with their CBS gemeentecode, as on 1 January of [`MUNICIPALITY_LIST_YEAR`].
//! The data file is `data/municipalities_2025.tsv` (`code<TAB>name`), embedded at compile time.

use std::sync::OnceLock;

/// The year of the CBS municipal division the list follows.
pub const MUNICIPALITY_LIST_YEAR: u16 = 2025;

const DATA: &str = include_str!("../../data/municipalities_2025.tsv");

/// A municipality: CBS code (`GM` + four digits) and official name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Municipality {
    pub code: &'static str,
    pub name: &'static str,
}

/// Every municipality, sorted by code.
pub fn municipalities() -> &'static [Municipality] {
    static LIST: OnceLock<Vec<Municipality>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<Municipality> = DATA
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .filter_map(|line| {
                let (code, name) = line.split_once('\t')?;
                Some(Municipality { code: code.trim(), name: name.trim() })
            })
            .collect();
        list.sort_by(|a, b| a.code.cmp(b.code));
        list
    })
}

/// Looks up a municipality by its CBS code.
pub fn municipality(code: &str) -> Option<&'static Municipality> {
    let list = municipalities();
    list.binary_search_by(|m| m.code.cmp(code)).ok().map(|i| &list[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2025_list_has_342_municipalities_with_well_formed_unique_codes() {
        let list = municipalities();
        assert_eq!(list.len(), 342);
        for pair in list.windows(2) {
            assert!(pair[0].code < pair[1].code, "duplicate or unsorted code {}", pair[1].code);
        }
        for m in list {
            assert!(m.code.len() == 6 && m.code.starts_with("GM"), "{}", m.code);
            assert!(m.code[2..].chars().all(|c| c.is_ascii_digit()), "{}", m.code);
            assert!(!m.name.is_empty());
        }
    }

    #[test]
    fn known_codes_resolve_to_their_names() {
        for (code, name) in [
            ("GM0363", "Amsterdam"),
            ("GM0202", "Arnhem"),
            ("GM0855", "Tilburg"),
            ("GM0599", "Rotterdam"),
            ("GM0518", "'s-Gravenhage"),
            ("GM0344", "Utrecht"),
            ("GM1980", "Dijk en Waard"),
            ("GM1992", "Voorne aan Zee"),
        ] {
            assert_eq!(municipality(code).map(|m| m.name), Some(name), "{code}");
        }
    }

    #[test]
    fn merged_municipalities_are_gone() {
        // Weesp joined Amsterdam in 2022; Brielle, Hellevoetsluis and Westvoorne formed Voorne aan Zee in 2023.
        for code in ["GM0457", "GM0501", "GM0530", "GM0614", "GM0000"] {
            assert_eq!(municipality(code), None, "{code}");
        }
    }
}
