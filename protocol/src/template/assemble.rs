//! From the tables of an upload to records: each seizure gathered from its row in `Seizures`
//! and its rows in `Goods`, `Offenders`, `SeizureCompanies` and `Photos`; each suspect and
//! company from its row. A record keeps the rows it came from, its links to other records
//! (resolved by the caller, who knows the store) and the refusals of its cells.

use std::collections::HashMap;

use crate::model::{
    Address, Company, CompanyLink, Contact, ContactKind, Conveyance, GoodsLine, IdentityDocument, Money,
    Offender, PhotoRef, Place, RegistrationNumber, Route, Seizure, Suspect,
};

use super::reader::{Columns, LinkTarget, RowReader};
use super::sheets::{
    ADDRESS_SLOTS, COMPANIES, CONTACT_SLOTS, GOODS, IDENTITY_DOCUMENT_SLOTS, OFFENDERS, PHOTOS,
    REGISTRATION_SLOTS, SEIZURE_COMPANIES, SEIZURES, SHEETS, SUSPECTS, Sheet,
};
use super::table::{RowError, SheetError, Table};

/// The rows a record came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Its row in `Seizures`, `Suspects` or `Companies`.
    pub main: u32,
    /// The rows of its goods lines, offenders, linked companies and photos, in order.
    pub goods: Vec<u32>,
    pub offenders: Vec<u32>,
    pub companies: Vec<u32>,
    pub photos: Vec<u32>,
}

/// What a link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `Offenders.suspect` → a suspect.
    Suspect,
    /// `SeizureCompanies.company` → a company.
    Company,
}

impl LinkKind {
    pub fn sheet(self) -> Sheet {
        match self {
            LinkKind::Suspect => OFFENDERS,
            LinkKind::Company => SEIZURE_COMPANIES,
        }
    }

    pub fn column(self) -> &'static str {
        match self {
            LinkKind::Suspect => "suspect",
            LinkKind::Company => "company",
        }
    }
}

/// A seizure's reference to a suspect or company, to be resolved to a record id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    /// Index of the offender or company link in the seizure.
    pub index: usize,
    pub target: LinkTarget,
    /// Its row in `Offenders` or `SeizureCompanies`.
    pub row: u32,
}

impl Link {
    /// A refusal of this link's cell.
    pub fn error(&self, reason: impl Into<String>) -> RowError {
        RowError::new(self.kind.sheet().name, self.row, Some(self.kind.column()), reason)
    }
}

/// One record read from an upload.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    pub record: T,
    pub rows: Rows,
    /// Links still to resolve (seizures only).
    pub links: Vec<Link>,
    /// Refused cells of its rows; a record with any is not stored.
    pub errors: Vec<RowError>,
}

impl<T> Parsed<T> {
    fn new(record: T, main: u32, errors: Vec<RowError>) -> Self {
        Parsed { record, rows: Rows { main, ..Rows::default() }, links: Vec::new(), errors }
    }
}

impl Parsed<Seizure> {
    /// Sets a resolved link's record id.
    pub fn set_link(&mut self, link: &Link, id: uuid::Uuid) {
        match link.kind {
            LinkKind::Suspect => {
                if let Some(o) = self.record.offenders.get_mut(link.index) {
                    o.suspect = Some(id);
                }
            }
            LinkKind::Company => {
                if let Some(c) = self.record.companies.get_mut(link.index) {
                    c.company = id;
                }
            }
        }
    }
}

/// The records of an upload, in the order of their rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Upload {
    pub seizures: Vec<Parsed<Seizure>>,
    pub suspects: Vec<Parsed<Suspect>>,
    pub companies: Vec<Parsed<Company>>,
    /// Refused rows that belong to no record (a goods line of a seizure not in the upload...).
    pub stray: Vec<RowError>,
    /// Data rows read per sheet present (blank rows not counted), in workbook order.
    pub rows: Vec<(&'static str, usize)>,
}

