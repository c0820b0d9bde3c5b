//! Photos over the replication engine: a photo travels to a peer only if the current revision
//! of one of this node's records references it and the policy lets that peer receive the record
//! (for the hub: non-nominal kinds of seizures only). The receiver asks for what its received
//! records reference, checks the bytes against the hash and the content, and stores them.

use ncen_protocol::model::RecordId;
use ncen_protocol::projection::NON_NOMINAL_PHOTO_KINDS;
use ncen_protocol::record::{RecordBody, RecordKind};
use ncen_protocol::wire::{Refusal, Request, Response};
use serde_bytes::ByteBuf;

use super::engine::Engine;
use super::{Federation, Policy};
use crate::audit::{AuditEvent, Outcome};
use crate::net::parse_peer_id;
use crate::photos::{PhotoWant, inspect, photos_of};
use crate::records::{RecordHead, envelope_payload};
use crate::store::{Cf, StoreError, keys, value};

/// Photos asked of one source per round.
const PHOTOS_PER_ROUND: usize = 32;

/// A refusal to send a photo: the reason and what to tell the requester.
pub type PhotoRefusal = (Refusal, String);

impl Federation {
    /// The bytes of photo `sha256` of record `(kind, id)` if `policy` lets the requester have it.
    pub fn serve_photo(
        &self,
        policy: &Policy,
        kind: RecordKind,
        id: RecordId,
        sha256: &str,
    ) -> Result<Result<Vec<u8>, PhotoRefusal>, StoreError> {
        let refuse = |reason, message: &str| Ok(Err((reason, message.to_owned())));
        let me = self.me();
        let head: RecordHead = match self.journal.store().get(Cf::Records, &keys::record(kind, id))? {
            Some(b) => value::decode("records", &b)?,
            None => return refuse(Refusal::BadRequest, "no such record of this node"),
        };
        if head.origin != me || head.deleted {
            return refuse(Refusal::BadRequest, "no such record of this node");
        }
        let record = envelope_payload(&head.envelope)?;
        let Some(body) = &record.body else { return refuse(Refusal::BadRequest, "the record is deleted") };
        let Some(photo) = photos_of(body).iter().find(|p| p.sha256.eq_ignore_ascii_case(sha256)) else {
            return refuse(Refusal::BadRequest, "not a photo of the record's current revision");
        };
        let allowed = match policy {
            Policy::Hub => {
                kind == RecordKind::Seizure && NON_NOMINAL_PHOTO_KINDS.contains(&photo.kind.as_str())
            }
            Policy::Agreement { administration, terms } => terms.iter().any(|t| {
                t.covers_flow(me, administration, kind)
                    && match body {
                        RecordBody::Seizure(s) => {
                            t.covers_commodities(s.goods.iter().map(|g| g.commodity.as_str()))
                        }
                        _ => true,
                    }
            }),
            Policy::NoAgreement { .. } | Policy::Unknown => false,
        };
        if !allowed {
            return refuse(Refusal::NoAgreement, "no agreement covers this photo for you");
        }
        match self.photos.bytes(&photo.sha256)? {
            Some((_, bytes)) => Ok(Ok(bytes)),
            None => refuse(Refusal::NotHeld, "the photo has not been uploaded at its origin yet"),
        }
    }
}

impl Engine {
    /// Answers a peer's request for a photo, auditing what was sent or refused.
    pub(super) async fn answer_photo(
        &self,
        policy: Policy,
        who: Option<String>,
        kind: RecordKind,
        id: RecordId,
        sha256: String,
    ) -> Response {
        let Some(admin) = who else {
            return Response::Refused {
                reason: Refusal::UnknownPeer,
                message: "not a peer of this node".into(),
            };
        };
        let sha = sha256.clone();
        let answer = self.blocking(move |fed| fed.serve_photo(&policy, kind, id, &sha)).await;
        let target = format!("{}/{id}", kind.collection());
        match answer {
            Some(Ok(Ok(bytes))) => {
                self.audit(
                    AuditEvent::new(admin.as_str(), "replication.photo_serve", Outcome::Ok)
                        .target(target)
                        .detail(format!("to={admin} sha256={sha256} size={}", bytes.len())),
                );
                Response::Photo { bytes: ByteBuf::from(bytes) }
            }
            Some(Ok(Err((reason, message)))) => {
                if reason != Refusal::NotHeld {
                    self.audit(
                        AuditEvent::new(admin.as_str(), "replication.photo_serve", Outcome::Denied)
                            .target(target)
                            .detail(format!("to={admin} sha256={sha256} reason={message}")),
                    );
                }
                Response::Refused { reason, message }
            }
            _ => Response::Refused { reason: Refusal::Unavailable, message: "try again later".into() },
        }
    }

