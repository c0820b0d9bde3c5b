//! Validation of records against the code lists and the field limits: every error names the
//! field (as a JSON path such as `goods[0].commodity`) and the value that was refused.

use serde::Serialize;
use time::{Date, macros::format_description};

use crate::codelists::{Catalog, ListId};
use crate::model::{Address, Company, Contact, ContactKind, PhotoRef, Seizure, Suspect};
use crate::record::RecordBody;

/// Longest national reference.
pub const MAX_REFERENCE: usize = 64;
/// Longest name, place or identifier.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest free text (remarks, summary).
pub const MAX_LONG_TEXT: usize = 10_000;
/// Most entries in any list inside a record (goods lines, offenders, photos...).
pub const MAX_ITEMS: usize = 100;

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON path of the field, e.g. `goods[0].commodity`.
    pub field: String,
    /// The refused value, if it is short enough to repeat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub message: String,
}

/// All the refused fields of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{}", describe(.0))]
pub struct ValidationErrors(pub Vec<FieldError>);

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| match &e.value {
            Some(v) => format!("{}: {} (got {:?})", e.field, e.message, v),
            None => format!("{}: {}", e.field, e.message),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Validates records with one code list catalog and, optionally, today's date (seizures and
/// births cannot be in the future).
#[derive(Debug, Clone, Copy)]
pub struct Validator<'a> {
    catalog: &'a Catalog,
    today: Option<Date>,
    /// Deprecated codes pass: the record was made elsewhere, perhaps before the deprecation.
    received: bool,
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: impl Into<String>, value: Option<&str>, message: impl Into<String>) {
        let value = value.map(|v| {
            if v.chars().count() > 80 {
                let cut: String = v.chars().take(80).collect();
                format!("{cut}…")
            } else {
                v.to_owned()
            }
        });
        self.0.push(FieldError { field: field.into(), value, message: message.into() });
    }
}

impl<'a> Validator<'a> {
    pub fn new(catalog: &'a Catalog, today: Option<Date>) -> Self {
        Validator { catalog, today, received: false }
    }

    /// A validator for records received from their origin: a deprecated code still passes (the
    /// origin may have made the record before the deprecation), an unknown one does not.
    pub fn received(mut self) -> Self {
        self.received = true;
        self
    }

    pub fn record(&self, body: &RecordBody) -> Result<(), ValidationErrors> {
        match body {
            RecordBody::Seizure(s) => self.seizure(s),
            RecordBody::Suspect(s) => self.suspect(s),
            RecordBody::Company(c) => self.company(c),
        }
    }

    pub fn seizure(&self, s: &Seizure) -> Result<(), ValidationErrors> {
        let mut e = Errors(Vec::new());
        self.reference(&mut e, &s.national_reference);
        self.date(&mut e, "date", &s.date, true);
        self.opt_text(&mut e, "place.name", s.place.name.as_deref(), MAX_SHORT_TEXT);
        self.code(&mut e, "place.location_type", &s.place.location_type, ListId::LocationType);
        self.code(&mut e, "place.country", &s.place.country, ListId::Country);
        self.code(&mut e, "direction", &s.direction, ListId::Direction);
        self.code(&mut e, "detection_method", &s.detection_method, ListId::DetectionMethod);
        if let Some(c) = &s.conveyance {
            self.code(&mut e, "conveyance.type", &c.kind, ListId::ConveyanceType);
            self.opt_text(&mut e, "conveyance.identifier", c.identifier.as_deref(), MAX_SHORT_TEXT);
        }
        if let Some(c) = &s.concealment {
            self.code(&mut e, "concealment", c, ListId::ConcealmentMethod);
        }
        if let Some(d) = &s.route.departure {
            self.code(&mut e, "route.departure", d, ListId::Country);
        }
        self.count(&mut e, "route.transit", s.route.transit.len(), 0, 20);
        for (i, t) in s.route.transit.iter().enumerate() {
            self.code(&mut e, format!("route.transit[{i}]"), t, ListId::Country);
        }
        if let Some(d) = &s.route.destination {
            self.code(&mut e, "route.destination", d, ListId::Country);
        }
        self.count(&mut e, "goods", s.goods.len(), 1, MAX_ITEMS);
        for (i, g) in s.goods.iter().enumerate() {
            let p = format!("goods[{i}]");
            self.code(&mut e, format!("{p}.commodity"), &g.commodity, ListId::Commodity);
            self.opt_text(&mut e, &format!("{p}.description"), g.description.as_deref(), 1_000);
            if !(g.quantity.is_finite() && g.quantity > 0.0 && g.quantity <= 1e12) {
                let v = g.quantity.to_string();
                e.push(format!("{p}.quantity"), Some(&v), "must be a number above 0 and at most 1e12");
            }
            self.code(&mut e, format!("{p}.unit"), &g.unit, ListId::Unit);
            if let Some(m) = &g.value {
                if !(m.amount.is_finite() && m.amount >= 0.0 && m.amount <= 1e15) {
                    let v = m.amount.to_string();
                    e.push(format!("{p}.value.amount"), Some(&v), "must be a number from 0 to 1e15");
                }
                self.code(&mut e, format!("{p}.value.currency"), &m.currency, ListId::Currency);
            }
        }
        self.count(&mut e, "offenders", s.offenders.len(), 0, MAX_ITEMS);
        for (i, o) in s.offenders.iter().enumerate() {
            let p = format!("offenders[{i}]");
            if let Some(n) = &o.nationality {
                self.code(&mut e, format!("{p}.nationality"), n, ListId::Country);
            }
            if let Some(x) = &o.sex {
                self.code(&mut e, format!("{p}.sex"), x, ListId::Sex);
            }
            if let Some(age) = o.age
                && age > 120
            {
                e.push(format!("{p}.age"), Some(&age.to_string()), "must be at most 120");
            }
        }
        self.count(&mut e, "companies", s.companies.len(), 0, MAX_ITEMS);
        for (i, c) in s.companies.iter().enumerate() {
            self.code(&mut e, format!("companies[{i}].role"), &c.role, ListId::CompanyRole);
        }
        self.photos(&mut e, &s.photos);
        self.opt_text(&mut e, "remarks", s.remarks.as_deref(), MAX_LONG_TEXT);
        self.opt_text(&mut e, "summary", s.summary.as_deref(), MAX_LONG_TEXT);
        e.finish()
    }

