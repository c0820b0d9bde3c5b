//! Account policy: inactivity, blocking, expiry, sessions, second factor.

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
    accounts.login("officer", "a long enough password", None)?;
    age(&accounts, "officer", 31)?;
    assert!(matches!(
        accounts.login("officer", "a long enough password", None),
        Err(AccountError::Inactive(30))
    ));
    assert_eq!(accounts.list()?[0].state, AccountState::Inactive);
    accounts.unblock(&operator(), "officer")?;
    accounts.login("officer", "a long enough password", None)?;
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
        assert!(matches!(accounts.login("analyst", "wrong", None), Err(AccountError::BadCredentials)));
    }
    accounts.login("analyst", "a long enough password", None)?;
    for _ in 0..5 {
        let _ = accounts.login("analyst", "wrong", None);
    }
    assert!(matches!(
        accounts.login("analyst", "a long enough password", None),
        Err(AccountError::Blocked(5))
    ));
    Ok(())
}

#[test]
fn an_expired_password_must_be_changed_and_expiry_is_announced() -> Result<(), Box<dyn std::error::Error>> {
    let policy =
        AuthConfig { password_max_age_days: 90, inactivity_days: 0, ..ncen_config::Config::default().auth };
    let (_dir, accounts) = accounts(policy)?;
    accounts.create(&operator(), "officer", Role::Officer, "a long enough password", None)?;
    let fresh = accounts.login("officer", "a long enough password", None)?;
    assert!(fresh.password_expires_at_ms.is_none(), "no warning far from expiry");
    age(&accounts, "officer", 80)?;
    let soon = accounts.login("officer", "a long enough password", None)?;
    assert!(soon.password_expires_at_ms.is_some(), "a warning within 14 days of expiry");
    assert!(!soon.password_change_required);
    age(&accounts, "officer", 11)?;
    let expired = accounts.login("officer", "a long enough password", None)?;
    assert!(expired.password_change_required);
    assert!(accounts.authenticate(&expired.token)?.must_change_password);
    let me = accounts.authenticate(&expired.token)?;
    accounts.change_password(&me, "a long enough password", "another long password")?;
    assert!(!accounts.authenticate(&expired.token)?.must_change_password);
    Ok(())
}

#[test]
fn a_second_factor_is_asked_checked_once_and_counted_like_a_password()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, accounts) = accounts(ncen_config::Config::default().auth)?;
    accounts.create(&operator(), "officer", Role::Officer, "a long enough password", None)?;
    let me = Principal { username: "officer".into(), role: Role::Officer, must_change_password: false };
    let (secret, url) = accounts.totp_offer(&me)?;
    assert!(url.starts_with("otpauth://totp/") && url.contains("nCEN"), "{url}");
    assert!(matches!(accounts.enable_totp(&me, &secret, "12345x"), Err(AccountError::Invalid { .. })));
    assert!(!accounts.list()?.iter().any(|u| u.totp), "a wrong code enables nothing");
    let code = super::totp::current(&secret, "officer").ok_or("no code")?;
    accounts.enable_totp(&me, &secret, &code)?;
    assert!(accounts.list()?.iter().any(|u| u.username == "officer" && u.totp));
    // The code used to enrol cannot log in again (replay), a missing code is asked for.
    assert!(matches!(
        accounts.login("officer", "a long enough password", None),
        Err(AccountError::TotpRequired)
    ));
    assert!(matches!(
        accounts.login("officer", "a long enough password", Some(&code)),
        Err(AccountError::TotpWrong)
    ));
    assert!(matches!(
        accounts.login("officer", "a long enough password", Some("12345x")),
        Err(AccountError::TotpWrong)
    ));
    // Two wrong codes plus one more failure block the account (policy: 3).
    assert!(matches!(accounts.login("officer", "wrong", None), Err(AccountError::BadCredentials)));
    assert!(matches!(
        accounts.login("officer", "a long enough password", Some(&code)),
        Err(AccountError::Blocked(3))
    ));
    // A reset by the contact point removes the second factor: the user enrols again.
    accounts.reset_password(&operator(), "officer", Some("a new long password"))?;
    accounts.login("officer", "a new long password", None)?;
    Ok(())
}

