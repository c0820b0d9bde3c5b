//! The bulk-upload template: what a national system fills in to upload many records at once
//! (MISSION N3, C2), as an XLSX workbook or as one CSV file per sheet.
//!
//! Every column header is the JSON path of the field in the record (`place.name`,
//! `value.amount`, `identity_documents[0].number`...), so that a validation error, which names
//! the field by the same path, points at the column. Rules:
//!
//! - one sheet (or CSV file) per table, the header row first, then one row per item;
//! - rows of the child sheets (`Goods`, `Offenders`, `SeizureCompanies`, `Photos`) refer to
//!   their record by `national_reference` and keep the record's order;
//! - an empty cell is an absent field; codes are the code-list codes (`DRUGS.COCAINE`, `KGM`);
//! - dates are text `YYYY-MM-DD`; quantities, amounts and ages are numbers (in CSV, written
//!   with a dot and no thousands separator);
//! - a list of simple values (`route.transit`, `aliases`) is one cell, values joined by `;`;
//! - lists of small structures of suspects and companies (identity documents, addresses,
//!   contacts, registration numbers) have numbered columns, up to the slot counts below;
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

use std::collections::HashMap;

use anyhow::{Context as _, anyhow, bail};
use ncen_protocol::model::{
    Address, Company, CompanyLink, Contact, ContactKind, Conveyance, GoodsLine, IdentityDocument, Money,
    Offender, PhotoRef, Place, RegistrationNumber, Route, Seizure, Suspect,
};

/// Separator of the values of a multi-valued cell.
pub const LIST_SEPARATOR: char = ';';
/// Identity document columns per suspect.
pub const IDENTITY_DOCUMENT_SLOTS: usize = 3;
/// Address columns per suspect or company.
pub const ADDRESS_SLOTS: usize = 2;
/// Contact columns per suspect or company.
pub const CONTACT_SLOTS: usize = 3;
/// Registration number columns per company.
pub const REGISTRATION_SLOTS: usize = 3;

/// `Seizures`: one row per seizure.
pub const SEIZURE_COLUMNS: &[&str] = &[
    "national_reference",
    "date",
    "place.name",
    "place.location_type",
    "place.country",
    "direction",
    "detection_method",
    "conveyance.type",
    "conveyance.identifier",
    "concealment",
    "route.departure",
    "route.transit",
    "route.destination",
    "remarks",
    "summary",
];

/// `Goods`: one row per goods line.
pub const GOODS_COLUMNS: &[&str] =
    &["national_reference", "commodity", "description", "quantity", "unit", "value.amount", "value.currency"];

/// `Offenders`: one row per offender; `suspect` is the id of a suspect record, if known.
pub const OFFENDER_COLUMNS: &[&str] = &["national_reference", "suspect", "nationality", "sex", "age"];

/// `SeizureCompanies`: one row per company linked to a seizure (`company` is its record id).
pub const SEIZURE_COMPANY_COLUMNS: &[&str] = &["national_reference", "company", "role"];

/// `Photos`: one row per photo reference; `collection` is `seizures` or `suspects`, the image
/// itself travels beside the workbook, named by its SHA-256.
pub const PHOTO_COLUMNS: &[&str] =
    &["collection", "national_reference", "kind", "sha256", "media_type", "caption"];

/// `Suspects`: one row per suspect.
pub const SUSPECT_COLUMNS: &[&str] = &[
    "national_reference",
    "family_name",
    "given_names",
    "aliases",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "sex",
    "identity_documents[0].kind",
    "identity_documents[0].number",
    "identity_documents[0].issuing_country",
    "identity_documents[0].expiry",
    "identity_documents[1].kind",
    "identity_documents[1].number",
    "identity_documents[1].issuing_country",
    "identity_documents[1].expiry",
    "identity_documents[2].kind",
    "identity_documents[2].number",
    "identity_documents[2].issuing_country",
    "identity_documents[2].expiry",
    "addresses[0].street",
    "addresses[0].city",
    "addresses[0].postal_code",
    "addresses[0].country",
    "addresses[1].street",
    "addresses[1].city",
    "addresses[1].postal_code",
    "addresses[1].country",
    "contacts[0].kind",
    "contacts[0].value",
    "contacts[1].kind",
    "contacts[1].value",
    "contacts[2].kind",
    "contacts[2].value",
    "remarks",
];

