//! User accounts and sessions (MISSION A1-A3): argon2id password hashes, bearer tokens and
//! browser sessions kept as hashes, blocking after repeated wrong passwords or one-time codes,
//! inactivation after a period unused, password expiry, resets by the national contact point.
//! Every decision is audited.

mod profile;
mod totp;

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use ncen_config::AuthConfig;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::{AuditEvent, Outcome};
use crate::journal::{Journal, now_ms};
use crate::roles::Role;
use crate::store::{Cf, StoreError, value};

const DAY_MS: i64 = 86_400_000;

/// A stored account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub username: String,
    pub role: Role,
    pub display_name: Option<String>,
    pub password_hash: String,
    pub failed_logins: u32,
    pub blocked: bool,
    pub created_ms: i64,
    pub last_active_ms: i64,
    pub password_changed_ms: i64,
    pub must_change_password: bool,
    /// Raised to end every session of the account (reset, block).
    pub session_epoch: u32,
    /// Switched off by a contact point: no login until reactivated.
    #[serde(default)]
    pub deactivated: bool,
    /// The UI language the user chose (ISO 639-1).
    #[serde(default)]
    pub language: Option<String>,
    /// Base32 secret of the TOTP second factor, when enabled.
    #[serde(default)]
    pub totp_secret: Option<String>,
    /// The last TOTP time step accepted: a code is good once.
    #[serde(default)]
    pub totp_last_step: u64,
    #[serde(default)]
    pub last_login_ms: Option<i64>,
}

/// An account as the API shows it: never the hash.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct UserView {
    pub username: String,
    pub role: Role,
    pub display_name: Option<String>,
    pub state: AccountState,
    pub failed_logins: u32,
    pub must_change_password: bool,
    pub password_expires_at_ms: Option<i64>,
    pub last_active_ms: i64,
    pub last_login_ms: Option<i64>,
    /// A TOTP second factor is enabled.
    pub totp: bool,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AccountState {
    Active,
    Blocked,
    Inactive,
    Deactivated,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Session {
    username: String,
    epoch: u32,
    expires_ms: i64,
    /// Browser sessions end after this long without a request.
    #[serde(default)]
    idle_ms: Option<i64>,
    #[serde(default)]
    last_seen_ms: i64,
    /// The token every form of a browser session carries.
    #[serde(default)]
    csrf: Option<String>,
}

impl Session {
    /// Past its absolute expiry, or idle for longer than a browser session may be.
    fn ended(&self, now: i64) -> bool {
        self.expires_ms <= now || self.idle_ms.is_some_and(|idle| now - self.last_seen_ms > idle)
    }
}

/// What a page needs to know of its session, read once per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub principal: Principal,
    /// The token every form of a browser session carries (none for API tokens).
    pub csrf: Option<String>,
    /// The UI language the user chose.
    pub language: Option<String>,
    /// When the password expires, if within the notice period (or past).
    pub password_notice_ms: Option<i64>,
}

/// How often a browser session's last use is written down.
const TOUCH_EVERY_MS: i64 = 60_000;

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub username: String,
    pub role: Role,
    pub must_change_password: bool,
}

/// A successful login.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Login {
    pub token: String,
    pub expires_at_ms: i64,
    pub role: Role,
    pub password_change_required: bool,
    /// Set when the password expires within `auth.password_notice_days` (A3).
    pub password_expires_at_ms: Option<i64>,
    /// The CSRF token of a browser session.
    #[serde(skip)]
    pub csrf: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("invalid username or password")]
    BadCredentials,
    #[error(
        "the account is blocked after {0} wrong passwords; ask your national contact point to unblock it"
    )]
    Blocked(u32),
    #[error(
        "the account was inactivated after {0} days unused; ask your national contact point to reactivate it"
    )]
    Inactive(u32),
    #[error("the account is deactivated; ask your national contact point")]
    Deactivated,
    #[error("this account needs the one-time code of its second factor (totp)")]
    TotpRequired,
    #[error("the one-time code is wrong or was already used")]
    TotpWrong,
    #[error("missing, invalid or expired token")]
    BadToken,
    #[error("no account named {0}")]
    NoSuchUser(String),
    #[error("an account named {0} already exists")]
    Exists(String),
    #[error("a {actor} may not manage {target} accounts")]
    Forbidden { actor: &'static str, target: &'static str },
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Accounts, logins and sessions of the node.
#[derive(Debug, Clone)]
pub struct Accounts {
    journal: Arc<Journal>,
    policy: AuthConfig,
}

