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
    assert!(matches!(accounts.login("analyst", "a long enough password", None), Err(AccountError::Blocked(5))));
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