/// `Companies`: one row per company.
pub const COMPANY_COLUMNS: &[&str] = &[
    "national_reference",
    "name",
    "country",
    "role",
    "registration_numbers[0].scheme",
    "registration_numbers[0].value",
    "registration_numbers[1].scheme",
    "registration_numbers[1].value",
    "registration_numbers[2].scheme",
    "registration_numbers[2].value",
    "addresses[0].street",
    "addresses[0].city",
    "addresses[0].postal_code",
    "addresses[0].country",
    "addresses[1].street",
    "addresses[1].city",
    "addresses[1].postal_code",
    "addresses[1].country",
    "contacts[0].kind",
    "contacts[0].value",
    "contacts[1].kind",
    "contacts[1].value",
    "contacts[2].kind",
    "contacts[2].value",
    "remarks",
];

/// One sheet of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    /// Worksheet name in the XLSX workbook.
    pub name: &'static str,
    /// File name in the CSV directory.
    pub file: &'static str,
    pub columns: &'static [&'static str],
}

/// The sheets, in workbook order.
pub const SHEETS: [Sheet; 7] = [
    Sheet { name: "Seizures", file: "seizures.csv", columns: SEIZURE_COLUMNS },
    Sheet { name: "Goods", file: "goods.csv", columns: GOODS_COLUMNS },
    Sheet { name: "Offenders", file: "offenders.csv", columns: OFFENDER_COLUMNS },
    Sheet { name: "SeizureCompanies", file: "seizure_companies.csv", columns: SEIZURE_COMPANY_COLUMNS },
    Sheet { name: "Photos", file: "photos.csv", columns: PHOTO_COLUMNS },
    Sheet { name: "Suspects", file: "suspects.csv", columns: SUSPECT_COLUMNS },
    Sheet { name: "Companies", file: "companies.csv", columns: COMPANY_COLUMNS },
];

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    fn text(value: &str) -> Cell {
        Cell::Text(value.to_owned())
    }

    fn opt(value: Option<&str>) -> Cell {
        value.map_or(Cell::Empty, Cell::text)
    }

    fn list(values: &[String]) -> Cell {
        if values.is_empty() { Cell::Empty } else { Cell::Text(values.join(&LIST_SEPARATOR.to_string())) }
    }

    /// The cell as CSV text.
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => x.to_string(),
        }
    }
}

/// The records of an upload.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub seizures: Vec<Seizure>,
    pub suspects: Vec<Suspect>,
    pub companies: Vec<Company>,
}

