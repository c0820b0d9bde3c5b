//! The data model of the three national databases (MISSION N1): seizures and offences,
//! suspects and companies, and the small value types they share.

mod common;
mod company;
mod seizure;
mod suspect;

pub use common::{Address, Contact, ContactKind, PhotoRef};
pub use company::{Company, RegistrationNumber};
pub use seizure::{CompanyLink, Conveyance, GoodsLine, Money, Offender, Place, Route, Seizure};
pub use suspect::{IdentityDocument, Suspect};

/// A record's stable identifier: a UUIDv7, so that ids sort by creation time.
pub type RecordId = uuid::Uuid;
