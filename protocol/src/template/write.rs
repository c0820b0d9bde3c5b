//! From records to the rows of each sheet (what a workbook or CSV writer writes).

use crate::model::{Address, Company, Contact, ContactKind, Seizure, Suspect};

use super::cell::Cell;
use super::sheets::{ADDRESS_SLOTS, CONTACT_SLOTS, IDENTITY_DOCUMENT_SLOTS, REGISTRATION_SLOTS, Sheet};

/// A record has more items of a list than the template has columns for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reference} has {count} {what}; the upload template has columns for {slots}")]
pub struct TooManyItems {
    pub reference: String,
    pub what: &'static str,
    pub count: usize,
    pub slots: usize,
}

/// Calls `row` with every data row of `sheet` (the header excluded), in order. Links from
/// offenders to suspects and from seizures to companies are written as record ids.
pub fn rows<E: From<TooManyItems>>(
    sheet: &Sheet,
    seizures: &[Seizure],
    suspects: &[Suspect],
    companies: &[Company],
    row: &mut dyn FnMut(Vec<Cell>) -> Result<(), E>,
) -> Result<(), E> {
    rows_linked(sheet, seizures, suspects, companies, &|id| id.to_string(), row)
}

/// Like [`rows`], with `link` giving the text of the `suspect` and `company` cells.
pub fn rows_linked<E: From<TooManyItems>>(
    sheet: &Sheet,
    seizures: &[Seizure],
    suspects: &[Suspect],
    companies: &[Company],
    link: &dyn Fn(uuid::Uuid) -> String,
    row: &mut dyn FnMut(Vec<Cell>) -> Result<(), E>,
) -> Result<(), E> {
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
                        o.suspect.map_or(Cell::Empty, |id| Cell::Text(link(id))),
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
                        Cell::Text(link(c.company)),
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
        _ => {}
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
    what: &'static str,
    reference: &str,
    items: &[T],
    slots: usize,
    width: usize,
    cells: impl Fn(&T) -> Vec<Cell>,
) -> Result<Vec<Cell>, TooManyItems> {
    if items.len() > slots {
        return Err(TooManyItems { reference: reference.to_owned(), what, count: items.len(), slots });
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

fn suspect_row(s: &Suspect) -> Result<Vec<Cell>, TooManyItems> {
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

fn company_row(c: &Company) -> Result<Vec<Cell>, TooManyItems> {
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
