//! What a record puts in the index: its full text, its facet values and its sort keys. Only
//! ids, codes and dates are kept; the records themselves stay in the store.

use ncen_protocol::model::RecordId;
use ncen_protocol::model::{Conveyance, GoodsLine, PhotoRef, Place, Seizure};
use ncen_protocol::projection::CenSeizure;
use ncen_protocol::record::{RecordBody, RecordKind};
use tantivy::{TantivyDocument, Term};

use super::schema::Fields;

/// A record to index: what the store's head says about it, and its body.
#[derive(Debug, Clone, Copy)]
pub struct Indexable<'a> {
    pub kind: RecordKind,
    pub id: RecordId,
    pub origin: &'a str,
    /// `YYYY-MM-DD`: the seizure's date, or the day the record was made.
    pub index_date: &'a str,
    pub body: &'a RecordBody,
}

/// The delete key of a record's document.
pub fn key(kind: RecordKind, id: RecordId) -> String {
    format!("{}/{id}", kind.collection())
}

pub fn key_term(fields: &Fields, kind: RecordKind, id: RecordId) -> Term {
    Term::from_field_text(fields.key, &key(kind, id))
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`; 0 if it is not such a date.
pub fn date_number(date: &str) -> i64 {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = date.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return 0;
    }
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => y * 10_000 + m * 100 + d,
        _ => 0,
    }
}

/// `YYYYMMDD` back to `YYYY-MM-DD`.
pub fn date_text(n: i64) -> String {
    format!("{:04}-{:02}-{:02}", n / 10_000, (n / 100) % 100, n % 100)
}

/// Newest first: the day in the high 17 bits (days since 1900), then the millisecond time at
/// which the record's (version 7) id was made, in the low 47.
pub fn sort_key(date: i64, id: RecordId) -> u64 {
    let day = u8::try_from((date / 100) % 100)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .and_then(|m| {
            let (y, d) = (i32::try_from(date / 10_000).ok()?, u8::try_from(date % 100).ok()?);
            time::Date::from_calendar_date(y, m, d).ok()
        })
        .map_or(0, |d| d.to_julian_day() - JULIAN_1900);
    let day = u64::try_from(day).unwrap_or(0).min((1 << 17) - 1);
    let millis = u64::from_be_bytes(id.as_bytes()[..8].try_into().unwrap_or([0; 8])) >> 16;
    (day << 47) | (millis & ((1 << 47) - 1))
}

/// The Julian day number of 1900-01-01.
const JULIAN_1900: i32 = 2_415_021;

/// The ids' two halves, as fast fields keep them.
pub fn id_halves(id: RecordId) -> (u64, u64) {
    let v = id.as_u128();
    ((v >> 64) as u64, v as u64)
}

pub fn id_of(hi: u64, lo: u64) -> RecordId {
    RecordId::from_u128((u128::from(hi) << 64) | u128::from(lo))
}

/// A code and each of its ancestors: `DRUGS.COCAINE` gives `DRUGS` and `DRUGS.COCAINE`.
fn with_ancestors(code: &str) -> impl Iterator<Item = &str> {
    code.match_indices('.').map(|(i, _)| &code[..i]).chain(std::iter::once(code))
}

/// A national reference as the `reference` field holds it, and as an exact match looks it up.
pub fn reference_term(reference: &str) -> String {
    reference.trim().to_lowercase()
}

/// Facet values and texts, gathered without repeating a value.
#[derive(Default)]
struct Values<'a> {
    text: Vec<&'a str>,
    names: Vec<&'a str>,
    facets: Vec<(tantivy::schema::Field, &'a str)>,
}

impl<'a> Values<'a> {
    fn text(&mut self, s: Option<&'a str>) {
        if let Some(s) = s.filter(|s| !s.trim().is_empty()) {
            self.text.push(s);
        }
    }

    /// A name: searched by its words as full text, and as a name.
    fn name(&mut self, s: Option<&'a str>) {
        if let Some(s) = s.filter(|s| !s.trim().is_empty()) {
            self.text.push(s);
            self.names.push(s);
        }
    }

    fn facet(&mut self, field: tantivy::schema::Field, value: Option<&'a str>) {
        if let Some(v) = value.filter(|v| !v.is_empty())
            && !self.facets.contains(&(field, v))
        {
            self.facets.push((field, v));
        }
    }
}

/// The index document of a record.
pub fn document(f: &Fields, r: &Indexable<'_>) -> TantivyDocument {
    let mut v = Values::default();
    let year = r.index_date.get(..4);
    v.facet(f.kind, Some(r.kind.collection()));
    v.facet(f.origin, Some(r.origin));
    v.facet(f.year, year);
    v.facet(f.region, ncen_protocol::regions::region_of(r.origin));
    match r.body {
        RecordBody::Seizure(s) => {
            v.text(Some(&s.national_reference));
            for g in &s.goods {
                v.text(g.description.as_deref());
                for code in with_ancestors(&g.commodity) {
                    v.facet(f.commodity, Some(code));
                }
            }
            v.text(s.place.name.as_deref());
            v.text(s.summary.as_deref());
            v.text(s.remarks.as_deref());
            if let Some(c) = &s.conveyance {
                v.text(c.identifier.as_deref());
                v.facet(f.conveyance, Some(&c.kind));
            }
            v.facet(f.country, Some(&s.place.country));
            v.facet(f.route_country, s.route.departure.as_deref());
            for t in &s.route.transit {
                v.facet(f.route_country, Some(t));
            }
            v.facet(f.route_country, s.route.destination.as_deref());
            v.facet(f.concealment, s.concealment.as_deref());
            v.facet(f.detection_method, Some(&s.detection_method));
            for p in &s.photos {
                v.facet(f.photo_kind, Some(&p.kind));
            }
        }
        RecordBody::Suspect(s) => {
            v.text(Some(&s.national_reference));
            v.name(Some(&s.family_name));
            v.name(s.given_names.as_deref());
            for a in &s.aliases {
                v.name(Some(a));
            }
            v.text(s.place_of_birth.as_deref());
            for d in &s.identity_documents {
                v.text(Some(&d.number));
            }
            v.facet(f.country, s.nationality.as_deref());
            for p in &s.photos {
                v.facet(f.photo_kind, Some(&p.kind));
            }
        }
        RecordBody::Company(c) => {
            v.text(Some(&c.national_reference));
            v.name(Some(&c.name));
            for n in &c.registration_numbers {
                v.text(Some(&n.value));
            }
            for a in &c.addresses {
                v.text(a.city.as_deref());
            }
            v.facet(f.country, Some(&c.country));
        }
    }
    let mut doc = TantivyDocument::default();
    doc.add_text(f.key, key(r.kind, r.id));
    doc.add_text(f.reference, reference_term(r.body.national_reference()));
    if let RecordBody::Seizure(s) = r.body {
        let month = r.index_date.get(..7).unwrap_or_default();
        for g in &s.goods {
            doc.add_text(f.goods, super::quantities::goods_value(month, &g.commodity, &g.unit, g.quantity));
        }
    }
    for t in v.text {
        doc.add_text(f.text, t);
    }
    for n in v.names {
        doc.add_text(f.name, n);
    }
    for (field, value) in v.facets {
        doc.add_text(field, value);
    }
    let date = date_number(r.index_date);
    let (hi, lo) = id_halves(r.id);
    doc.add_i64(f.date, date);
    doc.add_u64(f.sort, sort_key(date, r.id));
    doc.add_u64(f.tag, u64::from(r.kind.tag()));
    doc.add_u64(f.id_hi, hi);
    doc.add_u64(f.id_lo, lo);
    doc
}

/// The hub's view of a member's seizure as the index takes it: the non-nominal projection laid
/// out as a seizure whose nominal fields are all empty. Used only to build index documents.
fn cen_body(s: &CenSeizure) -> RecordBody {
    RecordBody::Seizure(Seizure {
        national_reference: String::new(),
        date: s.date.clone(),
        place: Place {
            name: s.place.name.clone(),
            location_type: s.place.location_type.clone(),
            country: s.place.country.clone(),
        },
        direction: s.direction.clone(),
        detection_method: s.detection_method.clone(),
        conveyance: s.conveyance_type.clone().map(|kind| Conveyance { kind, identifier: None }),
        concealment: s.concealment.clone(),
        route: s.route.clone(),
        goods: s
            .goods
            .iter()
            .map(|g| GoodsLine {
                commodity: g.commodity.clone(),
                description: None,
                quantity: g.quantity,
                unit: g.unit.clone(),
                value: g.value.clone(),
            })
            .collect(),
        offenders: Vec::new(),
        companies: Vec::new(),
        photos: s
            .photos
            .iter()
            .map(|p| PhotoRef {
                kind: p.kind.clone(),
                sha256: p.sha256.clone(),
                media_type: p.media_type.clone(),
                caption: None,
            })
            .collect(),
        remarks: None,
        summary: s.summary.clone(),
    })
}

/// The index document of a seizure in the hub's global CEN database.
pub fn cen_document(f: &Fields, s: &CenSeizure) -> TantivyDocument {
    let body = cen_body(s);
    let r = Indexable {
        kind: RecordKind::Seizure,
        id: s.id,
        origin: &s.origin,
        index_date: &s.date,
        body: &body,
    };
    document(f, &r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_bad_ones_are_zero() {
        assert_eq!(date_number("2026-11-30"), 20261130);
        assert_eq!(date_text(20261130), "2026-11-30");
        for bad in ["", "2026-1-30", "2026/11/30", "20261130xx", "abcd-ef-gh", "2026-11-3é"] {
            assert_eq!(date_number(bad), 0, "{bad}");
        }
    }

    #[test]
    fn ancestors_come_with_each_code() {
        let all: Vec<&str> = with_ancestors("ENV.CITES.IVORY").collect();
        assert_eq!(all, ["ENV", "ENV.CITES", "ENV.CITES.IVORY"]);
        assert_eq!(with_ancestors("DRUGS").collect::<Vec<_>>(), ["DRUGS"]);
    }

    #[test]
    fn sort_keys_order_by_date_then_id_time() {
        let early = RecordId::now_v7();
        std::thread::sleep(std::time::Duration::from_millis(5));
        let late = RecordId::now_v7();
        assert!(sort_key(20260101, late) > sort_key(20260101, early));
        assert!(sort_key(20260102, early) > sort_key(20260101, late));
        assert!(sort_key(20260301, early) > sort_key(20260228, late));
        assert!(sort_key(19991231, late) > sort_key(0, late));
        let (hi, lo) = id_halves(late);
        assert_eq!(id_of(hi, lo), late);
    }
}
