//! Photos in the web UI: the thumbnails of a record, the form adding one (checked by content,
//! then a new revision of the record), removing one (another revision), and the image bytes
//! for logged-in readers.

use axum::extract::{Form, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{PhotoForm, PhotoTile};
use ncen_protocol::codelists::{Catalog, ListId};
use ncen_protocol::model::PhotoRef;
use ncen_protocol::record::{RecordBody, RecordKind};
use ncen_protocol::wire::MAX_PHOTO_BYTES;

use super::chrome::{self, Done};
use super::entry::options;
use super::session::Visitor;
use crate::api::AppState;
use crate::api::download;
use crate::api::photos::read_permission;
use crate::photos::{StorePhotoError, photos_of};
use crate::records::{RecordError, RecordView};
use crate::roles::Permission;

/// A photo upload shown again with what was wrong.
#[derive(Debug, Default)]
pub struct PhotoAttempt {
    kind: String,
    caption: String,
    /// The field at fault and the message.
    error: (String, String),
}

/// The photo references of a record's current revision.
pub(super) fn refs_of(view: &RecordView) -> Vec<PhotoRef> {
    let Some(data) = view.data.clone() else { return Vec::new() };
    let body = match view.kind {
        RecordKind::Seizure => serde_json::from_value(data).map(RecordBody::Seizure),
        RecordKind::Suspect => serde_json::from_value(data).map(RecordBody::Suspect),
        RecordKind::Company => return Vec::new(),
    };
    body.map(|b| photos_of(&b).to_vec()).unwrap_or_default()
}

fn nominal(kind: &str) -> bool {
    Catalog::builtin().list(ListId::PhotoKind).get(kind).is_some_and(|e| e.nominal)
}

/// One tile per photo of `refs`, marking those whose bytes this node does not hold.
pub(super) async fn tiles_of(
    state: &AppState,
    l: &L10n,
    refs: Vec<(PhotoRef, Option<(String, String)>)>,
    remove_base: Option<String>,
) -> Vec<PhotoTile> {
    let photos = state.photos.clone();
    let shas: Vec<String> = refs.iter().map(|(p, _)| p.sha256.clone()).collect();
    let held = tokio::task::spawn_blocking(move || {
        shas.iter().map(|s| photos.holds(s).unwrap_or(false)).collect::<Vec<_>>()
    })
    .await
    .unwrap_or_default();
    refs.into_iter()
        .enumerate()
        .map(|(i, (p, record))| PhotoTile {
            full: format!("/photos/{}", p.sha256),
            thumb: held.get(i).copied().unwrap_or(false).then(|| format!("/photos/{}/thumbnail", p.sha256)),
            kind: l.code(ListId::PhotoKind, &p.kind),
            nominal: nominal(&p.kind),
            caption: p.caption.clone().unwrap_or_default(),
            record,
            remove: remove_base.as_ref().map(|base| format!("{base}/{}/remove", p.sha256)),
        })
        .collect()
}

/// The tiles of a record's photos.
pub(super) async fn tiles(state: &AppState, l: &L10n, view: &RecordView, editable: bool) -> Vec<PhotoTile> {
    let base = editable.then(|| format!("/records/{}/{}/photos", view.kind.collection(), view.id));
    tiles_of(state, l, refs_of(view).into_iter().map(|p| (p, None)).collect(), base).await
}

/// The form adding a photo to a record, with the last attempt's values and error.
pub(super) fn form(l: &L10n, view: &RecordView, attempt: Option<PhotoAttempt>) -> PhotoForm {
    let attempt = attempt.unwrap_or_default();
    PhotoForm {
        action: format!("/records/{}/{}/photos", view.kind.collection(), view.id),
        kinds: options(l, ListId::PhotoKind),
        kind: attempt.kind,
        caption: attempt.caption,
        error: (!attempt.error.0.is_empty()).then_some(attempt.error),
        max_mib: MAX_PHOTO_BYTES >> 20,
    }
}

#[derive(Default)]
struct Upload {
    csrf: String,
    kind: String,
    caption: String,
    bytes: Vec<u8>,
}

async fn read(mut form: Multipart) -> Result<Upload, String> {
    let mut upload = Upload::default();
    while let Some(field) = form.next_field().await.map_err(|e| e.body_text())? {
        match field.name().unwrap_or_default() {
            "_csrf" => upload.csrf = field.text().await.map_err(|e| e.body_text())?,
            "kind" => upload.kind = field.text().await.map_err(|e| e.body_text())?,
            "caption" => upload.caption = field.text().await.map_err(|e| e.body_text())?,
            "file" => upload.bytes = field.bytes().await.map_err(|e| e.body_text())?.to_vec(),
            _ => {}
        }
    }
    Ok(upload)
}

/// The collection and id of a record page that may have photos.
fn target(collection: &str) -> Option<RecordKind> {
    RecordKind::from_collection(collection).filter(|k| *k != RecordKind::Company)
}

fn record_path(kind: RecordKind, id: &str) -> String {
    format!("/records/{}/{id}", kind.collection())
}

/// `POST /records/{collection}/{id}/photos`: stores the file and adds it to the record.
pub async fn add(
    State(state): State<AppState>,
    v: Visitor,
    Path((collection, id)): Path<(String, String)>,
    form: Multipart,
) -> Response {
    let actor = match v.require(&state, Some(Permission::WriteRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let Some(kind) = target(&collection) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let l = v.l10n();
    let upload = match read(form).await {
        Ok(u) => u,
        Err(message) => {
            let error = ("file".to_owned(), l.t1("field-server", "message", message));
            let attempt = PhotoAttempt { error, ..PhotoAttempt::default() };
            return super::record::show(&state, &v, kind, &id, "/search", Done::default(), Some(attempt))
                .await;
        }
    };
    if let Err(r) = v.check_csrf(&state, &upload.csrf) {
        return r;
    }
    let fail = |field: &str, message: String| PhotoAttempt {
        kind: upload.kind.clone(),
        caption: upload.caption.clone(),
        error: (field.to_owned(), message),
    };
    let attempt = if upload.bytes.is_empty() {
        Some(fail("file", l.t("photo-error-empty")))
    } else if l.catalog().list(ListId::PhotoKind).get(&upload.kind).is_none_or(|e| e.deprecated) {
        Some(fail("kind", l.t("field-required")))
    } else {
        None
    };
    if let Some(attempt) = attempt {
        return super::record::show(&state, &v, kind, &id, "/search", Done::default(), Some(attempt)).await;
    }
    let Ok(uuid) = uuid::Uuid::parse_str(&id) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let (records, photos) = (state.records.clone(), state.photos.clone());
    let (photo_kind, caption) = (upload.kind.clone(), upload.caption.trim().to_owned());
    let result = tokio::task::spawn_blocking(move || -> Result<Result<(), PhotoAttempt>, RecordError> {
        let (mut body, origin, revision) = records.body(kind, uuid)?;
        if origin != records.origin() {
            return Err(RecordError::NotOwner { kind: kind.collection(), id: uuid, origin });
        }
        let inspected = match photos.upload(&actor, &upload.bytes, "ui") {
            Ok(i) => i,
            Err(StorePhotoError::Photo(e)) => {
                return Ok(Err(PhotoAttempt {
                    kind: photo_kind,
                    caption,
                    error: ("file".into(), e.message_id().to_owned()),
                }));
            }
            Err(StorePhotoError::Store(e)) => return Err(e.into()),
        };
        let list = match &mut body {
            RecordBody::Seizure(s) => &mut s.photos,
            RecordBody::Suspect(s) => &mut s.photos,
            RecordBody::Company(_) => {
                return Err(RecordError::NotFound { kind: kind.collection(), id: uuid });
            }
        };
        if list.iter().any(|p| p.sha256 == inspected.sha256) {
            return Ok(Err(PhotoAttempt {
                kind: photo_kind,
                caption,
                error: ("file".into(), "photo-error-duplicate".into()),
            }));
        }
        list.push(PhotoRef {
            kind: photo_kind.clone(),
            sha256: inspected.sha256,
            media_type: inspected.media_type.to_owned(),
            caption: Some(caption.clone()).filter(|c| !c.is_empty()),
        });
        match records.update(&actor, uuid, body, Some(revision)) {
            Ok(_) => Ok(Ok(())),
            Err(RecordError::Invalid(errors)) => {
                let message = errors.0.first().map(|e| e.message.clone()).unwrap_or_default();
                let field =
                    if errors.0.iter().any(|e| e.field.ends_with(".caption")) { "caption" } else { "file" };
                Ok(Err(PhotoAttempt {
                    kind: photo_kind,
                    caption,
                    error: (field.into(), format!("!{message}")),
                }))
            }
            Err(RecordError::Stale { .. }) => Ok(Err(PhotoAttempt {
                kind: photo_kind,
                caption,
                error: ("file".into(), "photo-error-stale".into()),
            })),
            Err(e) => Err(e),
        }
    })
    .await;
    match result {
        Ok(Ok(Ok(()))) => {
            Redirect::to(&format!("{}?done=photo-added", record_path(kind, &id))).into_response()
        }
        Ok(Ok(Err(mut attempt))) => {
            // Message ids become text here; a `!` marks text from the validator.
            attempt.error.1 = match attempt.error.1.strip_prefix('!') {
                Some(text) => l.t1("field-server", "message", text.to_owned()),
                None => l.t(&attempt.error.1),
            };
            super::record::show(&state, &v, kind, &id, "/search", Done::default(), Some(attempt)).await
        }
        Ok(Err(RecordError::NotFound { .. } | RecordError::Deleted { .. })) => {
            chrome::problem(&state, &v, chrome::Problem::NotFound)
        }
        Ok(Err(RecordError::NotOwner { .. })) => chrome::problem(&state, &v, chrome::Problem::Forbidden),
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct CsrfOnly {
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

/// `POST /records/{collection}/{id}/photos/{sha}/remove`: a new revision without the photo.
pub async fn remove(
    State(state): State<AppState>,
    v: Visitor,
    Path((collection, id, sha)): Path<(String, String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    let actor = match v.require(&state, Some(Permission::WriteRecords)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    if let Err(r) = v.check_csrf(&state, &form.csrf) {
        return r;
    }
    let (Some(kind), Ok(uuid)) = (target(&collection), uuid::Uuid::parse_str(&id)) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let records = state.records.clone();
    let result = tokio::task::spawn_blocking(move || -> Result<bool, RecordError> {
        let (mut body, origin, revision) = records.body(kind, uuid)?;
        if origin != records.origin() {
            return Err(RecordError::NotOwner { kind: kind.collection(), id: uuid, origin });
        }
        let list = match &mut body {
            RecordBody::Seizure(s) => &mut s.photos,
            RecordBody::Suspect(s) => &mut s.photos,
            RecordBody::Company(_) => return Ok(false),
        };
        let before = list.len();
        list.retain(|p| !p.sha256.eq_ignore_ascii_case(&sha));
        if list.len() == before {
            return Ok(false);
        }
        records.update(&actor, uuid, body, Some(revision))?;
        Ok(true)
    })
    .await;
    match result {
        Ok(Ok(true)) => {
            Redirect::to(&format!("{}?done=photo-removed", record_path(kind, &id))).into_response()
        }
        Ok(Ok(false)) | Ok(Err(RecordError::NotFound { .. } | RecordError::Deleted { .. })) => {
            chrome::problem(&state, &v, chrome::Problem::NotFound)
        }
        Ok(Err(RecordError::NotOwner { .. })) => chrome::problem(&state, &v, chrome::Problem::Forbidden),
        Ok(Err(RecordError::Stale { .. })) => Redirect::to(&record_path(kind, &id)).into_response(),
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

/// `GET /photos/{sha}`: the image as uploaded; every view is audited.
pub async fn full(State(state): State<AppState>, v: Visitor, Path(sha): Path<String>) -> Response {
    let actor = match v.require(&state, Some(read_permission(&state))) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let (photos, records) = (state.photos.clone(), state.records.clone());
    let found = tokio::task::spawn_blocking(move || -> Result<_, crate::store::StoreError> {
        let sha = sha.to_ascii_lowercase();
        let found = photos.bytes(&sha)?;
        if found.is_some() {
            records.audit_read(&actor, "photo.read", format!("photos/{sha}"))?;
        }
        Ok(found)
    })
    .await;
    match found {
        Ok(Ok(Some((media_type, bytes)))) => download::image(media_type, bytes),
        Ok(Ok(None)) => chrome::problem(&state, &v, chrome::Problem::NotFound),
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

/// `GET /photos/{sha}/thumbnail`: the small JPEG of a photo.
pub async fn thumbnail(State(state): State<AppState>, v: Visitor, Path(sha): Path<String>) -> Response {
    if let Err(r) = v.require(&state, Some(read_permission(&state))) {
        return r;
    }
    let photos = state.photos.clone();
    match tokio::task::spawn_blocking(move || photos.thumbnail(&sha)).await {
        Ok(Ok(Some(bytes))) => download::image("image/jpeg", bytes),
        Ok(Ok(None)) => chrome::problem(&state, &v, chrome::Problem::NotFound),
        _ => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}
