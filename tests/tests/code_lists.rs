//! Code lists versioned by the hub (MISSION N2, B5): a change the hub publishes reaches its
//! members, who check new records with the newest version they hold while old records keep
//! theirs and still display; a release that is forged, older, or removes a code is refused with
//! nothing changed; bad input to the hub's publishing API is a clear 4xx with nothing stored.

use std::time::Duration;

use ncen_protocol::codelists::{CodeListRelease, ListId, RELEASE_FORMAT};
use ncen_tests::{
    TestNode, add_peer, canonical_seizure, config_for, make_agreement, serve, start_node, start_node_with,
    wait_for,
};
use serde_json::{Value, json};

const NEW_CODE: &str = "DRUGS.NITAZENES";

fn nitazenes() -> Value {
    json!({"action": "add_value", "code": NEW_CODE, "parent": "DRUGS", "hs_chapters": ["29"],
           "labels": {"en": "Nitazenes (synthetic opioids)", "fr": "Nitazènes (opioïdes de synthèse)",
                      "es": "Nitazenos (opioides sintéticos)", "pt": "Nitazenos (opioides sintéticos)",
                      "ru": "Нитазены (синтетические опиоиды)", "de": "Nitazene (synthetische Opioide)",
                      "ar": "النيتازينات (مواد أفيونية اصطناعية)"}})
}

fn seizure(reference: &str, commodity: &str) -> Value {
    let mut s = canonical_seizure(reference);
    s["goods"][0]["commodity"] = json!(commodity);
    s
}

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

async fn commodity_version(node: &TestNode) -> anyhow::Result<u64> {
    let (status, v) = node.get_as("officer", "/api/v1/code-lists/commodity").await?;
    anyhow::ensure!(status == 200, "code list read failed: {status} {v}");
    Ok(v["version"].as_u64().unwrap_or(0))
}

async fn wait_version(node: &TestNode, version: u64) -> anyhow::Result<()> {
    wait_for(
        Duration::from_secs(20),
        &format!("commodity version {version} at {}", node.administration),
        || async { Ok((commodity_version(node).await? == version).then_some(())) },
    )
    .await
}

async fn publish(hub: &TestNode, change: &Value) -> anyhow::Result<u64> {
    let (status, v) = hub.post_as("admin", "/api/v1/code-lists/commodity/changes", change).await?;
    anyhow::ensure!(status == 201, "publishing failed: {status} {v}");
    Ok(v["version"].as_u64().unwrap_or(0))
}

/// Posts a signed release file to `node` as its administrator.
async fn hand_in(node: &TestNode, bytes: Vec<u8>) -> anyhow::Result<(u16, Value)> {
    node.post_bytes_as("admin", "/api/v1/code-lists/releases", bytes, "application/cose").await
}

/// A template workbook of one seizure per commodity, each with one goods line.
fn workbook(commodities: &[(&str, &str)]) -> anyhow::Result<Vec<u8>> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let seizures = wb.add_worksheet().set_name("Seizures")?;
    let header = [
        "national_reference",
        "date",
        "place.location_type",
        "place.country",
        "direction",
        "detection_method",
    ];
    for (c, h) in header.iter().enumerate() {
        seizures.write_string(0, c as u16, *h)?;
    }
    for (row, (reference, _)) in (1u32..).zip(commodities) {
        for (c, value) in
            [*reference, "2026-11-30", "SEAPORT", "NL", "IMPORT", "XRAY_SCAN"].iter().enumerate()
        {
            seizures.write_string(row, c as u16, *value)?;
        }
    }
    let goods = wb.add_worksheet().set_name("Goods")?;
    for (c, h) in ["national_reference", "commodity", "quantity", "unit"].iter().enumerate() {
        goods.write_string(0, c as u16, *h)?;
    }
    for (row, (reference, commodity)) in (1u32..).zip(commodities) {
        goods.write_string(row, 0, *reference)?;
        goods.write_string(row, 1, *commodity)?;
        goods.write_number(row, 2, 2.5)?;
        goods.write_string(row, 3, "KGM")?;
    }
    Ok(wb.save_to_buffer()?)
}