fn token_key(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn random_string(bytes: usize) -> Result<String, AccountError> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| AccountError::Hash(e.to_string()))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf))
}

pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| AccountError::Hash(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccountError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

pub fn check_username(username: &str) -> Result<(), AccountError> {
    let ok = (3..=64).contains(&username.len())
        && username.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(AccountError::Invalid {
            field: "username",
            message: "must be 3 to 64 lowercase letters, digits, dots, dashes or underscores".into(),
        })
    }
}

impl Accounts {
    pub fn new(journal: Arc<Journal>, policy: AuthConfig) -> Self {
        Accounts { journal, policy }
    }

    pub fn policy(&self) -> &AuthConfig {
        &self.policy
    }

    fn check_password(&self, password: &str) -> Result<(), AccountError> {
        let n = password.chars().count();
        if n < self.policy.password_min_length || n > 1024 {
            return Err(AccountError::Invalid {
                field: "password",
                message: format!("must be {} to 1024 characters long", self.policy.password_min_length),
            });
        }
        Ok(())
    }

    pub fn load(&self, username: &str) -> Result<Option<User>, AccountError> {
        match self.journal.store().get(Cf::Users, username.as_bytes())? {
            Some(bytes) => Ok(Some(value::decode("users", &bytes)?)),
            None => Ok(None),
        }
    }

    fn is_inactive(&self, user: &User, now: i64) -> bool {
        let days = self.policy.inactivity_days;
        days > 0 && now - user.last_active_ms > i64::from(days) * DAY_MS
    }

    fn password_expiry(&self, user: &User) -> Option<i64> {
        let days = self.policy.password_max_age_days;
        (days > 0).then(|| user.password_changed_ms + i64::from(days) * DAY_MS)
    }

    /// The password's expiry, when it is within `auth.password_notice_days` of `now` (or past).
    fn password_notice(&self, user: &User, now: i64) -> Option<i64> {
        let notice_ms = i64::from(self.policy.password_notice_days) * DAY_MS;
        self.password_expiry(user).filter(|e| *e - now <= notice_ms)
    }

    pub fn view(&self, user: &User) -> UserView {
        let now = now_ms();
        let state = if user.deactivated {
            AccountState::Deactivated
        } else if user.blocked {
            AccountState::Blocked
        } else if self.is_inactive(user, now) {
            AccountState::Inactive
        } else {
            AccountState::Active
        };
        UserView {
            username: user.username.clone(),
            role: user.role,
            display_name: user.display_name.clone(),
            state,
            failed_logins: user.failed_logins,
            must_change_password: user.must_change_password,
            password_expires_at_ms: self.password_expiry(user),
            last_active_ms: user.last_active_ms,
            last_login_ms: user.last_login_ms,
            totp: user.totp_secret.is_some(),
            language: user.language.clone(),
        }
    }

