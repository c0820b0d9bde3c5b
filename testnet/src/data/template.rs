//! The bulk-upload template as the generator uses it. Its one definition (sheets, columns,
//! records to rows and back) is [`ncen_protocol::template`]; this module adds the round trip
//! of whole datasets through text tables, which the generator's tests read back.

use std::collections::HashMap;

use anyhow::{anyhow, bail};
use ncen_protocol::model::{Company, Seizure, Suspect};
use ncen_protocol::template::{self as shared, LinkTarget};
pub use ncen_protocol::template::{
    ADDRESS_SLOTS, CONTACT_SLOTS, Cell, IDENTITY_DOCUMENT_SLOTS, LIST_SEPARATOR, REGISTRATION_SLOTS, SHEETS,
    Sheet, rows,
};

/// The records of an upload.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub seizures: Vec<Seizure>,
    pub suspects: Vec<Suspect>,
    pub companies: Vec<Company>,
}

/// The rows of one sheet as read back: the header row first, cells as text (empty for an
/// absent value; numbers written the way Rust prints an `f64`).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
}

impl Dataset {
    /// Rebuilds the records from the sheets of a filled-in template, keyed by sheet name.
    /// Every sheet of [`SHEETS`] must be present (possibly with a header only); links must be
    /// record ids. The first refused cell, if any, is the error.
    pub fn from_tables(tables: &HashMap<String, Table>) -> anyhow::Result<Dataset> {
        let mut input = Vec::new();
        for sheet in SHEETS {
            let table =
                tables.get(sheet.name).ok_or_else(|| anyhow!("the upload has no sheet {}", sheet.name))?;
            let mut rows = table.rows.iter();
            let header =
                rows.next().ok_or_else(|| anyhow!("sheet {} has no header row", sheet.name))?.clone();
            let rows = rows
                .enumerate()
                .map(|(i, cells)| shared::Row {
                    number: i as u32 + 2,
                    cells: cells
                        .iter()
                        .map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c.clone()) })
                        .collect(),
                })
                .collect();
            input.push((sheet, shared::Table { header, rows }));
        }
        let upload = shared::assemble(input)?;
        if let Some(e) = upload.stray.first() {
            bail!("{e}");
        }
        let mut data = Dataset::default();
        for mut parsed in upload.seizures {
            if let Some(e) = parsed.errors.first() {
                bail!("{e}");
            }
            for link in parsed.links.clone() {
                match link.target {
                    LinkTarget::Id(id) => parsed.set_link(&link, id),
                    LinkTarget::Reference(_) => bail!("{}", link.error("give the record id")),
                }
            }
            data.seizures.push(parsed.record);
        }
        for parsed in upload.suspects {
            if let Some(e) = parsed.errors.first() {
                bail!("{e}");
            }
            data.suspects.push(parsed.record);
        }
        for parsed in upload.companies {
            if let Some(e) = parsed.errors.first() {
                bail!("{e}");
            }
            data.companies.push(parsed.record);
        }
        Ok(data)
    }
}
