//! Statistical disclosure control for the coordinator's tables and exports.
//!
//! A published table of counts can expose a person: "1 referral for honour-based violence in Tiel" may be someone
//! everybody can name. So cells with a count between 1 and `threshold − 1` are suppressed (*primary suppression*),
//! and so are enough other cells that no suppressed value can be computed back from the row and column totals
//! (*secondary suppression*).
//!
//! # Why the rule below is enough
//! Take the table with its margins: `R` rows and `C` columns of cells, a total per row, a total per column and the
//! grand total — an `(R+1) × (C+1)` grid. Flip the sign of the total row and the total column (the corner keeps
//! its sign): then every row and every column of the grid sums to zero. The published cells are known; the
//! suppressed cells are unknowns linked only by those line sums. Draw a bipartite graph with one node per grid row
//! and per grid column and one edge per suppressed cell. A suppressed cell is then determined by the line sums
//! exactly when its edge is a *bridge* of that graph: an edge on a cycle can move by `+δ, −δ, +δ, …` around the
//! cycle without changing any line sum, while a bridge's value is fixed by the totals on one side of it. (A line
//! with a single suppressed cell is the simplest bridge.) Secondary suppression therefore adds cells until no
//! suppressed cell is a bridge, choosing small positive inner cells first, so that the cycle can move in both
//! directions without a count going negative and as little as possible is hidden.
//!
//! # Protection intervals
//! Not being computable exactly is not enough: in `[[5,1,3],[0,15,11],[5,2,2]]` with threshold 5 the hidden cells
//! can each be narrowed to "between 1 and 4" from the published margins, which says as much as the count itself.
//! So after the bridges, every hidden cell's *feasible range* is computed the way an attacker would: the smallest
//! and largest value the cell can take in a table of non-negative counts that matches everything published (two
//! linear programmes per hidden cell, solved with `microlp`). While some hidden cell's range lies inside
//! `1..threshold−1`, one more cell next to it is hidden (and the bridges are checked again). The ranges are real-
//! valued, so at least as wide as the integer ones an attacker could compute: a range that is safe here is safe.
//!
//! # Overlapping tables
//! Suppression protects each table on its own. Two published tables that overlap — nested periods (Jan–Mar and
//! Jan–Feb), a filtered and an unfiltered version, a year and three of its quarters — can be subtracted to recover a
//! cell that each of them hides. [`ProtectedTable::rounded`] makes that rare: an attacker who enumerates every pair
//! of true tables consistent with two published ones recovers a small count exactly in 74 % of cases without
//! rounding and in 1.9 % with rounding to fives (`tests/disclosure_differencing.rs`; the separately rounded totals
//! are what still narrows it). Stronger guarantees need suppression consistent across a fixed hierarchy of tables
//! (months ⊂ quarters ⊂ years), or noise that gives the same cell the same perturbation in every table (the
//! cell-key method of statistical offices).

use serde::Serialize;

use crate::DomainError;

/// The smallest count a published cell may show, set per project (organisation). Below 3 a table names people too
/// easily; above 20 most community-level tables would be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Threshold(i64);

impl Threshold {
    pub const MIN: i64 = 3;
    pub const MAX: i64 = 20;
    /// The default of a new project: the usual rule of five of statistical offices.
    pub const DEFAULT: Threshold = Threshold(5);

    pub fn new(value: i64) -> Result<Self, DomainError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(DomainError::ThresholdOutOfRange { min: Self::MIN, max: Self::MAX, value })
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A table before disclosure control: counts per row and column, with labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// `values[row][column]`, all ≥ 0.
    pub values: Vec<Vec<i64>>,
}

/// One published cell: its value, or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Cell {
    Shown(i64),
    /// Below the threshold.
    Suppressed,
    /// Hidden so that a suppressed cell cannot be computed back.
    Complementary,
}

impl Cell {
    pub fn shown(self) -> Option<i64> {
        match self {
            Cell::Shown(v) => Some(v),
            _ => None,
        }
    }
}

/// A table after disclosure control, with its margins: `cells` is `(rows + 1) × (columns + 1)`; the last row holds
/// the column totals, the last column the row totals, the corner the grand total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProtectedTable {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<Cell>>,
    pub threshold: i64,
    /// The base shown counts were rounded to ([`ProtectedTable::rounded`]), if any.
    pub rounding: Option<i64>,
}