    pub fn suspect(&self, s: &Suspect) -> Result<(), ValidationErrors> {
        let mut e = Errors(Vec::new());
        self.reference(&mut e, &s.national_reference);
        self.text(&mut e, "family_name", &s.family_name, MAX_SHORT_TEXT);
        self.opt_text(&mut e, "given_names", s.given_names.as_deref(), MAX_SHORT_TEXT);
        self.count(&mut e, "aliases", s.aliases.len(), 0, 20);
        for (i, a) in s.aliases.iter().enumerate() {
            self.text(&mut e, &format!("aliases[{i}]"), a, MAX_SHORT_TEXT);
        }
        if let Some(d) = &s.date_of_birth {
            self.date(&mut e, "date_of_birth", d, true);
        }
        self.opt_text(&mut e, "place_of_birth", s.place_of_birth.as_deref(), MAX_SHORT_TEXT);
        if let Some(n) = &s.nationality {
            self.code(&mut e, "nationality", n, ListId::Country);
        }
        if let Some(x) = &s.sex {
            self.code(&mut e, "sex", x, ListId::Sex);
        }
        self.count(&mut e, "identity_documents", s.identity_documents.len(), 0, 20);
        for (i, d) in s.identity_documents.iter().enumerate() {
            let p = format!("identity_documents[{i}]");
            self.code(&mut e, format!("{p}.kind"), &d.kind, ListId::IdentityDocumentType);
            self.text(&mut e, &format!("{p}.number"), &d.number, 64);
            self.code(&mut e, format!("{p}.issuing_country"), &d.issuing_country, ListId::Country);
            if let Some(x) = &d.expiry {
                self.date(&mut e, &format!("{p}.expiry"), x, false);
            }
        }
        self.addresses(&mut e, &s.addresses);
        self.contacts(&mut e, &s.contacts);
        self.photos(&mut e, &s.photos);
        self.opt_text(&mut e, "remarks", s.remarks.as_deref(), MAX_LONG_TEXT);
        e.finish()
    }

    pub fn company(&self, c: &Company) -> Result<(), ValidationErrors> {
        let mut e = Errors(Vec::new());
        self.reference(&mut e, &c.national_reference);
        self.text(&mut e, "name", &c.name, MAX_SHORT_TEXT);
        self.count(&mut e, "registration_numbers", c.registration_numbers.len(), 0, 20);
        for (i, r) in c.registration_numbers.iter().enumerate() {
            self.text(&mut e, &format!("registration_numbers[{i}].scheme"), &r.scheme, 32);
            self.text(&mut e, &format!("registration_numbers[{i}].value"), &r.value, 64);
        }
        self.code(&mut e, "country", &c.country, ListId::Country);
        self.addresses(&mut e, &c.addresses);
        self.contacts(&mut e, &c.contacts);
        if let Some(r) = &c.role {
            self.code(&mut e, "role", r, ListId::CompanyRole);
        }
        self.opt_text(&mut e, "remarks", c.remarks.as_deref(), MAX_LONG_TEXT);
        e.finish()
    }

