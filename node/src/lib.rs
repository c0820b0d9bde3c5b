//! The nCEN node: its durable store, record and account services, audit chain and REST API.
//! The `ncen-node` binary (in `main.rs`) is a thin command line over [`app`].

pub mod accounts;
pub mod api;
pub mod app;
pub mod audit;
pub mod board;
pub mod cen;
pub mod codelists;
pub mod federation;
pub mod holdings;
pub mod identity;
pub mod import;
pub mod investigations;
pub mod journal;
pub mod metrics;
pub mod net;
pub mod operations;
pub mod photos;
pub mod records;
pub mod roles;
pub mod search;
pub mod store;
mod ui;
