//! The web UI's security over plain HTTP: headers, cookie attributes, a new session id at every
//! login, authorization of every page on the server, CSRF and cross-site refusals with nothing
//! stored, the second factor at login, and the language chosen by browser, picker or account.

use std::collections::BTreeMap;

use ncen_tests::{PASSWORD, TestNode, start_node};
use reqwest::header::{HeaderMap, SET_COOKIE};

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

    fn set_cookies(&self) -> Vec<String> {
        self.headers.get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
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

#[tokio::test]
async fn pages_carry_strict_headers_and_each_login_opens_a_new_session() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let mut v = Visit::new(&nl)?;
    let login = v.get("/login").await?;
    assert_eq!(login.status, 200);
    let csp = login.headers.get("content-security-policy").and_then(|h| h.to_str().ok()).unwrap_or_default();
    for part in ["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"] {
        assert!(csp.contains(part), "CSP {csp:?} lacks {part}");
    }
    assert_eq!(login.headers["x-frame-options"], "DENY");
    assert_eq!(login.headers["x-content-type-options"], "nosniff");
    assert_eq!(login.headers["cache-control"], "no-store");
    let pre = login.set_cookies().join(" | ");
    assert!(
        pre.contains("ncen_pre=") && pre.contains("HttpOnly") && pre.contains("SameSite=Strict"),
        "{pre}"
    );
    assert!(!pre.contains("Secure"), "no Secure flag over plain HTTP: {pre}");

    // A session id planted before login is never the one used after it.
    v.cookies.insert("ncen_session".into(), "planted-by-someone-else".into());
    let ok = v.login("admin").await?;
    assert_eq!((ok.status, ok.location().as_str()), (303, "/"));
    let set = ok.set_cookies().join(" | ");
    assert!(
        set.contains("ncen_session=") && set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    let first = v.cookies["ncen_session"].clone();
    assert_ne!(first, "planted-by-someone-else");
    assert!(first.len() >= 43, "at least 256 random bits: {first}");
    assert_eq!(v.get("/").await?.status, 200);
    let again = v.get("/login").await?;
    assert_eq!((again.status, again.location().as_str()), (303, "/"), "signed in: the login page sends home");
    v.cookies.remove("ncen_session");
    v.login("admin").await?;
    assert_ne!(v.cookies["ncen_session"], first, "every login gets a new session id");

    // Behind a TLS proxy the cookies are Secure.
    let mut tls = Visit::new(&nl)?;
    tls.headers.push(("x-forwarded-proto", "https".into()));
    let secure = tls.get("/login").await?.set_cookies().join(" | ");
    assert!(secure.contains("Secure"), "{secure}");

    // Logging out ends the session on the server too.
    let token = v.cookies["ncen_session"].clone();
    let out = v.submit("/", "/logout", &[]).await?;
    assert_eq!((out.status, out.location().as_str()), (303, "/login?done=logout"));
    v.cookies.insert("ncen_session".into(), token);
    assert_eq!(v.get("/").await?.status, 303, "the old session id no longer works");
    assert_eq!(v.get("/no-such-page").await?.status, 404);
    Ok(())
}

#[tokio::test]
async fn every_page_checks_the_session_and_the_role_on_the_server() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let pages = ["/", "/peers", "/agreements", "/users", "/audit", "/account"];
    let mut anonymous = Visit::new(&nl)?;
    for page in pages {
        let r = anonymous.get(page).await?;
        assert_eq!(r.status, 303, "{page}");
        assert!(r.location().starts_with("/login?next="), "{page}: {}", r.location());
    }
    let token = anonymous.get("/login").await?.csrf();
    let r = anonymous
        .post("/users", &[("_csrf", &token), ("username", "intruder"), ("role", "administrator")])
        .await?;
    assert_eq!(r.status, 303, "a form without a session leads to the login page");
    let (_, users) = nl.get_as("admin", "/api/v1/users").await?;
    assert!(!users.to_string().contains("intruder"));

    // role → pages it may open; every other page is a 403 page.
    let allowed: [(&str, &[&str]); 5] = [
        ("admin", &["/", "/peers", "/agreements", "/users", "/audit", "/account"]),
        ("ncp", &["/", "/users", "/account"]),
        ("officer", &["/", "/account"]),
        ("analyst", &["/", "/account"]),
        ("auditor", &["/", "/peers", "/agreements", "/audit", "/account"]),
    ];
    for (user, may) in allowed {
        let mut v = Visit::new(&nl)?;
        v.login(user).await?;
        for page in pages {
            let r = v.get(page).await?;
            let expected = if may.contains(&page) { 200 } else { 403 };
            assert_eq!(r.status, expected, "{user} opening {page}");
        }
    }
    // An officer posting to an administrator's form is refused and nothing changes.
    let mut officer = Visit::new(&nl)?;
    officer.login("officer").await?;
    let r = officer
        .submit(
            "/",
            "/users",
            &[("username", "mole"), ("role", "administrator"), ("password", "a long enough password")],
        )
        .await?;
    assert_eq!(r.status, 403);
    let (_, users) = nl.get_as("admin", "/api/v1/users").await?;
    assert!(!users.to_string().contains("mole"));
    Ok(())
}

