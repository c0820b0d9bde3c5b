//! Uploads at the WCO hub on behalf of a member without a node (MISSION C2), black box: an XLSX
//! workbook and a ZIP of CSV files with good and bad rows stored as CEN projections of that
//! member, signed by the hub, counted by the statistics, reported row by row; a second upload
//! updating instead of duplicating; nothing nominal of the files anywhere in the hub's answers
//! or store; and the refusals, with nothing stored: a member with a node, an unknown code, no
//! token, a role without the right, a file that is not a template, an oversized one, a national
//! node. Also: photos of goods kept and photos of persons not, the hub's upload page, the command
//! line, and 20,000 rows in one upload. The files are built in `support/hub_files.rs`.

use std::time::Duration;

use anyhow::{Context, ensure};
use ncen_node::store::Cf;
use ncen_tests::{PASSWORD, TestNode, start_node, wait_for};
use serde_json::{Value, json};

#[path = "support/hub_files.rs"]
mod hub_files;

use hub_files::{MEMBER, NOMINAL, XLSX, big_workbook, csrf, multipart, png, sha, workbook, zip_of_csv};

async fn post_upload(
    hub: &TestNode,
    user: Option<&str>,
    query: &str,
    content_type: &str,
    body: Vec<u8>,
) -> anyhow::Result<(u16, Value)> {
    let mut req = hub
        .http
        .post(hub.url(&format!("/api/v1/cen/uploads{query}")))
        .header("content-type", content_type)
        .body(body);
    if let Some(user) = user {
        req = req.bearer_auth(hub.cached_token(user).await?);
    }
    let r = req.send().await?;
    let status = r.status().as_u16();
    Ok((status, r.json().await.unwrap_or(Value::Null)))
}

/// Uploads as the hub's administrator and waits for the job's end; returns its report.
async fn upload(hub: &TestNode, query: &str, content_type: &str, body: Vec<u8>) -> anyhow::Result<Value> {
    let (status, started) = post_upload(hub, Some("admin"), query, content_type, body).await?;
    ensure!(status == 202, "upload not started: {status} {started}");
    let job = started["job"].as_str().context("no job id")?.to_owned();
    let done = wait_for(Duration::from_secs(60), "the upload to end", || async {
        let (status, v) = hub.get_as("admin", &format!("/api/v1/cen/uploads/{job}")).await?;
        ensure!(status == 200, "{status} {v}");
        Ok((v["state"] != "running").then_some(v))
    })
    .await?;
    ensure!(done["state"] == "done", "{done}");
    ensure!(done["administration"] == MEMBER, "{done}");
    Ok(done["report"].clone())
}

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or(u64::MAX)
}

/// The member's seizures at the hub, by the analyst.
async fn cen_of(hub: &TestNode, origin: &str) -> anyhow::Result<Value> {
    let (status, page) =
        hub.get_as("analyst", &format!("/api/v1/cen/seizures?origin={origin}&limit=500")).await?;
    ensure!(status == 200, "{status} {page}");
    Ok(page)
}

