//! The bridge between the node's services and the admin UI's [`StatusSource`].

use ncen_admin_ui::{NodeStatus, StatusSource};

use crate::api::AppState;

#[derive(Clone, Debug)]
struct Source(AppState);

impl StatusSource for Source {
    fn status(&self) -> NodeStatus {
        let node = &self.0.node;
        NodeStatus {
            administration: node.administration.clone(),
            role: node.role.clone(),
            peer_id: node.peer_id.clone(),
            public_key: node.public_key.clone(),
            listen: node.listen.clone(),
            version: node.version.clone(),
            audit_entries: self.0.records.audit_entries(),
            log_entries: self.0.records.logged(),
        }
    }
}

/// The UI's routes over this node's state.
pub fn router(state: AppState) -> axum::Router {
    ncen_admin_ui::router(Source(state))
}
