//! A local federation of real `ncen-node` processes: the plan (who, which ports, which seed, kept
//! in `DIR/testnet.json` so that `up` resumes the same federation), creating each node once,
//! starting and stopping them, and federating them (directory, peers, agreements).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::client::{Client, DEMO_PASSWORD};

/// Administrations in the order nodes are added; the first ones are neighbours in Europe.
pub const ADMINISTRATIONS: [&str; 50] = [
    "NL", "BE", "DE", "FR", "ES", "IT", "PL", "AT", "PT", "CZ", "DK", "SE", "FI", "IE", "GR", "HU", "RO",
    "BG", "HR", "SK", "SI", "LT", "LV", "EE", "LU", "CH", "NO", "GB", "UA", "TR", "MA", "NG", "ZA", "KE",
    "EG", "US", "CA", "MX", "BR", "AR", "CO", "EC", "PA", "IN", "CN", "JP", "KR", "SG", "AU", "NZ",
];

/// Pairs of administrations that share a border or a busy route; each gets an agreement when
/// both are in the federation.
pub const NEIGHBOURS: [(&str, &str); 40] = [
    ("NL", "BE"),
    ("NL", "DE"),
    ("BE", "DE"),
    ("BE", "FR"),
    ("DE", "FR"),
    ("DE", "PL"),
    ("DE", "AT"),
    ("DE", "CZ"),
    ("DE", "DK"),
    ("FR", "ES"),
    ("FR", "IT"),
    ("ES", "PT"),
    ("IT", "AT"),
    ("PL", "CZ"),
    ("AT", "CZ"),
    ("AT", "HU"),
    ("DK", "SE"),
    ("SE", "FI"),
    ("HU", "RO"),
    ("RO", "BG"),
    ("BG", "GR"),
    ("HR", "HU"),
    ("SK", "CZ"),
    ("SK", "HU"),
    ("IE", "FR"),
    ("SI", "HR"),
    ("LT", "LV"),
    ("LV", "EE"),
    ("LU", "BE"),
    ("CH", "FR"),
    ("NO", "SE"),
    ("GB", "FR"),
    ("UA", "PL"),
    ("TR", "GR"),
    ("MA", "ES"),
    ("US", "CA"),
    ("US", "MX"),
    ("BR", "AR"),
    ("CO", "EC"),
    ("CO", "PA"),
];

/// The accounts every node gets, with the demo password.
pub const ACCOUNTS: [(&str, &str); 6] = [
    ("admin", "administrator"),
    ("ncp", "national_contact_point"),
    ("officer", "officer"),
    ("analyst", "analyst"),
    ("auditor", "auditor"),
    ("supervisor", "supervisor"),
];

/// One node of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub administration: String,
    pub hub: bool,
    pub http_port: u16,
    pub p2p_port: u16,
    /// Known once the node is created.
    pub peer_id: Option<String>,
}

/// The federation as planned and created, kept in `DIR/testnet.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub seed: u64,
    pub base_port: u16,
    pub members: Vec<Member>,
}

const PLAN_FILE: &str = "testnet.json";

impl Plan {
    /// A hub and `nodes` national administrations on ports `base_port..`: HTTP on
    /// `base_port + i`, libp2p on `base_port + 500 + i` (the hub is `i = 0`).
    pub fn new(nodes: usize, base_port: u16, seed: u64) -> anyhow::Result<Plan> {
        anyhow::ensure!(
            (1..=ADMINISTRATIONS.len()).contains(&nodes),
            "--nodes must be between 1 and {}",
            ADMINISTRATIONS.len()
        );
        anyhow::ensure!(
            (1024..=65_000 - 600).contains(&base_port),
            "--base-port must be between 1024 and 64400"
        );
        let mut members = vec![Member {
            administration: "WCO".into(),
            hub: true,
            http_port: base_port,
            p2p_port: base_port + 500,
            peer_id: None,
        }];
        for (i, code) in ADMINISTRATIONS.iter().take(nodes).enumerate() {
            let i = u16::try_from(i + 1)?;
            members.push(Member {
                administration: (*code).into(),
                hub: false,
                http_port: base_port + i,
                p2p_port: base_port + 500 + i,
                peer_id: None,
            });
        }
        Ok(Plan { seed, base_port, members })
    }

