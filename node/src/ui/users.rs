//! The users page (administrators and national contact points): accounts with their state, last
//! login and password expiry; create, change role, reset password, unblock, deactivate.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use ncen_admin_ui::L10n;
use ncen_admin_ui::pages::{FieldErrors, UserForm, UserRow, UsersPage};
use serde::Deserialize;

use super::chrome::{self, Done, chrome, role_label};
use super::session::Visitor;
use crate::accounts::{AccountError, AccountState, Principal, UserView, check_username};
use crate::api::AppState;
use crate::journal::now_ms;
use crate::roles::{Permission, Role};

const DAY_MS: i64 = 86_400_000;

fn state_key(s: AccountState) -> &'static str {
    match s {
        AccountState::Active => "active",
        AccountState::Blocked => "blocked",
        AccountState::Inactive => "inactive",
        AccountState::Deactivated => "deactivated",
    }
}

fn user_row(l: &L10n, actor: &Principal, u: &UserView, notice_days: u32) -> UserRow {
    let state = state_key(u.state);
    let mut marks = Vec::new();
    if u.must_change_password {
        marks.push(l.t("users-must-change"));
    }
    let now = now_ms();
    if u.password_expires_at_ms.is_some_and(|e| e - now <= i64::from(notice_days) * DAY_MS) {
        marks.push(l.t("users-expiring"));
    }
    if u.totp {
        marks.push(l.t("users-totp"));
    }
    UserRow {
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        role: u.role.as_str().to_owned(),
        role_label: role_label(l, u.role),
        state,
        state_label: l.t(&format!("users-state-{state}")),
        marks,
        last_login: u.last_login_ms.map(|ms| l.datetime(ms)).unwrap_or_else(|| l.t("peers-never")),
        password_expires: u.password_expires_at_ms.map(|ms| l.datetime(ms)).unwrap_or_else(|| "—".to_owned()),
        manageable: actor.role.may_manage(u.role) && actor.username != u.username,
    }
}

async fn render(
    state: &AppState,
    v: &Visitor,
    actor: &Principal,
    form: UserForm,
    reset: Option<String>,
    done: Option<&Done>,
) -> Response {
    let accounts = state.accounts.clone();
    let users = match tokio::task::spawn_blocking(move || accounts.list()).await {
        Ok(Ok(users)) => users,
        _ => return chrome::problem(state, v, chrome::Problem::Internal),
    };
    let l = v.l10n();
    let policy = state.accounts.policy();
    let mut notices = chrome::expiry_notice(v);
    notices.extend(done.and_then(|d| d.notice(&l)));
    let page = UsersPage {
        c: chrome(state, v, "users", notices),
        policy: l.ta(
            "users-intro",
            &[
                ("count", policy.max_failed_logins.into()),
                ("days", policy.inactivity_days.into()),
                ("age", policy.password_max_age_days.into()),
            ],
        ),
        users: users.iter().map(|u| user_row(&l, actor, u, policy.password_notice_days)).collect(),
        roles: Role::ALL
            .into_iter()
            .filter(|r| actor.role.may_manage(*r))
            .map(|r| (r.as_str().to_owned(), role_label(&l, r)))
            .collect(),
        form: UserForm {
            role: if form.role.is_empty() { "officer".into() } else { form.role.clone() },
            ..form
        },
        password_help: l.t1("users-password-help", "min", policy.password_min_length),
        reset,
    };
    chrome::page(v, &page)
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(done): Query<Done>) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageUsers)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    render(&state, &v, &actor, UserForm::default(), None, Some(&done)).await
}