fn no_nominal(what: &str, text: &str) -> anyhow::Result<()> {
    for value in NOMINAL {
        ensure!(!text.contains(value), "{what} holds {value:?}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_for_a_member_without_node_keep_only_the_projection_signed_by_the_hub() -> anyhow::Result<()>
{
    let hub = start_node("WCO").await?;
    let (status, list) = hub.get_as("admin", "/api/v1/cen/uploads/administrations").await?;
    ensure!(status == 200, "{status} {list}");
    ensure!(list["administrations"].as_array().is_some_and(|a| a.contains(&json!(MEMBER))), "{list}");
    let query = format!("?administration={MEMBER}");

    // A dry run reports everything and stores nothing.
    let dry = upload(&hub, &format!("{query}&dry_run=true"), XLSX, workbook(1.5)?).await?;
    ensure!(dry["dry_run"] == true && n(&dry["seizures"]["valid"]) == 2 && n(&dry["created"]) == 0, "{dry}");
    ensure!(n(&cen_of(&hub, MEMBER).await?["total"]) == 0, "a dry run stored something");

    // The workbook: the good rows stored for the member, the bad ones reported by row and column.
    let report = upload(&hub, &query, XLSX, workbook(1.5)?).await?;
    let s = &report["seizures"];
    ensure!((n(&s["read"]), n(&s["valid"]), n(&s["invalid"]), n(&s["created"])) == (4, 2, 2, 2), "{report}");
    let on_behalf = &report["on_behalf"];
    ensure!(on_behalf["administration"] == MEMBER && on_behalf["signed_by"] == "WCO", "{report}");
    ensure!(n(&on_behalf["suspects_ignored"]) == 1 && n(&on_behalf["companies_ignored"]) == 1, "{report}");
    let refused: Vec<(String, u64, String)> = report["invalid_rows"]
        .as_array()
        .context("no invalid_rows")?
        .iter()
        .map(|e| {
            (
                e["sheet"].as_str().unwrap_or("").into(),
                n(&e["row"]),
                e["column"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    ensure!(
        refused == [("Seizures".into(), 4, "place.country".into()), ("Seizures".into(), 5, "date".into())],
        "{refused:?}"
    );
    let page = cen_of(&hub, MEMBER).await?;
    ensure!(n(&page["total"]) == 2, "{page}");
    let items = page["items"].as_array().context("no items")?;
    ensure!(items.iter().all(|i| i["origin"] == MEMBER && i["revision"] == 1), "{page}");
    let first = items.iter().find(|i| i["date"] == "2026-02-03").context("the first seizure")?;
    ensure!(first["offenders"][0]["nationality"] == "GM" && first["offenders"][0]["age_band"] == "25-34");
    ensure!(first["conveyance_type"] == "TRUCK" && first["place"]["name"] == "Banjul port", "{first}");
    let first_id = first["id"].as_str().context("id")?.to_owned();

    // The same file again: nothing new; a changed quantity: a new revision of the same record.
    let again = upload(&hub, &query, XLSX, workbook(1.5)?).await?;
    ensure!(n(&again["seizures"]["created"]) == 0 && n(&again["seizures"]["existing"]) == 2, "{again}");
    let changed = upload(&hub, &query, XLSX, workbook(7.25)?).await?;
    ensure!(
        n(&changed["on_behalf"]["updated"]) == 1 && n(&changed["seizures"]["existing"]) == 1,
        "{changed}"
    );
    let page = cen_of(&hub, MEMBER).await?;
    ensure!(n(&page["total"]) == 2, "duplicated: {page}");
    let first =
        page["items"].as_array().and_then(|a| a.iter().find(|i| i["id"] == first_id.as_str()).cloned());
    let first = first.context("the first seizure kept its id")?;
    ensure!(first["revision"] == 2 && first["goods"][0]["quantity"] == 7.25, "{first}");

    // CSV files in a ZIP: the good row stored, the bad unit reported.
    let zipped = upload(&hub, &query, "application/zip", zip_of_csv()?).await?;
    ensure!(n(&zipped["seizures"]["created"]) == 1 && n(&zipped["seizures"]["invalid"]) == 1, "{zipped}");
    let bad = &zipped["invalid_rows"][0];
    ensure!(bad["sheet"] == "Goods" && bad["row"] == 3 && bad["column"] == "unit", "{zipped}");
    // A CSV file of seizures alone: every row lacks its goods, nothing is stored.
    let csv = "national_reference,date,place.location_type,place.country,direction,detection_method\n\
               GM-CSV-0009,2026-01-30,LAND_BORDER,GM,IMPORT,DOG\n";
    let only_bad =
        upload(&hub, &format!("{query}&sheet=seizures"), "text/csv", csv.as_bytes().to_vec()).await?;
    ensure!(n(&only_bad["seizures"]["invalid"]) == 1 && n(&only_bad["created"]) == 0, "{only_bad}");

    let page = cen_of(&hub, MEMBER).await?;
    ensure!(n(&page["total"]) == 3, "{page}");
    let (status, stats) = hub.get_as("analyst", &format!("/api/v1/cen/statistics?origin={MEMBER}")).await?;
    ensure!(status == 200 && n(&stats["totals"]["seizures"]) == 3, "{status} {stats}");
    ensure!(stats["totals"]["quantities"]["KGM"] == 9.25, "{stats}");

    // Who uploaded what for whom is audited; nothing nominal is in any answer.
    let (status, audit) = hub.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    ensure!(status == 200, "{status}");
    let uploads: Vec<&Value> =
        audit.as_array().context("no audit items")?.iter().filter(|e| e["action"] == "cen.upload").collect();
    ensure!(uploads.len() == 3, "one entry per upload that stored something: {uploads:?}");
    ensure!(
        uploads.iter().all(|e| e["actor"] == "admin"
            && e["detail"]
                .as_str()
                .is_some_and(|d| d.contains("administration=GM") && d.contains("signed_by=WCO"))),
        "{uploads:?}"
    );
    for (what, text) in [
        ("the CEN search", page.to_string()),
        ("the statistics", stats.to_string()),
        ("the audit log", audit.to_string()),
        ("the reports", format!("{report}{again}{changed}{zipped}{only_bad}")),
    ] {
        no_nominal(what, &text)?;
    }

    // In the store: no nominal byte anywhere; the head says the hub signed, and its envelope
    // verifies with the hub's key under the content type of uploads on behalf of a member.
    let peer_id = hub.peer_id().await?;
    let dir = hub.stop().await?;
    let opened = ncen_node::app::open(&dir.path().join("data"))?;
    let store = opened.store();
    let mut kept = false;
    for cf in Cf::ALL {
        for entry in store.iter_from(cf, &[], true) {
            let (key, value) = entry?;
            // The scan sees what is stored: the place's name is non-nominal and kept.
            kept |= cf == Cf::Cen && value.windows(11).any(|w| w == b"Banjul port");
            for bytes in [&key[..], &value[..]] {
                for marker in NOMINAL {
                    ensure!(
                        !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                        "{marker:?} stored in {}",
                        cf.name()
                    );
                }
            }
        }
    }
    ensure!(kept, "the projection is not in the CEN column family");
    let cen = ncen_node::cen::CenDb::new(store.clone());
    let head = cen.head(first_id.parse()?)?.context("no head")?;
    ensure!(head.origin == MEMBER && head.signed_by.as_deref() == Some("WCO") && head.revision == 2);
    let verified = ncen_protocol::envelope::verify_from(
        &head.envelope,
        &opened.identity.verifying_key(),
        peer_id.as_bytes(),
        1 << 20,
    )?;
    ensure!(verified.content_type.as_deref() == Some(ncen_protocol::projection::CONTENT_TYPE_CEN_ON_BEHALF));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_uploads_store_nothing() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let member = ncen_node::identity::Identity::generate()?;
    let body = json!({"administration": "BE", "peer_id": member.peer_id(), "addresses": ["/ip4/127.0.0.1/tcp/4999"]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    ensure!(status == 201, "{status} {v}");
    let file = workbook(1.0)?;

    let (status, v) = post_upload(&hub, Some("admin"), "?administration=BE", XLSX, file.clone()).await?;
    ensure!(status == 409 && v["error"]["code"] == "member_has_node", "{status} {v}");
    ensure!(v["error"]["message"].as_str().is_some_and(|m| m.contains("its node sends its own")), "{v}");
    let (_, list) = hub.get_as("admin", "/api/v1/cen/uploads/administrations").await?;
    ensure!(list["administrations"].as_array().is_some_and(|a| !a.contains(&json!("BE"))), "{list}");
    for code in ["XX", "WCO", "gmb", ""] {
        let (status, v) =
            post_upload(&hub, Some("admin"), &format!("?administration={code}"), XLSX, file.clone()).await?;
        ensure!(status == 400 && v["error"]["code"] == "unknown_administration", "{code}: {status} {v}");
    }
    let (status, v) = post_upload(&hub, Some("admin"), "", XLSX, file.clone()).await?;
    ensure!(
        status == 400 && v["error"]["message"].as_str().is_some_and(|m| m.contains("administration")),
        "{v}"
    );
    let (status, _) = post_upload(&hub, None, "?administration=GM", XLSX, file.clone()).await?;
    ensure!(status == 401, "no token: {status}");
    for user in ["analyst", "officer", "supervisor", "auditor", "ncp"] {
        let (status, v) = post_upload(&hub, Some(user), "?administration=GM", XLSX, file.clone()).await?;
        ensure!(status == 403, "{user}: {status} {v}");
        let (status, _) = hub.get_as(user, "/api/v1/cen/uploads/administrations").await?;
        ensure!(status == 403, "{user} lists administrations: {status}");
    }
    let (status, v) =
        post_upload(&hub, Some("admin"), "?administration=GM", XLSX, b"PK\x03\x04 not a workbook".to_vec())
            .await?;
    ensure!(status == 400 && v["error"]["code"] == "invalid_file", "{status} {v}");
    let (status, v) =
        post_upload(&hub, Some("admin"), "?administration=GM", "text/plain", file.clone()).await?;
    ensure!(status == 415, "{status} {v}");
    let oversized = vec![b'x'; ncen_node::import::MAX_FILE_BYTES + 1];
    let (status, _) = post_upload(&hub, Some("admin"), "?administration=GM", XLSX, oversized).await?;
    ensure!(status == 413, "oversized: {status}");
    let (status, v) = hub.get_as("admin", "/api/v1/cen/uploads/0190a000-0000-7000-8000-000000000000").await?;
    ensure!(status == 404, "{status} {v}");

    let (_, page) = hub.get_as("analyst", "/api/v1/cen/seizures").await?;
    ensure!(n(&page["total"]) == 0, "{page}");
    let (_, audit) = hub.get_as("auditor", "/api/v1/audit?limit=1000").await?;
    let audit = audit.to_string();
    ensure!(
        !audit.contains("cen.upload") && !audit.contains("import.start"),
        "a refused upload left a trace of a job"
    );
    let (_, doc) = hub.get_as("admin", "/api/v1/openapi.json").await?;
    for path in ["/api/v1/cen/uploads", "/api/v1/cen/uploads/{job}", "/api/v1/cen/uploads/administrations"] {
        ensure!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
    }
    for schema in ["MemberAdministrations", "OnBehalf", "JobView"] {
        ensure!(doc["components"]["schemas"].get(schema).is_some(), "schema {schema} missing");
    }
    hub.stop().await?;

    // A national node sends its own data: it takes no upload on behalf of another member.
    let node = start_node("NL").await?;
    let (status, v) = post_upload(&node, Some("admin"), "?administration=GM", XLSX, workbook(1.0)?).await?;
    ensure!(status == 404, "{status} {v}");
    ensure!(v["error"]["message"].as_str().is_some_and(|m| m.contains("WCO hub only")), "{v}");
    let (status, _) = node.get_as("admin", "/api/v1/cen/uploads/administrations").await?;
    ensure!(status == 404);
    node.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hub_upload_page_offers_the_members_without_node_and_reports_the_job() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
    let login_page = http.get(hub.url("/login")).send().await?;
    let cookies: Vec<String> = login_page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .collect();
    let token = csrf(&login_page.text().await?);
    let form = [("_csrf", token.as_str()), ("username", "admin"), ("password", PASSWORD), ("next", "/")];
    let r = http.post(hub.url("/login")).header("cookie", cookies.join("; ")).form(&form).send().await?;
    ensure!(r.status() == 303, "login: {}", r.status());
    let session: Vec<String> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .collect();
    let mut jar = std::collections::BTreeMap::new();
    for c in cookies.iter().chain(&session) {
        if let Some((k, v)) = c.split_once('=') {
            jar.insert(k.to_owned(), v.to_owned());
        }
    }
    let cookie = jar.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");

    let page = http.get(hub.url("/import")).header("cookie", &cookie).send().await?;
    ensure!(page.status() == 200, "{}", page.status());
    let page = page.text().await?;
    ensure!(
        page.contains("id=\"administration\"") && page.contains("value=\"GM\""),
        "no administration choice"
    );
    ensure!(page.contains("id=\"nav-import\""), "the hub's administrator has no upload entry");

    let (content_type, body) =
        multipart(&[("_csrf", &csrf(&page)), ("administration", MEMBER)], ("seizures.xlsx", &workbook(1.5)?));
    let r = http
        .post(hub.url("/import"))
        .header("cookie", &cookie)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await?;
    ensure!(r.status() == 303, "upload: {}", r.status());
    let job = r.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    ensure!(job.starts_with("/import/"), "{job}");
    let done = wait_for(Duration::from_secs(30), "the job page's report", || async {
        let text = http.get(hub.url(&job)).header("cookie", &cookie).send().await?.text().await?;
        Ok(text.contains("id=\"import-done\"").then_some(text))
    })
    .await?;
    ensure!(
        done.contains("id=\"hub-upload-for\"") && done.contains("Gambia"),
        "no administration on the report"
    );
    ensure!(done.contains("id=\"import-invalid\"") && done.contains("place.country"), "no refused rows");
    ensure!(done.contains("id=\"hub-upload-ignored\""), "no ignored counts");
    no_nominal("the job page", &done)?;

    // Without an administration, the form says what is missing; nothing starts.
    let page = http.get(hub.url("/import")).header("cookie", &cookie).send().await?.text().await?;
    let (content_type, body) = multipart(&[("_csrf", &csrf(&page))], ("seizures.xlsx", &workbook(1.5)?));
    let r = http
        .post(hub.url("/import"))
        .header("cookie", &cookie)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await?;
    ensure!(r.status() == 200 && r.text().await?.contains("import-error"), "no error shown");
    hub.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_thousand_rows_for_a_member_are_stored_in_one_batch_and_once() -> anyhow::Result<()> {
    const ROWS: usize = 20_000;
    let hub = start_node("WCO").await?;
    let file = big_workbook(ROWS)?;
    let query = format!("?administration={MEMBER}");
    let started = std::time::Instant::now();
    let report = upload(&hub, &query, XLSX, file.clone()).await?;
    let first = started.elapsed();
    ensure!(
        n(&report["seizures"]["created"]) == ROWS as u64 && n(&report["invalid_rows_total"]) == 0,
        "{report}"
    );
    let started = std::time::Instant::now();
    let again = upload(&hub, &query, XLSX, file).await?;
    let second = started.elapsed();
    ensure!(n(&again["seizures"]["existing"]) == ROWS as u64 && n(&again["created"]) == 0, "{again}");
    eprintln!(
        "upload of {ROWS} seizures for {MEMBER}: {first:.1?} ({:.0}/s); again, unchanged: {second:.1?}",
        ROWS as f64 / first.as_secs_f64()
    );
    let (status, stats) = hub.get_as("analyst", &format!("/api/v1/cen/statistics?origin={MEMBER}")).await?;
    ensure!(status == 200 && n(&stats["totals"]["seizures"]) == ROWS as u64, "{stats}");
    hub.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_of_goods_are_kept_and_photos_of_persons_are_not() -> anyhow::Result<()> {
    use std::io::Write as _;
    let hub = start_node("WCO").await?;
    let (xray, face) = (png(1)?, png(2)?);
    let photos = format!(
        "collection,national_reference,kind,sha256,media_type,caption\n\
         seizures,GM-PH-1,XRAY,{},image/png,scan of the truck\n\
         seizures,GM-PH-1,PERSON,{},image/png,the driver zq\n\
         suspects,SUS-ZQ-9,PERSON,{},image/png,\n",
        sha(&xray),
        sha(&face),
        sha(&face)
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("seizures.csv", "national_reference,date,place.location_type,place.country,direction,detection_method\nGM-PH-1,2026-01-30,SEAPORT,GM,IMPORT,XRAY_SCAN\n".as_bytes()),
        ("goods.csv", b"national_reference,commodity,quantity,unit\nGM-PH-1,DRUGS.COCAINE,3,KGM\n".as_slice()),
        ("photos.csv", photos.as_bytes()),
        ("photos/xray.png", &xray),
        ("photos/face.png", &face),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(data)?;
    }
    let body = zip.finish()?.into_inner();
    let dry =
        upload(&hub, &format!("?administration={MEMBER}&dry_run=true"), "application/zip", body.clone())
            .await?;
    ensure!(n(&dry["photos"]["valid"]) == 1 && n(&dry["photos"]["created"]) == 0, "{dry}");
    let (status, _, _) = hub.get_bytes_as("analyst", &format!("/api/v1/photos/{}", sha(&xray))).await?;
    ensure!(status == 404, "a dry run stored a photo");
    let report = upload(&hub, &format!("?administration={MEMBER}"), "application/zip", body).await?;
    ensure!(
        n(&report["photos"]["created"]) == 1 && n(&report["on_behalf"]["photos_ignored"]) == 1,
        "{report}"
    );
    ensure!(
        n(&report["invalid_rows_total"]) == 0,
        "a suspect's photo row is not the hub's business: {report}"
    );
    let page = cen_of(&hub, MEMBER).await?;
    let kept = &page["items"][0]["photos"];
    ensure!(kept.as_array().map(Vec::len) == Some(1) && kept[0]["kind"] == "XRAY", "{page}");
    ensure!(!page.to_string().contains("zq") && !page.to_string().contains("scan of the truck"), "{page}");
    let (status, _, bytes) = hub.get_bytes_as("analyst", &format!("/api/v1/photos/{}", sha(&xray))).await?;
    ensure!(status == 200 && bytes == xray, "the X-ray image: {status}");
    let (status, _, _) = hub.get_bytes_as("analyst", &format!("/api/v1/photos/{}", sha(&face))).await?;
    ensure!(status == 404, "the photo of a person is at the hub: {status}");
    hub.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_uploads_for_a_member_at_the_hub() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("gm.xlsx");
    std::fs::write(&file, workbook(1.5)?)?;
    let options = ncen_node::import::client::Options {
        url: hub.base.clone(),
        username: "admin".into(),
        password: PASSWORD.into(),
        totp: None,
        dry_run: false,
        sheet: None,
        file,
        for_member: Some(MEMBER.into()),
    };
    let code = ncen_node::import::client::run(options).await?;
    ensure!(code == 2, "two rows are refused: exit code {code}");
    ensure!(n(&cen_of(&hub, MEMBER).await?["total"]) == 2);
    hub.stop().await?;
    Ok(())
}
