//! The bulk-upload template: what a national system fills in to upload many records at once
//! (MISSION N3, C2), as an XLSX workbook or as one CSV file per sheet. This module is its one
//! definition: the sheets and their columns, records written as rows, and rows read back into
//! records with every refused cell named by sheet, row and column. No I/O: the writers and
//! readers of files (the testnet's generator, the node's import) hand cells in and out.
//!
//! Every column header is the JSON path of the field in the record (`place.name`,
//! `value.amount`, `identity_documents[0].number`...), so that a validation error, which names
//! the field by the same path, points at the column. Rules:
//!
//! - one sheet (or CSV file) per table, the header row first, then one row per item;
//! - rows of the child sheets (`Goods`, `Offenders`, `SeizureCompanies`, `Photos`) refer to
//!   their record by `national_reference` and keep the record's order;
//! - an offender's `suspect` and a linked `company` name the record by its national reference
//!   (in the same upload or already at the node) or by its record id;
//! - an empty cell is an absent field; codes are the code-list codes (`DRUGS.COCAINE`, `KGM`);
//! - dates are text `YYYY-MM-DD` or date cells; quantities, amounts and ages are numbers or
//!   numeric text (a dot for decimals, no thousands separator);
//! - a list of simple values (`route.transit`, `aliases`) is one cell, values joined by `;`;
//! - lists of small structures of suspects and companies (identity documents, addresses,
//!   contacts, registration numbers) have numbered columns, up to the slot counts;
//! - CSV files are UTF-8 with a header row, comma-separated, quoted where needed.
//!
//! | sheet | CSV file | one row per |
//! | --- | --- | --- |
//! | `Seizures` | `seizures.csv` | seizure ([`SEIZURE_COLUMNS`]) |
//! | `Goods` | `goods.csv` | goods line ([`GOODS_COLUMNS`]) |
//! | `Offenders` | `offenders.csv` | offender ([`OFFENDER_COLUMNS`]) |
//! | `SeizureCompanies` | `seizure_companies.csv` | company linked to a seizure ([`SEIZURE_COMPANY_COLUMNS`]) |
//! | `Photos` | `photos.csv` | photo reference of a seizure or suspect ([`PHOTO_COLUMNS`]) |
//! | `Suspects` | `suspects.csv` | suspect ([`SUSPECT_COLUMNS`]) |
//! | `Companies` | `companies.csv` | company ([`COMPANY_COLUMNS`]) |

mod assemble;
mod cell;
mod example;
mod locate;
mod reader;
mod sheets;
mod table;
mod write;

#[cfg(test)]
mod tests;

pub use assemble::{Link, LinkKind, Parsed, Rows, Upload, assemble};
pub use cell::{Cell, iso_date};
pub use example::{example, example_link};
pub use locate::{Locate, locate};
pub use reader::{LinkTarget, check_header, parse_date};
pub use sheets::*;
pub use table::{Row, RowError, SheetError, Table};
pub use write::{TooManyItems, rows, rows_linked};
