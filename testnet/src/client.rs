//! A small REST client for one node: logs in once per account and sends JSON requests, turning
//! the node's error answers into errors that name the request.

use std::collections::HashMap;
use std::sync::Mutex;

use anyhow::Context;
use serde_json::{Value, json};

/// The password every demo account of a local federation gets.
pub const DEMO_PASSWORD: &str = "ncen demo passphrase";

/// A node's API at `base` (e.g. `http://127.0.0.1:8081`).
#[derive(Debug)]
pub struct Client {
    pub base: String,
    http: reqwest::Client,
    tokens: Mutex<HashMap<String, String>>,
}

impl Client {
    pub fn new(base: impl Into<String>) -> Client {
        Client { base: base.into(), http: reqwest::Client::new(), tokens: Mutex::default() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn token(&self, user: &str) -> anyhow::Result<String> {
        if let Some(t) = self.tokens.lock().map_err(|_| anyhow::anyhow!("token cache poisoned"))?.get(user) {
            return Ok(t.clone());
        }
        let r = self
            .http
            .post(self.url("/api/v1/auth/token"))
            .json(&json!({ "username": user, "password": DEMO_PASSWORD }))
            .send()
            .await
            .with_context(|| format!("cannot reach {}", self.base))?;
        let status = r.status();
        let body: Value = r.json().await.unwrap_or(Value::Null);
        anyhow::ensure!(status.is_success(), "login of {user} at {} failed: {status} {body}", self.base);
        let token = body["token"].as_str().context("no token in the login answer")?.to_owned();
        self.tokens
            .lock()
            .map_err(|_| anyhow::anyhow!("token cache poisoned"))?
            .insert(user.into(), token.clone());
        Ok(token)
    }

    /// Sends a request as `user`; returns the status and the JSON body (Null if none).
    pub async fn send(
        &self,
        user: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> anyhow::Result<(u16, Value)> {
        let token = self.token(user).await?;
        let mut req = self.http.request(method, self.url(path)).bearer_auth(token);
        if let Some(b) = body {
            req = req.json(b);
        }
        let r = req.send().await.with_context(|| format!("cannot reach {}", self.base))?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    pub async fn get(&self, user: &str, path: &str) -> anyhow::Result<(u16, Value)> {
        self.send(user, reqwest::Method::GET, path, None).await
    }

    pub async fn post(&self, user: &str, path: &str, body: &Value) -> anyhow::Result<(u16, Value)> {
        self.send(user, reqwest::Method::POST, path, Some(body)).await
    }

    /// GET that must answer 200.
    pub async fn get_ok(&self, user: &str, path: &str) -> anyhow::Result<Value> {
        let (status, v) = self.get(user, path).await?;
        anyhow::ensure!(status == 200, "GET {path} at {}: {status} {v}", self.base);
        Ok(v)
    }

    /// POST that must answer 2xx.
    pub async fn post_ok(&self, user: &str, path: &str, body: &Value) -> anyhow::Result<Value> {
        let (status, v) = self.post(user, path, body).await?;
        anyhow::ensure!((200..300).contains(&status), "POST {path} at {}: {status} {v}", self.base);
        Ok(v)
    }

    /// Posts raw bytes of `content_type` to `path` as `user`; returns the status and JSON body.
    pub async fn post_bytes(
        &self,
        user: &str,
        path: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> anyhow::Result<(u16, Value)> {
        let token = self.token(user).await?;
        let r = self
            .http
            .post(self.url(path))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(bytes)
            .send()
            .await
            .with_context(|| format!("cannot reach {}", self.base))?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// Uploads a photo's bytes as `user`; returns the stored photo's description.
    pub async fn upload_photo(&self, user: &str, bytes: Vec<u8>, media_type: &str) -> anyhow::Result<Value> {
        let (status, v) = self.post_bytes(user, "/api/v1/photos", media_type, bytes).await?;
        anyhow::ensure!((200..300).contains(&status), "POST /api/v1/photos at {}: {status} {v}", self.base);
        Ok(v)
    }

    /// Every item of a paged list (`{"items", "next_cursor"}`) at `path`, read as `user`.
    pub async fn all_pages(&self, user: &str, path: &str) -> anyhow::Result<Vec<Value>> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        let separator = if path.contains('?') { '&' } else { '?' };
        loop {
            let page = match &cursor {
                Some(c) => self.get_ok(user, &format!("{path}{separator}cursor={c}")).await?,
                None => self.get_ok(user, path).await?,
            };
            items.extend(page["items"].as_array().cloned().unwrap_or_default());
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return Ok(items),
            }
        }
    }

    /// Whether the node answers its health check.
    pub async fn healthy(&self) -> bool {
        match self.http.get(self.url("/api/v1/health")).send().await {
            Ok(r) => r.status().is_success(),
            Err(_) => false,
        }
    }

    /// `GET /api/v1/node` (no login needed).
    pub async fn node(&self) -> anyhow::Result<Value> {
        Ok(self.http.get(self.url("/api/v1/node")).send().await?.json().await?)
    }
}
