//! Synthetic data for a local federation: realistic, deterministic seizures, suspects and
//! companies that pass the protocol's validation, their photos, and the bulk-upload template
//! (XLSX and CSV) that national systems fill in.
//!
//! ```no_run
//! use ncen_testnet::data::{Generator, write_csv, write_xlsx};
//!
//! # fn main() -> anyhow::Result<()> {
//! let mut generator = Generator::new(42, "NL");
//! let seizures: Vec<_> = (0..100).map(|n| generator.seizure(n)).collect();
//! let suspects: Vec<_> = (0..10).map(|n| generator.suspect(n)).collect();
//! let companies: Vec<_> = (0..10).map(|n| generator.company(n)).collect();
//! write_xlsx("upload.xlsx".as_ref(), &seizures, &suspects, &companies)?;
//! write_csv("upload".as_ref(), &seizures, &suspects, &companies)?;
//! # Ok(())
//! # }
//! ```

mod commodities;
mod companies;
mod countries;
mod generator;
mod modes;
mod names;
mod people;
mod photo;
mod pick;
mod seizure;
pub mod template;
mod write;

#[cfg(test)]
mod tests;

pub use generator::Generator;
pub use photo::{HEIGHT, PNG_SIGNATURE, Photo, WIDTH};
pub use template::{Dataset, SHEETS, Sheet};
pub use write::{XLSX_MAX_ROWS, read_csv, write_csv, write_xlsx};