impl ProtectedTable {
    pub fn hidden_count(&self) -> usize {
        self.cells.iter().flatten().filter(|c| c.shown().is_none()).count()
    }

    /// Rounds every shown count to the nearest multiple of `base` (halves up; totals on their own, so they need not
    /// add up). Suppression protects one table; rounding makes it rare that two overlapping tables — January–March
    /// and January–February — subtract to an exact small count (see the module documentation for how rare).
    pub fn rounded(mut self, base: i64) -> Self {
        let base = base.max(1);
        for cell in self.cells.iter_mut().flatten() {
            if let Cell::Shown(value) = cell {
                *value = (*value + base / 2).div_euclid(base) * base;
            }
        }
        self.rounding = Some(base);
        self
    }
}

/// The table with its margins, as a grid.
fn with_margins(table: &Table) -> Vec<Vec<i64>> {
    let columns = table.columns.len();
    let mut grid: Vec<Vec<i64>> = table
        .values
        .iter()
        .map(|row| {
            let mut line = row.clone();
            line.resize(columns, 0);
            line.push(line.iter().sum());
            line
        })
        .collect();
    let totals: Vec<i64> = (0..=columns).map(|c| grid.iter().map(|row| row[c]).sum()).collect();
    grid.push(totals);
    grid
}

/// Applies primary and secondary suppression with the given threshold (counts `1..threshold` are hidden).
pub fn protect(table: &Table, threshold: i64) -> ProtectedTable {
    // Without a deadline the work always finishes.
    protect_within(table, threshold, None).unwrap_or_else(|TooMuchWork| unreachable!("no deadline was set"))
}

/// Protecting the table did not finish before the deadline: nothing may be published from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMuchWork;

/// [`protect`], giving up at `deadline`: a table with very many small counts costs many linear programmes, and a
/// server must bound the work one request can cause.
pub fn protect_within(
    table: &Table,
    threshold: i64,
    deadline: Option<std::time::Instant>,
) -> Result<ProtectedTable, TooMuchWork> {
    let out_of_time = || deadline.is_some_and(|d| std::time::Instant::now() >= d);
    let grid = with_margins(table);
    let (height, width) = (grid.len(), grid[0].len());
    let mut hidden = vec![vec![None::<Cell>; width]; height];
    for (r, row) in grid.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if *value > 0 && *value < threshold {
                hidden[r][c] = Some(Cell::Suppressed);
            }
        }
    }
    loop {
        // Every bridge of a pass gets its complement, then the bridges are found again (one linear-time search per
        // pass, not one per hidden cell).
        loop {
            let found = bridges(&hidden);
            if found.is_empty() {
                break;
            }
            let mut grew = false;
            for (r, c) in found {
                if out_of_time() {
                    return Err(TooMuchWork);
                }
                // An earlier complement of this pass may have put it on a cycle already.
                let still_a_bridge = !reachable(&hidden, r, (r, c))[hidden.len() + c];
                if !still_a_bridge {
                    continue;
                }
                if let Some((ar, ac)) = best_complement(&grid, &hidden, r, c) {
                    hidden[ar][ac] = Some(Cell::Complementary);
                    grew = true;
                }
            }
            if !grew {
                // Nothing left to hide in these components: every cell already is.
                break;
            }
        }
        if out_of_time() {
            return Err(TooMuchWork);
        }
        let narrow = first_too_narrow(&grid, &hidden, threshold, deadline)?;
        let Some(narrow) = narrow else { break };
        // Widen it: hide the cheapest open cell in its row or column (the bridges are checked again above).
        let Some((ar, ac)) = cheapest_open_in_lines(&grid, &hidden, narrow.row, narrow.column) else { break };
        hidden[ar][ac] = Some(Cell::Complementary);
    }
    Ok(ProtectedTable {
        rows: table.rows.clone(),
        columns: table.columns.clone(),
        cells: grid
            .iter()
            .zip(&hidden)
            .map(|(values, hidden)| values.iter().zip(hidden).map(|(v, h)| h.unwrap_or(Cell::Shown(*v))).collect())
            .collect(),
        rounding: None,
        threshold,
    })
}

