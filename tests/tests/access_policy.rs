//! Accounts and roles: deny by default, blocking after wrong passwords, unblocking and
//! password resets by the national contact point, and the audit trail of all of it.

use ncen_tests::{PASSWORD, canonical_seizure, start_node};
use serde_json::{Value, json};

#[tokio::test]
async fn every_endpoint_but_health_node_and_login_needs_a_token() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    for path in
        ["/api/v1/seizures", "/api/v1/suspects", "/api/v1/companies", "/api/v1/users", "/api/v1/audit"]
    {
        let r = node.http.get(node.url(path)).send().await?;
        assert_eq!(r.status(), 401, "{path}");
        assert_eq!(r.headers()["www-authenticate"], "Bearer realm=\"ncen\"");
        let body: Value = r.json().await?;
        assert_eq!(body["error"]["code"], "unauthenticated");
        let r = node.http.get(node.url(path)).bearer_auth("forged-token").send().await?;
        assert_eq!(r.status(), 401, "{path} with a forged token");
    }
    let r = node.http.post(node.url("/api/v1/seizures")).json(&canonical_seizure("NL-X")).send().await?;
    assert_eq!(r.status(), 401);
    assert_eq!(node.http.get(node.url("/api/v1/health")).send().await?.status(), 200);
    let info: Value = node.http.get(node.url("/api/v1/node")).send().await?.json().await?;
    assert_eq!(info["administration"], "NL");
    assert_eq!(info["role"], "national");
    assert!(info["peer_id"].as_str().is_some_and(|p| p.starts_with("12D3KooW")));
    Ok(())
}

#[tokio::test]
async fn roles_are_enforced() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let analyst = node.token("analyst").await?;
    let officer = node.token("officer").await?;
    let auditor = node.token("auditor").await?;
    let admin = node.token("admin").await?;
    let ncp = node.token("ncp").await?;
    let post = |token: &str| {
        node.http
            .post(node.url("/api/v1/seizures"))
            .bearer_auth(token)
            .json(&canonical_seizure("NL-ROLE"))
            .send()
    };
    assert_eq!(post(&analyst).await?.status(), 403, "an analyst cannot write");
    assert_eq!(post(&auditor).await?.status(), 403);
    assert_eq!(post(&admin).await?.status(), 403, "node administrators do not see case data");
    assert_eq!(post(&officer).await?.status(), 201);
    assert_eq!(node.http.get(node.url("/api/v1/seizures")).bearer_auth(&analyst).send().await?.status(), 200);
    let users = |token: &str| node.http.get(node.url("/api/v1/users")).bearer_auth(token).send();
    assert_eq!(users(&officer).await?.status(), 403, "an officer cannot manage users");
    assert_eq!(users(&ncp).await?.status(), 200);
    // A contact point creates officers but not administrators.
    let create = |token: &str, role: &str, name: &str| {
        node.http
            .post(node.url("/api/v1/users"))
            .bearer_auth(token)
            .json(&json!({"username": name, "role": role, "password": PASSWORD}))
            .send()
    };
    assert_eq!(create(&ncp, "officer", "new.officer").await?.status(), 201);
    assert_eq!(create(&ncp, "administrator", "new.admin").await?.status(), 403);
    assert_eq!(create(&ncp, "officer", "new.officer").await?.status(), 409);
    assert_eq!(create(&officer, "officer", "other").await?.status(), 403);
    let r = create(&ncp, "officer", "Bad Name!").await?;
    assert_eq!(r.status(), 400);
    let r = node
        .http
        .post(node.url("/api/v1/users"))
        .bearer_auth(&ncp)
        .json(&json!({"username": "short.pw", "role": "officer", "password": "short"}))
        .send()
        .await?;
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await?;
    assert_eq!(body["error"]["details"][0]["field"], "password");
    // The audit log is for auditors and administrators.
    let audit = |token: &str| node.http.get(node.url("/api/v1/audit")).bearer_auth(token).send();
    assert_eq!(audit(&officer).await?.status(), 403);
    assert_eq!(audit(&auditor).await?.status(), 200);
    Ok(())
}

#[tokio::test]
async fn three_wrong_passwords_block_until_the_contact_point_unblocks() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let officer_token = node.token("officer").await?;
    for _ in 0..3 {
        let r = node
            .http
            .post(node.url("/api/v1/auth/token"))
            .json(&json!({"username": "officer", "password": "wrong password!"}))
            .send()
            .await?;
        assert_eq!(r.status(), 401);
    }
    let r = node
        .http
        .post(node.url("/api/v1/auth/token"))
        .json(&json!({"username": "officer", "password": PASSWORD}))
        .send()
        .await?;
    assert_eq!(r.status(), 403, "the right password no longer opens a blocked account");
    let body: Value = r.json().await?;
    assert_eq!(body["error"]["code"], "account_blocked");
    // Sessions opened before the block end with it.
    let r = node.http.get(node.url("/api/v1/seizures")).bearer_auth(&officer_token).send().await?;
    assert_eq!(r.status(), 401);

    let ncp = node.token("ncp").await?;
    let users: Value =
        node.http.get(node.url("/api/v1/users")).bearer_auth(&ncp).send().await?.json().await?;
    let officer = users.as_array().into_iter().flatten().find(|u| u["username"] == "officer").cloned();
    assert_eq!(officer.map(|o| o["state"].clone()), Some(json!("blocked")));
    let r = node.http.post(node.url("/api/v1/users/officer/unblock")).bearer_auth(&ncp).send().await?;
    assert_eq!(r.status(), 200);
    node.token("officer").await?;

    // A reset gives a temporary password that must be changed before anything else.
    let r = node
        .http
        .post(node.url("/api/v1/users/officer/reset-password"))
        .bearer_auth(&ncp)
        .json(&json!({}))
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await?;
    let temporary = body["temporary_password"].as_str().unwrap_or_default().to_owned();
    assert!(temporary.len() >= 16);
    assert!(node.token("officer").await.is_err(), "the old password is gone");
    let token = node.token_with("officer", &temporary).await?;
    let r = node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 403);
    let body: Value = r.json().await?;
    assert_eq!(body["error"]["code"], "password_change_required");
    let r = node
        .http
        .post(node.url("/api/v1/auth/password"))
        .bearer_auth(&token)
        .json(&json!({"current_password": temporary, "new_password": "a brand new passphrase"}))
        .send()
        .await?;
    assert_eq!(r.status(), 204);
    let r = node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 200);

    // Everything above is in the audit chain, and the chain holds.
    let auditor = node.token("auditor").await?;
    let entries: Value = node
        .http
        .get(node.url("/api/v1/audit?limit=1000"))
        .bearer_auth(&auditor)
        .send()
        .await?
        .json()
        .await?;
    let actions: Vec<String> = entries
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            format!(
                "{} {} {}",
                e["actor"].as_str().unwrap_or(""),
                e["action"].as_str().unwrap_or(""),
                e["outcome"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(actions.contains(&"officer auth.login denied".to_owned()));
    assert!(actions.contains(&"ncp user.unblock ok".to_owned()));
    assert!(actions.contains(&"ncp user.reset_password ok".to_owned()));
    let verify: Value =
        node.http.get(node.url("/api/v1/audit/verify")).bearer_auth(&auditor).send().await?.json().await?;
    assert_eq!(verify["valid"], true);
    Ok(())
}

#[tokio::test]
async fn logout_ends_the_session() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("analyst").await?;
    let r = node.http.delete(node.url("/api/v1/auth/token")).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 204);
    let r = node.http.get(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 401);
    Ok(())
}
