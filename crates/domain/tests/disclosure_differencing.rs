//! Differencing: two overlapping tables (January–March and January–February, say) that each pass suppression can
//! be subtracted to recover a small count of March. Rounded to fives, every difference stands for at least five
//! possible counts, so no small count is pinned down. (Suppression alone is shown to lose in the control test.)

use proptest::prelude::*;
use sleutel_domain::disclosure::{Table, protect};

const THRESHOLD: i64 = 5;
const BASE: i64 = 5;

fn table(values: &[Vec<i64>]) -> Table {
    Table {
        rows: (0..values.len()).map(|i| format!("r{i}")).collect(),
        columns: (0..values[0].len()).map(|i| format!("c{i}")).collect(),
        values: values.to_vec(),
    }
}

/// For every cell both tables show: the counts the later period's increment could have, from the published numbers.
fn candidates(earlier: &[Vec<i64>], increment: &[Vec<i64>], rounding: Option<i64>) -> Vec<(i64, Vec<i64>)> {
    let later: Vec<Vec<i64>> =
        earlier.iter().zip(increment).map(|(a, d)| a.iter().zip(d).map(|(x, y)| x + y).collect()).collect();
    let publish = |values: &[Vec<i64>]| {
        let protected = protect(&table(values), THRESHOLD);
        match rounding {
            Some(base) => protected.rounded(base),
            None => protected,
        }
    };
    let (first, second) = (publish(earlier), publish(&later));
    let half = rounding.map_or(0, |base| (base - 1) / 2);
    let mut out = Vec::new();
    for (r, row) in increment.iter().enumerate() {
        for (c, truth) in row.iter().enumerate() {
            if let (Some(a), Some(b)) = (first.cells[r][c].shown(), second.cells[r][c].shown()) {
                // Each published count stands for the counts within `half` of it.
                let possible: Vec<i64> = ((b - a - 2 * half)..=(b - a + 2 * half)).filter(|x| *x >= 0).collect();
                out.push((*truth, possible));
            }
        }
    }
    out
}

#[test]
fn suppression_alone_loses_to_subtraction() {
    // January–February: 10 and 20; March adds 2 to the first cell. Both tables show that cell (10, then 12).
    let found = candidates(&[vec![10, 20]], &[vec![2, 0]], None);
    assert!(found.contains(&(2, vec![2])), "the attacker recovers March's 2 exactly: {found:?}");
    // The same two tables rounded to fives: 10 and 10 — March's count could be anything from 0 to 4.
    let rounded = candidates(&[vec![10, 20]], &[vec![2, 0]], Some(BASE));
    assert!(rounded.contains(&(2, vec![0, 1, 2, 3, 4])), "{rounded:?}");
}

fn count() -> impl Strategy<Value = i64> {
    prop_oneof![2 => Just(0i64), 3 => 1i64..5, 4 => 5i64..60]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn rounded_tables_do_not_subtract_to_a_small_count(
        (earlier, increment) in (1usize..6, 1usize..6).prop_flat_map(|(rows, cols)| (
            proptest::collection::vec(proptest::collection::vec(count(), cols), rows),
            proptest::collection::vec(proptest::collection::vec(0i64..5, cols), rows),
        ))
    ) {
        for (truth, possible) in candidates(&earlier, &increment, Some(BASE)) {
            prop_assert!(possible.contains(&truth), "the published numbers allow the truth");
            prop_assert!(possible.len() >= BASE as usize, "{truth} narrowed to {possible:?}");
        }
    }
}
