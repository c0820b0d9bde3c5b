//! Global CEN queries over the network (MISSION B6): the hub answers the searches and statistics
//! that members' nodes send on behalf of their users, for directory members only, and audits
//! who asked; a member sends its user's query to its hub and checks what comes back.

use ncen_protocol::global::{GlobalQuery, GlobalStatistics, MAX_ASKER};
use ncen_protocol::wire::{Refusal, Request, Response};

use super::engine::Engine;
use crate::audit::{AuditEvent, Outcome};
use crate::cen::global::open_result;
use crate::cen::{GlobalError, GlobalPage};
use crate::net::parse_peer_id;

fn refused(reason: Refusal, message: impl Into<String>) -> Response {
    Response::Refused { reason, message: message.into() }
}

/// A short, printable rendering of what the asker's node says its user is called.
fn asker_label(asker: &str) -> String {
    asker.chars().filter(|c| !c.is_control()).take(MAX_ASKER).collect()
}

impl Engine {
    /// Answers a member's global search or statistics (hub only).
    pub(super) async fn answer_global(&self, peer_id: &str, request: Request) -> Response {
        if !self.fed.is_hub() {
            return refused(Refusal::BadRequest, "only the WCO hub keeps the global CEN database");
        }
        let (asker, query, statistics) = match request {
            Request::GlobalSearch { asker, query } => (asker, query, false),
            Request::GlobalStatistics { asker, query } => (asker, query, true),
            _ => return refused(Refusal::BadRequest, "not a global query"),
        };
        let id = peer_id.to_owned();
        let member = match self.blocking(move |fed| fed.directory.current()).await {
            Some(Ok(dir)) => dir.and_then(|(d, _)| d.by_peer_id(&id).map(|m| m.administration.clone())),
            _ => return refused(Refusal::Unavailable, "try again later"),
        };
        let action = if statistics { "cen.remote_statistics" } else { "cen.remote_search" };
        let Some(member) = member else {
            self.audit(
                AuditEvent::new("network", action, Outcome::Denied)
                    .detail(format!("peer_id={peer_id} reason=not a member of the directory")),
            );
            return refused(
                Refusal::UnknownPeer,
                "only members of the WCO directory may query the global CEN",
            );
        };
        let asker = format!("{member}/{}", asker_label(&asker));
        let Some(global) = self.fed.global.get().cloned() else {
            return refused(Refusal::Unavailable, "the global CEN database is opening; try again shortly");
        };
        let q = query.clone();
        let answer = tokio::task::spawn_blocking(move || {
            if statistics {
                global.statistics(&q).map(|statistics| Response::GlobalStatistics { statistics })
            } else {
                global.search(&q).map(|result| Response::GlobalResult { result })
            }
        })
        .await;
        match answer {
            Ok(Ok(response)) => {
                self.audit(
                    AuditEvent::new(asker.as_str(), action, Outcome::Ok)
                        .target(format!("cen/{}", if statistics { "statistics" } else { "seizures" }))
                        .detail(format!("member={member} query={query:?}")),
                );
                response
            }
            Ok(Err(GlobalError::Invalid { field, message })) => {
                self.audit(
                    AuditEvent::new(asker.as_str(), action, Outcome::Denied)
                        .detail(format!("member={member} {field}: {message}")),
                );
                refused(Refusal::BadRequest, format!("{field}: {message}"))
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, "a global CEN query failed");
                refused(Refusal::Unavailable, "the global CEN database could not be read")
            }
            Err(e) => {
                tracing::error!(error = %e, "a global CEN query failed");
                refused(Refusal::Unavailable, "the global CEN database could not be read")
            }
        }
    }

    async fn ask_hub(&self, request: Request) -> Result<Response, GlobalError> {
        let Some((hub, _)) = self.fed.hub.clone() else { return Err(GlobalError::NoHub) };
        let peer = parse_peer_id(&hub).map_err(|e| GlobalError::Unreachable(e.to_string()))?;
        match self.net.request(peer, request).await {
            Ok(Response::Refused { reason: Refusal::BadRequest, message }) => {
                let (field, message) = message.split_once(": ").unwrap_or(("query", message.as_str()));
                let field = ["q", "limit", "offset", "date_from", "date_to"]
                    .into_iter()
                    .find(|f| *f == field)
                    .unwrap_or("query");
                Err(GlobalError::Invalid { field, message: message.to_owned() })
            }
            Ok(Response::Refused { message, .. }) => Err(GlobalError::Refused(message)),
            Ok(other) => Ok(other),
            Err(e) => Err(GlobalError::Unreachable(e.to_string())),
        }
    }

    /// Sends a user's search to the hub; answers the page with every seizure's signature checked.
    pub async fn global_search(&self, asker: &str, query: GlobalQuery) -> Result<GlobalPage, GlobalError> {
        let request = Request::GlobalSearch { asker: asker_label(asker), query: Box::new(query) };
        match self.ask_hub(request).await? {
            Response::GlobalResult { result } => {
                let page = self.open(result.clone()).await?;
                if page.rejected == 0 {
                    return Ok(page);
                }
                // A member admitted since this node's last copy of the directory signs with a
                // key this node does not know yet: fetch the hub's current directory, check again.
                self.fetch_directory().await;
                self.open(result).await
            }
            _ => Err(GlobalError::Unreachable("the hub answered something else".into())),
        }
    }

    /// Checks every seizure of a hub answer against the directory this node holds.
    async fn open(&self, result: ncen_protocol::global::GlobalResult) -> Result<GlobalPage, GlobalError> {
        let hub = self.fed.hub.clone().map(|(id, _)| id).unwrap_or_default();
        self.blocking(move |fed| {
            let directory = fed.directory.current().ok().flatten().map(|(d, _)| d);
            open_result(result, directory.as_ref(), &hub)
        })
        .await
        .ok_or_else(|| GlobalError::Unreachable("the answer could not be checked".into()))
    }

    /// Sends a user's statistics query to the hub.
    pub async fn global_statistics(
        &self,
        asker: &str,
        query: GlobalQuery,
    ) -> Result<GlobalStatistics, GlobalError> {
        match self
            .ask_hub(Request::GlobalStatistics { asker: asker_label(asker), query: Box::new(query) })
            .await?
        {
            Response::GlobalStatistics { statistics } => Ok(statistics),
            _ => Err(GlobalError::Unreachable("the hub answered something else".into())),
        }
    }
}
