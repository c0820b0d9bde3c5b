//! CENcomm across a federation of five administrations and the hub: an operation of four
//! members, a warning reaching every member within a second, a member offline during the
//! warning getting it on restart, a non-member never receiving anything, a feedback threading
//! under the warning, receipts back at the sender, and refusals of bad or unauthorised input.

use std::time::{Duration, Instant};

use ncen_node::store::Cf;
use ncen_tests::{TestNode, config_for, serve, start_node, start_node_with, wait_for};
use serde_json::{Value, json};

const SECOND: Duration = Duration::from_secs(1);

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

/// Waits until `node` holds the hub's directory with `count` members.
async fn directory_of(node: &TestNode, count: usize) -> anyhow::Result<()> {
    wait_for(20 * SECOND, "the member directory", || async {
        let (status, v) = node.get_as("admin", "/api/v1/directory").await?;
        Ok((status == 200 && v["members"].as_array().map(Vec::len) == Some(count)).then_some(()))
    })
    .await
}

/// The messages of operation `id` at `node` as read by its officer.
async fn messages(node: &TestNode, id: &str) -> anyhow::Result<Vec<Value>> {
    let (status, v) = node.get_as("officer", &format!("/api/v1/operations/{id}")).await?;
    anyhow::ensure!(status == 200, "operation at {}: {status} {v}", node.administration);
    Ok(v["messages"].as_array().cloned().unwrap_or_default())
}

async fn holds_message(node: &TestNode, op: &str, message: &str) -> anyhow::Result<bool> {
    Ok(messages(node, op).await?.iter().any(|m| m["message"]["id"] == message))
}

fn operation(members: &[&str]) -> Value {
    let members: Vec<Value> =
        members.iter().map(|a| json!({"administration": a, "users": ["officer"]})).collect();
    json!({
        "name": "Operation Harbour Light",
        "purpose": "Cocaine in reefer containers from South America",
        "legal_basis": "Naples II convention, art. 23 (joint special operations)",
        "valid_from": "2026-01-01", "valid_until": "2099-12-31",
        "own_users": ["officer"], "members": members
    })
}

