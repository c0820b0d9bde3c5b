//! The global CEN database endpoints: kept by the WCO hub only, behind a bearer token.

use ncen_tests::start_node;
use serde_json::Value;

const ENDPOINTS: [&str; 2] = ["/api/v1/cen/seizures", "/api/v1/cen/statistics"];

#[tokio::test]
async fn cen_endpoints_need_a_token() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    for path in ENDPOINTS {
        let r = node.http.get(node.url(path)).send().await?;
        assert_eq!(r.status(), 401, "{path}");
        let body: Value = r.json().await?;
        assert_eq!(body["error"]["code"], "unauthenticated", "{path}");
    }
    Ok(())
}

#[tokio::test]
async fn a_national_node_has_no_cen_database() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    for user in ["officer", "analyst"] {
        let token = node.token(user).await?;
        for path in ENDPOINTS {
            let r = node.http.get(node.url(path)).bearer_auth(&token).send().await?;
            assert_eq!(r.status(), 404, "{user} {path}");
            let body: Value = r.json().await?;
            assert_eq!(body["error"]["code"], "not_found", "{user} {path}");
            assert_eq!(
                body["error"]["message"], "the global CEN database is kept by the WCO hub only",
                "{user} {path}"
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn the_hub_answers_with_an_empty_database_and_checks_parameters() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let token = hub.token("analyst").await?;
    let get = |path: &str| hub.http.get(hub.url(path)).bearer_auth(&token).send();
    let page: Value = get("/api/v1/cen/seizures?commodity=DRUGS&limit=10").await?.json().await?;
    assert_eq!(page["items"], serde_json::json!([]));
    assert_eq!(page["total"], 0);
    assert!(page["next_cursor"].is_null());
    let stats: Value = get("/api/v1/cen/statistics?year=2026").await?.json().await?;
    assert_eq!(stats["totals"]["seizures"], 0);
    assert_eq!(stats["by_commodity"], serde_json::json!([]));
    for (query, field) in [
        ("commodity=NOT.A.CODE", "commodity"),
        ("country=XX", "country"),
        ("route_country=ZZ", "route_country"),
        ("origin=nl", "origin"),
        ("year=26", "year"),
        ("date_from=2026-13-01", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("cursor=nonsense", "cursor"),
    ] {
        let r = get(&format!("/api/v1/cen/seizures?{query}")).await?;
        assert_eq!(r.status(), 400, "{query}");
        let body: Value = r.json().await?;
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.starts_with(&format!("{field}:")), "{query}: {message}");
    }
    let r = get("/api/v1/cen/statistics?limit=5").await?;
    assert_eq!(r.status(), 400, "statistics take no paging");
    let admin = hub.token("admin").await?;
    let r = hub.http.get(hub.url(ENDPOINTS[0])).bearer_auth(&admin).send().await?;
    assert_eq!(r.status(), 403, "administrators do not read case data");
    let audit_token = hub.token("auditor").await?;
    let audit: Value = hub
        .http
        .get(hub.url("/api/v1/audit?limit=1000"))
        .bearer_auth(&audit_token)
        .send()
        .await?
        .json()
        .await?;
    let actions = audit.to_string();
    assert!(actions.contains("cen.search") && actions.contains("cen.statistics"), "reads are audited");
    Ok(())
}

#[tokio::test]
async fn the_openapi_document_describes_the_cen_endpoints() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let doc: Value = node.http.get(node.url("/api/v1/openapi.json")).send().await?.json().await?;
    for path in ENDPOINTS {
        assert!(doc["paths"][path]["get"].is_object(), "{path} is documented");
    }
    let params = doc["paths"]["/api/v1/cen/seizures"]["get"]["parameters"].to_string();
    assert!(params.contains("route_country") && params.contains("cursor"));
    for schema in ["CenSeizure", "CenPage", "Statistics", "StatGroup"] {
        assert!(doc["components"]["schemas"].get(schema).is_some(), "schema {schema}");
    }
    Ok(())
}