#[test]
fn deactivation_role_changes_and_language_are_the_managers_and_the_users()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, accounts) = accounts(ncen_config::Config::default().auth)?;
    let ncp =
        Principal { username: "ncp".into(), role: Role::NationalContactPoint, must_change_password: false };
    accounts.create(&operator(), "ncp", Role::NationalContactPoint, "a long enough password", None)?;
    accounts.create(&ncp, "officer", Role::Officer, "a long enough password", None)?;
    accounts.create(&operator(), "boss", Role::Administrator, "a long enough password", None)?;
    let token = accounts.login("officer", "a long enough password", None)?.token;

    accounts.deactivate(&ncp, "officer")?;
    assert!(matches!(accounts.authenticate(&token), Err(AccountError::BadToken)), "sessions end");
    assert!(matches!(
        accounts.login("officer", "a long enough password", None),
        Err(AccountError::Deactivated)
    ));
    assert_eq!(
        accounts.list()?.iter().find(|u| u.username == "officer").map(|u| u.state),
        Some(AccountState::Deactivated)
    );
    accounts.reactivate(&ncp, "officer")?;
    accounts.login("officer", "a long enough password", None)?;

    accounts.set_role(&ncp, "officer", Role::Analyst)?;
    assert!(matches!(
        accounts.set_role(&ncp, "officer", Role::Administrator),
        Err(AccountError::Forbidden { .. })
    ));
    assert!(matches!(accounts.deactivate(&ncp, "boss"), Err(AccountError::Forbidden { .. })));
    assert!(matches!(accounts.deactivate(&ncp, "ncp"), Err(AccountError::Invalid { .. })), "not one's own");

    let me = Principal { username: "officer".into(), role: Role::Analyst, must_change_password: false };
    accounts.set_language(&me, ncen_protocol::codelists::Lang::Ar)?;
    assert_eq!(accounts.load("officer")?.and_then(|u| u.language).as_deref(), Some("ar"));
    Ok(())
}

/// Moves a session's last use `minutes` back; returns its key.
fn idle_for(accounts: &Accounts, token: &str, minutes: i64) -> Result<[u8; 32], Box<dyn std::error::Error>> {
    let key = token_key(token);
    let store = accounts.journal.store();
    let mut session: Session =
        value::decode("sessions", &store.get(Cf::Sessions, &key)?.ok_or("no session")?)?;
    session.last_seen_ms -= minutes * 60_000;
    let mut batch = store.batch();
    batch.put(Cf::Sessions, &key, &value::encode(&session)?);
    batch.commit(false)?;
    Ok(key)
}

#[test]
fn a_browser_session_carries_a_csrf_token_and_ends_when_idle() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, accounts) = accounts(ncen_config::Config::default().auth)?;
    accounts.create(&operator(), "officer", Role::Officer, "a long enough password", None)?;
    let browser = accounts.login_with("officer", "a long enough password", None, true)?;
    let api = accounts.login("officer", "a long enough password", None)?;
    assert_ne!(browser.token, api.token);
    let csrf = accounts.authenticate_session(&browser.token)?.csrf;
    assert_eq!(csrf, browser.csrf);
    assert!(csrf.is_some_and(|c| c.len() >= 32));
    assert_eq!(accounts.authenticate_session(&api.token)?.csrf, None, "API tokens have no CSRF token");

    // Last used 31 minutes ago: over the 30-minute idle limit, the browser session is gone.
    let key = idle_for(&accounts, &browser.token, 31)?;
    let store = accounts.journal.store();
    assert!(matches!(accounts.authenticate(&browser.token), Err(AccountError::BadToken)));
    assert!(store.get(Cf::Sessions, &key)?.is_none(), "the ended session is deleted");
    // One more, left idle and never shown again: removed at the next start.
    let idle = accounts.login_with("officer", "a long enough password", None, true)?;
    let key = idle_for(&accounts, &idle.token, 31)?;
    assert_eq!(accounts.purge_sessions()?, 1);
    assert!(store.get(Cf::Sessions, &key)?.is_none());
    accounts.authenticate(&api.token)?;
    Ok(())
}