    /// Fetches from `administration` the photos its records reference that this node lacks.
    pub async fn fetch_photos(&self, administration: &str) {
        let admin = administration.to_owned();
        let due = self
            .blocking(move |fed| -> Result<_, StoreError> {
                let due = fed.photos.due(&admin, PHOTOS_PER_ROUND)?;
                if due.is_empty() {
                    return Ok(None);
                }
                Ok(fed.locate(&admin)?.map(|(peer_id, _)| (peer_id, due)))
            })
            .await;
        let Some(Ok(Some((peer_id, due)))) = due else { return };
        let Ok(peer) = parse_peer_id(&peer_id) else { return };
        for (sha, want) in due {
            let request = Request::Photo { kind: want.kind, id: want.id, sha256: sha.clone() };
            let answer = self.net.request(peer, request).await;
            let admin = administration.to_owned();
            let done = self
                .blocking(move |fed| -> Result<(), StoreError> {
                    match answer {
                        Ok(Response::Photo { bytes }) => take_photo(&fed, &admin, &sha, &want, &bytes),
                        Ok(Response::Refused {
                            reason: Refusal::NoAgreement | Refusal::BadRequest,
                            message,
                        }) => fed.photos.give_up(&admin, &sha, &want, &message),
                        _ => fed.photos.retry_later(&admin, &sha, &want),
                    }
                })
                .await;
            if let Some(Err(e)) = done {
                tracing::error!(error = %e, "cannot record a received photo");
            }
        }
    }
}

