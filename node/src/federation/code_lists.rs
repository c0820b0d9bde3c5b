//! The replication engine's code-list side (MISSION B5, policy "directory"): the hub answers
//! members' fetches with its newest signed release of each list and tells connected members
//! when it publishes one; a member fetches from its hub (on connection, when told, every few
//! seconds, and when a peer's record uses a code it does not hold yet) and takes each release
//! that verifies and may follow the version it holds.

use std::sync::Arc;

use ncen_protocol::codelists::Catalog;
use ncen_protocol::wire::{MAX_CODE_LIST_RESPONSE_BYTES, MAX_CODE_LISTS, Refusal, Request, Response};
use serde_bytes::ByteBuf;
use tokio::sync::watch;

use super::engine::Engine;
use crate::net::parse_peer_id;

impl Engine {
    /// Answers a member's fetch: the hub's newest release of each list newer than `have`.
    pub(super) async fn answer_code_lists(
        &self,
        have: Vec<(ncen_protocol::codelists::ListId, u32)>,
    ) -> Response {
        if !self.fed.is_hub() {
            return Response::Refused {
                reason: Refusal::BadRequest,
                message: "only the hub serves code lists".into(),
            };
        }
        if have.len() > MAX_CODE_LISTS {
            return Response::Refused { reason: Refusal::BadRequest, message: "too many lists named".into() };
        }
        match self.blocking(move |fed| fed.codelists.newer_than(&have, MAX_CODE_LIST_RESPONSE_BYTES)).await {
            Some(Ok(releases)) => {
                Response::CodeLists { releases: releases.into_iter().map(ByteBuf::from).collect() }
            }
            _ => Response::Refused { reason: Refusal::Unavailable, message: "try again later".into() },
        }
    }

    /// Member: fetches the hub's newer releases and takes those that verify and may follow the
    /// versions held. Returns how many were taken.
    pub async fn fetch_code_lists(&self) -> usize {
        let Some((hub_id, _)) = self.fed.hub.clone() else { return 0 };
        let Ok(peer) = parse_peer_id(&hub_id) else { return 0 };
        let have = self.fed.codelists.versions();
        let sent_ms = crate::journal::now_ms();
        let Ok(Response::CodeLists { releases }) = self.net.request(peer, Request::CodeLists { have }).await
        else {
            return 0;
        };
        // Nothing newer: this node held every release the hub had when it was asked.
        let complete = releases.is_empty();
        let mut taken = 0;
        for signed in releases.into_iter().take(MAX_CODE_LISTS) {
            match self.blocking(move |fed| fed.codelists.accept("hub", &signed)).await {
                Some(Ok((info, true))) => {
                    tracing::info!(list = %info.list, version = info.version, "code list release taken");
                    taken += 1;
                }
                Some(Err(e)) => tracing::warn!(error = %e, "code list release from the hub refused"),
                _ => {}
            }
        }
        if complete {
            self.fed.codelists.mark_current(sent_ms);
        }
        taken
    }

    /// Hub: tells every connected member when a new release comes into force.
    pub(super) async fn code_list_notifier(self, mut catalog: watch::Receiver<Arc<Catalog>>) {
        while catalog.changed().await.is_ok() {
            catalog.borrow_and_update();
            let Ok(status) = self.net.status().await else { return };
            for peer in status.connected {
                let net = self.net.clone();
                tokio::spawn(async move {
                    if let Err(e) = net.request(peer, Request::CodeListsNotify).await {
                        tracing::debug!(%peer, error = %e, "code list notice not delivered");
                    }
                });
            }
        }
    }
}
