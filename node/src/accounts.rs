//! User accounts and sessions (MISSION A1-A3): argon2id password hashes, bearer tokens kept as
//! hashes, blocking after repeated wrong passwords, inactivation after a period unused,
//! password expiry, resets by the national contact point. Every decision is audited.

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AccountState {
    Active,
    Blocked,
    Inactive,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Session {
    username: String,
    epoch: u32,
    expires_ms: i64,
}

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
    /// Set when the password expires within 14 days (A3).
    pub password_expires_at_ms: Option<i64>,
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

    pub fn view(&self, user: &User) -> UserView {
        let now = now_ms();
        let state = if user.blocked {
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

    /// Checks a password and opens a session; counts failures and blocks (A2).
    pub fn login(&self, username: &str, password: &str) -> Result<Login, AccountError> {
        let now = now_ms();
        let Some(mut user) = self.load(username)? else {
            // Spend the same time as a real check so that names cannot be probed by timing.
            std::hint::black_box(verify_password(password, decoy_hash()));
            self.journal.audit(
                AuditEvent::new(username, "auth.login", Outcome::Denied).detail("unknown user"),
                true,
            )?;
            return Err(AccountError::BadCredentials);
        };
        if user.blocked {
            self.journal
                .audit(AuditEvent::new(username, "auth.login", Outcome::Denied).detail("blocked"), true)?;
            return Err(AccountError::Blocked(self.policy.max_failed_logins));
        }
        if self.is_inactive(&user, now) {
            self.journal
                .audit(AuditEvent::new(username, "auth.login", Outcome::Denied).detail("inactive"), true)?;
            return Err(AccountError::Inactive(self.policy.inactivity_days));
        }
        if !verify_password(password, &user.password_hash) {
            user.failed_logins += 1;
            let detail = if user.failed_logins >= self.policy.max_failed_logins {
                user.blocked = true;
                user.session_epoch += 1;
                format!("wrong password ({}); account blocked", user.failed_logins)
            } else {
                format!("wrong password ({})", user.failed_logins)
            };
            self.save(&user, AuditEvent::new(username, "auth.login", Outcome::Denied).detail(detail))?;
            return Err(AccountError::BadCredentials);
        }
        user.failed_logins = 0;
        user.last_active_ms = now;
        let expires_at_ms = now + i64::from(self.policy.token_ttl_minutes) * 60_000;
        let token = random_string(32)?;
        let session =
            Session { username: username.to_owned(), epoch: user.session_epoch, expires_ms: expires_at_ms };
        let password_expiry = self.password_expiry(&user);
        let expired = password_expiry.is_some_and(|e| e <= now);
        let change_required = user.must_change_password || expired;
        self.journal.write(true, |batch, app| {
            batch.put(Cf::Users, username.as_bytes(), &value::encode(&user)?);
            batch.put(Cf::Sessions, &token_key(&token), &value::encode(&session)?);
            app.audit(batch, AuditEvent::new(username, "auth.login", Outcome::Ok))?;
            Ok::<_, AccountError>(())
        })?;
        Ok(Login {
            token,
            expires_at_ms,
            role: user.role,
            password_change_required: change_required,
            password_expires_at_ms: password_expiry.filter(|e| *e - now <= 14 * DAY_MS),
        })
    }

    /// Resolves a bearer token to its account.
    pub fn authenticate(&self, token: &str) -> Result<Principal, AccountError> {
        if token.is_empty() || token.len() > 256 {
            return Err(AccountError::BadToken);
        }
        let key = token_key(token);
        let session: Session = match self.journal.store().get(Cf::Sessions, &key)? {
            Some(bytes) => value::decode("sessions", &bytes)?,
            None => return Err(AccountError::BadToken),
        };
        let now = now_ms();
        if session.expires_ms <= now {
            return Err(AccountError::BadToken);
        }
        let user = self.load(&session.username)?.ok_or(AccountError::BadToken)?;
        if user.blocked || user.session_epoch != session.epoch {
            return Err(AccountError::BadToken);
        }
        let expired = self.password_expiry(&user).is_some_and(|e| e <= now);
        Ok(Principal {
            username: user.username,
            role: user.role,
            must_change_password: user.must_change_password || expired,
        })
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
mod tests {
    use super::*;
    use crate::store::Store;

    fn accounts(policy: AuthConfig) -> Result<(tempfile::TempDir, Accounts), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(&dir.path().join("db"), true)?;
        let journal = Arc::new(Journal::open(store, "NL")?);
        Ok((dir, Accounts::new(journal, policy)))
    }

    fn operator() -> Principal {
        Principal { username: "cli".into(), role: Role::Administrator, must_change_password: false }
    }

    fn age(accounts: &Accounts, username: &str, days: i64) -> Result<(), Box<dyn std::error::Error>> {
        let mut user = accounts.load(username)?.ok_or("no user")?;
        user.last_active_ms -= days * DAY_MS;
        user.password_changed_ms -= days * DAY_MS;
        accounts.save(&user, AuditEvent::new("test", "test.age", Outcome::Ok))?;
        Ok(())
    }

    #[test]
    fn an_account_unused_for_longer_than_the_policy_is_inactive_until_reactivated()
    -> Result<(), Box<dyn std::error::Error>> {
        let (_dir, accounts) =
            accounts(AuthConfig { inactivity_days: 30, ..ncen_config::Config::default().auth })?;
        accounts.create(&operator(), "officer", Role::Officer, "a long enough password", None)?;
        age(&accounts, "officer", 29)?;
        accounts.login("officer", "a long enough password")?;
        age(&accounts, "officer", 31)?;
        assert!(matches!(
            accounts.login("officer", "a long enough password"),
            Err(AccountError::Inactive(30))
        ));
        assert_eq!(accounts.list()?[0].state, AccountState::Inactive);
        accounts.unblock(&operator(), "officer")?;
        accounts.login("officer", "a long enough password")?;
        Ok(())
    }

    #[test]
    fn inactivity_zero_never_inactivates_and_block_threshold_is_configurable()
    -> Result<(), Box<dyn std::error::Error>> {
        let policy =
            AuthConfig { inactivity_days: 0, max_failed_logins: 5, ..ncen_config::Config::default().auth };
        let (_dir, accounts) = accounts(policy)?;
        accounts.create(&operator(), "analyst", Role::Analyst, "a long enough password", None)?;
        age(&accounts, "analyst", 3650)?;
        for _ in 0..4 {
            assert!(matches!(accounts.login("analyst", "wrong"), Err(AccountError::BadCredentials)));
        }
        accounts.login("analyst", "a long enough password")?;
        for _ in 0..5 {
            let _ = accounts.login("analyst", "wrong");
        }
        assert!(matches!(accounts.login("analyst", "a long enough password"), Err(AccountError::Blocked(5))));
        Ok(())
    }

    #[test]
    fn an_expired_password_must_be_changed_and_expiry_is_announced() -> Result<(), Box<dyn std::error::Error>>
    {
        let policy = AuthConfig {
            password_max_age_days: 90,
            inactivity_days: 0,
            ..ncen_config::Config::default().auth
        };
        let (_dir, accounts) = accounts(policy)?;
        accounts.create(&operator(), "officer", Role::Officer, "a long enough password", None)?;
        let fresh = accounts.login("officer", "a long enough password")?;
        assert!(fresh.password_expires_at_ms.is_none(), "no warning far from expiry");
        age(&accounts, "officer", 80)?;
        let soon = accounts.login("officer", "a long enough password")?;
        assert!(soon.password_expires_at_ms.is_some(), "a warning within 14 days of expiry");
        assert!(!soon.password_change_required);
        age(&accounts, "officer", 11)?;
        let expired = accounts.login("officer", "a long enough password")?;
        assert!(expired.password_change_required);
        assert!(accounts.authenticate(&expired.token)?.must_change_password);
        let me = accounts.authenticate(&expired.token)?;
        accounts.change_password(&me, "a long enough password", "another long password")?;
        assert!(!accounts.authenticate(&expired.token)?.must_change_password);
        Ok(())
    }
}