    /// Creates an account (CLI on a stopped node, or an administrator / contact point).
    pub fn create(
        &self,
        actor: &Principal,
        username: &str,
        role: Role,
        password: &str,
        display_name: Option<String>,
    ) -> Result<UserView, AccountError> {
        check_username(username)?;
        self.check_password(password)?;
        if !actor.role.may_manage(role) {
            return Err(AccountError::Forbidden { actor: actor.role.as_str(), target: role.as_str() });
        }
        if display_name.as_ref().is_some_and(|d| d.chars().count() > 200) {
            return Err(AccountError::Invalid {
                field: "display_name",
                message: "at most 200 characters".into(),
            });
        }
        let hash = hash_password(password)?;
        let now = now_ms();
        let user = User {
            username: username.to_owned(),
            role,
            display_name,
            password_hash: hash,
            failed_logins: 0,
            blocked: false,
            created_ms: now,
            last_active_ms: now,
            password_changed_ms: now,
            must_change_password: false,
            session_epoch: 0,
            deactivated: false,
            language: None,
            totp_secret: None,
            totp_last_step: 0,
            last_login_ms: None,
        };
        self.journal.write(true, |batch, app| {
            if self.load(username)?.is_some() {
                return Err(AccountError::Exists(username.to_owned()));
            }
            batch.put(Cf::Users, username.as_bytes(), &value::encode(&user)?);
            app.audit(
                batch,
                AuditEvent::new(&actor.username, "user.create", Outcome::Ok)
                    .target(username)
                    .detail(format!("role={}", role.as_str())),
            )?;
            Ok(())
        })?;
        Ok(self.view(&user))
    }

    pub fn list(&self) -> Result<Vec<UserView>, AccountError> {
        let mut out = Vec::new();
        for item in self.journal.store().iter_from(Cf::Users, b"", true) {
            let (_, bytes) = item?;
            let user: User = value::decode("users", &bytes)?;
            out.push(self.view(&user));
        }
        Ok(out)
    }

