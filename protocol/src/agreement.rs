//! Bilateral legal-basis agreements (MISSION B1): the terms one administration proposes and
//! signs, the acceptance, rejection or revocation a party signs over those exact terms, and the
//! rule that says whether a record may flow from one party to the other on a given day.

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;
use sha2::{Digest, Sha256};

use crate::cbor::{self, Limits};
use crate::envelope::{self, EnvelopeError};
use crate::record::RecordKind;

/// Content type of a signed proposal (the terms).
pub const CONTENT_TYPE_TERMS: &str = "application/ncen-agreement-terms+cbor";
/// Content type of a signed acceptance, rejection or revocation.
pub const CONTENT_TYPE_ACT: &str = "application/ncen-agreement-act+cbor";
/// Format of [`Terms`] and [`Act`] this version writes.
pub const AGREEMENT_FORMAT: u8 = 1;
/// Largest signed part of an agreement we decode.
pub const MAX_PART_BYTES: usize = 64 << 10;
/// Longest legal-basis reference.
pub const MAX_LEGAL_BASIS: usize = 2000;

const LIMITS: Limits = Limits { max_bytes: MAX_PART_BYTES, max_depth: 16 };

/// Which way records may flow, seen from the proposer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Each party sends the other what the scope names.
    Both,
    /// Only the proposer sends.
    ProposerToPeer,
    /// Only the peer sends.
    PeerToProposer,
}

/// What an agreement covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scope {
    /// Record kinds: seizures, suspects, companies.
    pub kinds: Vec<RecordKind>,
    pub direction: Direction,
    /// If not empty, only seizures with goods within one of these commodity codes (or their
    /// descendants) are covered; suspects and companies are not filtered by commodity.
    #[serde(default)]
    pub commodities: Vec<String>,
}

/// The terms the proposer signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub format: u8,
    pub id: uuid::Uuid,
    pub proposer: String,
    pub proposer_peer_id: String,
    pub peer: String,
    pub peer_peer_id: String,
    /// Free-text reference to the legal instrument and article.
    pub legal_basis: String,
    pub scope: Scope,
    /// First day of validity, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last day of validity, `YYYY-MM-DD`; none means until revoked.
    pub valid_until: Option<String>,
    pub proposed_at_ms: i64,
}

/// What a party does to proposed terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActKind {
    Accept,
    Reject,
    Revoke,
}

/// A signed decision over the exact proposal bytes (by their SHA-256).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    pub format: u8,
    pub agreement: uuid::Uuid,
    pub act: ActKind,
    /// SHA-256 of the signed proposal envelope.
    pub terms_hash: ByteBuf,
    /// The administration that acts.
    pub by: String,
    pub at_ms: i64,
    pub reason: Option<String>,
}

/// The document both parties hold: the signed proposal and the signed acts on it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    pub proposal: ByteBuf,
    pub acceptance: Option<ByteBuf>,
    pub rejection: Option<ByteBuf>,
    pub revocation: Option<ByteBuf>,
}

/// Where an agreement stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Signed by the proposer, waiting for the peer.
    Proposed,
    /// Countersigned and within its validity window.
    Active,
    /// Countersigned, validity not started yet.
    Pending,
    /// Countersigned, validity over.
    Expired,
    Rejected,
    Revoked,
}

