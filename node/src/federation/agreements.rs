//! Agreements at this node (MISSION B1): proposing (signed here), accepting or rejecting an
//! incoming proposal (countersigned here), revoking, merging what the other party sends, and the
//! question the replication engine asks: which active agreements cover a flow today.

use std::sync::Arc;

use ncen_protocol::agreement::{
    AGREEMENT_FORMAT, Act, ActKind, AgreementError, Document, Scope, State, Terms, Verified, sign_act,
    sign_terms, terms_hash,
};
use ncen_protocol::record::RecordKind;
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use crate::audit::{AuditEvent, Outcome};
use crate::identity::Identity;
use crate::journal::{Journal, now_ms};
use crate::net::key_of_peer_id;
use crate::store::{Cf, StoreError, value};

use super::peers::Peer;

/// An agreement as stored: the document both parties hold, and whether the other party has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAgreement {
    pub document: Document,
    /// The other party has acknowledged the latest version of the document.
    pub delivered: bool,
    pub updated_ms: i64,
}

/// An agreement as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AgreementView {
    pub id: uuid::Uuid,
    pub state: State,
    /// `outgoing` when this node proposed it, `incoming` when the other party did.
    pub origin: &'static str,
    pub proposer: String,
    /// The other party, seen from this node.
    pub peer: String,
    pub parties: [String; 2],
    pub legal_basis: String,
    pub scope: ScopeView,
    pub valid_from: String,
    pub valid_until: Option<String>,
    pub proposed_at_ms: i64,
    pub accepted_at_ms: Option<i64>,
    pub rejected_at_ms: Option<i64>,
    pub revoked_at_ms: Option<i64>,
    pub revoked_by: Option<String>,
    pub reason: Option<String>,
    /// The other party holds the latest version of the document.
    pub delivered: bool,
}