/// A node on the depth-first path: the node, the edge (cell) it was reached by, and the next neighbour to look at.
type DepthFirstStep = (usize, Option<(usize, usize)>, usize);

/// Every hidden cell whose value the line sums would determine: the bridges of the graph whose nodes are the grid's
/// rows and columns and whose edges are the hidden cells (Tarjan's algorithm, iterative, linear in its size).
fn bridges(hidden: &[Vec<Option<Cell>>]) -> Vec<(usize, usize)> {
    let (height, width) = (hidden.len(), hidden[0].len());
    let nodes = height + width;
    let mut adjacent: Vec<Vec<(usize, (usize, usize))>> = vec![Vec::new(); nodes];
    for (r, c) in edges(hidden) {
        adjacent[r].push((height + c, (r, c)));
        adjacent[height + c].push((r, (r, c)));
    }
    let mut order = vec![usize::MAX; nodes];
    let mut low = vec![0; nodes];
    let mut found = Vec::new();
    let mut counter = 0;
    for root in 0..nodes {
        if order[root] != usize::MAX {
            continue;
        }
        let mut stack: Vec<DepthFirstStep> = vec![(root, None, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        while let Some(&mut (node, via, ref mut next)) = stack.last_mut() {
            if let Some(&(neighbour, edge)) = adjacent[node].get(*next) {
                *next += 1;
                if Some(edge) == via {
                    continue;
                }
                if order[neighbour] == usize::MAX {
                    order[neighbour] = counter;
                    low[neighbour] = counter;
                    counter += 1;
                    stack.push((neighbour, Some(edge), 0));
                } else {
                    low[node] = low[node].min(order[neighbour]);
                }
            } else {
                stack.pop();
                if let (Some(edge), Some(&(parent, _, _))) = (via, stack.last()) {
                    low[parent] = low[parent].min(low[node]);
                    if low[node] > order[parent] {
                        found.push(edge);
                    }
                }
            }
        }
    }
    found.sort_unstable();
    found
}

/// What an attacker can compute for one hidden cell from everything published: the smallest and largest value it
/// can take in a table of non-negative counts matching every shown cell and every line sum. `high` is infinite
/// when nothing bounds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeasibleRange {
    /// Grid position (margins included: the last row and column are totals).
    pub row: usize,
    pub column: usize,
    pub low: f64,
    pub high: f64,
}

impl FeasibleRange {
    /// Whether the range lies inside `1..threshold−1`: the cell is known to be a small non-zero count.
    pub fn is_too_narrow(&self, threshold: i64) -> bool {
        const SLACK: f64 = 1e-6;
        self.low >= 1.0 - SLACK && self.high <= (threshold - 1) as f64 + SLACK
    }
}

/// The feasible range of every hidden cell of a protected table (before rounding).
pub fn feasible_ranges(table: &ProtectedTable) -> Vec<FeasibleRange> {
    let grid: Vec<Vec<i64>> =
        table.cells.iter().map(|row| row.iter().map(|c| c.shown().unwrap_or(0)).collect()).collect();
    let hidden: Vec<Vec<Option<Cell>>> =
        table.cells.iter().map(|row| row.iter().map(|c| c.shown().is_none().then_some(*c)).collect()).collect();
    let cells: Vec<(usize, usize)> = edges(&hidden);
    cells.into_iter().filter_map(|cell| feasible_range(&grid, &hidden, cell, None, true).ok()).collect()
}

/// The first primary (small) hidden cell whose feasible range lies inside `1..threshold−1`, if any. Only primary
/// cells can: any other hidden cell's range contains its true value, which is 0 or at least the threshold.
fn first_too_narrow(
    grid: &[Vec<i64>],
    hidden: &[Vec<Option<Cell>>],
    threshold: i64,
    deadline: Option<std::time::Instant>,
) -> Result<Option<FeasibleRange>, TooMuchWork> {
    for cell in edges(hidden).into_iter().filter(|&(r, c)| hidden[r][c] == Some(Cell::Suppressed)) {
        let range = feasible_range(grid, hidden, cell, deadline, false)?;
        if range.is_too_narrow(threshold) {
            return Ok(Some(range));
        }
    }
    Ok(None)
}

/// One hidden cell's feasible range: two linear programmes over the hidden cells connected to it (the others cannot
/// move it), with the line equations of the grid (each inner row and column sums to its total, the totals row and
/// column to the grand total) and shown cells as constants. Unless `full`, the maximum is skipped (reported as
/// unbounded) when the minimum is already 0: such a range is never too narrow.
fn feasible_range(
    grid: &[Vec<i64>],
    hidden: &[Vec<Option<Cell>>],
    target: (usize, usize),
    deadline: Option<std::time::Instant>,
    full: bool,
) -> Result<FeasibleRange, TooMuchWork> {
    use microlp::{ComparisonOp, OptimizationDirection, Problem};
    let (height, width) = (grid.len(), grid[0].len());
    // The component of the hidden-cell graph that holds the target.
    let from_row = reachable(hidden, target.0, (usize::MAX, usize::MAX));
    let in_component = |(r, c): (usize, usize)| hidden[r][c].is_some() && from_row[r] && from_row[height + c];
    let mut index = vec![vec![None::<usize>; width]; height];
    let mut unknowns = Vec::new();
    for (r, row) in index.iter_mut().enumerate() {
        for (c, slot) in row.iter_mut().enumerate() {
            if in_component((r, c)) {
                *slot = Some(unknowns.len());
                unknowns.push((r, c));
            }
        }
    }
    // Each line: its cells with their sign (+1 for a part, −1 for the total); only lines touching the component.
    let mut lines: Vec<Vec<((usize, usize), f64)>> = Vec::new();
    for r in (0..height).filter(|&r| from_row[r]) {
        let mut line: Vec<_> = (0..width - 1).map(|c| ((r, c), 1.0)).collect();
        line.push(((r, width - 1), -1.0));
        lines.push(line);
    }
    for c in (0..width).filter(|&c| from_row[height + c]) {
        let mut line: Vec<_> = (0..height - 1).map(|r| ((r, c), 1.0)).collect();
        line.push(((height - 1, c), -1.0));
        lines.push(line);
    }
    let bound = |direction: OptimizationDirection| -> Result<f64, TooMuchWork> {
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Err(TooMuchWork);
        }
        let mut problem = Problem::new(direction);
        let variables: Vec<microlp::Variable> = unknowns
            .iter()
            .map(|&cell| problem.add_var(if cell == target { 1.0 } else { 0.0 }, (0.0, f64::INFINITY)))
            .collect();
        for line in &lines {
            let mut terms = Vec::new();
            let mut known = 0.0;
            for &((r, c), sign) in line {
                match index[r][c] {
                    Some(i) => terms.push((variables[i], sign)),
                    None => known += sign * grid[r][c] as f64,
                }
            }
            if !terms.is_empty() {
                problem.add_constraint(terms.as_slice(), ComparisonOp::Eq, -known);
            }
        }
        Ok(match problem.solve().map(|outcome| outcome.into_solution()) {
            Ok(Ok(solution)) => solution.objective(),
            // No limit (nothing bounds the cell from above), or no answer: as wide as possible, which never
            // counts as narrow, so the caller hides nothing more because of it.
            _ if direction == OptimizationDirection::Maximize => f64::INFINITY,
            _ => 0.0,
        })
    };
    let low = bound(OptimizationDirection::Minimize)?;
    let high = if low < 0.5 && !full { f64::INFINITY } else { bound(OptimizationDirection::Maximize)? };
    Ok(FeasibleRange { row: target.0, column: target.1, low, high })
}