/// Calls `row` with every data row of `sheet` (the header excluded), in order.
pub fn rows(
    sheet: &Sheet,
    seizures: &[Seizure],
    suspects: &[Suspect],
    companies: &[Company],
    row: &mut dyn FnMut(Vec<Cell>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match sheet.name {
        "Seizures" => {
            for s in seizures {
                row(seizure_row(s))?;
            }
        }
        "Goods" => {
            for s in seizures {
                for g in &s.goods {
                    row(vec![
                        Cell::text(&s.national_reference),
                        Cell::text(&g.commodity),
                        Cell::opt(g.description.as_deref()),
                        Cell::Number(g.quantity),
                        Cell::text(&g.unit),
                        g.value.as_ref().map_or(Cell::Empty, |v| Cell::Number(v.amount)),
                        Cell::opt(g.value.as_ref().map(|v| v.currency.as_str())),
                    ])?;
                }
            }
        }
        "Offenders" => {
            for s in seizures {
                for o in &s.offenders {
                    row(vec![
                        Cell::text(&s.national_reference),
                        o.suspect.map_or(Cell::Empty, |id| Cell::Text(id.to_string())),
                        Cell::opt(o.nationality.as_deref()),
                        Cell::opt(o.sex.as_deref()),
                        o.age.map_or(Cell::Empty, |a| Cell::Number(f64::from(a))),
                    ])?;
                }
            }
        }
        "SeizureCompanies" => {
            for s in seizures {
                for c in &s.companies {
                    row(vec![
                        Cell::text(&s.national_reference),
                        Cell::Text(c.company.to_string()),
                        Cell::text(&c.role),
                    ])?;
                }
            }
        }
        "Photos" => {
            let seizure_photos = seizures.iter().map(|s| ("seizures", &s.national_reference, &s.photos));
            let suspect_photos = suspects.iter().map(|s| ("suspects", &s.national_reference, &s.photos));
            for (collection, reference, photos) in seizure_photos.chain(suspect_photos) {
                for p in photos {
                    row(vec![
                        Cell::text(collection),
                        Cell::text(reference),
                        Cell::text(&p.kind),
                        Cell::text(&p.sha256),
                        Cell::text(&p.media_type),
                        Cell::opt(p.caption.as_deref()),
                    ])?;
                }
            }
        }
        "Suspects" => {
            for s in suspects {
                row(suspect_row(s)?)?;
            }
        }
        "Companies" => {
            for c in companies {
                row(company_row(c)?)?;
            }
        }
        other => bail!("no sheet {other} in the upload template"),
    }
    Ok(())
}

fn seizure_row(s: &Seizure) -> Vec<Cell> {
    vec![
        Cell::text(&s.national_reference),
        Cell::text(&s.date),
        Cell::opt(s.place.name.as_deref()),
        Cell::text(&s.place.location_type),
        Cell::text(&s.place.country),
        Cell::text(&s.direction),
        Cell::text(&s.detection_method),
        Cell::opt(s.conveyance.as_ref().map(|c| c.kind.as_str())),
        Cell::opt(s.conveyance.as_ref().and_then(|c| c.identifier.as_deref())),
        Cell::opt(s.concealment.as_deref()),
        Cell::opt(s.route.departure.as_deref()),
        Cell::list(&s.route.transit),
        Cell::opt(s.route.destination.as_deref()),
        Cell::opt(s.remarks.as_deref()),
        Cell::opt(s.summary.as_deref()),
    ]
}

fn slots<T>(
    what: &str,
    reference: &str,
    items: &[T],
    slots: usize,
    width: usize,
    cells: impl Fn(&T) -> Vec<Cell>,
) -> anyhow::Result<Vec<Cell>> {
    if items.len() > slots {
        bail!("{reference} has {} {what}; the upload template has columns for {slots}", items.len());
    }
    let mut out = Vec::with_capacity(slots * width);
    for item in items {
        out.extend(cells(item));
    }
    out.resize(slots * width, Cell::Empty);
    Ok(out)
}

fn address_cells(a: &Address) -> Vec<Cell> {
    vec![
        Cell::opt(a.street.as_deref()),
        Cell::opt(a.city.as_deref()),
        Cell::opt(a.postal_code.as_deref()),
        Cell::text(&a.country),
    ]
}

fn contact_cells(c: &Contact) -> Vec<Cell> {
    let kind = match c.kind {
        ContactKind::Phone => "PHONE",
        ContactKind::Email => "EMAIL",
        ContactKind::Other => "OTHER",
    };
    vec![Cell::text(kind), Cell::text(&c.value)]
}

fn suspect_row(s: &Suspect) -> anyhow::Result<Vec<Cell>> {
    let r = &s.national_reference;
    let mut row = vec![
        Cell::text(r),
        Cell::text(&s.family_name),
        Cell::opt(s.given_names.as_deref()),
        Cell::list(&s.aliases),
        Cell::opt(s.date_of_birth.as_deref()),
        Cell::opt(s.place_of_birth.as_deref()),
        Cell::opt(s.nationality.as_deref()),
        Cell::opt(s.sex.as_deref()),
    ];
    row.extend(slots("identity documents", r, &s.identity_documents, IDENTITY_DOCUMENT_SLOTS, 4, |d| {
        vec![
            Cell::text(&d.kind),
            Cell::text(&d.number),
            Cell::text(&d.issuing_country),
            Cell::opt(d.expiry.as_deref()),
        ]
    })?);
    row.extend(slots("addresses", r, &s.addresses, ADDRESS_SLOTS, 4, address_cells)?);
    row.extend(slots("contacts", r, &s.contacts, CONTACT_SLOTS, 2, contact_cells)?);
    row.push(Cell::opt(s.remarks.as_deref()));
    Ok(row)
}

fn company_row(c: &Company) -> anyhow::Result<Vec<Cell>> {
    let r = &c.national_reference;
    let mut row =
        vec![Cell::text(r), Cell::text(&c.name), Cell::text(&c.country), Cell::opt(c.role.as_deref())];
    row.extend(slots("registration numbers", r, &c.registration_numbers, REGISTRATION_SLOTS, 2, |n| {
        vec![Cell::text(&n.scheme), Cell::text(&n.value)]
    })?);
    row.extend(slots("addresses", r, &c.addresses, ADDRESS_SLOTS, 4, address_cells)?);
    row.extend(slots("contacts", r, &c.contacts, CONTACT_SLOTS, 2, contact_cells)?);
    row.push(Cell::opt(c.remarks.as_deref()));
    Ok(row)
}

/// The rows of one sheet as read back: the header row first, cells as text (empty for an
/// absent value; numbers written the way Rust prints an `f64`).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
}