/// The scope in the API's words: record collections, direction, commodity filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeView {
    /// `seizures`, `suspects`, `companies`.
    pub kinds: Vec<String>,
    /// `both`, `proposer_to_peer` or `peer_to_proposer`.
    pub direction: ncen_protocol::agreement::Direction,
    #[serde(default)]
    pub commodities: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AgreementServiceError {
    #[error("no agreement {0}")]
    NotFound(uuid::Uuid),
    #[error("{0}")]
    Invalid(String),
    #[error("agreement {id} is {state:?}: {message}")]
    WrongState { id: uuid::Uuid, state: State, message: &'static str },
    #[error("the document was refused: {0}")]
    Refused(String),
    #[error(transparent)]
    Agreement(#[from] AgreementError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn key_of(peer_id: &str) -> Option<ed25519_dalek::VerifyingKey> {
    key_of_peer_id(peer_id)
}

pub fn scope_view(scope: &Scope) -> ScopeView {
    ScopeView {
        kinds: scope.kinds.iter().map(|k| k.collection().to_owned()).collect(),
        direction: scope.direction,
        commodities: scope.commodities.clone(),
    }
}

/// The agreements table of this node.
#[derive(Debug, Clone)]
pub struct Agreements {
    journal: Arc<Journal>,
    identity: Arc<Identity>,
    me: String,
}

impl Agreements {
    pub fn new(journal: Arc<Journal>, identity: Arc<Identity>, me: &str) -> Self {
        Agreements { journal, identity, me: me.to_owned() }
    }

    fn load(&self, id: uuid::Uuid) -> Result<Option<StoredAgreement>, StoreError> {
        match self.journal.store().get(Cf::Agreements, id.as_bytes())? {
            Some(b) => Ok(Some(value::decode("agreements", &b)?)),
            None => Ok(None),
        }
    }

    /// Every stored agreement with its verified content.
    pub fn all(&self) -> Result<Vec<(StoredAgreement, Verified)>, StoreError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::Agreements, b"", true) {
            let (_, v) = item?;
            let stored: StoredAgreement = value::decode("agreements", &v)?;
            match stored.document.verify(key_of) {
                Ok(verified) => out.push((stored, verified)),
                Err(e) => {
                    return Err(StoreError::Corrupt { cf: "agreements", message: e.to_string() });
                }
            }
        }
        Ok(out)
    }

    pub fn view(&self, stored: &StoredAgreement, v: &Verified) -> AgreementView {
        let t = &v.terms;
        let outgoing = t.proposer == self.me;
        AgreementView {
            id: t.id,
            state: v.state(&today()),
            origin: if outgoing { "outgoing" } else { "incoming" },
            proposer: t.proposer.clone(),
            peer: t.other(&self.me).unwrap_or_default().to_owned(),
            parties: [t.proposer.clone(), t.peer.clone()],
            legal_basis: t.legal_basis.clone(),
            scope: scope_view(&t.scope),
            valid_from: t.valid_from.clone(),
            valid_until: t.valid_until.clone(),
            proposed_at_ms: t.proposed_at_ms,
            accepted_at_ms: v.acceptance.as_ref().map(|a| a.at_ms),
            rejected_at_ms: v.rejection.as_ref().map(|a| a.at_ms),
            revoked_at_ms: v.revocation.as_ref().map(|a| a.at_ms),
            revoked_by: v.revocation.as_ref().map(|a| a.by.clone()),
            reason: v.revocation.as_ref().or(v.rejection.as_ref()).and_then(|a| a.reason.clone()),
            delivered: stored.delivered,
        }
    }

    pub fn get(&self, id: uuid::Uuid) -> Result<(StoredAgreement, Verified), AgreementServiceError> {
        let stored = self.load(id)?.ok_or(AgreementServiceError::NotFound(id))?;
        let verified = stored.document.verify(key_of)?;
        Ok((stored, verified))
    }

    fn save(
        &self,
        stored: &StoredAgreement,
        event: Option<AuditEvent>,
        id: uuid::Uuid,
    ) -> Result<(), StoreError> {
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Agreements, id.as_bytes(), &value::encode(stored)?);
            if let Some(event) = event {
                app.audit(batch, event)?;
            }
            Ok(())
        })
    }

    /// Signs and stores a proposal to `peer`.
    pub fn propose(
        &self,
        actor: &str,
        peer: &Peer,
        legal_basis: &str,
        scope: Scope,
        valid_from: &str,
        valid_until: Option<&str>,
    ) -> Result<(StoredAgreement, Verified), AgreementServiceError> {
        let terms = Terms {
            format: AGREEMENT_FORMAT,
            id: uuid::Uuid::now_v7(),
            proposer: self.me.clone(),
            proposer_peer_id: self.identity.peer_id().to_owned(),
            peer: peer.administration.clone(),
            peer_peer_id: peer.peer_id.clone(),
            legal_basis: legal_basis.trim().to_owned(),
            scope,
            valid_from: valid_from.to_owned(),
            valid_until: valid_until.map(str::to_owned),
            proposed_at_ms: now_ms(),
        };
        terms.check().map_err(AgreementServiceError::Invalid)?;
        let proposal = sign_terms(self.identity.signing_key(), &terms)?;
        let stored = StoredAgreement {
            document: Document { proposal: ByteBuf::from(proposal), ..Default::default() },
            delivered: false,
            updated_ms: now_ms(),
        };
        let verified = stored.document.verify(key_of)?;
        let event = AuditEvent::new(actor, "agreement.propose", Outcome::Ok)
            .target(format!("agreements/{}", terms.id))
            .detail(format!("peer={} legal_basis={}", peer.administration, terms.legal_basis));
        self.save(&stored, Some(event), terms.id)?;
        Ok((stored, verified))
    }

    /// Accepts, rejects or revokes: signs the act and stores the new document.
    pub fn act(
        &self,
        actor: &str,
        id: uuid::Uuid,
        kind: ActKind,
        reason: Option<String>,
    ) -> Result<(StoredAgreement, Verified), AgreementServiceError> {
        let (mut stored, verified) = self.get(id)?;
        let state = verified.state(&today());
        let t = &verified.terms;
        let wrong = |message| AgreementServiceError::WrongState { id, state, message };
        match kind {
            ActKind::Accept | ActKind::Reject => {
                if t.peer != self.me {
                    return Err(wrong("only the administration it was proposed to may answer it"));
                }
                if state != State::Proposed {
                    return Err(wrong("only a proposed agreement can be accepted or rejected"));
                }
            }
            ActKind::Revoke => {
                if matches!(state, State::Revoked | State::Rejected) {
                    return Err(wrong("it is already closed"));
                }
            }
        }
        let act = Act {
            format: AGREEMENT_FORMAT,
            agreement: id,
            act: kind,
            terms_hash: ByteBuf::from(terms_hash(&stored.document.proposal).to_vec()),
            by: self.me.clone(),
            at_ms: now_ms(),
            reason: reason.map(|r| r.trim().chars().take(2000).collect()),
        };
        let signed = ByteBuf::from(sign_act(self.identity.signing_key(), self.identity.peer_id(), &act)?);
        let action = match kind {
            ActKind::Accept => {
                stored.document.acceptance = Some(signed);
                "agreement.accept"
            }
            ActKind::Reject => {
                stored.document.rejection = Some(signed);
                "agreement.reject"
            }
            ActKind::Revoke => {
                stored.document.revocation = Some(signed);
                "agreement.revoke"
            }
        };
        stored.delivered = false;
        stored.updated_ms = now_ms();
        let verified = stored.document.verify(key_of)?;
        let other = t.other(&self.me).unwrap_or_default().to_owned();
        let event = AuditEvent::new(actor, action, Outcome::Ok)
            .target(format!("agreements/{id}"))
            .detail(format!("peer={other}"));
        self.save(&stored, Some(event), id)?;
        Ok((stored, verified))
    }

    /// Merges a document sent by `from` (administration, PeerId of the connection). Returns
    /// whether anything changed.
    pub fn receive(
        &self,
        from: &str,
        from_peer_id: &str,
        document: Document,
    ) -> Result<bool, AgreementServiceError> {
        let refused = |m: String| AgreementServiceError::Refused(m);
        let verified = document.verify(key_of)?;
        let t = &verified.terms;
        let me_ok = (t.proposer == self.me && t.proposer_peer_id == self.identity.peer_id())
            || (t.peer == self.me && t.peer_peer_id == self.identity.peer_id());
        if !me_ok {
            return Err(refused("this node is not a party to the agreement".into()));
        }
        let from_ok = (t.proposer == from && t.proposer_peer_id == from_peer_id)
            || (t.peer == from && t.peer_peer_id == from_peer_id);
        if !from_ok {
            return Err(refused(format!("the sender {from} is not the other party")));
        }
        let id = t.id;
        let merged = match self.load(id)? {
            None => {
                if t.proposer != from {
                    return Err(refused("unknown agreement".into()));
                }
                StoredAgreement { document, delivered: true, updated_ms: now_ms() }
            }
            Some(mut stored) => {
                if stored.document.proposal != document.proposal {
                    return Err(refused("the proposal differs from the one held here".into()));
                }
                let before = stored.document.clone();
                let d = &mut stored.document;
                if d.acceptance.is_none() {
                    d.acceptance = document.acceptance;
                }
                if d.rejection.is_none() {
                    d.rejection = document.rejection;
                }
                if d.revocation.is_none() {
                    d.revocation = document.revocation;
                }
                if *d == before {
                    return Ok(false);
                }
                d.verify(key_of)?;
                stored.updated_ms = now_ms();
                stored
            }
        };
        let state = merged.document.verify(key_of)?.state(&today());
        let event = AuditEvent::new(from, "agreement.received", Outcome::Ok)
            .target(format!("agreements/{id}"))
            .detail(format!("from={from} state={state:?}"));
        self.save(&merged, Some(event), id)?;
        Ok(true)
    }

    pub fn mark_delivered(&self, id: uuid::Uuid, document: &Document) -> Result<(), StoreError> {
        if let Some(mut stored) = self.load(id)?
            && &stored.document == document
            && !stored.delivered
        {
            stored.delivered = true;
            self.save(&stored, None, id)?;
        }
        Ok(())
    }

    /// Documents the other party does not hold yet, with that party.
    pub fn undelivered(&self) -> Result<Vec<(String, uuid::Uuid, Document)>, StoreError> {
        Ok(self
            .all()?
            .into_iter()
            .filter(|(s, _)| !s.delivered)
            .filter_map(|(s, v)| v.terms.other(&self.me).map(|o| (o.to_owned(), v.terms.id, s.document)))
            .collect())
    }

    /// Active agreements between this node and `other`.
    pub fn active_with(&self, other: &str) -> Result<Vec<Terms>, StoreError> {
        let today = today();
        Ok(self
            .all()?
            .into_iter()
            .filter(|(_, v)| v.state(&today) == State::Active && v.terms.other(&self.me) == Some(other))
            .map(|(_, v)| v.terms)
            .collect())
    }

    /// Administrations with which some agreement (in any state) exists.
    pub fn parties(&self) -> Result<Vec<String>, StoreError> {
        let mut out: Vec<String> =
            self.all()?.into_iter().filter_map(|(_, v)| v.terms.other(&self.me).map(str::to_owned)).collect();
        out.sort();
        out.dedup();
        Ok(out)
    }
}

/// Whether any of `terms` lets a `kind` record flow `from` → `to`; returns the covering terms.
pub fn covering<'a>(terms: &'a [Terms], from: &str, to: &str, kind: RecordKind) -> Vec<&'a Terms> {
    terms.iter().filter(|t| t.covers_flow(from, to, kind)).collect()
}