fn warning(n: usize) -> Value {
    json!({"template": "warning", "fields": {
        "summary": format!("Reefer MSCU{n:07}: bananas from Guayaquil, check the cooling unit"),
        "conveyance_type": "SEA_CONTAINER", "conveyance_identifier": format!("MSCU{n:07}"),
        "departure": "EC", "commodity": "DRUGS.COCAINE"}})
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_operation_of_four_members_exchanges_warnings_feedback_and_receipts() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let a = start_node_with("NL", Some(&hub)).await?;
    let b = start_node_with("BE", Some(&hub)).await?;
    let c = start_node_with("DE", Some(&hub)).await?;
    let d = start_node_with("FR", Some(&hub)).await?;
    let e = start_node_with("IT", Some(&hub)).await?;
    for n in [&a, &b, &c, &d, &e] {
        admit(&hub, n).await?;
    }
    for n in [&a, &b, &c, &d, &e] {
        directory_of(n, 5).await?;
    }

    // Bad definitions are refused with the field at fault, and only a coordination unit creates.
    let (status, v) = a.post_as("officer", "/api/v1/operations", &operation(&["BE"])).await?;
    assert_eq!(status, 403, "{v}");
    let mut bad = operation(&["BE", "XX1"]);
    bad["name"] = json!("");
    let (status, v) = a.post_as("supervisor", "/api/v1/operations", &bad).await?;
    assert_eq!(status, 400, "{v}");
    let text = v.to_string();
    assert!(text.contains("\"name\"") && text.contains("members[2]"), "{text}");

    let (status, op) = a.post_as("supervisor", "/api/v1/operations", &operation(&["BE", "DE", "FR"])).await?;
    assert_eq!(status, 201, "{op}");
    let id = op["id"].as_str().unwrap_or_default().to_owned();

    // Every member sees the invitation and joins; the non-member sees nothing.
    for m in [&b, &c, &d] {
        wait_for(20 * SECOND, "the invitation", || async {
            let (_, list) = m.get_as("supervisor", "/api/v1/operations").await?;
            Ok(list
                .as_array()
                .is_some_and(|l| l.iter().any(|o| o["operation"]["id"] == id.as_str()))
                .then_some(()))
        })
        .await?;
        let (status, v) = m.get_as("officer", &format!("/api/v1/operations/{id}")).await?;
        assert_eq!(status, 403, "no use before the administration joins: {v}");
        let (status, v) = m
            .post_as("supervisor", &format!("/api/v1/operations/{id}/join"), &json!({"accept": true}))
            .await?;
        assert_eq!(status, 200, "{v}");
    }
    wait_for(20 * SECOND, "the joins at the coordinator", || async {
        let (_, v) = a.get_as("officer", &format!("/api/v1/operations/{id}")).await?;
        Ok((v["joins"].as_object().map(|j| j.len()) == Some(4)).then_some(()))
    })
    .await?;

    // FR goes offline; a warning reaches BE and DE within a second.
    let d_dir = d.stop().await?;
    let started = Instant::now();
    let (status, sent) =
        a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &warning(0)).await?;
    assert_eq!(status, 201, "{sent}");
    let first = sent["id"].as_str().unwrap_or_default().to_owned();
    for m in [&b, &c] {
        wait_for(10 * SECOND, "the warning", || async {
            Ok(holds_message(m, &id, &first).await?.then_some(()))
        })
        .await?;
    }
    eprintln!("first warning at BE and DE after {:?}", started.elapsed());

    // Delivery latency over 30 warnings to the three members online... and back online.
    let config = {
        let mut c = config_for(&d_dir.path().join("data"));
        c.hub =
            Some(ncen_config::HubConfig { peer_id: hub.peer_id().await?, address: hub.p2p_addr().await? });
        c
    };
    let d = serve(d_dir, "FR", config).await?;
    wait_for(30 * SECOND, "the warning sent while FR was down", || async {
        Ok(holds_message(&d, &id, &first).await?.then_some(()))
    })
    .await?;
    let mut latencies = Vec::new();
    for n in 1..=30 {
        let started = Instant::now();
        let (status, sent) =
            a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &warning(n)).await?;
        assert_eq!(status, 201, "{sent}");
        let mid = sent["id"].as_str().unwrap_or_default().to_owned();
        for m in [&b, &c, &d] {
            wait_for(10 * SECOND, "a warning", || async {
                let (_, v) = m.get_as("officer", &format!("/api/v1/operations/{id}")).await?;
                let there = v["messages"]
                    .as_array()
                    .is_some_and(|l| l.iter().any(|x| x["message"]["id"] == mid.as_str()));
                Ok(there.then_some(()))
            })
            .await?;
            latencies.push(started.elapsed());
        }
    }
    latencies.sort();
    eprintln!(
        "CENcomm delivery to 3 members, {} deliveries: p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        percentile(&latencies, 1.0)
    );

    // A warning with a photo and a document: both reach the members byte for byte; a file
    // that claims to be a JPEG but is not one is refused before anything is sent.
    let photo = png_bytes();
    let doc = b"%PDF-1.7 bill of lading MSCU0000042".to_vec();
    let mut with_files = warning(42);
    with_files["attachments"] = json!([
        {"name": "reefer-floor.png", "content_base64": base64(&photo)},
        {"name": "bill-of-lading.pdf", "content_base64": base64(&doc)}]);
    let (status, sent) =
        a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &with_files).await?;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["attachments"][0]["media_type"], "image/png");
    assert_eq!(sent["attachments"][1]["media_type"], "application/octet-stream");
    let fid = sent["id"].as_str().unwrap_or_default().to_owned();
    wait_for(10 * SECOND, "the files at DE", || async {
        Ok(holds_message(&c, &id, &fid).await?.then_some(()))
    })
    .await?;
    let (status, kind, bytes) =
        c.get_bytes_as("officer", &format!("/api/v1/operations/{id}/messages/{fid}/attachments/0")).await?;
    assert_eq!((status, kind.as_str(), bytes == photo), (200, "image/png", true));
    let (status, kind, bytes) =
        c.get_bytes_as("officer", &format!("/api/v1/operations/{id}/messages/{fid}/attachments/1")).await?;
    assert_eq!((status, kind.as_str(), bytes == doc), (200, "application/octet-stream", true));
    let (status, _, _) =
        e.get_bytes_as("officer", &format!("/api/v1/operations/{id}/messages/{fid}/attachments/0")).await?;
    assert_eq!(status, 404, "a non-member has no file");
    let mut fake = warning(43);
    fake["attachments"] =
        json!([{"name": "scan.jpg", "content_base64": base64(b"\xff\xd8\xff\xe0 not a JPEG")}]);
    let (status, v) = a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &fake).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("attachments[0]"), "{v}");
    let mut bad = warning(44);
    bad["attachments"] = json!([{"name": "x", "content_base64": "not base64!"}]);
    let (status, _) = a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &bad).await?;
    assert_eq!(status, 400);

    // BE answers with a feedback threaded under the warning and reads it.
    let feedback = json!({"template": "feedback", "in_reply_to": first,
                          "fields": {"summary": "Container scanned at Antwerp: nothing found", "action_taken": "X-ray scan", "date": "2026-12-05"}});
    let (status, v) = b.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &feedback).await?;
    assert_eq!(status, 201, "{v}");
    let (status, v) =
        b.post_as("officer", &format!("/api/v1/operations/{id}/messages/{first}/read"), &json!({})).await?;
    assert_eq!(status, 200, "{v}");
    wait_for(10 * SECOND, "the feedback and the receipts at NL", || async {
        let all = messages(&a, &id).await?;
        let threaded = all
            .iter()
            .any(|m| m["message"]["in_reply_to"] == first.as_str() && m["message"]["sender"] == "BE");
        let warning =
            all.iter().find(|m| m["message"]["id"] == first.as_str()).cloned().unwrap_or(Value::Null);
        let receipts = &warning["receipts"];
        let delivered = ["BE", "DE", "FR"].iter().all(|x| receipts[x]["delivered_ms"].is_i64());
        Ok((threaded && delivered && receipts["BE"]["read_ms"].is_i64()).then_some(()))
    })
    .await?;

    // Bad messages: a field outside the template, a bad code, a reply to nothing, a stranger.
    let mut wrong = warning(99);
    wrong["fields"]["offender_name"] = json!("Jansen");
    wrong["fields"]["departure"] = json!("XX");
    let (status, v) = a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &wrong).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("offender_name") && v.to_string().contains("departure"), "{v}");
    let orphan = json!({"template": "feedback", "in_reply_to": uuid_like(), "fields": {"summary": "x"}});
    let (status, v) = a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &orphan).await?;
    assert_eq!(status, 400, "{v}");
    let (status, _) = a.get_as("auditor", &format!("/api/v1/operations/{id}")).await?;
    assert_eq!(status, 403, "an auditor is no participant");
    let (status, _) = e.get_as("supervisor", &format!("/api/v1/operations/{id}")).await?;
    assert_eq!(status, 404);

    // The non-member received nothing, whatever it asked.
    let (_, list) = e.get_as("supervisor", "/api/v1/operations").await?;
    assert_eq!(list.as_array().map(Vec::len), Some(0), "{list}");
    let e_dir = e.stop().await?;
    let opened = ncen_node::app::open(&e_dir.path().join("data"))?;
    for cf in [Cf::Operations, Cf::OpMessages] {
        assert_eq!(opened.store().iter_from(cf, b"", true).count(), 0, "{} at IT", cf.name());
    }
    drop(opened);

    for n in [a, b, c, d, hub] {
        n.stop().await?;
    }
    Ok(())
}

