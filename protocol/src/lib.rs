//! The nCEN protocol: the data model of the three national databases, the versioned code lists
//! they are validated against, the non-nominal projection sent to the WCO hub, the bounded CBOR
//! codec and the COSE_Sign1 envelopes that prove a record's origin. No I/O and no async runtime.

pub mod agreement;
pub mod board;
pub mod cbor;
pub mod codelists;
pub mod directory;
pub mod envelope;
pub mod global;
pub mod model;
pub mod operation;
pub mod projection;
pub mod record;
pub mod regions;
pub mod template;
pub mod validate;
pub mod wire;