/// Stores a received photo if it is the one asked for and a real JPEG or PNG; otherwise audits
/// the bad answer and asks again later.
fn take_photo(
    fed: &Federation,
    from: &str,
    sha: &str,
    want: &PhotoWant,
    bytes: &[u8],
) -> Result<(), StoreError> {
    let problem = match inspect(bytes) {
        Ok(i) if i.sha256.eq_ignore_ascii_case(sha) => return fed.photos.received(from, want, bytes, &i),
        Ok(i) => format!("the bytes hash to {}, not to the photo asked for", i.sha256),
        Err(e) => e.to_string(),
    };
    fed.journal.audit(
        AuditEvent::new(from, "replication.photo", Outcome::Denied)
            .target(format!("{}/{}", want.kind.collection(), want.id))
            .detail(format!("from={from} sha256={sha} reason={problem}")),
        false,
    )?;
    fed.photos.retry_later(from, sha, want)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use image::{ImageEncoder, Rgb, RgbImage};
    use ncen_protocol::agreement::{Direction, Scope, Terms};
    use ncen_protocol::codelists::Catalog;
    use ncen_protocol::model::{PhotoRef, Seizure, Suspect};

    use super::*;
    use crate::identity::{Identity, NodeInfo, NodeRole};
    use crate::journal::Journal;
    use crate::records::Records;
    use crate::store::Store;

    const SEIZURE: &str = include_str!("../../../tests/fixtures/canonical-seizure.json");

    fn png(shade: u8) -> Vec<u8> {
        let img = RgbImage::from_fn(16, 16, |x, y| Rgb([shade, x as u8, y as u8]));
        let mut out = Vec::new();
        let encoder = image::codecs::png::PngEncoder::new(&mut out);
        assert!(encoder.write_image(img.as_raw(), 16, 16, image::ExtendedColorType::Rgb8).is_ok());
        out
    }

    fn terms(kinds: Vec<RecordKind>, commodities: Vec<String>) -> Terms {
        Terms {
            format: 1,
            id: uuid::Uuid::now_v7(),
            proposer: "NL".into(),
            proposer_peer_id: String::new(),
            peer: "BE".into(),
            peer_peer_id: String::new(),
            legal_basis: "NL-BE mutual assistance, art. 5".into(),
            scope: Scope { kinds, direction: Direction::Both, commodities },
            valid_from: "2020-01-01".into(),
            valid_until: None,
            proposed_at_ms: 0,
        }
    }

    fn photo(kind: &str, bytes: &[u8]) -> PhotoRef {
        PhotoRef {
            kind: kind.into(),
            sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(bytes)),
            media_type: "image/png".into(),
            caption: None,
        }
    }

    #[test]
    fn a_photo_goes_only_where_its_record_may_go() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let journal = Arc::new(Journal::open(Store::open(&dir.path().join("db"), true)?, "NL")?);
        let identity = Arc::new(Identity::generate()?);
        let info = NodeInfo {
            administration: "NL".into(),
            role: NodeRole::National,
            peer_id: identity.peer_id().to_owned(),
            created_ms: 0,
        };
        let catalog = Catalog::builtin();
        let fed = Federation::new(info, identity.clone(), journal.clone(), None, catalog);
        let records = Records::new(journal, identity, "NL", catalog);

        let (xray, person, unsent) = (png(1), png(2), png(3));
        for bytes in [&xray, &person] {
            fed.photos.upload("anna", bytes, "api")?;
        }
        let mut seizure: Seizure = serde_json::from_str(SEIZURE)?;
        seizure.photos = vec![photo("XRAY", &xray), photo("PERSON", &person), photo("GOODS", &unsent)];
        let cocaine = seizure.goods.first().map(|g| g.commodity.clone()).unwrap_or_default();
        let s = records.create("anna", RecordBody::Seizure(seizure))?.id;
        let suspect = Suspect {
            national_reference: "NL-P-1".into(),
            family_name: "Jansen".into(),
            given_names: None,
            aliases: Vec::new(),
            date_of_birth: None,
            place_of_birth: None,
            nationality: None,
            sex: None,
            identity_documents: Vec::new(),
            addresses: Vec::new(),
            contacts: Vec::new(),
            photos: vec![photo("PERSON", &person)],
            remarks: None,
        };
        let p = records.create("anna", RecordBody::Suspect(suspect))?.id;

        let sha = |b: &[u8]| hex::encode(<sha2::Sha256 as sha2::Digest>::digest(b));
        let seizures_only = Policy::Agreement {
            administration: "BE".into(),
            terms: vec![terms(vec![RecordKind::Seizure], Vec::new())],
        };
        let serve = |policy: &Policy, kind, id, bytes: &[u8]| fed.serve_photo(policy, kind, id, &sha(bytes));

        // Under an agreement covering seizures: every photo of the seizure, nominal or not.
        assert_eq!(serve(&seizures_only, RecordKind::Seizure, s, &xray)?, Ok(xray.clone()));
        assert_eq!(serve(&seizures_only, RecordKind::Seizure, s, &person)?, Ok(person.clone()));
        // Not the suspect's photo: suspects are not covered, even for bytes the peer may get.
        assert!(matches!(
            serve(&seizures_only, RecordKind::Suspect, p, &person)?,
            Err((Refusal::NoAgreement, _))
        ));
        // The hub: non-nominal photos of seizures only.
        assert_eq!(serve(&Policy::Hub, RecordKind::Seizure, s, &xray)?, Ok(xray.clone()));
        assert!(matches!(
            serve(&Policy::Hub, RecordKind::Seizure, s, &person)?,
            Err((Refusal::NoAgreement, _))
        ));
        assert!(matches!(
            serve(&Policy::Hub, RecordKind::Suspect, p, &person)?,
            Err((Refusal::NoAgreement, _))
        ));
        // Nobody else.
        let none = Policy::NoAgreement { administration: "DE".into() };
        assert!(matches!(serve(&none, RecordKind::Seizure, s, &xray)?, Err((Refusal::NoAgreement, _))));
        assert!(matches!(
            serve(&Policy::Unknown, RecordKind::Seizure, s, &xray)?,
            Err((Refusal::NoAgreement, _))
        ));
        // A commodity filter the seizure falls outside of.
        let tobacco = Policy::Agreement {
            administration: "BE".into(),
            terms: vec![terms(vec![RecordKind::Seizure], vec!["REVENUE.TOBACCO".into()])],
        };
        assert!(!cocaine.starts_with("REVENUE.TOBACCO"));
        assert!(matches!(serve(&tobacco, RecordKind::Seizure, s, &xray)?, Err((Refusal::NoAgreement, _))));
        // Photos of no record, of another record, of a record that does not exist.
        let stranger = png(9);
        assert!(matches!(
            serve(&seizures_only, RecordKind::Seizure, s, &stranger)?,
            Err((Refusal::BadRequest, _))
        ));
        let missing = uuid::Uuid::now_v7();
        assert!(matches!(
            serve(&seizures_only, RecordKind::Seizure, missing, &xray)?,
            Err((Refusal::BadRequest, _))
        ));
        // Referenced but never uploaded: the requester may ask again later.
        assert!(matches!(
            serve(&seizures_only, RecordKind::Seizure, s, &unsent)?,
            Err((Refusal::NotHeld, _))
        ));
        Ok(())
    }
}