fn uuid_like() -> String {
    "01900000-0000-7000-8000-000000000000".into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_seizure_report_reaches_the_hub_only_after_approval_and_without_nominal_fields()
-> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let a = start_node_with("NL", Some(&hub)).await?;
    let b = start_node_with("BE", Some(&hub)).await?;
    for n in [&a, &b] {
        admit(&hub, n).await?;
    }
    for n in [&a, &b] {
        directory_of(n, 2).await?;
    }
    let (status, op) = a.post_as("supervisor", "/api/v1/operations", &operation(&["BE"])).await?;
    assert_eq!(status, 201, "{op}");
    let id = op["id"].as_str().unwrap_or_default().to_owned();
    wait_for(20 * SECOND, "the invitation", || async {
        let (_, list) = b.get_as("supervisor", "/api/v1/operations").await?;
        Ok((list.as_array().map(Vec::len) == Some(1)).then_some(()))
    })
    .await?;
    let (status, _) =
        b.post_as("supervisor", &format!("/api/v1/operations/{id}/join"), &json!({"accept": true})).await?;
    assert_eq!(status, 200);
    let (status, w) = a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &warning(1)).await?;
    assert_eq!(status, 201, "{w}");
    let warning_id = w["id"].as_str().unwrap_or_default().to_owned();
    let report = json!({"template": "seizure", "in_reply_to": warning_id, "fields": {
        "summary": "120 kg cocaine in the cooling unit", "date": "2026-12-04", "place_country": "NL",
        "commodity": "DRUGS.COCAINE", "quantity": "120.5", "unit": "KGM", "concealment": "FALSE_COMPARTMENT",
        "offender_nationality": "EC", "offender_name": "Canary-Jansen-7f3a"}});
    let (status, s) = a.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &report).await?;
    assert_eq!(status, 201, "{s}");
    let seizure_id = s["id"].as_str().unwrap_or_default().to_owned();
    wait_for(10 * SECOND, "the report at BE", || async {
        Ok(holds_message(&b, &id, &seizure_id).await?.then_some(()))
    })
    .await?;

    // Nothing reaches the hub before the approval.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let (status, reports) = hub.get_as("analyst", "/api/v1/cen/operation-reports").await?;
    assert_eq!(status, 200, "{reports}");
    assert_eq!(reports.as_array().map(Vec::len), Some(0), "{reports}");

    // Only the sender's coordination unit approves, and only seizure reports.
    let forward = |m: &str| format!("/api/v1/operations/{id}/messages/{m}/forward");
    let (status, _) = a.post_as("officer", &forward(&seizure_id), &json!({})).await?;
    assert_eq!(status, 403);
    let (status, _) = b.post_as("supervisor", &forward(&seizure_id), &json!({})).await?;
    assert_eq!(status, 403, "BE does not own NL's report");
    let (status, v) = a.post_as("supervisor", &forward(&warning_id), &json!({})).await?;
    assert_eq!(status, 400, "{v}");
    let (status, v) = a.post_as("supervisor", &forward(&seizure_id), &json!({})).await?;
    assert_eq!(status, 200, "{v}");
    assert!(v["fields"].get("offender_name").is_none(), "{v}");
    let (status, _) = a.post_as("supervisor", &forward(&seizure_id), &json!({})).await?;
    assert_eq!(status, 400, "forwarded once");

    let got = wait_for(20 * SECOND, "the report at the hub", || async {
        let (_, reports) = hub.get_as("analyst", "/api/v1/cen/operation-reports").await?;
        Ok(reports.as_array().filter(|r| r.len() == 1).cloned())
    })
    .await?;
    let r = &got[0];
    assert_eq!(r["origin"], "NL");
    assert_eq!(r["operation"], id.as_str());
    assert_eq!(r["operation_name"], "Operation Harbour Light");
    assert_eq!(r["approved_by"], "supervisor");
    assert_eq!(r["fields"]["commodity"], "DRUGS.COCAINE");
    assert_eq!(r["fields"]["offender_nationality"], "EC");
    assert!(!got.iter().any(|x| x.to_string().contains("Canary")), "a nominal field reached the hub");
    // The hub never receives the operation itself or its messages.
    let (_, ops) = hub.get_as("supervisor", "/api/v1/operations").await?;
    assert_eq!(ops.as_array().map(Vec::len), Some(0));
    // Members do not see forwarded reports in their operation log.
    let (status, _) = b.get_as("analyst", "/api/v1/cen/operation-reports").await?;
    assert_eq!(status, 404);

    for n in [a, b, hub] {
        n.stop().await?;
    }
    Ok(())
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A small real PNG.
fn png_bytes() -> Vec<u8> {
    use image::ImageEncoder as _;
    let img = image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 120]));
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    assert!(encoder.write_image(img.as_raw(), 40, 30, image::ExtendedColorType::Rgb8).is_ok());
    out
}
