//! A real headless Chromium driven over WebDriver (Debian's `chromium` and `chromium-driver`):
//! one chromedriver per test on a free port (plain HTTP on loopback), a fresh profile,
//! screenshots saved as artifacts.
// Each browser test crate includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::Context;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// Browser tests start a browser each; they take turns so that two cores are enough.
pub static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn program(env: &str, default: &str) -> anyhow::Result<PathBuf> {
    let path = PathBuf::from(std::env::var(env).unwrap_or_else(|_| default.to_owned()));
    anyhow::ensure!(
        path.exists(),
        "{} not found: browser tests need Debian's chromium and chromium-driver \
         (scripts/prerequisites.sh installs them), or {env} set to another path",
        path.display()
    );
    Ok(path)
}

/// Where screenshots go: `$NCEN_SCREENSHOTS`, or `ui-screenshots` in the target directory.
pub fn screenshot_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("NCEN_SCREENSHOTS") {
        return PathBuf::from(dir);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("ui-screenshots")
}

/// A browser session; the driver process ends with it.
#[derive(Debug)]
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> anyhow::Result<Browser> {
        let driver_path = program("NCEN_CHROMEDRIVER", "/usr/bin/chromedriver")?;
        let chromium = program("NCEN_CHROMIUM", "/usr/bin/chromium")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {}", driver_path.display()))?;
        let profile = tempfile::tempdir()?;
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,960",
                    "--lang=en-US", format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new()).capabilities(caps.clone()).connect(&url).await {
                Ok(client) => return Ok(Browser { client, driver, _profile: profile }),
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = driver.kill();
        Err(anyhow::anyhow!("chromedriver did not answer: {last:?}"))
    }

    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.client.goto(url).await.with_context(|| format!("open {url}"))
    }

    /// The element `selector`, waiting up to five seconds for it to appear.
    pub async fn css(&self, selector: &str) -> anyhow::Result<Element> {
        let found =
            self.client.wait().at_most(Duration::from_secs(5)).for_element(Locator::Css(selector)).await;
        let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        found.with_context(|| format!("no {selector} on {url}"))
    }

    pub async fn has(&self, selector: &str) -> anyhow::Result<bool> {
        Ok(!self.client.find_all(Locator::Css(selector)).await?.is_empty())
    }

    pub async fn text(&self, selector: &str) -> anyhow::Result<String> {
        Ok(self.css(selector).await?.text().await?)
    }

    pub async fn fill(&self, selector: &str, value: &str) -> anyhow::Result<()> {
        let e = self.css(selector).await?;
        e.clear().await?;
        e.send_keys(value).await?;
        Ok(())
    }

    /// Clicks something that loads a page (a link, a form's button) and waits for the new page.
    pub async fn click(&self, selector: &str) -> anyhow::Result<()> {
        let element = self.css(selector).await?;
        self.js("window.__ncenPrevious = true").await?;
        element.click().await?;
        self.wait_for_new_page().await
    }

    /// Waits until the page that was shown has been replaced and the new one is loaded.
    pub async fn wait_for_new_page(&self) -> anyhow::Result<()> {
        let check = "return window.__ncenPrevious === undefined && document.readyState === 'complete'";
        for _ in 0..200 {
            if self.js(check).await.ok() == Some(serde_json::Value::Bool(true)) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        anyhow::bail!("no new page was loaded within ten seconds")
    }

    pub async fn path(&self) -> anyhow::Result<String> {
        let url = self.client.current_url().await?;
        Ok(match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        })
    }

    pub async fn js(&self, script: &str) -> anyhow::Result<serde_json::Value> {
        Ok(self.client.execute(script, Vec::new()).await?)
    }

    /// Logs in through the login form.
    pub async fn login(&self, base: &str, username: &str, password: &str) -> anyhow::Result<()> {
        self.goto(&format!("{base}/login")).await?;
        self.fill("#username", username).await?;
        self.fill("#password", password).await?;
        self.click("#login-submit").await
    }

    pub async fn logout(&self) -> anyhow::Result<()> {
        self.click("#logout").await
    }

    /// Downloads what the link `selector` points to, with this browser's session, as a file
    /// download would (WebDriver does not hand downloads over).
    pub async fn download(&self, base: &str, selector: &str) -> anyhow::Result<Vec<u8>> {
        let href = self.css(selector).await?.attr("href").await?.unwrap_or_default();
        let cookie = self.client.get_named_cookie("ncen_session").await?;
        let response = reqwest::Client::new()
            .get(format!("{base}{href}"))
            .header("cookie", format!("ncen_session={}", cookie.value()))
            .send()
            .await?;
        anyhow::ensure!(response.status().is_success(), "{href}: {}", response.status());
        Ok(response.bytes().await?.to_vec())
    }

    /// Saves a PNG of the page as `name.png` among the test artifacts.
    pub async fn screenshot(&self, name: &str) -> anyhow::Result<PathBuf> {
        let png = self.client.screenshot().await?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    pub async fn close(mut self) -> anyhow::Result<()> {
        let result = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        result.map_err(Into::into)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
