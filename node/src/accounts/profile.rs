//! What changes an account after its creation: deactivation, role, language, second factor.

use ncen_protocol::codelists::Lang;

use super::{AccountError, Accounts, Principal, UserView, totp};
use crate::audit::{AuditEvent, Outcome};
use crate::journal::now_ms;
use crate::roles::Role;

impl Accounts {
    fn not_self(actor: &Principal, username: &str) -> Result<(), AccountError> {
        if actor.username == username {
            return Err(AccountError::Invalid {
                field: "username",
                message: "another account must do this to yours".into(),
            });
        }
        Ok(())
    }

    /// Switches an account off and ends its sessions.
    pub fn deactivate(&self, actor: &Principal, username: &str) -> Result<UserView, AccountError> {
        Self::not_self(actor, username)?;
        let mut user = self.managed(actor, username)?;
        user.deactivated = true;
        user.session_epoch += 1;
        self.save(&user, AuditEvent::new(&actor.username, "user.deactivate", Outcome::Ok).target(username))?;
        Ok(self.view(&user))
    }

    /// Switches a deactivated account back on.
    pub fn reactivate(&self, actor: &Principal, username: &str) -> Result<UserView, AccountError> {
        let mut user = self.managed(actor, username)?;
        user.deactivated = false;
        user.last_active_ms = now_ms();
        self.save(&user, AuditEvent::new(&actor.username, "user.reactivate", Outcome::Ok).target(username))?;
        Ok(self.view(&user))
    }

    /// Gives an account another role; the actor must be allowed to manage both.
    pub fn set_role(&self, actor: &Principal, username: &str, role: Role) -> Result<UserView, AccountError> {
        Self::not_self(actor, username)?;
        let mut user = self.managed(actor, username)?;
        if !actor.role.may_manage(role) {
            return Err(AccountError::Forbidden { actor: actor.role.as_str(), target: role.as_str() });
        }
        let old = user.role;
        user.role = role;
        self.save(
            &user,
            AuditEvent::new(&actor.username, "user.set_role", Outcome::Ok).target(username).detail(format!(
                "{} -> {}",
                old.as_str(),
                role.as_str()
            )),
        )?;
        Ok(self.view(&user))
    }

    /// The user's own choice of UI language.
    pub fn set_language(&self, actor: &Principal, lang: Lang) -> Result<(), AccountError> {
        let mut user = self.load(&actor.username)?.ok_or(AccountError::BadToken)?;
        user.language = Some(lang.code().to_owned());
        self.save(
            &user,
            AuditEvent::new(&actor.username, "user.set_language", Outcome::Ok).detail(lang.code()),
        )
    }

    /// A fresh secret and its `otpauth://` address, for the user to enrol; nothing is stored
    /// until [`Accounts::enable_totp`] sees a code made from it.
    pub fn totp_offer(&self, actor: &Principal) -> Result<(String, String), AccountError> {
        let secret = totp::new_secret().map_err(|e| AccountError::Hash(e.to_string()))?;
        let url = totp::url(&secret, &actor.username)
            .ok_or_else(|| AccountError::Hash("cannot build the otpauth address".into()))?;
        Ok((secret, url))
    }

    /// Turns the second factor on once the user proves their app holds `secret`.
    pub fn enable_totp(&self, actor: &Principal, secret: &str, code: &str) -> Result<(), AccountError> {
        let mut user = self.load(&actor.username)?.ok_or(AccountError::BadToken)?;
        let ok = secret.len() <= 64 && totp::url(secret, &actor.username).is_some();
        let step = ok.then(|| totp::accept(secret, &actor.username, code.trim(), 0)).flatten();
        let Some(step) = step else {
            self.journal
                .audit(AuditEvent::new(&actor.username, "auth.totp_enable", Outcome::Denied), true)?;
            return Err(AccountError::Invalid {
                field: "code",
                message: "is not the app's current code".into(),
            });
        };
        user.totp_secret = Some(secret.to_owned());
        user.totp_last_step = step;
        self.save(&user, AuditEvent::new(&actor.username, "auth.totp_enable", Outcome::Ok))
    }

    pub fn disable_totp(&self, actor: &Principal) -> Result<(), AccountError> {
        let mut user = self.load(&actor.username)?.ok_or(AccountError::BadToken)?;
        user.totp_secret = None;
        self.save(&user, AuditEvent::new(&actor.username, "auth.totp_disable", Outcome::Ok))
    }
}