/// Reads one row by column name.
struct RowReader<'a> {
    sheet: &'static str,
    line: usize,
    index: &'a HashMap<&'a str, usize>,
    cells: &'a [String],
}

impl RowReader<'_> {
    fn get(&self, column: &str) -> Option<String> {
        let cell = self.index.get(column).and_then(|&i| self.cells.get(i))?;
        let cell = cell.trim_end_matches(['\r', '\n']);
        if cell.is_empty() { None } else { Some(cell.to_owned()) }
    }

    fn required(&self, column: &str) -> anyhow::Result<String> {
        self.get(column).ok_or_else(|| anyhow!("{} row {}: `{column}` is empty", self.sheet, self.line))
    }

    fn number(&self, column: &str) -> anyhow::Result<Option<f64>> {
        self.get(column)
            .map(|v| {
                v.parse::<f64>().with_context(|| {
                    format!("{} row {}: `{column}` is not a number: {v:?}", self.sheet, self.line)
                })
            })
            .transpose()
    }

    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .map(|v| v.split(LIST_SEPARATOR).map(|x| x.trim().to_owned()).filter(|x| !x.is_empty()).collect())
            .unwrap_or_default()
    }

    fn addresses(&self) -> anyhow::Result<Vec<Address>> {
        let mut out = Vec::new();
        for i in 0..ADDRESS_SLOTS {
            let p = format!("addresses[{i}]");
            let street = self.get(&format!("{p}.street"));
            let city = self.get(&format!("{p}.city"));
            let postal_code = self.get(&format!("{p}.postal_code"));
            let country = self.get(&format!("{p}.country"));
            if street.is_none() && city.is_none() && postal_code.is_none() && country.is_none() {
                continue;
            }
            let country =
                country.ok_or_else(|| anyhow!("{} row {}: `{p}.country` is empty", self.sheet, self.line))?;
            out.push(Address { street, city, postal_code, country });
        }
        Ok(out)
    }

    fn contacts(&self) -> anyhow::Result<Vec<Contact>> {
        let mut out = Vec::new();
        for i in 0..CONTACT_SLOTS {
            let (kind, value) =
                (self.get(&format!("contacts[{i}].kind")), self.get(&format!("contacts[{i}].value")));
            let Some(value) = value else { continue };
            let kind = match kind.as_deref() {
                Some("PHONE") => ContactKind::Phone,
                Some("EMAIL") => ContactKind::Email,
                Some("OTHER") | None => ContactKind::Other,
                Some(other) => bail!(
                    "{} row {}: `contacts[{i}].kind` {other:?} is not PHONE, EMAIL or OTHER",
                    self.sheet,
                    self.line
                ),
            };
            out.push(Contact { kind, value });
        }
        Ok(out)
    }
}

/// Iterates over the data rows of `table` with a reader by column name.
fn each_row(
    sheet: &'static str,
    table: Option<&Table>,
    required: &[&str],
    mut f: impl FnMut(&RowReader) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let Some(table) = table else { bail!("the upload has no sheet {sheet}") };
    let Some(header) = table.rows.first() else { bail!("sheet {sheet} has no header row") };
    let index: HashMap<&str, usize> = header.iter().enumerate().map(|(i, h)| (h.trim(), i)).collect();
    for column in required {
        if !index.contains_key(column) {
            bail!("sheet {sheet} has no column `{column}`");
        }
    }
    for (i, cells) in table.rows.iter().enumerate().skip(1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        f(&RowReader { sheet, line: i + 1, index: &index, cells })?;
    }
    Ok(())
}

