//! Download of an operation's export from the web UI (`/operations/{id}/export.sqlite` and
//! `.xlsx`) by a coordination unit of the coordinating administration, with code labels in the
//! language of the pages.

use axum::extract::{Path, State};
use axum::response::Response;

use super::chrome::{self, Problem};
use super::session::Visitor;
use crate::api::AppState;
use crate::operations::OpError;
use crate::operations::export::ExportFormat;
use crate::roles::Permission;

async fn export(state: AppState, v: Visitor, id: String, format: ExportFormat) -> Response {
    let actor = match v.require(&state, Some(Permission::CoordinateOperations)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        return chrome::problem(&state, &v, Problem::NotFound);
    };
    let ops = state.operations.clone();
    let lang = v.lang;
    match tokio::task::spawn_blocking(move || ops.export(&actor, id, format, lang)).await {
        Ok(Ok((bytes, name))) => crate::api::download::attachment(format.content_type(), &name, bytes),
        Ok(Err(OpError::NotFound)) => chrome::problem(&state, &v, Problem::NotFound),
        Ok(Err(OpError::Forbidden(_) | OpError::Lapsed(_))) => {
            chrome::problem(&state, &v, Problem::Forbidden)
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "operation export failed");
            chrome::problem(&state, &v, Problem::Internal)
        }
        Err(e) => {
            tracing::error!(error = %e, "operation export failed");
            chrome::problem(&state, &v, Problem::Internal)
        }
    }
}

pub async fn to_sqlite(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    export(state, v, id, ExportFormat::Sqlite).await
}

pub async fn to_xlsx(State(state): State<AppState>, v: Visitor, Path(id): Path<String>) -> Response {
    export(state, v, id, ExportFormat::Xlsx).await
}