    pub fn load(dir: &Path) -> anyhow::Result<Option<Plan>> {
        let path = dir.join(PLAN_FILE);
        if !path.exists() {
            return Ok(None);
        }
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(Some(
            serde_json::from_str(&text)
                .with_context(|| format!("{} is not a testnet plan", path.display()))?,
        ))
    }

    pub fn save(&self, dir: &Path) -> anyhow::Result<()> {
        let path = dir.join(PLAN_FILE);
        let tmp = dir.join(format!("{PLAN_FILE}.partial"));
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))
    }

    /// The neighbour pairs present in this plan.
    pub fn agreements(&self) -> Vec<(String, String)> {
        let present = |a: &str| self.members.iter().any(|m| m.administration == a);
        let mut pairs: Vec<(String, String)> = NEIGHBOURS
            .iter()
            .filter(|(a, b)| present(a) && present(b))
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        // A member without a neighbour in the plan still gets one partner: the first member.
        let nationals: Vec<&Member> = self.members.iter().filter(|m| !m.hub).collect();
        if let Some(first) = nationals.first() {
            for m in nationals.iter().skip(1) {
                if !pairs.iter().any(|(a, b)| *a == m.administration || *b == m.administration) {
                    pairs.push((first.administration.clone(), m.administration.clone()));
                }
            }
        }
        pairs
    }
}

/// The legal basis text of an agreement between two administrations.
pub fn legal_basis(a: &str, b: &str) -> String {
    const EU: [&str; 27] = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];
    if EU.contains(&a) && EU.contains(&b) {
        format!(
            "Convention on mutual assistance and cooperation between customs administrations (Naples II), art. 10: {a}-{b}"
        )
    } else {
        format!("{a}-{b} agreement on mutual administrative assistance in customs matters, art. 3")
    }
}

/// Finds the `ncen-node` binary: the explicit path, `NCEN_NODE_BIN`, or beside this program.
pub fn node_binary(explicit: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    let candidate = match explicit.or_else(|| std::env::var_os("NCEN_NODE_BIN").map(PathBuf::from)) {
        Some(p) => p,
        None => std::env::current_exe()?
            .parent()
            .map(|d| d.join("ncen-node"))
            .context("cannot locate the directory of this program")?,
    };
    anyhow::ensure!(
        candidate.is_file(),
        "no ncen-node binary at {} (build it with scripts/build.sh, or pass --node-bin)",
        candidate.display()
    );
    Ok(candidate)
}

/// A node of the running federation.
#[derive(Debug)]
pub struct Node {
    pub member: Member,
    pub dir: PathBuf,
    pub client: Client,
    child: Option<Child>,
}

impl Node {
    pub fn administration(&self) -> &str {
        &self.member.administration
    }

    pub fn peer_id(&self) -> &str {
        self.member.peer_id.as_deref().unwrap_or_default()
    }