/// Reads every row of the tables into records. Missing sheets count as empty; a sheet whose
/// header lacks a required column, or has an unknown one, makes the whole upload unreadable.
pub fn assemble(tables: Vec<(Sheet, Table)>) -> Result<Upload, SheetError> {
    let mut by_name: HashMap<&'static str, (Columns, Table)> = HashMap::new();
    for (sheet, table) in tables {
        let columns = Columns::new(sheet, &table.header)?;
        by_name.insert(sheet.name, (columns, table));
    }
    let mut up = Upload {
        rows: SHEETS
            .iter()
            .filter_map(|s| by_name.get(s.name).map(|(_, t)| (s.name, t.filled_rows())))
            .collect(),
        ..Upload::default()
    };
    let mut each = |sheet: Sheet, f: &mut dyn FnMut(RowReader)| {
        if let Some((columns, table)) = by_name.remove(sheet.name) {
            for row in table.rows {
                if row.cells.iter().all(super::Cell::is_blank) {
                    continue;
                }
                f(RowReader::new(&columns, row));
            }
        }
    };
    let mut seizure_at: HashMap<String, usize> = HashMap::new();
    each(SEIZURES, &mut |mut r| {
        let parsed = seizure(&mut r);
        push_unique(&mut up.seizures, &mut seizure_at, parsed, r, |s| &s.national_reference);
    });
    let mut suspect_at: HashMap<String, usize> = HashMap::new();
    each(SUSPECTS, &mut |mut r| {
        let parsed = suspect(&mut r);
        push_unique(&mut up.suspects, &mut suspect_at, parsed, r, |s| &s.national_reference);
    });
    let mut company_at: HashMap<String, usize> = HashMap::new();
    each(COMPANIES, &mut |mut r| {
        let parsed = company(&mut r);
        push_unique(&mut up.companies, &mut company_at, parsed, r, |c| &c.national_reference);
    });
    let seizures = &mut up.seizures;
    let stray = &mut up.stray;
    each(GOODS, &mut |mut r| {
        let reference = r.required("national_reference");
        let line = goods_line(&mut r);
        if let Some(s) = owner(seizures, &seizure_at, &reference, &mut r, stray) {
            s.record.goods.push(line);
            s.rows.goods.push(r.row);
            s.errors.append(&mut r.errors);
        }
    });
    each(OFFENDERS, &mut |mut r| {
        let reference = r.required("national_reference");
        let target = r.link("suspect");
        let offender = Offender {
            suspect: None,
            nationality: r.text("nationality"),
            sex: r.text("sex"),
            age: r.small_whole("age"),
        };
        if let Some(s) = owner(seizures, &seizure_at, &reference, &mut r, stray) {
            if let Some(target) = target {
                let index = s.record.offenders.len();
                s.links.push(Link { kind: LinkKind::Suspect, index, target, row: r.row });
            }
            s.record.offenders.push(offender);
            s.rows.offenders.push(r.row);
            s.errors.append(&mut r.errors);
        }
    });
    each(SEIZURE_COMPANIES, &mut |mut r| {
        let reference = r.required("national_reference");
        let target = r.link("company");
        if target.is_none() {
            r.error(Some("company"), "is required");
        }
        let link = CompanyLink { company: uuid::Uuid::nil(), role: r.required("role") };
        if let Some(s) = owner(seizures, &seizure_at, &reference, &mut r, stray) {
            if let Some(target) = target {
                let index = s.record.companies.len();
                s.links.push(Link { kind: LinkKind::Company, index, target, row: r.row });
            }
            s.record.companies.push(link);
            s.rows.companies.push(r.row);
            s.errors.append(&mut r.errors);
        }
    });
    let suspects = &mut up.suspects;
    each(PHOTOS, &mut |mut r| {
        let collection = r.choice("collection", &["seizures", "suspects"]);
        if collection.is_none() && !r.errors.iter().any(|e| e.column.as_deref() == Some("collection")) {
            r.error(Some("collection"), "is required");
        }
        let reference = r.required("national_reference");
        let photo = PhotoRef {
            kind: r.required("kind"),
            sha256: r.required("sha256"),
            media_type: r.text("media_type").unwrap_or_else(|| "image/png".into()),
            caption: r.text("caption"),
        };
        let row = r.row;
        match collection {
            Some("seizures") => {
                if let Some(s) = owner(seizures, &seizure_at, &reference, &mut r, stray) {
                    s.record.photos.push(photo);
                    s.rows.photos.push(row);
                    s.errors.append(&mut r.errors);
                }
            }
            Some(_) => match suspect_at.get(&reference).and_then(|&i| suspects.get_mut(i)) {
                Some(s) => {
                    s.record.photos.push(photo);
                    s.rows.photos.push(row);
                    s.errors.append(&mut r.errors);
                }
                None => {
                    if !reference.is_empty() {
                        r.error(
                            Some("national_reference"),
                            format!("no suspect {reference:?} in sheet Suspects"),
                        );
                    }
                    stray.append(&mut r.errors);
                }
            },
            None => stray.append(&mut r.errors),
        }
    });
    Ok(up)
}

