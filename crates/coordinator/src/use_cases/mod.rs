//! The coordinator's rules, one use case at a time, written once for every storage engine. A use case asks its
//! storage for small, engine-neutral steps inside one transaction (a trait per use case); the engine only runs them.
//! So the rules for an upload (replays, reused batch ids, revocation, ceilings, newer versions) live here, not in
//! SQL.

pub mod upload;
