//! The hub's code lists page over plain HTTP: lists and versions shown, the add-value,
//! translation and deprecation forms publish new signed versions (CSRF-checked, refusals shown
//! with nothing stored, administrators only); at a member, the new value shows with its label,
//! leaves the drop-down once deprecated, and an old record keeps showing its deprecated value.

use std::collections::BTreeMap;
use std::time::Duration;

use ncen_tests::{PASSWORD, TestNode, canonical_seizure, start_node, start_node_with, wait_for};
use reqwest::header::{HeaderMap, SET_COOKIE};
use serde_json::json;

/// A browser without a browser: cookies kept by hand, redirects not followed.
struct Visit<'a> {
    node: &'a TestNode,
    http: reqwest::Client,
    cookies: BTreeMap<String, String>,
    headers: Vec<(&'static str, String)>,
}

struct Page {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Page {
    fn location(&self) -> String {
        self.headers.get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned()
    }

    fn csrf(&self) -> String {
        let marker = "name=\"_csrf\" value=\"";
        self.body
            .find(marker)
            .map(|i| self.body[i + marker.len()..].chars().take_while(|c| *c != '"').collect())
            .unwrap_or_default()
    }
}

impl<'a> Visit<'a> {
    fn new(node: &'a TestNode) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
        Ok(Visit { node, http, cookies: BTreeMap::new(), headers: Vec::new() })
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> anyhow::Result<Page> {
        let mut req = req.header("cookie", self.cookie_header());
        for (k, v) in &self.headers {
            req = req.header(*k, v);
        }
        let r = req.send().await?;
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        for c in headers.get_all(SET_COOKIE) {
            let c = c.to_str()?;
            let (pair, _) = c.split_once(';').unwrap_or((c, ""));
            if let Some((k, v)) = pair.split_once('=') {
                if v.is_empty() || c.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        Ok(Page { status, headers, body: r.text().await? })
    }

    async fn get(&mut self, path: &str) -> anyhow::Result<Page> {
        let req = self.http.get(self.node.url(path));
        self.send(req).await
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> anyhow::Result<Page> {
        let req = self.http.post(self.node.url(path)).form(form);
        self.send(req).await
    }

    /// Posts `form` with the CSRF token of the page at `from`.
    async fn submit(&mut self, from: &str, path: &str, form: &[(&str, &str)]) -> anyhow::Result<Page> {
        let token = self.get(from).await?.csrf();
        anyhow::ensure!(!token.is_empty(), "no CSRF token on {from}");
        let mut all = vec![("_csrf", token.as_str())];
        all.extend_from_slice(form);
        self.post(path, &all).await
    }

    async fn login(&mut self, username: &str) -> anyhow::Result<Page> {
        self.submit("/login", "/login", &[("username", username), ("password", PASSWORD), ("next", "/")])
            .await
    }
}

const LABELS: [(&str, &str); 7] = [
    ("label_en", "Nitazenes (synthetic opioids)"),
    ("label_fr", "Nitazènes (opioïdes de synthèse)"),
    ("label_es", "Nitazenos (opioides sintéticos)"),
    ("label_pt", "Nitazenos (opioides sintéticos)"),
    ("label_ru", "Нитазены (синтетические опиоиды)"),
    ("label_de", "Nitazene (synthetische Opioide)"),
    ("label_ar", "النيتازينات (مواد أفيونية اصطناعية)"),
];

async fn version(node: &TestNode) -> anyhow::Result<u64> {
    let (_, v) = node.get_as("officer", "/api/v1/code-lists/commodity").await?;
    Ok(v["version"].as_u64().unwrap_or(0))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_hub_publishes_code_list_changes_from_its_page() -> anyhow::Result<()> {
    let hub = start_node("WCO").await?;
    let nl = start_node_with("NL", Some(&hub)).await?;
    let body =
        json!({"administration": "NL", "peer_id": nl.peer_id().await?, "addresses": [nl.p2p_addr().await?]});
    let (status, v) = hub.post_as("admin", "/api/v1/directory/members", &body).await?;
    assert_eq!(status, 201, "{v}");
    let mut old = canonical_seizure("NL-UI-OLD");
    old["goods"][0]["commodity"] = json!("DRUGS.HEROIN");
    let old = nl.create_seizure(&old).await?;

    let mut admin = Visit::new(&hub)?;
    assert_eq!(admin.login("admin").await?.status, 303);
    let index = admin.get("/code-lists").await?;
    assert_eq!(index.status, 200);
    assert!(index.body.contains("data-list=\"commodity\"") && index.body.contains("href=\"/code-lists\""));
    let page = admin.get("/code-lists/commodity").await?;
    assert_eq!(page.status, 200);
    for form in ["add-value-form", "label-form", "deprecate-form"] {
        assert!(page.body.contains(form), "no {form}");
    }
    assert!(page.body.contains("id=\"no-versions\""));

    // Without the CSRF token, or with a label missing: nothing is published.
    let mut add: Vec<(&str, &str)> =
        vec![("code", "DRUGS.NITAZENES"), ("parent", "DRUGS"), ("hs_chapters", "29")];
    add.extend(LABELS);
    let forged = admin.post("/code-lists/commodity/add", &add).await?;
    assert_eq!(forged.status, 403);
    let partial: Vec<(&str, &str)> = add.iter().copied().filter(|(k, _)| *k != "label_ar").collect();
    let refused = admin.submit("/code-lists/commodity", "/code-lists/commodity/add", &partial).await?;
    assert_eq!(refused.status, 200);
    assert!(refused.body.contains("ar label"), "the refusal names the label");
    assert!(
        refused.body.contains("value=\"Nitazenes (synthetic opioids)\""),
        "the form keeps what was typed"
    );
    assert_eq!(version(&hub).await?, 1);

    // An officer cannot publish, nor see the page.
    let mut officer = Visit::new(&hub)?;
    assert_eq!(officer.login("officer").await?.status, 303);
    assert_eq!(officer.get("/code-lists").await?.status, 403);
    assert_eq!(officer.submit("/", "/code-lists/commodity/add", &add).await?.status, 403);
    assert_eq!(version(&hub).await?, 1);

    // Add, translate, deprecate: three signed versions.
    let done = admin.submit("/code-lists/commodity", "/code-lists/commodity/add", &add).await?;
    assert_eq!((done.status, done.location().as_str()), (303, "/code-lists/commodity?version=2"));
    let shown = admin.get(&done.location()).await?;
    assert!(
        shown.body.contains("data-version=\"2\"") && shown.body.contains("data-code=\"DRUGS.NITAZENES\"")
    );
    let label = [("code", "DRUGS.NITAZENES"), ("lang", "de"), ("label", "Nitazene")];
    let done = admin.submit("/code-lists/commodity", "/code-lists/commodity/label", &label).await?;
    assert_eq!(done.location(), "/code-lists/commodity?version=3");
    let deprecate = [("code", "DRUGS.HEROIN")];
    let done = admin.submit("/code-lists/commodity", "/code-lists/commodity/deprecate", &deprecate).await?;
    assert_eq!(done.location(), "/code-lists/commodity?version=4");
    let again = admin.submit("/code-lists/commodity", "/code-lists/commodity/deprecate", &deprecate).await?;
    assert!(again.body.contains("already deprecated"));
    assert_eq!(version(&hub).await?, 4);

    // At the member: the new value is offered and labelled, the deprecated one is not offered
    // but the old record still shows it.
    wait_for(Duration::from_secs(20), "version 4 at NL", || async {
        Ok((version(&nl).await? == 4).then_some(()))
    })
    .await?;
    let mut new = canonical_seizure("NL-UI-NEW");
    new["goods"][0]["commodity"] = json!("DRUGS.NITAZENES");
    let new = nl.create_seizure(&new).await?;
    let mut member = Visit::new(&nl)?;
    assert_eq!(member.login("officer").await?.status, 303);
    let form = member.get("/records/seizures/new").await?;
    assert!(form.body.contains("value=\"DRUGS.NITAZENES\""));
    assert!(!form.body.contains("value=\"DRUGS.HEROIN\""));
    let page = member.get(&format!("/records/seizures/{new}")).await?;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Nitazenes (synthetic opioids)"));
    let page = member.get(&format!("/records/seizures/{old}")).await?;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Heroin (deprecated)"), "the old record shows its deprecated value");
    for n in [hub, nl] {
        n.stop().await?;
    }
    Ok(())
}