#[derive(Debug, Deserialize)]
pub struct CreateIn {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

/// The error of an account operation, next to the field it concerns.
fn field_error(l: &L10n, e: &AccountError, min: usize) -> Option<(&'static str, String)> {
    Some(match e {
        AccountError::Exists(_) => ("username", l.t("field-username-taken")),
        AccountError::Forbidden { .. } => ("role", l.t("field-not-allowed")),
        AccountError::Invalid { field: "password", .. } => {
            ("password", l.t1("field-password-length", "min", min))
        }
        AccountError::Invalid { field: "username", .. } => ("username", l.t("field-bad-username")),
        AccountError::Invalid { field: "display_name", .. } => {
            ("display_name", l.t1("field-too-long", "max", 200u32))
        }
        _ => return None,
    })
}

pub async fn create(State(state): State<AppState>, v: Visitor, body: Bytes) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageUsers)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: CreateIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = v.l10n();
    let min = state.accounts.policy().password_min_length;
    let username = f.username.trim().to_owned();
    let mut errors = FieldErrors::default();
    if username.is_empty() {
        errors.add("username", l.t("field-required"));
    } else if check_username(&username).is_err() {
        errors.add("username", l.t("field-bad-username"));
    }
    let role = Role::parse(&f.role);
    match role {
        None => errors.add("role", l.t("field-required")),
        Some(r) if !actor.role.may_manage(r) => errors.add("role", l.t("field-not-allowed")),
        Some(_) => {}
    }
    if f.password.chars().count() < min || f.password.len() > 1024 {
        errors.add("password", l.t1("field-password-length", "min", min));
    }
    if f.display_name.chars().count() > 200 {
        errors.add("display_name", l.t1("field-too-long", "max", 200u32));
    }
    let form = |errors| UserForm {
        username: f.username.clone(),
        display_name: f.display_name.clone(),
        role: f.role.clone(),
        errors,
    };
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return render(&state, &v, &actor, form(errors), None, None).await;
    };
    let accounts = state.accounts.clone();
    let display = Some(f.display_name.trim().to_owned()).filter(|d| !d.is_empty());
    let (who, name, password) = (actor.clone(), username.clone(), f.password.clone());
    let result =
        tokio::task::spawn_blocking(move || accounts.create(&who, &name, role, &password, display)).await;
    match result {
        Ok(Ok(_)) => Redirect::to(&format!("/users?done=user-created&who={username}")).into_response(),
        Ok(Err(e)) => match field_error(&l, &e, min) {
            Some((field, message)) => {
                errors.add(field, message);
                render(&state, &v, &actor, form(errors), None, None).await
            }
            None => chrome::api_problem(&state, &v, e.into()),
        },
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}

#[derive(Debug, Deserialize)]
pub struct ActIn {
    #[serde(default)]
    role: String,
}

/// `unblock`, `deactivate`, `reactivate`, `reset-password` and `role` on one account.
pub async fn act(
    State(state): State<AppState>,
    v: Visitor,
    Path((username, action)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let actor = match v.require(&state, Some(Permission::ManageUsers)) {
        Ok(p) => p.clone(),
        Err(r) => return r,
    };
    let f: ActIn = match v.form(&state, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let l = v.l10n();
    let accounts = state.accounts.clone();
    let (who, name) = (actor.clone(), username.clone());
    let role = Role::parse(&f.role);
    let action_key = action.clone();
    let result = tokio::task::spawn_blocking(move || -> Result<Option<String>, Option<AccountError>> {
        match action_key.as_str() {
            "unblock" => accounts.unblock(&who, &name).map(|_| None).map_err(Some),
            "deactivate" => accounts.deactivate(&who, &name).map(|_| None).map_err(Some),
            "reactivate" => accounts.reactivate(&who, &name).map(|_| None).map_err(Some),
            "reset-password" => accounts.reset_password(&who, &name, None).map(|(_, p)| p).map_err(Some),
            "role" => match role {
                Some(role) => accounts
                    .set_role(&who, &name, role)
                    .map(|u| Some(u.role.as_str().to_owned()))
                    .map_err(Some),
                None => Err(None),
            },
            _ => Err(None),
        }
    })
    .await;
    match result {
        Ok(Ok(extra)) => match action.as_str() {
            "reset-password" => {
                let text = l.t2(
                    "users-reset-done",
                    "user",
                    username.as_str(),
                    "password",
                    extra.unwrap_or_default(),
                );
                render(&state, &v, &actor, UserForm::default(), Some(text), None).await
            }
            "role" => {
                let label =
                    Role::parse(&extra.unwrap_or_default()).map(|r| role_label(&l, r)).unwrap_or_default();
                let text = l.t2("users-role-changed", "user", username.as_str(), "role", label);
                render(&state, &v, &actor, UserForm::default(), Some(text), None).await
            }
            done => {
                let done = match done {
                    "unblock" => "unblocked",
                    "deactivate" => "deactivated",
                    _ => "reactivated",
                };
                Redirect::to(&format!("/users?done={done}&who={username}")).into_response()
            }
        },
        Ok(Err(None)) => chrome::problem(&state, &v, chrome::Problem::NotFound),
        Ok(Err(Some(AccountError::Forbidden { .. }))) => {
            chrome::problem(&state, &v, chrome::Problem::Forbidden)
        }
        Ok(Err(Some(AccountError::Invalid { .. }))) => {
            chrome::problem(&state, &v, chrome::Problem::Forbidden)
        }
        Ok(Err(Some(e))) => chrome::api_problem(&state, &v, e.into()),
        Err(_) => chrome::problem(&state, &v, chrome::Problem::Internal),
    }
}