#[tokio::test]
async fn forms_without_their_token_or_from_another_site_are_refused_and_store_nothing() -> anyhow::Result<()>
{
    let nl = start_node("NL").await?;
    let mut v = Visit::new(&nl)?;
    v.login("admin").await?;
    let fields = [("username", "j.smith"), ("role", "officer"), ("password", "a long initial passphrase")];
    let r = v.post("/users", &fields).await?;
    assert_eq!(r.status, 403, "no token");
    assert!(r.body.contains("did not come from this site"));
    let mut wrong = vec![("_csrf", "0".repeat(64))];
    wrong.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(v.post("/users", &wrong).await?.status, 403, "a wrong token");
    // The pre-login token of another browser is not this session's token.
    let other = Visit::new(&nl)?.get("/login").await?.csrf();
    let mut theirs = vec![("_csrf", other.as_str())];
    theirs.extend_from_slice(&fields);
    assert_eq!(v.post("/users", &theirs).await?.status, 403, "another visitor's token");
    // The right token from another site's page.
    v.headers.push(("origin", "http://evil.example".into()));
    assert_eq!(v.submit("/users", "/users", &fields).await?.status, 403, "cross-site");
    v.headers.clear();
    let huge = "x".repeat(70_000);
    let mut oversized = fields.to_vec();
    oversized.push(("display_name", huge.as_str()));
    assert_eq!(v.submit("/users", "/users", &oversized).await?.status, 400, "oversized form");
    let (_, users) = nl.get_as("admin", "/api/v1/users").await?;
    assert!(!users.to_string().contains("j.smith"), "nothing was created");
    let (_, audit) = nl.get_as("admin", "/api/v1/audit?limit=1000").await?;
    assert!(!audit.to_string().contains("j.smith"));

    let ok = v.submit("/users", "/users", &fields).await?;
    assert_eq!((ok.status, ok.location().as_str()), (303, "/users?done=user-created&who=j.smith"));
    Ok(())
}

fn totp_code(secret: &str, at_secs: u64) -> anyhow::Result<String> {
    let bytes =
        totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let totp =
        totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, Some("nCEN".into()), "admin".into())?;
    Ok(totp.generate(at_secs))
}

#[tokio::test]
async fn a_second_factor_enrolled_in_the_ui_is_asked_at_every_login() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let mut v = Visit::new(&nl)?;
    v.login("admin").await?;
    let setup = v.get("/account?totp=setup").await?;
    assert!(setup.body.contains("data:image/svg+xml;base64,"), "a QR code to scan");
    let marker = "id=\"totp-secret\">";
    let start = setup.body.find(marker).ok_or_else(|| anyhow::anyhow!("no secret shown"))? + marker.len();
    let secret: String = setup.body[start..].chars().take_while(|c| *c != '<').collect();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs();
    let token = setup.csrf();
    let wrong =
        v.post("/account/totp", &[("_csrf", &token), ("secret", &secret), ("code", "12345x")]).await?;
    assert!(wrong.body.contains("id=\"code-error\""), "a wrong code is shown next to the field");
    let code = totp_code(&secret, now)?;
    let on = v.post("/account/totp", &[("_csrf", &token), ("secret", &secret), ("code", &code)]).await?;
    assert_eq!((on.status, on.location().as_str()), (303, "/account?done=totp-on"));

    let mut next = Visit::new(&nl)?;
    let asked = next.login("admin").await?;
    assert_eq!(asked.status, 200);
    assert!(
        asked.body.contains("id=\"totp\"") && asked.body.contains("one-time code"),
        "the code is asked for"
    );
    let base = [("username", "admin"), ("password", PASSWORD), ("next", "/")];
    let mut replay = base.to_vec();
    replay.push(("totp", &code));
    let r = next.submit("/login", "/login", &replay).await?;
    assert!(r.body.contains("wrong or has expired"), "the enrolment code cannot be used twice");
    let later = totp_code(&secret, now + 30)?;
    let mut good = base.to_vec();
    good.push(("totp", &later));
    let r = next.submit("/login", "/login", &good).await?;
    assert_eq!((r.status, r.location().as_str()), (303, "/"));
    Ok(())
}

#[tokio::test]
async fn the_language_follows_the_browser_the_picker_and_then_the_account() -> anyhow::Result<()> {
    let nl = start_node("NL").await?;
    let mut v = Visit::new(&nl)?;
    v.headers.push(("accept-language", "fr-FR,fr;q=0.9,en;q=0.5".into()));
    let page = v.get("/login").await?;
    assert!(page.body.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(page.body.contains("Connexion") || page.body.contains("Se connecter"), "French login page");
    let picked = v.submit("/login", "/language", &[("lang", "ar")]).await?;
    assert_eq!(picked.status, 303);
    let page = v.get("/login").await?;
    assert!(
        page.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "the picker's choice wins over the browser's"
    );
    assert_eq!(v.submit("/login", "/language", &[("lang", "xx")]).await?.status, 400, "unknown language");

    // Signed in, the choice is saved with the account and follows it to another browser.
    v.login("officer").await?;
    v.submit("/", "/language", &[("lang", "ru")]).await?;
    let mut elsewhere = Visit::new(&nl)?;
    elsewhere.login("officer").await?;
    let home = elsewhere.get("/").await?;
    assert!(home.body.contains("<html lang=\"ru\" dir=\"ltr\">"), "the account's language");
    Ok(())
}
