//! The code lists pages (MISSION N2, B5): every list in force with its version; one list with
//! its signed versions and values; at the hub, the administrator's forms that add a value, add
//! or correct a translation and deprecate a value, each published as a new signed version.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::Notice;
use ncen_admin_ui::pages::code_lists::{
    AddValueForm, CodeListPage, CodeListsPage, ListRow, ValueRow, VersionRow,
};
use ncen_protocol::codelists::{Change, Lang, ListId};
use serde::Deserialize;

use super::chrome::{self, chrome};
use super::session::Visitor;
use crate::api::AppState;
use crate::codelists::CodeListsError;
use crate::roles::Permission;

pub async fn index(State(state): State<AppState>, v: Visitor) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ReadFederation)) {
        return r;
    }
    let lists = v
        .catalog
        .lists()
        .map(|l| ListRow {
            name: l.id.name().to_owned(),
            version: l.version,
            entries: l.entries.len(),
            deprecated: l.entries.iter().filter(|e| e.deprecated).count(),
        })
        .collect();
    let page = CodeListsPage { c: chrome(&state, &v, "code-lists", chrome::expiry_notice(&v)), lists };
    chrome::page(&v, &page)
}

fn empty_form() -> AddValueForm {
    AddValueForm {
        labels: Lang::ALL.iter().map(|l| (l.code(), l.native_name(), String::new())).collect(),
        ..AddValueForm::default()
    }
}

async fn render(
    state: &AppState,
    v: &Visitor,
    id: ListId,
    add: AddValueForm,
    notices: Vec<Notice>,
) -> Response {
    let codelists = state.codelists.clone();
    let Ok(Ok(history)) = tokio::task::spawn_blocking(move || codelists.history(id)).await else {
        return chrome::problem(state, v, chrome::Problem::Internal);
    };
    // The catalog in force now, which a change just made may have replaced.
    let catalog = state.catalog.current();
    let l = L10n::with_catalog(v.lang, catalog.clone());
    let list = catalog.list(id);
    let can_publish = state.codelists.is_hub()
        && v.principal.as_ref().is_some_and(|p| p.role.allows(Permission::ManageFederation));
    let mut notices = notices;
    notices.extend(chrome::expiry_notice(v));
    let page = CodeListPage {
        c: chrome(state, v, "code-lists", notices),
        name: id.name().to_owned(),
        version: list.version,
        history: history
            .iter()
            .rev()
            .map(|h| VersionRow {
                version: h.version,
                issued: l.datetime(h.issued_at_ms),
                entries: h.entries,
                deprecated: h.deprecated,
            })
            .collect(),
        values: list
            .entries
            .iter()
            .map(|e| ValueRow {
                code: e.code.clone(),
                label: l.code(id, &e.code),
                parent: e.parent.clone().unwrap_or_default(),
                deprecated: e.deprecated,
            })
            .collect(),
        can_publish,
        add,
    };
    chrome::page(v, &page)
}

#[derive(Debug, Deserialize)]
pub struct Published {
    version: Option<u32>,
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(name): Path<String>,
    Query(published): Query<Published>,
) -> Response {
    if let Err(r) = v.require(&state, Some(Permission::ReadFederation)) {
        return r;
    }
    let Some(id) = ListId::parse(&name) else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let l = v.l10n();
    let notices = published
        .version
        .map(|version| {
            let text = l.t2("codelists-published", "list", id.name(), "version", version);
            Notice { kind: "ok", text }
        })
        .into_iter()
        .collect();
    render(&state, &v, id, empty_form(), notices).await
}

/// The three forms' fields; each form sends its own.
#[derive(Debug, Default, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    hs_chapters: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    label_en: String,
    #[serde(default)]
    label_fr: String,
    #[serde(default)]
    label_es: String,
    #[serde(default)]
    label_pt: String,
    #[serde(default)]
    label_ru: String,
    #[serde(default)]
    label_de: String,
    #[serde(default)]
    label_ar: String,
}

impl ChangeForm {
    /// The label typed for `lang` in the add-value form.
    fn typed(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Fr => &self.label_fr,
            Lang::Es => &self.label_es,
            Lang::Pt => &self.label_pt,
            Lang::Ru => &self.label_ru,
            Lang::De => &self.label_de,
            Lang::Ar => &self.label_ar,
        }
    }

    fn add_form(&self) -> AddValueForm {
        AddValueForm {
            code: self.code.clone(),
            parent: self.parent.clone(),
            hs_chapters: self.hs_chapters.clone(),
            labels: Lang::ALL
                .iter()
                .map(|l| (l.code(), l.native_name(), self.typed(*l).to_owned()))
                .collect(),
        }
    }

    /// The change this form asks for, or the message id of what is missing.
    fn change(&self, action: &str) -> Result<Change, &'static str> {
        let code = self.code.trim().to_owned();
        if code.is_empty() {
            return Err("field-required");
        }
        match action {
            "add" => {
                let labels = Lang::ALL
                    .iter()
                    .filter_map(|l| {
                        let label = self.typed(*l).trim();
                        (!label.is_empty()).then(|| (*l, label.to_owned()))
                    })
                    .collect();
                let parent = Some(self.parent.trim()).filter(|p| !p.is_empty()).map(str::to_owned);
                let hs_chapters = self
                    .hs_chapters
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect();
                Ok(Change::AddValue { code, labels, parent, hs_chapters, nominal: false })
            }
            "label" => {
                let lang = Lang::parse(&self.lang).ok_or("field-required")?;
                Ok(Change::SetLabel { code, lang, label: self.label.clone() })
            }
            "deprecate" => Ok(Change::Deprecate { code }),
            _ => Err("error-not-found"),
        }
    }
}

/// Publishes the change one of the forms asks for, as the hub's administrator.
pub async fn change(
    State(state): State<AppState>,
    v: Visitor,
    Path((name, action)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageFederation)) {
        Ok(p) => p.username.clone(),
        Err(r) => return r,
    };
    let form: ChangeForm = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let (Some(id), true) = (ListId::parse(&name), ["add", "label", "deprecate"].contains(&action.as_str()))
    else {
        return chrome::problem(&state, &v, chrome::Problem::NotFound);
    };
    let l = v.l10n();
    let refill = if action == "add" { form.add_form() } else { empty_form() };
    let change = match form.change(&action) {
        Ok(c) => c,
        Err(message) => {
            let text = l.t1("codelists-refused", "message", l.t(message));
            return render(&state, &v, id, refill, vec![Notice { kind: "error", text }]).await;
        }
    };
    let codelists = state.codelists.clone();
    match tokio::task::spawn_blocking(move || codelists.publish(&actor, id, &change)).await {
        Ok(Ok(list)) => {
            Redirect::to(&format!("/code-lists/{}?version={}", id.name(), list.version)).into_response()
        }
        Ok(Err(CodeListsError::Refused(e))) => {
            let text = l.t1("codelists-refused", "message", e.to_string());
            render(&state, &v, id, refill, vec![Notice { kind: "error", text }]).await
        }
        Ok(Err(CodeListsError::NotHub)) => chrome::problem(&state, &v, chrome::Problem::Forbidden),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "code list change failed");
            chrome::problem(&state, &v, chrome::Problem::Internal)
        }
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}