impl Dataset {
    /// Rebuilds the records from the sheets of a filled-in template, keyed by sheet name.
    /// Every sheet of [`SHEETS`] must be present (possibly with a header only).
    pub fn from_tables(tables: &HashMap<String, Table>) -> anyhow::Result<Dataset> {
        let get = |name: &str| tables.get(name);
        let mut data = Dataset::default();
        let mut seizure_at: HashMap<String, usize> = HashMap::new();
        each_row("Seizures", get("Seizures"), &["national_reference", "date"], |r| {
            let national_reference = r.required("national_reference")?;
            let conveyance = r
                .get("conveyance.type")
                .map(|kind| Conveyance { kind, identifier: r.get("conveyance.identifier") });
            let seizure = Seizure {
                national_reference: national_reference.clone(),
                date: r.required("date")?,
                place: Place {
                    name: r.get("place.name"),
                    location_type: r.required("place.location_type")?,
                    country: r.required("place.country")?,
                },
                direction: r.required("direction")?,
                detection_method: r.required("detection_method")?,
                conveyance,
                concealment: r.get("concealment"),
                route: Route {
                    departure: r.get("route.departure"),
                    transit: r.list("route.transit"),
                    destination: r.get("route.destination"),
                },
                goods: Vec::new(),
                offenders: Vec::new(),
                companies: Vec::new(),
                photos: Vec::new(),
                remarks: r.get("remarks"),
                summary: r.get("summary"),
            };
            if seizure_at.insert(national_reference.clone(), data.seizures.len()).is_some() {
                bail!("Seizures row {}: national reference {national_reference} appears twice", r.line);
            }
            data.seizures.push(seizure);
            Ok(())
        })?;
        let find = |r: &RowReader, at: &HashMap<String, usize>| -> anyhow::Result<usize> {
            let reference = r.required("national_reference")?;
            at.get(&reference)
                .copied()
                .ok_or_else(|| anyhow!("{} row {}: no seizure {reference}", r.sheet, r.line))
        };
        each_row("Goods", get("Goods"), &["national_reference", "commodity", "quantity", "unit"], |r| {
            let i = find(r, &seizure_at)?;
            let value = match (r.number("value.amount")?, r.get("value.currency")) {
                (Some(amount), Some(currency)) => Some(Money { amount, currency }),
                (None, None) => None,
                _ => bail!("Goods row {}: `value.amount` and `value.currency` go together", r.line),
            };
            let line = GoodsLine {
                commodity: r.required("commodity")?,
                description: r.get("description"),
                quantity: r
                    .number("quantity")?
                    .ok_or_else(|| anyhow!("Goods row {}: `quantity` is empty", r.line))?,
                unit: r.required("unit")?,
                value,
            };
            if let Some(s) = data.seizures.get_mut(i) {
                s.goods.push(line);
            }
            Ok(())
        })?;
        each_row("Offenders", get("Offenders"), &["national_reference"], |r| {
            let i = find(r, &seizure_at)?;
            let suspect = r
                .get("suspect")
                .map(|v| {
                    uuid::Uuid::parse_str(&v)
                        .with_context(|| format!("Offenders row {}: `suspect` is not a UUID", r.line))
                })
                .transpose()?;
            let age = match r.number("age")? {
                Some(a) if (0.0..=255.0).contains(&a) && a.fract() == 0.0 => Some(a as u8),
                Some(a) => bail!("Offenders row {}: `age` {a} is not a whole number of years", r.line),
                None => None,
            };
            let offender = Offender { suspect, nationality: r.get("nationality"), sex: r.get("sex"), age };
            if let Some(s) = data.seizures.get_mut(i) {
                s.offenders.push(offender);
            }
            Ok(())
        })?;
        each_row(
            "SeizureCompanies",
            get("SeizureCompanies"),
            &["national_reference", "company", "role"],
            |r| {
                let i = find(r, &seizure_at)?;
                let company = uuid::Uuid::parse_str(&r.required("company")?)
                    .with_context(|| format!("SeizureCompanies row {}: `company` is not a UUID", r.line))?;
                let link = CompanyLink { company, role: r.required("role")? };
                if let Some(s) = data.seizures.get_mut(i) {
                    s.companies.push(link);
                }
                Ok(())
            },
        )?;
        let mut photo_rows: Vec<(String, String, PhotoRef)> = Vec::new();
        each_row("Photos", get("Photos"), &["collection", "national_reference", "kind", "sha256"], |r| {
            let photo = PhotoRef {
                kind: r.required("kind")?,
                sha256: r.required("sha256")?,
                media_type: r.get("media_type").unwrap_or_else(|| "image/png".into()),
                caption: r.get("caption"),
            };
            photo_rows.push((r.required("collection")?, r.required("national_reference")?, photo));
            Ok(())
        })?;
        each_row("Suspects", get("Suspects"), &["national_reference", "family_name"], |r| {
            let mut identity_documents = Vec::new();
            for i in 0..IDENTITY_DOCUMENT_SLOTS {
                let p = format!("identity_documents[{i}]");
                let (kind, number) = (r.get(&format!("{p}.kind")), r.get(&format!("{p}.number")));
                let (issuing_country, expiry) =
                    (r.get(&format!("{p}.issuing_country")), r.get(&format!("{p}.expiry")));
                match (kind, number, issuing_country) {
                    (None, None, None) if expiry.is_none() => {}
                    (Some(kind), Some(number), Some(issuing_country)) => {
                        identity_documents.push(IdentityDocument { kind, number, issuing_country, expiry })
                    }
                    _ => bail!("Suspects row {}: `{p}` needs kind, number and issuing_country", r.line),
                }
            }
            data.suspects.push(Suspect {
                national_reference: r.required("national_reference")?,
                family_name: r.required("family_name")?,
                given_names: r.get("given_names"),
                aliases: r.list("aliases"),
                date_of_birth: r.get("date_of_birth"),
                place_of_birth: r.get("place_of_birth"),
                nationality: r.get("nationality"),
                sex: r.get("sex"),
                identity_documents,
                addresses: r.addresses()?,
                contacts: r.contacts()?,
                photos: Vec::new(),
                remarks: r.get("remarks"),
            });
            Ok(())
        })?;
        each_row("Companies", get("Companies"), &["national_reference", "name", "country"], |r| {
            let mut registration_numbers = Vec::new();
            for i in 0..REGISTRATION_SLOTS {
                let p = format!("registration_numbers[{i}]");
                match (r.get(&format!("{p}.scheme")), r.get(&format!("{p}.value"))) {
                    (None, None) => {}
                    (Some(scheme), Some(value)) => {
                        registration_numbers.push(RegistrationNumber { scheme, value })
                    }
                    _ => bail!("Companies row {}: `{p}` needs both scheme and value", r.line),
                }
            }
            data.companies.push(Company {
                national_reference: r.required("national_reference")?,
                name: r.required("name")?,
                registration_numbers,
                country: r.required("country")?,
                addresses: r.addresses()?,
                contacts: r.contacts()?,
                role: r.get("role"),
                remarks: r.get("remarks"),
            });
            Ok(())
        })?;
        let suspect_at: HashMap<String, usize> =
            data.suspects.iter().enumerate().map(|(i, s)| (s.national_reference.clone(), i)).collect();
        for (collection, reference, photo) in photo_rows {
            let target = match collection.as_str() {
                "seizures" => {
                    seizure_at.get(&reference).and_then(|&i| data.seizures.get_mut(i)).map(|s| &mut s.photos)
                }
                "suspects" => {
                    suspect_at.get(&reference).and_then(|&i| data.suspects.get_mut(i)).map(|s| &mut s.photos)
                }
                other => bail!("Photos: collection {other:?} is not seizures or suspects"),
            };
            target.ok_or_else(|| anyhow!("Photos: no {collection} record {reference}"))?.push(photo);
        }
        Ok(data)
    }
}