    pub fn p2p_addr(&self) -> String {
        format!("/ip4/127.0.0.1/tcp/{}", self.member.p2p_port)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Creates the node's key, store and accounts if it has none yet.
    fn create(&mut self, bin: &Path) -> anyhow::Result<()> {
        if self.data().join("node.key").exists() {
            anyhow::ensure!(
                self.member.peer_id.is_some(),
                "{} exists but its PeerId is unknown",
                self.dir.display()
            );
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        let role = if self.member.hub { "hub" } else { "national" };
        let out = Command::new(bin)
            .args(["init", "--data-dir"])
            .arg(self.data())
            .args(["--administration", &self.member.administration, "--role", role])
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "init of {} failed: {}",
            self.member.administration,
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout)?;
        let peer_id = stdout
            .lines()
            .find_map(|l| l.strip_prefix("PeerId: "))
            .context("init did not print the PeerId")?
            .trim()
            .to_owned();
        self.member.peer_id = Some(peer_id);
        for (name, role) in ACCOUNTS {
            let mut child = Command::new(bin)
                .args(["user", "add", "--data-dir"])
                .arg(self.data())
                .args(["--username", name, "--role", role, "--password-stdin"])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()?;
            if let Some(mut stdin) = child.stdin.take() {
                use std::io::Write;
                writeln!(stdin, "{DEMO_PASSWORD}")?;
            }
            let out = child.wait_with_output()?;
            anyhow::ensure!(
                out.status.success(),
                "user add failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }

    fn write_config(&self, hub: Option<(&str, String)>) -> anyhow::Result<PathBuf> {
        let mut text = format!(
            "[node]\ndata_dir = {:?}\n\n[http]\nlisten = \"127.0.0.1:{}\"\n\n[p2p]\nlisten = [\"{}\"]\n\n[log]\nfilter = \"warn,ncen_node=info\"\n",
            self.data().display().to_string(),
            self.member.http_port,
            self.p2p_addr()
        );
        if let Some((peer_id, address)) = hub {
            text.push_str(&format!("\n[hub]\npeer_id = \"{peer_id}\"\naddress = \"{address}\"\n"));
        }
        let path = self.dir.join("ncen.toml");
        std::fs::write(&path, text)?;
        Ok(path)
    }

    /// Starts the process (logs go to `DIR/<code>/node.log`).
    pub fn spawn(&mut self, bin: &Path) -> anyhow::Result<()> {
        if self.child.is_some() {
            return Ok(());
        }
        let log = std::fs::OpenOptions::new().create(true).append(true).open(self.dir.join("node.log"))?;
        let child = Command::new(bin)
            .args(["run", "--config"])
            .arg(self.dir.join("ncen.toml"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", bin.display()))?;
        self.child = Some(child);
        Ok(())
    }

    /// Waits until the node answers its health check, or its process ends.
    pub async fn wait_healthy(&mut self, timeout: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if self.client.healthy().await {
                return Ok(());
            }
            if let Some(child) = &mut self.child
                && let Some(status) = child.try_wait()?
            {
                anyhow::bail!(
                    "{} exited with {status} at start; see {}",
                    self.member.administration,
                    self.dir.join("node.log").display()
                );
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "{} did not start within {timeout:?}",
                self.member.administration
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Stops the process gracefully (SIGTERM) and waits for it.
    pub fn terminate(&mut self) -> anyhow::Result<()> {
        if let Some(mut child) = self.child.take() {
            // The process may have stopped already (Ctrl-C reaches the whole process group).
            if !Command::new("kill").arg("-TERM").arg(child.id().to_string()).status()?.success() {
                tracing::debug!(node = %self.member.administration, "already stopped");
            }
            child.wait()?;
        }
        Ok(())
    }

    /// Kills the process at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) -> anyhow::Result<()> {
        if let Some(mut child) = self.child.take() {
            child.kill()?;
            child.wait()?;
        }
        Ok(())
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    /// The resident memory of the process, in bytes (Linux).
    pub fn rss_bytes(&self) -> Option<u64> {
        let pid = self.child.as_ref()?.id();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        // Never leave a process behind, whatever happened.
        if self.terminate().is_err()
            && let Some(child) = &mut self.child
            && child.kill().is_err()
        {
            eprintln!("could not stop {}", self.member.administration);
        }
    }
}

/// The running federation.
#[derive(Debug)]
pub struct Cluster {
    pub dir: PathBuf,
    pub plan: Plan,
    pub nodes: Vec<Node>,
    pub bin: PathBuf,
}

impl Cluster {
    /// Creates what does not exist yet and starts every node; resumes an existing `dir`.
    pub async fn up(dir: &Path, plan: Plan, bin: PathBuf) -> anyhow::Result<Cluster> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let dir = dir.canonicalize()?;
        let mut nodes: Vec<Node> = plan
            .members
            .iter()
            .map(|m| Node {
                member: m.clone(),
                dir: dir.join(m.administration.to_ascii_lowercase()),
                client: Client::new(format!("http://127.0.0.1:{}", m.http_port)),
                child: None,
            })
            .collect();
        for node in &mut nodes {
            node.create(&bin)?;
        }
        let mut plan = plan;
        plan.members = nodes.iter().map(|n| n.member.clone()).collect();
        plan.save(&dir)?;
        let hub = nodes.iter().find(|n| n.member.hub).map(|h| (h.peer_id().to_owned(), h.p2p_addr()));
        for node in &mut nodes {
            let anchor =
                if node.member.hub { None } else { hub.as_ref().map(|(id, a)| (id.as_str(), a.clone())) };
            node.write_config(anchor)?;
            node.spawn(&bin)?;
        }
        let mut cluster = Cluster { dir, plan, nodes, bin };
        for node in &mut cluster.nodes {
            node.wait_healthy(Duration::from_secs(60)).await?;
        }
        Ok(cluster)
    }

    pub fn hub(&self) -> anyhow::Result<&Node> {
        self.nodes.iter().find(|n| n.member.hub).context("the federation has no hub")
    }

    pub fn node(&self, administration: &str) -> anyhow::Result<&Node> {
        self.nodes
            .iter()
            .find(|n| n.administration() == administration)
            .with_context(|| format!("no node {administration}"))
    }

    pub fn node_mut(&mut self, administration: &str) -> anyhow::Result<&mut Node> {
        self.nodes
            .iter_mut()
            .find(|n| n.administration() == administration)
            .with_context(|| format!("no node {administration}"))
    }

    pub fn nationals(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| !n.member.hub)
    }

    /// Restarts a stopped node and waits until it answers.
    pub async fn restart(&mut self, administration: &str) -> anyhow::Result<()> {
        let bin = self.bin.clone();
        let node = self.node_mut(administration)?;
        node.spawn(&bin)?;
        node.wait_healthy(Duration::from_secs(60)).await
    }

    /// The hub admits every member; neighbours register each other as peers and make an
    /// agreement on seizures, suspects and companies. Everything is skipped if already done.
    pub async fn federate(&self) -> anyhow::Result<()> {
        let hub = self.hub()?;
        for n in self.nationals() {
            let body = json!({"administration": n.administration(), "peer_id": n.peer_id(), "addresses": [n.p2p_addr()]});
            hub.client.post_ok("admin", "/api/v1/directory/members", &body).await?;
        }
        for (a, b) in self.plan.agreements() {
            self.agree(&a, &b, &["seizures", "suspects", "companies"]).await?;
        }
        Ok(())
    }

    /// Makes `a` and `b` peers and gives them an active agreement over `kinds` (unless one
    /// exists); returns its id.
    pub async fn agree(&self, a: &str, b: &str, kinds: &[&str]) -> anyhow::Result<String> {
        let (na, nb) = (self.node(a)?, self.node(b)?);
        self.agree_via(a, b, kinds, &nb.p2p_addr(), &na.p2p_addr()).await
    }

    /// Like [`Cluster::agree`], with the address at which `a` reaches `b` and the one at which
    /// `b` reaches `a` (e.g. through a proxy).
    pub async fn agree_via(
        &self,
        a: &str,
        b: &str,
        kinds: &[&str],
        b_at_a: &str,
        a_at_b: &str,
    ) -> anyhow::Result<String> {
        let (na, nb) = (self.node(a)?, self.node(b)?);
        for (from, to, address) in [(na, nb, b_at_a), (nb, na, a_at_b)] {
            let body = json!({"administration": to.administration(), "peer_id": to.peer_id(), "addresses": [address]});
            from.client.post_ok("admin", "/api/v1/peers", &body).await?;
        }
        let existing = na.client.get_ok("admin", "/api/v1/agreements").await?;
        if let Some(found) = existing.as_array().into_iter().flatten().find(|ag| {
            ag["peer"] == b && matches!(ag["state"].as_str(), Some("active" | "proposed" | "pending"))
        }) && found["state"] == "active"
        {
            return Ok(found["id"].as_str().unwrap_or_default().to_owned());
        }
        let body = json!({"peer": b, "legal_basis": legal_basis(a, b),
                          "scope": {"kinds": kinds, "direction": "both"},
                          "valid_from": "2020-01-01"});
        let proposed = na.client.post_ok("admin", "/api/v1/agreements", &body).await?;
        let id = proposed["id"].as_str().context("no agreement id")?.to_owned();
        wait_until(Duration::from_secs(30), &format!("the proposal {a} → {b}"), || async {
            let (status, v) = nb.client.get("admin", &format!("/api/v1/agreements/{id}")).await?;
            Ok(status == 200 && v["state"] == "proposed")
        })
        .await?;
        nb.client.post_ok("admin", &format!("/api/v1/agreements/{id}/accept"), &json!({})).await?;
        wait_until(Duration::from_secs(30), &format!("the acceptance {b} → {a}"), || async {
            let v = na.client.get_ok("admin", &format!("/api/v1/agreements/{id}")).await?;
            Ok(v["state"] == "active")
        })
        .await?;
        Ok(id)
    }

    /// Stops every node gracefully.
    pub fn down(&mut self) -> anyhow::Result<()> {
        for node in &mut self.nodes {
            node.terminate()?;
        }
        Ok(())
    }
}

/// Polls `check` every 20 ms until it is true, or fails naming `what` after `timeout`.
pub async fn wait_until<F, Fut>(timeout: Duration, what: &str, mut check: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<bool>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if check().await? {
            return Ok(());
        }
        anyhow::ensure!(Instant::now() < deadline, "timed out after {timeout:?} waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