/// Uploads `file` as the officer and waits for the job's report.
async fn bulk_upload(node: &TestNode, file: Vec<u8>) -> anyhow::Result<Value> {
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let (status, started) = node.post_bytes_as("officer", "/api/v1/import", file, XLSX).await?;
    anyhow::ensure!(status == 202, "import not started: {status} {started}");
    let job = started["job"].as_str().unwrap_or_default().to_owned();
    wait_for(Duration::from_secs(60), "the import to end", || async {
        let (_, v) = node.get_as("officer", &format!("/api/v1/import/{job}")).await?;
        Ok((v["state"] != "running").then_some(v))
    })
    .await
}

async fn release_bytes(node: &TestNode, version: u64) -> anyhow::Result<Vec<u8>> {
    let (status, _, bytes) =
        node.get_bytes_as("officer", &format!("/api/v1/code-lists/commodity/releases/{version}")).await?;
    anyhow::ensure!(status == 200, "release {version} not served: {status}");
    Ok(bytes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hub_release_reaches_members_and_rules_new_records_only() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    admit(&hub, &be).await?;
    add_peer(&nl, &be).await?;
    add_peer(&be, &nl).await?;
    make_agreement(&nl, &be, &["seizures"], "both").await?;
    assert_eq!(commodity_version(&nl).await?, 1);

    // Before the release: the new value is refused, naming the field.
    let (status, v) = nl.post_as("officer", "/api/v1/seizures", &seizure("NL-CL-0", NEW_CODE)).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("goods[0].commodity"), "{v}");
    // A record made now with a value about to be deprecated.
    let old = nl.create_seizure(&seizure("NL-CL-OLD", "DRUGS.HEROIN")).await?;

    // The hub adds a value with its seven labels: both members get it and use it.
    assert_eq!(publish(&hub, &nitazenes()).await?, 2);
    wait_version(&nl, 2).await?;
    wait_version(&be, 2).await?;
    let (_, list) = nl.get_as("officer", "/api/v1/code-lists/commodity").await?;
    let entry = list["entries"].as_array().and_then(|e| e.iter().find(|e| e["code"] == NEW_CODE)).cloned();
    assert_eq!(entry.as_ref().map(|e| e["labels"].as_object().map_or(0, |l| l.len())), Some(7), "{entry:?}");
    assert_eq!(list["history"].as_array().map(Vec::len), Some(1), "{list}");
    let new = nl.create_seizure(&seizure("NL-CL-1", NEW_CODE)).await?;
    wait_for(Duration::from_secs(20), "the new-value seizure at BE", || async {
        let (status, v) = be.get_as("officer", &format!("/api/v1/seizures/{new}")).await?;
        Ok((status == 200).then_some(v))
    })
    .await?;

    // Deprecation: refused in new records, old records keep it and still display.
    assert_eq!(publish(&hub, &json!({"action": "deprecate", "code": "DRUGS.HEROIN"})).await?, 3);
    wait_version(&nl, 3).await?;
    wait_version(&be, 3).await?;
    let (status, v) = nl.post_as("officer", "/api/v1/seizures", &seizure("NL-CL-2", "DRUGS.HEROIN")).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("goods[0].commodity") && v.to_string().contains("deprecated"), "{v}");
    // A bulk upload is checked with the newest version too.
    let done =
        bulk_upload(&nl, workbook(&[("NL-CL-BULK-1", NEW_CODE), ("NL-CL-BULK-2", "DRUGS.HEROIN")])?).await?;
    assert_eq!(done["report"]["seizures"]["created"], 1, "{done}");
    assert_eq!(done["report"]["seizures"]["invalid"], 1, "{done}");
    assert!(done.to_string().contains("deprecated"), "{done}");
    let (status, v) = nl.get_as("officer", &format!("/api/v1/seizures/{old}")).await?;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["data"]["goods"][0]["commodity"], "DRUGS.HEROIN");
    // Each record keeps the code lists' revision it was checked with (13 built-in lists at
    // version 1, then one more for each release).
    assert_eq!(v["code_lists"], ListId::ALL.len(), "{v}");
    let (_, v) = nl.get_as("officer", &format!("/api/v1/seizures/{new}")).await?;
    assert_eq!(v["code_lists"], ListId::ALL.len() + 1, "{v}");
    wait_for(Duration::from_secs(20), "the old seizure still at BE", || async {
        let (status, v) = be.get_as("officer", &format!("/api/v1/seizures/{old}")).await?;
        Ok((status == 200 && v["data"]["goods"][0]["commodity"] == "DRUGS.HEROIN").then_some(()))
    })
    .await?;
    // A translation added later shows at the members too.
    let fr = json!({"action": "set_label", "code": NEW_CODE, "lang": "fr", "label": "Nitazènes"});
    assert_eq!(publish(&hub, &fr).await?, 4);
    wait_version(&be, 4).await?;

    // A release signed by another key is refused; nothing changes.
    let rogue = start_node("WCO").await?;
    let (status, v) = rogue.post_as("admin", "/api/v1/code-lists/commodity/changes", &nitazenes()).await?;
    assert_eq!(status, 201, "{v}");
    let forged = release_bytes(&rogue, 2).await?;
    let (status, v) = hand_in(&nl, forged).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("signature"), "{v}");
    assert_eq!(commodity_version(&nl).await?, 4);

    // An older release of the hub, though well signed, is refused; the current one changes nothing.
    let (status, v) = hand_in(&nl, release_bytes(&hub, 2).await?).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("not newer"), "{v}");
    let (status, v) = hand_in(&nl, release_bytes(&hub, 4).await?).await?;
    assert_eq!((status, v["changed"].as_bool()), (200, Some(false)), "{v}");

    // A release signed with the hub's own key that removes a code is refused too.
    let key_bytes: [u8; 32] = std::fs::read(hub.dir.path().join("data").join("node.key"))?
        .try_into()
        .map_err(|_| anyhow::anyhow!("key file"))?;
    let key = ed25519_dalek::SigningKey::from_bytes(&key_bytes);
    let (_, current) = hub.get_as("officer", "/api/v1/code-lists/commodity").await?;
    let mut entries: Vec<ncen_protocol::codelists::CodeEntry> =
        serde_json::from_value(current["entries"].clone())?;
    entries.retain(|e| e.code != "DRUGS.COCAINE.CRACK");
    let removing = CodeListRelease {
        format: RELEASE_FORMAT,
        list: ListId::Commodity,
        version: 5,
        issued_at_ms: 0,
        entries,
    };
    let signed = removing.sign(&key, &hub.peer_id().await?)?;
    let (status, v) = hand_in(&nl, signed).await?;
    assert_eq!(status, 400, "{v}");
    assert!(v.to_string().contains("DRUGS.COCAINE.CRACK") && v.to_string().contains("removed"), "{v}");
    assert_eq!(commodity_version(&nl).await?, 4);
    let (status, v) =
        nl.post_as("officer", "/api/v1/seizures", &seizure("NL-CL-3", "DRUGS.COCAINE.CRACK")).await?;
    assert_eq!(status, 201, "{v}");
    let (_, audit) = nl.get_as("auditor", "/api/v1/audit?limit=500").await?;
    let text = audit.to_string();
    assert!(text.contains("codelists.update") && text.contains("codelists.refused"), "{text}");

    // The versions taken survive a restart, even with the hub away.
    let hub_config = ncen_config::HubConfig { peer_id: hub.peer_id().await?, address: hub.p2p_addr().await? };
    hub.stop().await?;
    let be_dir = be.stop().await?;
    let mut config = config_for(&be_dir.path().join("data"));
    config.hub = Some(hub_config);
    let be = serve(be_dir, "BE", config).await?;
    assert_eq!(commodity_version(&be).await?, 4);
    let (status, v) = be.post_as("officer", "/api/v1/seizures", &seizure("BE-CL-1", NEW_CODE)).await?;
    assert_eq!(status, 201, "{v}");
    for n in [rogue, nl, be] {
        n.stop().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bad_publications_are_refused_with_nothing_stored() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node("NL").await?;
    let path = "/api/v1/code-lists/commodity/changes";
    let mut cases: Vec<(&str, Value, u16, &str)> = Vec::new();
    let mut malformed = nitazenes();
    malformed["code"] = json!("drugs nitazenes");
    cases.push(("malformed code", malformed, 400, "code"));
    let mut missing = nitazenes();
    missing["labels"].as_object_mut().map(|l| l.remove("ar"));
    cases.push(("missing label", missing, 400, "labels.ar"));
    let mut blank = nitazenes();
    blank["labels"]["de"] = json!("   ");
    cases.push(("blank label", blank, 400, "labels.de"));
    let mut unknown_lang = nitazenes();
    unknown_lang["labels"]["zh"] = json!("硝他秦");
    cases.push(("unknown language", unknown_lang, 400, "unknown variant `zh`"));
    let mut no_parent = nitazenes();
    no_parent["parent"] = json!("NARCOTICS");
    cases.push(("missing parent", no_parent, 400, "parent"));
    cases.push((
        "existing code",
        json!({"action": "add_value", "code": "DRUGS.COCAINE", "parent": "DRUGS",
        "labels": nitazenes()["labels"].clone()}),
        400,
        "already exists",
    ));
    cases.push(("unknown code", json!({"action": "deprecate", "code": "DRUGS.NOPE"}), 400, "DRUGS.NOPE"));
    cases.push(("unknown action", json!({"action": "remove", "code": "DRUGS.COCAINE"}), 400, "remove"));
    for (what, body, status, needle) in cases {
        let (got, v) = hub.post_as("admin", path, &body).await?;
        assert_eq!(got, status, "{what}: {v}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains(needle)), "{what}: {v}");
    }
    let (status, v) = hub.post_as("admin", "/api/v1/code-lists/commodities/changes", &nitazenes()).await?;
    assert_eq!(status, 404, "{v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains("commodities")), "{v}");
    let (status, v) = hub.post_as("officer", path, &nitazenes()).await?;
    assert_eq!(status, 403, "{v}");
    let r = hub.http.post(hub.url(path)).json(&nitazenes()).send().await?;
    assert_eq!(r.status().as_u16(), 401);
    let (status, v) = nl.post_as("admin", path, &nitazenes()).await?;
    assert_eq!(status, 409, "a member does not publish: {v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains("hub")), "{v}");
    // A member without a hub cannot take a release either.
    let (status, v) = hand_in(&nl, b"not a release".to_vec()).await?;
    assert_eq!(status, 409, "{v}");

    for node in [&hub, &nl] {
        let (_, v) = node.get_as("officer", "/api/v1/code-lists/commodity").await?;
        assert_eq!(v["version"], 1, "nothing stored at {}: {v}", node.administration);
        assert_eq!(v["history"].as_array().map(Vec::len), Some(0));
    }
    let (_, lists) = hub.get_as("analyst", "/api/v1/code-lists").await?;
    assert_eq!(lists.as_array().map(Vec::len), Some(ListId::ALL.len()), "{lists}");
    let (_, doc) = hub.get_as("analyst", "/api/v1/openapi.json").await?;
    assert!(doc["paths"]["/api/v1/code-lists/{list}/changes"]["post"].is_object());
    hub.stop().await?;
    nl.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_record_using_a_value_not_fetched_yet_waits_and_is_never_lost() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    // BE trusts the hub but is not a member yet: the hub does not talk to it.
    let be = start_node_with("BE", Some(&hub)).await?;
    admit(&hub, &nl).await?;
    add_peer(&nl, &be).await?;
    add_peer(&be, &nl).await?;
    make_agreement(&nl, &be, &["seizures"], "both").await?;
    let before = nl.create_seizure(&seizure("NL-HOLD-0", "DRUGS.COCAINE")).await?;
    assert_eq!(publish(&hub, &nitazenes()).await?, 2);
    wait_version(&nl, 2).await?;
    let held = nl.create_seizure(&seizure("NL-HOLD-1", NEW_CODE)).await?;
    let after = nl.create_seizure(&seizure("NL-HOLD-2", "DRUGS.COCAINE")).await?;
    wait_for(Duration::from_secs(20), "the seizure before it at BE", || async {
        let (status, _) = be.get_as("officer", &format!("/api/v1/seizures/{before}")).await?;
        Ok((status == 200).then_some(()))
    })
    .await?;
    // BE cannot check the new value yet: the record and the ones after it wait.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(commodity_version(&be).await?, 1);
    for id in [&held, &after] {
        let (status, _) = be.get_as("officer", &format!("/api/v1/seizures/{id}")).await?;
        assert_eq!(status, 404, "{id} applied before BE holds the release");
    }
    // Once a member, BE fetches the release and the waiting records arrive, in order.
    admit(&hub, &be).await?;
    wait_version(&be, 2).await?;
    for id in [&held, &after] {
        wait_for(Duration::from_secs(20), "the waiting seizures at BE", || async {
            let (status, _) = be.get_as("officer", &format!("/api/v1/seizures/{id}")).await?;
            Ok((status == 200).then_some(()))
        })
        .await?;
    }
    for n in [hub, nl, be] {
        n.stop().await?;
    }
    Ok(())
}