/// The open cell in the row or column of `(r, c)` that is cheapest to hide: positive counts first, inner cells
/// before totals, then small values.
fn cheapest_open_in_lines(
    grid: &[Vec<i64>],
    hidden: &[Vec<Option<Cell>>],
    r: usize,
    c: usize,
) -> Option<(usize, usize)> {
    let (height, width) = (grid.len(), grid[0].len());
    (0..width)
        .map(|ac| (r, ac))
        .chain((0..height).map(|ar| (ar, c)))
        .filter(|&(ar, ac)| hidden[ar][ac].is_none())
        .min_by_key(|&(ar, ac)| {
            let margin = usize::from(ar == height - 1) + usize::from(ac == width - 1);
            (grid[ar][ac] == 0, margin, grid[ar][ac])
        })
}

/// Edges are hidden cells; nodes `0..height` are grid rows, `height..height+width` grid columns.
fn edges(hidden: &[Vec<Option<Cell>>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (r, row) in hidden.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_some() {
                out.push((r, c));
            }
        }
    }
    out
}

/// The nodes reachable from `start` without using edge `skip`.
fn reachable(hidden: &[Vec<Option<Cell>>], start: usize, skip: (usize, usize)) -> Vec<bool> {
    let height = hidden.len();
    let width = hidden[0].len();
    let mut seen = vec![false; height + width];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(node) = stack.pop() {
        let neighbours: Vec<usize> = if node < height {
            (0..width).filter(|c| hidden[node][*c].is_some() && (node, *c) != skip).map(|c| height + c).collect()
        } else {
            let c = node - height;
            (0..height).filter(|r| hidden[*r][c].is_some() && (*r, c) != skip).collect()
        };
        for n in neighbours {
            if !seen[n] {
                seen[n] = true;
                stack.push(n);
            }
        }
    }
    seen
}

