//! Search-as-you-type for the seizure form: `GET /records/{suspects|companies}/suggest?q=`
//! answers, as JSON, the records this node holds (own or received, not deleted) whose names
//! begin with what the officer is typing or whose national reference it is, each as the
//! reference the form takes and a label in the reader's language. Refusals use the API's error
//! shape, `{"error": {"code", "message"}}`, with the message in the reader's language.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ncen_admin_ui::L10n;
use ncen_protocol::codelists::ListId;
use ncen_protocol::model::{Company, Suspect};
use ncen_protocol::record::RecordKind;
use serde::{Deserialize, Serialize};

use super::chrome::role_label;
use super::entry::reference_of;
use super::session::Visitor;
use crate::api::AppState;
use crate::api::error::{ErrorBody, ErrorContent};
use crate::records::RecordView;
use crate::roles::Permission;
use crate::search::{MAX_SUGGEST_CHARS, SearchError};

/// Most records one answer offers.
pub const MAX_SUGGESTIONS: usize = 15;

/// Longest query string read, in bytes (a `q` of the longest text, percent-encoded, fits).
const MAX_QUERY_BYTES: usize = 4096;

/// A record offered for a field: what the field takes, and what the reader sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The national reference, as `ORIGIN/REFERENCE` for another administration's record.
    pub reference: String,
    /// The name, then what tells namesakes apart (date of birth, nationality or country).
    pub label: String,
}

#[derive(Debug, Default, Deserialize)]
struct Params {
    #[serde(default)]
    q: String,
}

/// A refusal in the API's error shape.
fn refuse(status: StatusCode, code: &str, message: String) -> Response {
    let error = ErrorContent { code: code.to_owned(), message, details: None };
    (status, Json(ErrorBody { error })).into_response()
}

/// How the form offers `view`: None for a deleted record or a seizure.
pub(super) fn suggestion_of(l: &L10n, me: &str, view: &RecordView) -> Option<Suggestion> {
    if view.deleted {
        return None;
    }
    let data = view.data.clone()?;
    let filled = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    let (reference, parts) = match view.kind {
        RecordKind::Suspect => {
            let s: Suspect = serde_json::from_value(data).ok()?;
            let name = match filled(s.given_names) {
                Some(given) => format!("{}, {given}", s.family_name),
                None => s.family_name,
            };
            let born = filled(s.date_of_birth).map(|d| l.date(&d));
            let nationality = filled(s.nationality).map(|c| l.code(ListId::Country, &c));
            (s.national_reference, vec![Some(name), born, nationality])
        }
        RecordKind::Company => {
            let c: Company = serde_json::from_value(data).ok()?;
            let country = filled(Some(c.country)).map(|c| l.code(ListId::Country, &c));
            (c.national_reference, vec![Some(c.name), country])
        }
        RecordKind::Seizure => return None,
    };
    let label = parts.into_iter().flatten().collect::<Vec<_>>().join(" · ");
    Some(Suggestion { reference: reference_of(me, &view.origin, &reference), label })
}

/// `GET /records/{collection}/suggest?q=`: the records offered for `q`, for a signed-in reader.
pub async fn suggest(
    State(state): State<AppState>,
    v: Visitor,
    Path(collection): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let l = v.l10n();
    let actor = match &v.principal {
        None => return refuse(StatusCode::UNAUTHORIZED, "unauthenticated", l.t("suggest-signed-out")),
        Some(p) if p.must_change_password => {
            return refuse(StatusCode::FORBIDDEN, "password_change_required", l.t("suggest-password-change"));
        }
        Some(p) if !p.role.allows(Permission::ReadRecords) => {
            let message = l.t1("error-forbidden", "role", role_label(&l, p.role));
            return refuse(StatusCode::FORBIDDEN, "forbidden", message);
        }
        Some(p) => p.username.clone(),
    };
    let kind = match RecordKind::from_collection(&collection) {
        Some(kind @ (RecordKind::Suspect | RecordKind::Company)) => kind,
        _ => return refuse(StatusCode::NOT_FOUND, "not_found", l.t("suggest-unknown-collection")),
    };
    let raw = raw.unwrap_or_default();
    let params =
        if raw.len() > MAX_QUERY_BYTES { None } else { serde_html_form::from_str::<Params>(&raw).ok() };
    let Some(Params { q }) = params else {
        return refuse(StatusCode::BAD_REQUEST, "bad_request", l.t("suggest-bad-query"));
    };
    if q.chars().count() > MAX_SUGGEST_CHARS {
        let message = l.t1("suggest-too-long", "max", MAX_SUGGEST_CHARS);
        return refuse(StatusCode::BAD_REQUEST, "bad_request", message);
    }
    if q.trim().is_empty() {
        return Json(Vec::<Suggestion>::new()).into_response();
    }
    let Some(index) = state.search.clone() else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "unavailable", l.t("suggest-unavailable"));
    };
    let (records, me) = (state.records.clone(), state.node.administration.clone());
    let lc = l.clone();
    let found = tokio::task::spawn_blocking(move || {
        let l = lc;
        let hits = index.suggest(kind, &q, MAX_SUGGESTIONS)?;
        let offered: Vec<Suggestion> = hits
            .iter()
            .filter_map(|h| records.get(h.kind, h.id).ok())
            .filter_map(|view| suggestion_of(&l, &me, &view))
            .collect();
        let target = format!("{}/suggest?q={}", kind.collection(), q.trim());
        let _ = records.audit_read(&actor, "record.suggest", target);
        Ok::<_, SearchError>(offered)
    })
    .await;
    match found {
        Ok(Ok(offered)) => Json(offered).into_response(),
        Ok(Err(SearchError::BadQuery(_))) => {
            refuse(StatusCode::BAD_REQUEST, "bad_request", l.t("suggest-bad-query"))
        }
        Ok(Err(e)) => {
            tracing::error!(error = %e, "suggestions failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "internal", l.t("suggest-unavailable"))
        }
        Err(e) => {
            tracing::error!(error = %e, "suggestions failed");
            refuse(StatusCode::INTERNAL_SERVER_ERROR, "internal", l.t("suggest-unavailable"))
        }
    }
}