/// Adds a record read from a main sheet; a repeated national reference makes the later row
/// invalid.
fn push_unique<T>(
    list: &mut Vec<Parsed<T>>,
    at: &mut HashMap<String, usize>,
    record: T,
    mut r: RowReader,
    reference: impl Fn(&T) -> &String,
) {
    let key = reference(&record).clone();
    if !key.is_empty() {
        if let Some(first) = at.get(&key).and_then(|&i| list.get(i)) {
            let first_row = first.rows.main;
            r.error(
                Some("national_reference"),
                format!("{key:?} appears twice in sheet {} (rows {first_row} and {})", r.sheet(), r.row),
            );
        } else {
            at.insert(key, list.len());
        }
    }
    list.push(Parsed::new(record, r.row, r.errors));
}

/// The seizure a child row belongs to; a row of no seizure goes to `stray`.
fn owner<'s>(
    seizures: &'s mut [Parsed<Seizure>],
    at: &HashMap<String, usize>,
    reference: &str,
    r: &mut RowReader,
    stray: &mut Vec<RowError>,
) -> Option<&'s mut Parsed<Seizure>> {
    match at.get(reference).and_then(|&i| seizures.get_mut(i)) {
        Some(s) => Some(s),
        None => {
            if !reference.is_empty() {
                r.error(Some("national_reference"), format!("no seizure {reference:?} in sheet Seizures"));
            }
            stray.append(&mut r.errors);
            None
        }
    }
}

fn seizure(r: &mut RowReader) -> Seizure {
    let national_reference = r.required("national_reference");
    let date = r.required_date("date");
    let place = Place {
        name: r.text("place.name"),
        location_type: r.required("place.location_type"),
        country: r.required("place.country"),
    };
    let direction = r.required("direction");
    let detection_method = r.required("detection_method");
    let identifier = r.text("conveyance.identifier");
    let conveyance = match (r.text("conveyance.type"), identifier) {
        (Some(kind), identifier) => Some(Conveyance { kind, identifier }),
        (None, Some(_)) => {
            r.error(Some("conveyance.type"), "is required when conveyance.identifier is filled");
            None
        }
        (None, None) => None,
    };
    Seizure {
        national_reference,
        date,
        place,
        direction,
        detection_method,
        conveyance,
        concealment: r.text("concealment"),
        route: Route {
            departure: r.text("route.departure"),
            transit: r.list("route.transit"),
            destination: r.text("route.destination"),
        },
        goods: Vec::new(),
        offenders: Vec::new(),
        companies: Vec::new(),
        photos: Vec::new(),
        remarks: r.text("remarks"),
        summary: r.text("summary"),
    }
}

fn goods_line(r: &mut RowReader) -> GoodsLine {
    let commodity = r.required("commodity");
    let description = r.text("description");
    let quantity = r.required_number("quantity");
    let unit = r.required("unit");
    let amount_given = r.any(&["value.amount"]);
    let value = match (r.number("value.amount"), r.text("value.currency")) {
        (Some(amount), Some(currency)) => Some(Money { amount, currency }),
        (None, Some(_)) if !amount_given => {
            r.error(Some("value.amount"), "is required when value.currency is filled");
            None
        }
        (Some(_), None) => {
            r.error(Some("value.currency"), "is required when value.amount is filled");
            None
        }
        _ => None,
    };
    GoodsLine { commodity, description, quantity, unit, value }
}

