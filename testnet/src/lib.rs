//! Library side of ncen-testnet: federation orchestration, synthetic data, scenarios and benchmarks.

pub mod bench;
pub mod client;
pub mod cluster;
pub mod data;
pub mod export;
pub mod load;
pub mod members;
pub mod operation;
pub mod publications;
pub mod scenario;
pub mod up;