#[derive(Debug, thiserror::Error)]
pub enum AgreementError {
    #[error("{part}: {source}")]
    Envelope { part: &'static str, source: EnvelopeError },
    #[error("{part}: {message}")]
    Invalid { part: &'static str, message: String },
    #[error("{part} is signed by {signer}, who may not sign it")]
    WrongSigner { part: &'static str, signer: String },
    #[error("no public key for PeerId {0}")]
    UnknownKey(String),
}

/// A document whose every signature verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub terms: Terms,
    pub acceptance: Option<Act>,
    pub rejection: Option<Act>,
    pub revocation: Option<Act>,
}

impl Terms {
    /// The administration on the other side of `me`, if `me` is a party.
    pub fn other(&self, me: &str) -> Option<&str> {
        if me == self.proposer {
            Some(&self.peer)
        } else if me == self.peer {
            Some(&self.proposer)
        } else {
            None
        }
    }

    fn peer_id_of(&self, administration: &str) -> Option<&str> {
        if administration == self.proposer {
            Some(&self.proposer_peer_id)
        } else if administration == self.peer {
            Some(&self.peer_peer_id)
        } else {
            None
        }
    }

    /// Whether the terms let `kind` records flow from `from` to `to` (ignoring dates).
    pub fn covers_flow(&self, from: &str, to: &str, kind: RecordKind) -> bool {
        let way = match self.scope.direction {
            Direction::Both => {
                (from == self.proposer && to == self.peer) || (from == self.peer && to == self.proposer)
            }
            Direction::ProposerToPeer => from == self.proposer && to == self.peer,
            Direction::PeerToProposer => from == self.peer && to == self.proposer,
        };
        way && self.scope.kinds.contains(&kind)
    }

    /// Whether a seizure with these commodity codes passes the commodity filter.
    pub fn covers_commodities<'a>(&self, mut codes: impl Iterator<Item = &'a str>) -> bool {
        self.scope.commodities.is_empty()
            || codes.any(|c| {
                self.scope
                    .commodities
                    .iter()
                    .any(|f| c == f || c.strip_prefix(f.as_str()).is_some_and(|r| r.starts_with('.')))
            })
    }

    /// Checks what the signature cannot: the fields are well formed.
    pub fn check(&self) -> Result<(), String> {
        if self.format != AGREEMENT_FORMAT {
            return Err(format!("format {} is not supported", self.format));
        }
        if self.proposer == self.peer {
            return Err("an agreement needs two different administrations".into());
        }
        let basis = self.legal_basis.trim();
        if basis.is_empty() {
            return Err("legal_basis is required (the instrument and article)".into());
        }
        if basis.chars().count() > MAX_LEGAL_BASIS {
            return Err(format!("legal_basis is longer than {MAX_LEGAL_BASIS} characters"));
        }
        if self.scope.kinds.is_empty() {
            return Err("scope.kinds names no record kind".into());
        }
        let from = parse_date(&self.valid_from).ok_or("valid_from is not a YYYY-MM-DD date")?;
        if let Some(until) = &self.valid_until {
            let until = parse_date(until).ok_or("valid_until is not a YYYY-MM-DD date")?;
            if until < from {
                return Err("valid_until is before valid_from".into());
            }
        }
        Ok(())
    }
}

fn parse_date(s: &str) -> Option<time::Date> {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// SHA-256 of a signed proposal.
pub fn terms_hash(proposal: &[u8]) -> [u8; 32] {
    Sha256::digest(proposal).into()
}

/// Signs terms as the proposer.
pub fn sign_terms(key: &ed25519_dalek::SigningKey, terms: &Terms) -> Result<Vec<u8>, AgreementError> {
    let payload =
        cbor::to_vec(terms).map_err(|e| AgreementError::Invalid { part: "terms", message: e.to_string() })?;
    envelope::sign(
        key,
        terms.peer_id_of(&terms.proposer).unwrap_or_default().as_bytes(),
        CONTENT_TYPE_TERMS,
        &payload,
    )
    .map_err(|source| AgreementError::Envelope { part: "terms", source })
}

/// Signs an act over `proposal` as administration `act.by`, whose PeerId is `kid`.
pub fn sign_act(key: &ed25519_dalek::SigningKey, kid: &str, act: &Act) -> Result<Vec<u8>, AgreementError> {
    let payload =
        cbor::to_vec(act).map_err(|e| AgreementError::Invalid { part: "act", message: e.to_string() })?;
    envelope::sign(key, kid.as_bytes(), CONTENT_TYPE_ACT, &payload)
        .map_err(|source| AgreementError::Envelope { part: "act", source })
}

impl Document {
    /// Verifies every signature: the proposal by the proposer's key, each act by a party's key
    /// and over this proposal; `key_of` turns a PeerId into its Ed25519 public key.
    pub fn verify(
        &self,
        key_of: impl Fn(&str) -> Option<ed25519_dalek::VerifyingKey>,
    ) -> Result<Verified, AgreementError> {
        let unverified: Terms = decode("proposal", &self.proposal)?;
        let signer = &unverified.proposer_peer_id;
        let key = key_of(signer).ok_or_else(|| AgreementError::UnknownKey(signer.clone()))?;
        let verified = envelope::verify_from(&self.proposal, &key, signer.as_bytes(), MAX_PART_BYTES)
            .map_err(|source| AgreementError::Envelope { part: "proposal", source })?;
        let terms: Terms = cbor::from_slice(&verified.payload, LIMITS)
            .map_err(|e| AgreementError::Invalid { part: "proposal", message: e.to_string() })?;
        terms.check().map_err(|message| AgreementError::Invalid { part: "proposal", message })?;
        let hash = terms_hash(&self.proposal);
        let act = |part: &'static str, bytes: &Option<ByteBuf>, want: ActKind, parties: &[&str]| {
            let Some(bytes) = bytes else { return Ok(None) };
            let unverified: Act = decode(part, bytes)?;
            if !parties.contains(&unverified.by.as_str()) {
                return Err(AgreementError::WrongSigner { part, signer: unverified.by });
            }
            let peer_id = terms.peer_id_of(&unverified.by).unwrap_or_default();
            let key = key_of(peer_id).ok_or_else(|| AgreementError::UnknownKey(peer_id.to_owned()))?;
            let verified = envelope::verify_from(bytes, &key, peer_id.as_bytes(), MAX_PART_BYTES)
                .map_err(|source| AgreementError::Envelope { part, source })?;
            let act: Act = cbor::from_slice(&verified.payload, LIMITS)
                .map_err(|e| AgreementError::Invalid { part, message: e.to_string() })?;
            if act.act != want || act.agreement != terms.id || act.terms_hash.as_slice() != hash {
                return Err(AgreementError::Invalid {
                    part,
                    message: "does not refer to this proposal".into(),
                });
            }
            Ok(Some(act))
        };
        let acceptance = act("acceptance", &self.acceptance, ActKind::Accept, &[&terms.peer])?;
        let rejection = act("rejection", &self.rejection, ActKind::Reject, &[&terms.peer])?;
        let revocation =
            act("revocation", &self.revocation, ActKind::Revoke, &[&terms.peer, &terms.proposer])?;
        if acceptance.is_some() && rejection.is_some() {
            return Err(AgreementError::Invalid {
                part: "document",
                message: "an agreement cannot be both accepted and rejected".into(),
            });
        }
        Ok(Verified { terms, acceptance, rejection, revocation })
    }
}

fn decode<T: serde::de::DeserializeOwned>(part: &'static str, bytes: &[u8]) -> Result<T, AgreementError> {
    let payload = envelope::payload_unverified(bytes, MAX_PART_BYTES)
        .map_err(|source| AgreementError::Envelope { part, source })?;
    cbor::from_slice(&payload, LIMITS).map_err(|e| AgreementError::Invalid { part, message: e.to_string() })
}

impl Verified {
    /// The state on `today` (`YYYY-MM-DD`).
    pub fn state(&self, today: &str) -> State {
        if self.revocation.is_some() {
            return State::Revoked;
        }
        if self.rejection.is_some() {
            return State::Rejected;
        }
        if self.acceptance.is_none() {
            return State::Proposed;
        }
        if today < self.terms.valid_from.as_str() {
            return State::Pending;
        }
        if self.terms.valid_until.as_deref().is_some_and(|u| today > u) {
            return State::Expired;
        }
        State::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::SigningKey;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn terms() -> Terms {
        Terms {
            format: AGREEMENT_FORMAT,
            id: uuid::Uuid::nil(),
            proposer: "NL".into(),
            proposer_peer_id: "peer-nl".into(),
            peer: "BE".into(),
            peer_peer_id: "peer-be".into(),
            legal_basis: "NL-BE mutual assistance agreement, art. 5".into(),
            scope: Scope {
                kinds: vec![RecordKind::Seizure],
                direction: Direction::Both,
                commodities: vec![],
            },
            valid_from: "2026-01-01".into(),
            valid_until: Some("2027-12-31".into()),
            proposed_at_ms: 0,
        }
    }

    fn key_of(id: &str) -> Option<ed25519_dalek::VerifyingKey> {
        match id {
            "peer-nl" => Some(key(1).verifying_key()),
            "peer-be" => Some(key(2).verifying_key()),
            _ => None,
        }
    }

    fn act(doc: &Document, kind: ActKind, by: &str) -> Act {
        Act {
            format: AGREEMENT_FORMAT,
            agreement: uuid::Uuid::nil(),
            act: kind,
            terms_hash: ByteBuf::from(terms_hash(&doc.proposal).to_vec()),
            by: by.into(),
            at_ms: 1,
            reason: None,
        }
    }

    #[test]
    fn lifecycle_and_states() -> Result<(), AgreementError> {
        let mut doc =
            Document { proposal: ByteBuf::from(sign_terms(&key(1), &terms())?), ..Default::default() };
        assert_eq!(doc.verify(key_of)?.state("2026-06-01"), State::Proposed);
        doc.acceptance =
            Some(ByteBuf::from(sign_act(&key(2), "peer-be", &act(&doc, ActKind::Accept, "BE"))?));
        let v = doc.verify(key_of)?;
        assert_eq!(v.state("2025-12-31"), State::Pending);
        assert_eq!(v.state("2026-06-01"), State::Active);
        assert_eq!(v.state("2028-01-01"), State::Expired);
        doc.revocation =
            Some(ByteBuf::from(sign_act(&key(1), "peer-nl", &act(&doc, ActKind::Revoke, "NL"))?));
        assert_eq!(doc.verify(key_of)?.state("2026-06-01"), State::Revoked);
        Ok(())
    }

    #[test]
    fn the_proposer_cannot_accept_its_own_proposal() -> Result<(), AgreementError> {
        let mut doc =
            Document { proposal: ByteBuf::from(sign_terms(&key(1), &terms())?), ..Default::default() };
        doc.acceptance =
            Some(ByteBuf::from(sign_act(&key(1), "peer-nl", &act(&doc, ActKind::Accept, "NL"))?));
        assert!(matches!(doc.verify(key_of), Err(AgreementError::WrongSigner { .. })));
        // Claiming to be BE with NL's key fails the signature.
        doc.acceptance =
            Some(ByteBuf::from(sign_act(&key(1), "peer-be", &act(&doc, ActKind::Accept, "BE"))?));
        assert!(matches!(doc.verify(key_of), Err(AgreementError::Envelope { .. })));
        Ok(())
    }

    #[test]
    fn an_act_over_other_terms_is_refused() -> Result<(), AgreementError> {
        let doc = Document { proposal: ByteBuf::from(sign_terms(&key(1), &terms())?), ..Default::default() };
        let mut other = terms();
        other.legal_basis = "something else".into();
        let other_doc =
            Document { proposal: ByteBuf::from(sign_terms(&key(1), &other)?), ..Default::default() };
        let mut mixed = doc.clone();
        mixed.acceptance =
            Some(ByteBuf::from(sign_act(&key(2), "peer-be", &act(&other_doc, ActKind::Accept, "BE"))?));
        assert!(matches!(mixed.verify(key_of), Err(AgreementError::Invalid { part: "acceptance", .. })));
        Ok(())
    }

    #[test]
    fn flows_follow_direction_kind_and_commodity() {
        let mut t = terms();
        assert!(t.covers_flow("NL", "BE", RecordKind::Seizure));
        assert!(t.covers_flow("BE", "NL", RecordKind::Seizure));
        assert!(!t.covers_flow("NL", "BE", RecordKind::Suspect));
        assert!(!t.covers_flow("NL", "DE", RecordKind::Seizure));
        t.scope.direction = Direction::ProposerToPeer;
        assert!(t.covers_flow("NL", "BE", RecordKind::Seizure));
        assert!(!t.covers_flow("BE", "NL", RecordKind::Seizure));
        t.scope.commodities = vec!["DRUGS".into()];
        assert!(t.covers_commodities(["DRUGS.COCAINE"].into_iter()));
        assert!(!t.covers_commodities(["DRUGSX"].into_iter()));
        assert!(!t.covers_commodities(["REVENUE.TOBACCO"].into_iter()));
    }

    #[test]
    fn terms_without_legal_basis_are_refused() {
        let mut t = terms();
        t.legal_basis = "  ".into();
        assert!(t.check().is_err());
        t = terms();
        t.valid_until = Some("2025-01-01".into());
        assert!(t.check().is_err());
    }
}