    fn reference(&self, e: &mut Errors, value: &str) {
        let ok_chars =
            value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | ':'));
        if value.is_empty() || value.len() > MAX_REFERENCE || !ok_chars {
            e.push(
                "national_reference",
                Some(value),
                format!("must be 1 to {MAX_REFERENCE} letters, digits or - _ / . :"),
            );
        }
    }

    fn code(&self, e: &mut Errors, field: impl Into<String>, value: &str, list: ListId) {
        let codes = self.catalog.list(list);
        let accepted = codes.is_valid(value) || (self.received && codes.get(value).is_some());
        if !accepted {
            let message = if codes.get(value).is_some() {
                format!("is deprecated in code list `{}` version {}", list.name(), codes.version)
            } else {
                format!("is not in code list `{}` version {}", list.name(), codes.version)
            };
            e.push(field, Some(value), message);
        }
    }

    fn date(&self, e: &mut Errors, field: &str, value: &str, not_future: bool) {
        let format = format_description!("[year]-[month]-[day]");
        match Date::parse(value, &format) {
            Ok(d) if d.year() < 1900 => e.push(field, Some(value), "must be in 1900 or later"),
            Ok(d) => {
                if not_future
                    && let Some(today) = self.today
                    && d > today.next_day().unwrap_or(today)
                {
                    e.push(field, Some(value), "cannot be in the future");
                }
            }
            Err(_) => e.push(field, Some(value), "must be a date written YYYY-MM-DD"),
        }
    }

    fn text(&self, e: &mut Errors, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            e.push(field, None, "must not be empty");
        } else {
            self.opt_text(e, field, Some(value), max);
        }
    }

    fn opt_text(&self, e: &mut Errors, field: &str, value: Option<&str>, max: usize) {
        let Some(value) = value else { return };
        let chars = value.chars().count();
        if chars > max {
            e.push(field, None, format!("is {chars} characters long; at most {max} are allowed"));
        } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
            e.push(field, None, "must not contain control characters");
        }
    }

    fn count(&self, e: &mut Errors, field: &str, n: usize, min: usize, max: usize) {
        if n < min {
            e.push(field, None, format!("needs at least {min} item(s)"));
        } else if n > max {
            e.push(field, None, format!("has {n} items; at most {max} are allowed"));
        }
    }

    fn addresses(&self, e: &mut Errors, addresses: &[Address]) {
        self.count(e, "addresses", addresses.len(), 0, 20);
        for (i, a) in addresses.iter().enumerate() {
            let p = format!("addresses[{i}]");
            self.opt_text(e, &format!("{p}.street"), a.street.as_deref(), MAX_SHORT_TEXT);
            self.opt_text(e, &format!("{p}.city"), a.city.as_deref(), MAX_SHORT_TEXT);
            self.opt_text(e, &format!("{p}.postal_code"), a.postal_code.as_deref(), 20);
            self.code(e, format!("{p}.country"), &a.country, ListId::Country);
        }
    }

    fn contacts(&self, e: &mut Errors, contacts: &[Contact]) {
        self.count(e, "contacts", contacts.len(), 0, 20);
        for (i, c) in contacts.iter().enumerate() {
            let field = format!("contacts[{i}].value");
            self.text(e, &field, &c.value, MAX_SHORT_TEXT);
            if c.kind == ContactKind::Email && !c.value.contains('@') {
                e.push(field, Some(&c.value), "is not an email address");
            }
        }
    }

    fn photos(&self, e: &mut Errors, photos: &[PhotoRef]) {
        self.count(e, "photos", photos.len(), 0, 50);
        for (i, ph) in photos.iter().enumerate() {
            let p = format!("photos[{i}]");
            self.code(e, format!("{p}.kind"), &ph.kind, ListId::PhotoKind);
            let hex_ok = ph.sha256.len() == 64
                && ph.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !hex_ok {
                e.push(format!("{p}.sha256"), Some(&ph.sha256), "must be 64 lowercase hex digits");
            }
            if !matches!(ph.media_type.as_str(), "image/jpeg" | "image/png") {
                e.push(format!("{p}.media_type"), Some(&ph.media_type), "must be image/jpeg or image/png");
            }
            self.opt_text(e, &format!("{p}.caption"), ph.caption.as_deref(), 500);
        }
    }
}

impl Errors {
    fn finish(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(ValidationErrors(self.0)) }
    }
}
