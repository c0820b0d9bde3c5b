//! The export of an operation (MISSION O3): NL coordinates an operation with BE; a warning from
//! NL, a feedback and a seizure from BE answering it; NL's supervisor downloads everything as a
//! SQLite database and as an XLSX workbook and finds every message in its table with its link,
//! the code labels in the language asked for, numbers typed as numbers and dates as dates. Only
//! the coordinating administration's coordination unit may export, and every export is audited.

use std::collections::BTreeMap;
use std::time::Duration;

use calamine::{Data, Reader, Xlsx};
use ncen_tests::{PASSWORD, TestNode, start_node, start_node_with, wait_for};
use serde_json::{Value, json};

const SECOND: Duration = Duration::from_secs(1);

async fn admit(hub: &TestNode, member: &TestNode) -> anyhow::Result<()> {
    let body = json!({"administration": member.administration, "peer_id": member.peer_id().await?,
                      "addresses": [member.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    anyhow::ensure!(status == 201, "admitting {} failed: {status} {v}", member.administration);
    Ok(())
}

async fn messages(node: &TestNode, id: &str) -> anyhow::Result<Vec<Value>> {
    let (status, v) = node.get_as("officer", &format!("/api/v1/operations/{id}")).await?;
    anyhow::ensure!(status == 200, "operation at {}: {status} {v}", node.administration);
    Ok(v["messages"].as_array().cloned().unwrap_or_default())
}

/// GET `path` with `token` (none: anonymous): status, headers and body.
async fn download(
    node: &TestNode,
    token: Option<&str>,
    path: &str,
) -> anyhow::Result<(u16, reqwest::header::HeaderMap, Vec<u8>)> {
    let mut req = node.http.get(node.url(path));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let r = req.send().await?;
    Ok((r.status().as_u16(), r.headers().clone(), r.bytes().await?.to_vec()))
}

fn header(headers: &reqwest::header::HeaderMap, name: &str) -> String {
    headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// A browser session of `username` at `node`: the cookie header to send.
async fn browser_session(node: &TestNode, username: &str) -> anyhow::Result<String> {
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
    let cookies_of = |r: &reqwest::Response| -> Vec<(String, String)> {
        r.headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|c| c.split(';').next()?.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())))
            .collect()
    };
    let login = http.get(node.url("/login")).send().await?;
    let mut jar: BTreeMap<String, String> = cookies_of(&login).into_iter().collect();
    let page = login.text().await?;
    let marker = "name=\"_csrf\" value=\"";
    let csrf: String = page
        .find(marker)
        .map(|i| page[i + marker.len()..].chars().take_while(|c| *c != '"').collect())
        .unwrap_or_default();
    anyhow::ensure!(!csrf.is_empty(), "no CSRF token on the login page");
    let cookie = |jar: &BTreeMap<String, String>| {
        jar.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    };
    let r = http
        .post(node.url("/login"))
        .header("cookie", cookie(&jar))
        .form(&[("_csrf", csrf.as_str()), ("username", username), ("password", PASSWORD), ("next", "/")])
        .send()
        .await?;
    anyhow::ensure!(r.status().as_u16() == 303, "login of {username}: {}", r.status());
    jar.extend(cookies_of(&r));
    anyhow::ensure!(jar.contains_key("ncen_session"), "no session cookie after login");
    Ok(cookie(&jar))
}

/// Excel's serial number of 2026-12-05 (days since 1899-12-30).
const DEC_5_2026: f64 = 46361.0;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_coordinator_exports_every_message_with_its_links_labels_and_types() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let be = start_node_with("BE", Some(&hub)).await?;
    for n in [&nl, &be] {
        admit(&hub, n).await?;
    }
    for n in [&nl, &be] {
        wait_for(20 * SECOND, "the member directory", || async {
            let (status, v) = n.get_as("admin", "/api/v1/directory").await?;
            Ok((status == 200 && v["members"].as_array().map(Vec::len) == Some(2)).then_some(()))
        })
        .await?;
    }

    let definition = json!({
        "name": "Operation Harbour Light",
        "purpose": "Cocaine in reefer containers from South America",
        "legal_basis": "Naples II convention, art. 23 (joint special operations)",
        "valid_from": "2026-01-01", "valid_until": "2099-12-31",
        "own_users": ["officer"], "members": [{"administration": "BE", "users": ["officer"]}]
    });
    let (status, op) = nl.post_as("supervisor", "/api/v1/operations", &definition).await?;
    assert_eq!(status, 201, "{op}");
    let id = op["id"].as_str().unwrap_or_default().to_owned();
    wait_for(20 * SECOND, "the invitation at BE", || async {
        let (_, list) = be.get_as("supervisor", "/api/v1/operations").await?;
        Ok(list
            .as_array()
            .is_some_and(|l| l.iter().any(|o| o["operation"]["id"] == id.as_str()))
            .then_some(()))
    })
    .await?;
    let (status, v) =
        be.post_as("supervisor", &format!("/api/v1/operations/{id}/join"), &json!({"accept": true})).await?;
    assert_eq!(status, 200, "{v}");
    wait_for(20 * SECOND, "BE's join at NL", || async {
        let (_, v) = nl.get_as("officer", &format!("/api/v1/operations/{id}")).await?;
        Ok((v["joins"]["BE"]["accept"] == true).then_some(()))
    })
    .await?;

    let warning = json!({"template": "warning", "fields": {
        "summary": "Reefer MSCU1234565: bananas from Guayaquil, check the cooling unit",
        "conveyance_type": "SEA_CONTAINER", "conveyance_identifier": "MSCU1234565",
        "departure": "EC", "destination": "BE", "commodity": "DRUGS.COCAINE",
        "risk_indicators": "New consignee, freight paid in cash"},
        "attachments": [{"name": "manifest.txt", "content_base64": "TVNDVTEyMzQ1NjcgcmVlZmVyLCA0MCBmdA=="}]});
    let (status, sent) =
        nl.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &warning).await?;
    assert_eq!(status, 201, "{sent}");
    let warning_id = sent["id"].as_str().unwrap_or_default().to_owned();
    wait_for(10 * SECOND, "the warning at BE", || async {
        Ok(messages(&be, &id).await?.iter().any(|m| m["message"]["id"] == warning_id.as_str()).then_some(()))
    })
    .await?;
    let (status, v) = be
        .post_as("officer", &format!("/api/v1/operations/{id}/messages/{warning_id}/read"), &json!({}))
        .await?;
    assert_eq!(status, 200, "{v}");

    let feedback = json!({"template": "feedback", "in_reply_to": warning_id, "fields": {
        "summary": "Container scanned at Antwerp: anomaly behind the cooling unit",
        "action_taken": "X-ray scan, then physical examination", "date": "2026-12-05"}});
    let (status, v) = be.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &feedback).await?;
    assert_eq!(status, 201, "{v}");
    let feedback_id = v["id"].as_str().unwrap_or_default().to_owned();
    let seizure = json!({"template": "seizure", "in_reply_to": warning_id, "fields": {
        "summary": "412.5 kg of cocaine behind the cooling unit", "date": "2026-12-05",
        "place_name": "Antwerp, Deurganckdok", "place_country": "BE", "commodity": "DRUGS.COCAINE",
        "quantity": "412.5", "unit": "KGM", "concealment": "FALSE_COMPARTMENT",
        "detection_method": "RISK_PROFILE", "offender_nationality": "NL", "offender_name": "J. Jansen"}});
    let (status, v) = be.post_as("officer", &format!("/api/v1/operations/{id}/messages"), &seizure).await?;
    assert_eq!(status, 201, "{v}");
    let seizure_id = v["id"].as_str().unwrap_or_default().to_owned();

    wait_for(20 * SECOND, "BE's messages and receipts at NL", || async {
        let all = messages(&nl, &id).await?;
        let held =
            [&feedback_id, &seizure_id].iter().all(|x| all.iter().any(|m| m["message"]["id"] == x.as_str()));
        let receipts = all
            .iter()
            .find(|m| m["message"]["id"] == warning_id.as_str())
            .map(|m| m["receipts"]["BE"]["read_ms"].is_i64())
            .unwrap_or(false);
        Ok((held && receipts).then_some(()))
    })
    .await?;

    // The SQLite export, with labels in French.
    let supervisor = nl.token("supervisor").await?;
    let (status, headers, bytes) =
        download(&nl, Some(&supervisor), &format!("/api/v1/operations/{id}/export.sqlite?lang=fr")).await?;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(header(&headers, "content-type"), "application/vnd.sqlite3");
    let short: String = id.chars().take(8).collect();
    assert_eq!(
        header(&headers, "content-disposition"),
        format!("attachment; filename=\"operation-{short}.sqlite\"")
    );
    assert!(bytes.starts_with(b"SQLite format 3\0"), "not a SQLite file");
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("operation.sqlite");
    std::fs::write(&path, &bytes)?;
    let db = rusqlite::Connection::open(&path)?;

    let (name, coordinator, version, from): (String, String, i64, String) = db.query_row(
        "SELECT name, coordinator, version, valid_from FROM operation WHERE id = ?1",
        [&id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    assert_eq!(
        (name.as_str(), coordinator.as_str(), version, from.as_str()),
        ("Operation Harbour Light", "NL", 1, "2026-01-01")
    );
    let members: Vec<(String, String, Option<String>)> = db
        .prepare("SELECT administration, users, answer FROM members ORDER BY administration")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    assert_eq!(
        members,
        [("BE", "officer", "joined"), ("NL", "officer", "joined")].map(|(a, u, j)| (
            a.to_owned(),
            u.to_owned(),
            Some(j.to_owned())
        ))
    );

    let (sender, commodity, commodity_label, departure_label, sent_at): (
        String,
        String,
        String,
        String,
        String,
    ) = db.query_row(
        "SELECT sender, commodity, commodity_label, departure_label, sent_at FROM warnings WHERE id = ?1",
        [&warning_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    assert_eq!(
        (sender.as_str(), commodity.as_str(), commodity_label.as_str(), departure_label.as_str()),
        ("NL", "DRUGS.COCAINE", "Cocaïne", "Équateur")
    );
    assert!(sent_at.starts_with("20") && sent_at.contains('T') && sent_at.ends_with('Z'), "{sent_at}");
    let warnings: i64 = db.query_row("SELECT count(*) FROM warnings", [], |r| r.get(0))?;
    let (file, content): (String, Vec<u8>) =
        db.query_row("SELECT name, content FROM attachments WHERE message_id = ?1", [&warning_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    assert_eq!(
        (file.as_str(), content.as_slice()),
        ("manifest.txt", b"MSCU1234567 reefer, 40 ft".as_slice())
    );
    assert_eq!(warnings, 1);

    let (reply, author, action): (String, String, String) = db.query_row(
        "SELECT in_reply_to, author, action_taken FROM feedbacks WHERE id = ?1 AND sender = 'BE'",
        [&feedback_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    assert_eq!((reply.as_str(), author.as_str()), (warning_id.as_str(), "officer"));
    assert_eq!(action, "X-ray scan, then physical examination");

    let (reply, kind, quantity, unit_label, date, concealment_label, offender): (
        String,
        String,
        f64,
        String,
        String,
        String,
        String,
    ) = db.query_row(
        "SELECT in_reply_to, typeof(quantity), quantity, unit_label, date, concealment_label, offender_name
         FROM seizures WHERE id = ?1",
        [&seizure_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
    )?;
    assert_eq!(reply, warning_id);
    assert_eq!((kind.as_str(), quantity), ("real", 412.5), "quantities are numbers");
    assert_eq!((unit_label.as_str(), date.as_str()), ("Kilogramme (kg)", "2026-12-05"));
    assert_eq!(concealment_label, "Cache aménagée (double fond)");
    assert_eq!(offender, "J. Jansen");
    let declared: String =
        db.query_row("SELECT type FROM pragma_table_info('seizures') WHERE name = 'quantity'", [], |r| {
            r.get(0)
        })?;
    assert_eq!(declared, "REAL");

    // The links are foreign keys, indexed, and none is broken.
    for table in ["feedbacks", "seizures"] {
        let target: String = db.query_row(
            &format!("SELECT \"table\" || '.' || \"to\" FROM pragma_foreign_key_list('{table}') WHERE \"from\" = 'in_reply_to'"),
            [],
            |r| r.get(0),
        )?;
        assert_eq!(target, "warnings.id", "{table}");
        let indexed: i64 = db.query_row(
            &format!("SELECT count(*) FROM pragma_index_list('{table}') l, pragma_index_info(l.name) i WHERE i.name = 'in_reply_to'"),
            [],
            |r| r.get(0),
        )?;
        assert_eq!(indexed, 1, "{table}.in_reply_to is indexed");
    }
    let broken: i64 = db.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
    assert_eq!(broken, 0, "PRAGMA foreign_key_check is empty");

    let (delivered, read): (Option<String>, Option<String>) = db.query_row(
        "SELECT delivered_at, read_at FROM receipts WHERE message_id = ?1 AND administration = 'BE'",
        [&warning_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert!(delivered.is_some() && read.is_some(), "{delivered:?} {read:?}");
    drop(db);

    // The same file read by the sqlite3 command-line tool, where it is installed.
    match std::process::Command::new("sqlite3")
        .arg("-readonly")
        .arg(&path)
        .arg(
            "PRAGMA foreign_key_check; \
             SELECT s.id, typeof(s.quantity), s.quantity, w.commodity_label \
             FROM seizures s JOIN warnings w ON w.id = s.in_reply_to; \
             SELECT count(*) FROM feedbacks f JOIN warnings w ON w.id = f.in_reply_to;",
        )
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "sqlite3: {}", String::from_utf8_lossy(&out.stderr));
            let text = String::from_utf8(out.stdout)?;
            assert_eq!(text, format!("{seizure_id}|real|412.5|Cocaïne\n1\n"), "sqlite3 printed {text:?}");
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("sqlite3 is not installed: the command-line check is skipped");
        }
        Err(e) => return Err(e.into()),
    }

    // The workbook, with labels in English.
    let (status, headers, bytes) =
        download(&nl, Some(&supervisor), &format!("/api/v1/operations/{id}/export.xlsx?lang=en")).await?;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(
        header(&headers, "content-type"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        header(&headers, "content-disposition"),
        format!("attachment; filename=\"operation-{short}.xlsx\"")
    );
    check_workbook(bytes, &warning_id, &feedback_id, &seizure_id)?;

    // The same download from the web UI, with the session of NL's supervisor.
    let cookie = browser_session(&nl, "supervisor").await?;
    let r = nl
        .http
        .get(nl.url(&format!("/operations/{id}/export.xlsx")))
        .header("cookie", &cookie)
        .send()
        .await?;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        header(r.headers(), "content-disposition"),
        format!("attachment; filename=\"operation-{short}.xlsx\"")
    );
    check_workbook(r.bytes().await?.to_vec(), &warning_id, &feedback_id, &seizure_id)?;
    let r = nl
        .http
        .get(nl.url(&format!("/operations/{id}/export.sqlite")))
        .header("cookie", &cookie)
        .send()
        .await?;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.bytes().await?.starts_with(b"SQLite format 3\0"));
    let officer = browser_session(&nl, "officer").await?;
    let r = nl
        .http
        .get(nl.url(&format!("/operations/{id}/export.sqlite")))
        .header("cookie", &officer)
        .send()
        .await?;
    assert_eq!(r.status().as_u16(), 403, "an officer's session may not export");

    // Refusals: an officer, the coordination unit of a member that does not coordinate, an
    // unknown operation, no credentials.
    let path = format!("/api/v1/operations/{id}/export.sqlite");
    let (status, _, _) = download(&nl, Some(&nl.token("officer").await?), &path).await?;
    assert_eq!(status, 403, "an officer may not export");
    let (status, _, body) = download(&be, Some(&be.token("supervisor").await?), &path).await?;
    assert_eq!(
        status,
        403,
        "only the coordinating administration exports: {}",
        String::from_utf8_lossy(&body)
    );
    let (status, _, _) = download(
        &nl,
        Some(&supervisor),
        "/api/v1/operations/01900000-0000-7000-8000-000000000000/export.xlsx",
    )
    .await?;
    assert_eq!(status, 404);
    let (status, _, _) = download(&nl, Some(&supervisor), "/api/v1/operations/not-an-id/export.xlsx").await?;
    assert_eq!(status, 404);
    let (status, _, _) = download(&nl, None, &path).await?;
    assert_eq!(status, 401);

    // Every export is audited with its format and message count; refusals too.
    let (status, audit) = nl.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert_eq!(status, 200, "{audit}");
    let exports: Vec<&Value> = audit
        .as_array()
        .map(|a| a.iter().filter(|e| e["action"] == "operation.export").collect())
        .unwrap_or_default();
    let ok_sqlite = exports
        .iter()
        .filter(|e| e["outcome"] == "ok" && e["actor"] == "supervisor")
        .filter(|e| e["detail"] == "format=sqlite messages=3")
        .count();
    assert_eq!(ok_sqlite, 2, "the API and the UI downloads of the database: {exports:?}");
    assert!(
        exports.iter().any(|e| e["outcome"] == "denied" && e["actor"] == "officer"),
        "the officer's refusal: {exports:?}"
    );
    let (_, audit) = be.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    assert!(
        audit.as_array().is_some_and(|a| a.iter().any(|e| e["action"] == "operation.export"
            && e["outcome"] == "denied"
            && e["actor"] == "supervisor")),
        "BE's refusal is audited at BE"
    );

    for n in [nl, be, hub] {
        n.stop().await?;
    }
    Ok(())
}

/// Reads the workbook back: every sheet, every message with its link, English labels, the
/// quantity as a number and dates as dates.
fn check_workbook(bytes: Vec<u8>, warning: &str, feedback: &str, seizure: &str) -> anyhow::Result<()> {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes))?;
    assert_eq!(
        book.sheet_names(),
        ["Operation", "Members", "Warnings", "Feedbacks", "Seizures", "Receipts", "Attachments"]
    );
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        other => other.to_string(),
    };
    // The sheet's rows as column name → cell.
    let mut rows_of = |sheet: &str| -> anyhow::Result<Vec<BTreeMap<String, Data>>> {
        let range = book.worksheet_range(sheet)?;
        let mut rows = range.rows();
        let header: Vec<String> = rows.next().map(|h| h.iter().map(text).collect()).unwrap_or_default();
        Ok(rows.map(|r| header.iter().cloned().zip(r.iter().cloned()).collect()).collect())
    };
    let operation = rows_of("Operation")?;
    assert_eq!(operation.len(), 1);
    assert_eq!(operation[0]["name"], Data::String("Operation Harbour Light".into()));
    assert!(matches!(operation[0]["valid_from"], Data::DateTime(_)), "{:?}", operation[0]["valid_from"]);
    assert_eq!(rows_of("Members")?.len(), 2);

    let warnings = rows_of("Warnings")?;
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["id"], Data::String(warning.into()));
    assert_eq!(warnings[0]["commodity_label"], Data::String("Cocaine".into()));
    assert_eq!(warnings[0]["departure_label"], Data::String("Ecuador".into()));
    assert!(matches!(warnings[0]["sent_at"], Data::DateTime(_)), "{:?}", warnings[0]["sent_at"]);

    let feedbacks = rows_of("Feedbacks")?;
    assert_eq!(feedbacks.len(), 1);
    assert_eq!(feedbacks[0]["id"], Data::String(feedback.into()));
    assert_eq!(feedbacks[0]["in_reply_to"], Data::String(warning.into()));

    let seizures = rows_of("Seizures")?;
    assert_eq!(seizures.len(), 1);
    let s = &seizures[0];
    assert_eq!(s["id"], Data::String(seizure.into()));
    assert_eq!(s["in_reply_to"], Data::String(warning.into()));
    assert_eq!(s["quantity"], Data::Float(412.5), "the quantity is a number");
    assert_eq!(s["unit_label"], Data::String("Kilogram (kg)".into()));
    match &s["date"] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), DEC_5_2026, "the date is 2026-12-05"),
        other => panic!("the date is not a date: {other:?}"),
    }

    let receipts = rows_of("Receipts")?;
    let read = receipts.iter().find(|r| {
        r["message_id"] == Data::String(warning.into()) && r["administration"] == Data::String("BE".into())
    });
    assert!(read.is_some_and(|r| matches!(r["read_at"], Data::DateTime(_))), "{receipts:?}");
    Ok(())
}