/// The bridges by their definition, one search per hidden cell: the slow oracle the fast search is tested against.
#[cfg(test)]
fn bridges_by_definition(hidden: &[Vec<Option<Cell>>]) -> Vec<(usize, usize)> {
    let height = hidden.len();
    edges(hidden).into_iter().filter(|&(r, c)| !reachable(hidden, r, (r, c))[height + c]).collect()
}

/// The cell to hide so that the bridge `(r, c)` lies on a cycle, or, when no single cell can do that, one that
/// extends the hidden structure from it (the loop continues from there). Prefers positive counts (a hidden zero
/// cannot move down, so it protects less), then inner cells over totals, then small values.
fn best_complement(grid: &[Vec<i64>], hidden: &[Vec<Option<Cell>>], r: usize, c: usize) -> Option<(usize, usize)> {
    let height = grid.len();
    let width = grid[0].len();
    // The two sides of the bridge: what its row still reaches, and what its column still reaches.
    let row_side = reachable(hidden, r, (r, c));
    let column_side = reachable(hidden, height + c, (r, c));
    let cost = |(ar, ac): (usize, usize)| {
        let margin = usize::from(ar == height - 1) + usize::from(ac == width - 1);
        let value = grid[ar][ac];
        (value == 0, margin, value)
    };
    let open = |ar: usize, ac: usize| hidden[ar][ac].is_none();
    // An edge between the two sides closes a cycle through (r, c).
    let closing = (0..height)
        .flat_map(|ar| (0..width).map(move |ac| (ar, ac)))
        .filter(|&(ar, ac)| {
            open(ar, ac) && ((row_side[ar] && column_side[height + ac]) || (column_side[ar] && row_side[height + ac]))
        })
        .min_by_key(|&cell| cost(cell));
    let growing = || {
        // Otherwise grow from the bridge's own row or column.
        (0..width)
            .map(|ac| (r, ac))
            .chain((0..height).map(|ar| (ar, c)))
            .filter(|&(ar, ac)| open(ar, ac))
            .min_by_key(|&cell| cost(cell))
    };
    match closing {
        // A hidden zero can only move up, which pins the cycle it is on: grow with a positive count instead.
        Some(cell) if grid[cell.0][cell.1] == 0 => match growing() {
            Some(grown) if grid[grown.0][grown.1] > 0 => Some(grown),
            _ => Some(cell),
        },
        Some(cell) => Some(cell),
        None => growing(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(values: Vec<Vec<i64>>) -> Table {
        Table {
            rows: (0..values.len()).map(|i| format!("r{i}")).collect(),
            columns: (0..values[0].len()).map(|i| format!("c{i}")).collect(),
            values,
        }
    }

    #[test]
    fn threshold_is_checked_once_here() {
        assert_eq!(Threshold::default().get(), 5);
        assert_eq!(Threshold::new(3).map(Threshold::get), Ok(3));
        assert_eq!(Threshold::new(20).map(Threshold::get), Ok(20));
        for bad in [i64::MIN, 0, 1, 2, 21, i64::MAX] {
            let error = Threshold::new(bad).unwrap_err();
            assert_eq!((error.code(), error.field()), ("threshold_out_of_range", Some("threshold")));
        }
    }

    #[test]
    fn rounding_goes_to_the_nearest_five_and_leaves_hidden_cells_hidden() {
        let t = protect(&table(vec![vec![12, 7], vec![8, 30]]), 5).rounded(5);
        assert_eq!(t.rounding, Some(5));
        let shown: Vec<Vec<Option<i64>>> = t.cells.iter().map(|row| row.iter().map(|c| c.shown()).collect()).collect();
        // 12 7 | 19      10  5 | 20
        //  8 30 | 38  →  10 30 | 40   (totals rounded on their own: 55, not 20 + 40)
        // 20 37 | 57     20 35 | 55
        let expected = [[10, 5, 20], [10, 30, 40], [20, 35, 55]];
        assert_eq!(
            shown,
            expected.iter().map(|row| row.iter().map(|v| Some(*v)).collect::<Vec<_>>()).collect::<Vec<_>>()
        );
        let with_small = protect(&table(vec![vec![12, 2], vec![7, 30]]), 5);
        let hidden = with_small.hidden_count();
        let rounded = with_small.rounded(5);
        assert_eq!(rounded.hidden_count(), hidden, "hidden cells stay hidden");
        assert!(rounded.cells.iter().flatten().filter_map(|c| c.shown()).all(|v| v % 5 == 0));
    }

    #[test]
    fn nothing_small_nothing_hidden() {
        let t = protect(&table(vec![vec![10, 20], vec![30, 0]]), 5);
        assert_eq!(t.hidden_count(), 0);
        assert_eq!(t.cells[2][2], Cell::Shown(60));
    }

    #[test]
    fn one_small_cell_takes_three_complements_with_it() {
        let t = protect(&table(vec![vec![3, 20], vec![30, 40]]), 5);
        assert_eq!(t.cells[0][0], Cell::Suppressed);
        // The cheapest cycle: the 2×2 block of inner cells.
        assert_eq!(t.hidden_count(), 4, "{:?}", t.cells);
        assert_eq!(t.cells[2][2], Cell::Shown(93), "totals stay visible");
    }

    #[test]
    fn the_linear_bridge_search_finds_exactly_the_bridges() {
        // A small deterministic generator: hidden patterns of every density on grids up to 7 × 8.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..500 {
            let (height, width) = (2 + (next() % 6) as usize, 2 + (next() % 7) as usize);
            let density = next() % 100;
            let hidden: Vec<Vec<Option<Cell>>> = (0..height)
                .map(|_| (0..width).map(|_| (next() % 100 < density).then_some(Cell::Suppressed)).collect())
                .collect();
            assert_eq!(bridges(&hidden), bridges_by_definition(&hidden), "{hidden:?}");
        }
    }

    /// The example: bridges alone leave every hidden cell narrowed to "between 1 and 4".
    #[test]
    fn no_hidden_cell_can_be_narrowed_to_a_small_count() {
        let t = protect(&table(vec![vec![5, 1, 3], vec![0, 15, 11], vec![5, 2, 2]]), 5);
        let ranges = feasible_ranges(&t);
        assert!(!ranges.is_empty());
        for range in &ranges {
            assert!(!range.is_too_narrow(5), "{range:?} in {:?}", t.cells);
        }
        // Every small count is hidden.
        for (r, c) in [(0, 1), (0, 2), (2, 1), (2, 2)] {
            assert!(t.cells[r][c].shown().is_none(), "{:?}", t.cells);
        }
    }

    #[test]
    fn a_row_with_a_single_small_count_hides_its_total_too() {
        // Row 0's total equals its only count; the row total must go as well.
        let t = protect(&table(vec![vec![2, 0, 0], vec![10, 12, 9], vec![8, 7, 11]]), 5);
        assert_eq!(t.cells[0][0], Cell::Suppressed);
        assert!(t.cells[0][3].shown().is_none(), "{:?}", t.cells);
    }
}