    fn save(&self, user: &User, event: AuditEvent) -> Result<(), AccountError> {
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Users, user.username.as_bytes(), &value::encode(user)?);
            app.audit(batch, event)?;
            Ok::<_, AccountError>(())
        })
    }

    /// Checks a password and opens an API session; counts failures and blocks (A2).
    pub fn login(&self, username: &str, password: &str, totp: Option<&str>) -> Result<Login, AccountError> {
        self.login_with(username, password, totp, false)
    }

    /// Counts a wrong password or one-time code, blocking at the policy's threshold.
    fn fail_login(&self, user: &mut User, what: &str) -> Result<(), AccountError> {
        user.failed_logins += 1;
        let detail = if user.failed_logins >= self.policy.max_failed_logins {
            user.blocked = true;
            user.session_epoch += 1;
            format!("{what} ({}); account blocked", user.failed_logins)
        } else {
            format!("{what} ({})", user.failed_logins)
        };
        let username = user.username.clone();
        self.save(user, AuditEvent::new(username, "auth.login", Outcome::Denied).detail(detail))
    }

    fn deny(&self, username: &str, detail: &str, error: AccountError) -> Result<Login, AccountError> {
        self.journal.audit(AuditEvent::new(username, "auth.login", Outcome::Denied).detail(detail), true)?;
        Err(error)
    }

    /// Checks a password (and the one-time code when the account has a second factor) and opens
    /// a session: a browser session (idle timeout, CSRF token) or an API token.
    pub fn login_with(
        &self,
        username: &str,
        password: &str,
        totp: Option<&str>,
        browser: bool,
    ) -> Result<Login, AccountError> {
        let now = now_ms();
        let Some(mut user) = self.load(username)? else {
            // Spend the same time as a real check so that names cannot be probed by timing.
            std::hint::black_box(verify_password(password, decoy_hash()));
            return self.deny(username, "unknown user", AccountError::BadCredentials);
        };
        if user.deactivated {
            return self.deny(username, "deactivated", AccountError::Deactivated);
        }
        if user.blocked {
            return self.deny(username, "blocked", AccountError::Blocked(self.policy.max_failed_logins));
        }
        if self.is_inactive(&user, now) {
            return self.deny(username, "inactive", AccountError::Inactive(self.policy.inactivity_days));
        }
        if !verify_password(password, &user.password_hash) {
            self.fail_login(&mut user, "wrong password")?;
            return Err(AccountError::BadCredentials);
        }
        if let Some(secret) = user.totp_secret.clone() {
            let Some(code) = totp.map(str::trim).filter(|c| !c.is_empty()) else {
                return self.deny(username, "one-time code missing", AccountError::TotpRequired);
            };
            match totp::accept(&secret, username, code, user.totp_last_step) {
                Some(step) => user.totp_last_step = step,
                None => {
                    self.fail_login(&mut user, "wrong one-time code")?;
                    return Err(AccountError::TotpWrong);
                }
            }
        }
        user.failed_logins = 0;
        user.last_active_ms = now;
        user.last_login_ms = Some(now);
        let expires_at_ms = now + i64::from(self.policy.token_ttl_minutes) * 60_000;
        let token = random_string(32)?;
        let csrf = if browser { Some(random_string(32)?) } else { None };
        let session = Session {
            username: username.to_owned(),
            epoch: user.session_epoch,
            expires_ms: expires_at_ms,
            idle_ms: browser.then_some(i64::from(self.policy.session_idle_minutes) * 60_000),
            last_seen_ms: now,
            csrf: csrf.clone(),
        };
        let password_expiry = self.password_expiry(&user);
        let expired = password_expiry.is_some_and(|e| e <= now);
        let change_required = user.must_change_password || expired;
        let notice = self.password_notice(&user, now);
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Users, username.as_bytes(), &value::encode(&user)?);
            batch.put(Cf::Sessions, &token_key(&token), &value::encode(&session)?);
            let kind = if browser { "browser session" } else { "token" };
            app.audit(batch, AuditEvent::new(username, "auth.login", Outcome::Ok).detail(kind))?;
            Ok::<_, AccountError>(())
        })?;
        Ok(Login {
            token,
            expires_at_ms,
            role: user.role,
            password_change_required: change_required,
            password_expires_at_ms: notice,
            csrf,
        })
    }

    /// Resolves a bearer token to its account.
    pub fn authenticate(&self, token: &str) -> Result<Principal, AccountError> {
        self.authenticate_session(token).map(|info| info.principal)
    }

    /// Resolves a token to its account and what pages show of it, with one read of the
    /// session and one of the account; a browser session idle for longer than the policy ends.
    pub fn authenticate_session(&self, token: &str) -> Result<SessionInfo, AccountError> {
        if token.is_empty() || token.len() > 256 {
            return Err(AccountError::BadToken);
        }
        let key = token_key(token);
        let session: Session = match self.journal.store().get(Cf::Sessions, &key)? {
            Some(bytes) => value::decode("sessions", &bytes)?,
            None => return Err(AccountError::BadToken),
        };
        let now = now_ms();
        if session.ended(now) {
            let mut batch = self.journal.store().batch();
            batch.delete(Cf::Sessions, &key);
            batch.commit(false)?;
            return Err(AccountError::BadToken);
        }
        let user = self.load(&session.username)?.ok_or(AccountError::BadToken)?;
        if user.blocked || user.deactivated || user.session_epoch != session.epoch {
            return Err(AccountError::BadToken);
        }
        if session.idle_ms.is_some() && now - session.last_seen_ms > TOUCH_EVERY_MS {
            let touched = Session { last_seen_ms: now, ..session.clone() };
            let mut batch = self.journal.store().batch();
            batch.put(Cf::Sessions, &key, &value::encode(&touched)?);
            batch.commit(false)?;
        }
        let expired = self.password_expiry(&user).is_some_and(|e| e <= now);
        let password_notice_ms = self.password_notice(&user, now);
        let principal = Principal {
            username: user.username,
            role: user.role,
            must_change_password: user.must_change_password || expired,
        };
        Ok(SessionInfo { principal, csrf: session.csrf, language: user.language, password_notice_ms })
    }

    /// Deletes sessions past their absolute or idle expiry (those never shown again would
    /// otherwise stay); returns how many.
    pub fn purge_sessions(&self) -> Result<usize, AccountError> {
        let now = now_ms();
        let store = self.journal.store();
        let mut batch = store.batch();
        let mut ended = 0;
        for item in store.iter_from(Cf::Sessions, b"", true) {
            let (key, bytes) = item?;
            let over = value::decode::<Session>("sessions", &bytes).map_or(true, |s| s.ended(now));
            if over {
                batch.delete(Cf::Sessions, &key);
                ended += 1;
            }
        }
        batch.commit(false)?;
        Ok(ended)
    }

    /// Ends a session.
    pub fn logout(&self, token: &str, actor: &str) -> Result<(), AccountError> {
        let key = token_key(token);
        self.journal.write(true, |batch, app| {
            batch.delete(Cf::Sessions, &key);
            app.audit(batch, AuditEvent::new(actor, "auth.logout", Outcome::Ok))?;
            Ok::<_, AccountError>(())
        })
    }

    fn managed(&self, actor: &Principal, username: &str) -> Result<User, AccountError> {
        let user = self.load(username)?.ok_or_else(|| AccountError::NoSuchUser(username.to_owned()))?;
        if !actor.role.may_manage(user.role) {
            return Err(AccountError::Forbidden { actor: actor.role.as_str(), target: user.role.as_str() });
        }
        Ok(user)
    }

    /// Unblocks and reactivates an account.
    pub fn unblock(&self, actor: &Principal, username: &str) -> Result<UserView, AccountError> {
        let mut user = self.managed(actor, username)?;
        user.blocked = false;
        user.failed_logins = 0;
        user.last_active_ms = now_ms();
        self.save(&user, AuditEvent::new(&actor.username, "user.unblock", Outcome::Ok).target(username))?;
        Ok(self.view(&user))
    }

    /// Sets a new password chosen by the contact point, or a generated one returned once; the
    /// user must change it at next login. Ends the account's sessions.
    pub fn reset_password(
        &self,
        actor: &Principal,
        username: &str,
        password: Option<&str>,
    ) -> Result<(UserView, Option<String>), AccountError> {
        let mut user = self.managed(actor, username)?;
        let generated = match password {
            Some(p) => {
                self.check_password(p)?;
                None
            }
            None => Some(random_string(18)?),
        };
        let new_password = password.map(str::to_owned).or_else(|| generated.clone()).unwrap_or_default();
        user.password_hash = hash_password(&new_password)?;
        user.password_changed_ms = now_ms();
        user.must_change_password = true;
        // Whoever lost their password may have lost their second factor too: they enrol again.
        user.totp_secret = None;
        user.blocked = false;
        user.failed_logins = 0;
        user.last_active_ms = now_ms();
        user.session_epoch += 1;
        self.save(
            &user,
            AuditEvent::new(&actor.username, "user.reset_password", Outcome::Ok).target(username),
        )?;
        Ok((self.view(&user), generated))
    }

    /// The user changes their own password.
    pub fn change_password(&self, actor: &Principal, current: &str, new: &str) -> Result<(), AccountError> {
        let mut user = self.load(&actor.username)?.ok_or(AccountError::BadToken)?;
        if !verify_password(current, &user.password_hash) {
            self.journal
                .audit(AuditEvent::new(&actor.username, "auth.change_password", Outcome::Denied), true)?;
            return Err(AccountError::Invalid {
                field: "current_password",
                message: "is not the current password".into(),
            });
        }
        self.check_password(new)?;
        if new == current {
            return Err(AccountError::Invalid {
                field: "new_password",
                message: "must differ from the current one".into(),
            });
        }
        user.password_hash = hash_password(new)?;
        user.password_changed_ms = now_ms();
        user.must_change_password = false;
        self.save(&user, AuditEvent::new(&actor.username, "auth.change_password", Outcome::Ok))
    }
}

/// A real argon2id hash, verified against when the username is unknown.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("no such account").unwrap_or_default())
}

#[cfg(test)]
mod tests;