/// A group of numbered columns (`addresses[0].street`, ...): `None` when all are empty.
fn group_filled(r: &RowReader, prefix: &str, fields: &[&str]) -> bool {
    let columns: Vec<String> = fields.iter().map(|f| format!("{prefix}.{f}")).collect();
    let refs: Vec<&str> = columns.iter().map(String::as_str).collect();
    r.any(&refs)
}

/// A required member of a filled group of numbered columns.
fn group_required(r: &mut RowReader, prefix: &str, field: &str) -> String {
    let column = format!("{prefix}.{field}");
    r.text(&column).unwrap_or_else(|| {
        r.error(Some(column.as_str()), format!("is required when another {prefix} column is filled"));
        String::new()
    })
}

fn addresses(r: &mut RowReader) -> Vec<Address> {
    let mut out = Vec::new();
    for i in 0..ADDRESS_SLOTS {
        let p = format!("addresses[{i}]");
        if !group_filled(r, &p, &["street", "city", "postal_code", "country"]) {
            continue;
        }
        out.push(Address {
            street: r.text(&format!("{p}.street")),
            city: r.text(&format!("{p}.city")),
            postal_code: r.text(&format!("{p}.postal_code")),
            country: group_required(r, &p, "country"),
        });
    }
    out
}

fn contacts(r: &mut RowReader) -> Vec<Contact> {
    let mut out = Vec::new();
    for i in 0..CONTACT_SLOTS {
        let p = format!("contacts[{i}]");
        if !group_filled(r, &p, &["kind", "value"]) {
            continue;
        }
        let kind = match r.choice(&format!("{p}.kind"), &["PHONE", "EMAIL", "OTHER"]) {
            Some("PHONE") => ContactKind::Phone,
            Some("EMAIL") => ContactKind::Email,
            _ => ContactKind::Other,
        };
        out.push(Contact { kind, value: group_required(r, &p, "value") });
    }
    out
}

fn suspect(r: &mut RowReader) -> Suspect {
    let national_reference = r.required("national_reference");
    let family_name = r.required("family_name");
    let given_names = r.text("given_names");
    let aliases = r.list("aliases");
    let date_of_birth = r.date("date_of_birth");
    let place_of_birth = r.text("place_of_birth");
    let nationality = r.text("nationality");
    let sex = r.text("sex");
    let mut identity_documents = Vec::new();
    for i in 0..IDENTITY_DOCUMENT_SLOTS {
        let p = format!("identity_documents[{i}]");
        if !group_filled(r, &p, &["kind", "number", "issuing_country", "expiry"]) {
            continue;
        }
        identity_documents.push(IdentityDocument {
            kind: group_required(r, &p, "kind"),
            number: group_required(r, &p, "number"),
            issuing_country: group_required(r, &p, "issuing_country"),
            expiry: r.date(&format!("{p}.expiry")),
        });
    }
    Suspect {
        national_reference,
        family_name,
        given_names,
        aliases,
        date_of_birth,
        place_of_birth,
        nationality,
        sex,
        identity_documents,
        addresses: addresses(r),
        contacts: contacts(r),
        photos: Vec::new(),
        remarks: r.text("remarks"),
    }
}

fn company(r: &mut RowReader) -> Company {
    let national_reference = r.required("national_reference");
    let name = r.required("name");
    let country = r.required("country");
    let role = r.text("role");
    let mut registration_numbers = Vec::new();
    for i in 0..REGISTRATION_SLOTS {
        let p = format!("registration_numbers[{i}]");
        if !group_filled(r, &p, &["scheme", "value"]) {
            continue;
        }
        registration_numbers.push(RegistrationNumber {
            scheme: group_required(r, &p, "scheme"),
            value: group_required(r, &p, "value"),
        });
    }
    Company {
        national_reference,
        name,
        registration_numbers,
        country,
        addresses: addresses(r),
        contacts: contacts(r),
        role,
        remarks: r.text("remarks"),
    }
}
