//! Bad input of every kind gets a clear 4xx JSON error and stores nothing: malformed,
//! truncated, wrongly typed, oversized, unknown fields, wrong content type, bad ids.

use ncen_tests::{canonical_seizure, start_node};
use serde_json::{Value, json};

async fn seizure_count(node: &ncen_tests::TestNode, token: &str) -> anyhow::Result<usize> {
    let list: Value =
        node.http.get(node.url("/api/v1/seizures")).bearer_auth(token).send().await?.json().await?;
    Ok(list["items"].as_array().map(Vec::len).unwrap_or(usize::MAX))
}

#[tokio::test]
async fn malformed_bodies_are_4xx_with_a_json_error() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let canonical = canonical_seizure("NL-BAD-1").to_string();
    let truncated = &canonical[..canonical.len() / 2];
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("empty", Vec::new(), 400, "invalid_json"),
        ("not json", b"national_reference=1".to_vec(), 400, "invalid_json"),
        ("truncated", truncated.as_bytes().to_vec(), 400, "invalid_json"),
        ("trailing garbage", Vec::from(format!("{canonical} xyz")), 400, "invalid_json"),
        ("array", b"[]".to_vec(), 400, "validation_failed"),
        ("null", b"null".to_vec(), 400, "validation_failed"),
        ("deeply nested", Vec::from(deep.clone()), 400, "validation_failed"),
        ("wrong type", Vec::from(canonical.replace("120.5", "\"a lot\"")), 400, "validation_failed"),
        (
            "missing field",
            Vec::from(canonical.replace("\"date\":\"2026-11-30\",", "")),
            400,
            "validation_failed",
        ),
        (
            "unknown field",
            Vec::from(canonical.replace("\"summary\"", "\"password\":1,\"summary\"")),
            400,
            "validation_failed",
        ),
        ("bad utf-8", b"{\"national_reference\":\"\xff\"}".to_vec(), 400, "invalid_json"),
    ];
    for (name, body, status, code) in cases {
        let r = node
            .http
            .post(node.url("/api/v1/seizures"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await?;
        assert_eq!(r.status().as_u16(), status, "{name}");
        let v: Value = r.json().await?;
        assert_eq!(v["error"]["code"], code, "{name}: {v}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{name}");
    }
    // Nesting deeper than the JSON parser's recursion limit, where any value is accepted.
    let r = node
        .http
        .post(node.url("/api/v1/seizures/batch"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(format!("{{\"items\":[{deep}]}}"))
        .send()
        .await?;
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await?;
    assert_eq!(v["error"]["code"], "invalid_json", "{v}");
    // Wrong type names the field.
    let r = node
        .http
        .post(node.url("/api/v1/seizures"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(canonical.replace("120.5", "\"a lot\""))
        .send()
        .await?;
    let v: Value = r.json().await?;
    assert_eq!(v["error"]["details"][0]["field"], "goods[0].quantity");
    assert_eq!(seizure_count(&node, &token).await?, 0);
    Ok(())
}

#[tokio::test]
async fn oversized_and_mistyped_requests_are_refused() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let mut huge = canonical_seizure("NL-HUGE");
    huge["remarks"] = json!("x".repeat(9 << 20));
    let r = node.http.post(node.url("/api/v1/seizures")).bearer_auth(&token).json(&huge).send().await?;
    assert_eq!(r.status(), 413);
    let v: Value = r.json().await?;
    assert_eq!(v["error"]["code"], "too_large");

    let mut long = canonical_seizure("NL-LONG");
    long["remarks"] = json!("x".repeat(10_001));
    let r = node.http.post(node.url("/api/v1/seizures")).bearer_auth(&token).json(&long).send().await?;
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await?;
    assert_eq!(v["error"]["details"][0]["field"], "remarks");

    let r = node
        .http
        .post(node.url("/api/v1/seizures"))
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body(canonical_seizure("NL-TXT").to_string())
        .send()
        .await?;
    assert_eq!(r.status(), 415);

    let too_many: Vec<Value> = (0..101).map(|_| canonical_seizure("x")["goods"][0].clone()).collect();
    let mut s = canonical_seizure("NL-MANY");
    s["goods"] = json!(too_many);
    let r = node.http.post(node.url("/api/v1/seizures")).bearer_auth(&token).json(&s).send().await?;
    assert_eq!(r.status(), 400);

    let r = node
        .http
        .post(node.url("/api/v1/seizures/batch"))
        .bearer_auth(&token)
        .json(&json!({"items": []}))
        .send()
        .await?;
    assert_eq!(r.status(), 400);
    assert_eq!(seizure_count(&node, &token).await?, 0);
    Ok(())
}

#[tokio::test]
async fn out_of_range_values_name_the_field() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let cases = [
        ("/goods/0/quantity", json!(-1), "goods[0].quantity"),
        ("/goods/0/unit", json!("BARRELS"), "goods[0].unit"),
        ("/goods/0/value/currency", json!("XYZ"), "goods[0].value.currency"),
        ("/date", json!("2026-02-30"), "date"),
        ("/date", json!("2999-01-01"), "date"),
        ("/route/transit/0", json!("ZZ"), "route.transit[0]"),
        ("/national_reference", json!("has spaces in it"), "national_reference"),
        ("/detection_method", json!(""), "detection_method"),
    ];
    for (pointer, value, field) in cases {
        let mut s = canonical_seizure("NL-RANGE");
        if let Some(slot) = s.pointer_mut(pointer) {
            *slot = value.clone();
        }
        let r = node.http.post(node.url("/api/v1/seizures")).bearer_auth(&token).json(&s).send().await?;
        assert_eq!(r.status(), 400, "{pointer} = {value}");
        let v: Value = r.json().await?;
        assert_eq!(v["error"]["details"][0]["field"], field, "{pointer} = {value}: {v}");
    }
    assert_eq!(seizure_count(&node, &token).await?, 0);
    Ok(())
}

#[tokio::test]
async fn bad_ids_queries_and_routes_are_clear_errors() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let token = node.token("officer").await?;
    let get = |path: &str| node.http.get(node.url(path)).bearer_auth(&token).send();
    assert_eq!(get("/api/v1/seizures/not-a-uuid").await?.status(), 404);
    assert_eq!(get("/api/v1/seizures/0190b4a2-0000-7000-8000-000000000000").await?.status(), 404);
    assert_eq!(get("/api/v1/persons").await?.status(), 404);
    assert_eq!(get("/api/v1/seizures?limit=100000").await?.status(), 400);
    assert_eq!(get("/api/v1/seizures?commodity=NOPE").await?.status(), 400);
    assert_eq!(get("/api/v1/seizures?date_from=yesterday").await?.status(), 400);
    assert_eq!(get("/api/v1/seizures?cursor=garbage").await?.status(), 400);
    assert_eq!(get("/api/v1/seizures?colour=red").await?.status(), 400);
    let r = get("/api/v1/nothing/here/at/all").await?;
    assert_eq!(r.status(), 404);
    let v: Value = r.json().await?;
    assert_eq!(v["error"]["code"], "not_found");
    let r = node.http.patch(node.url("/api/v1/seizures")).bearer_auth(&token).send().await?;
    assert_eq!(r.status(), 405);
    Ok(())
}

#[tokio::test]
async fn openapi_document_lists_the_contract() -> anyhow::Result<()> {
    let node = start_node("NL").await?;
    let doc: Value = node.http.get(node.url("/api/v1/openapi.json")).send().await?.json().await?;
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in [
        "/api/v1/health",
        "/api/v1/node",
        "/api/v1/auth/token",
        "/api/v1/{collection}",
        "/api/v1/{collection}/batch",
        "/api/v1/{collection}/{id}/signed",
        "/api/v1/users/{username}/reset-password",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is documented");
    }
    assert!(doc["components"]["schemas"].get("Seizure").is_some());
    let metrics = node.http.get(node.url("/metrics")).send().await?.text().await?;
    assert!(metrics.contains("ncen_http_requests_total"));
    // The web UI sends a visitor without a session to its login page.
    let page = node.http.get(node.url("/")).send().await?.text().await?;
    assert!(page.contains("id=\"login-submit\"") && page.contains("NL"), "{page}");
    Ok(())
}
