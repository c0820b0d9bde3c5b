//! The baseline a national system would otherwise be: PostgreSQL (when its server is installed
//! here), loaded by `COPY` with the same generated seizures as JSONB, indexed (GIN full text,
//! GIN on the document, btree on the date) before the load as our node indexes while it writes,
//! then asked the same kind of search and statistics. Runs as the `postgres` system user in a
//! throw-away cluster on a private socket.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use ncen_protocol::model::Seizure;

/// A running throw-away PostgreSQL cluster.
#[derive(Debug)]
pub struct Postgres {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

fn as_postgres(program: &Path) -> Command {
    let mut c = Command::new("runuser");
    c.args(["-u", "postgres", "--"]).arg(program);
    c
}

fn ok(out: Output, what: &str) -> anyhow::Result<String> {
    anyhow::ensure!(out.status.success(), "{what} failed: {}", String::from_utf8_lossy(&out.stderr));
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The server's binaries, if PostgreSQL is installed (Debian layout).
pub fn find() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .collect();
    dirs.sort();
    dirs.into_iter()
        .rev()
        .find(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file() && d.join("psql").is_file())
}

impl Postgres {
    /// Creates and starts a cluster in `work` (made readable by the postgres user).
    pub fn start(bin: PathBuf, work: &Path, port: u16) -> anyhow::Result<Postgres> {
        let dir = work.join("postgres");
        std::fs::create_dir_all(&dir)?;
        ok(Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).output()?, "chown")?;
        ok(Command::new("chmod").args(["755"]).arg(work).output()?, "chmod")?;
        ok(
            as_postgres(&bin.join("initdb"))
                .args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "-D"])
                .arg(dir.join("data"))
                .output()?,
            "initdb",
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses='' -c fsync=on -c synchronous_commit=on",
            dir.display()
        );
        ok(
            as_postgres(&bin.join("pg_ctl"))
                .args(["-w", "-D"])
                .arg(dir.join("data"))
                .args(["-l"])
                .arg(dir.join("log"))
                .args(["-o", &options, "start"])
                .output()?,
            "pg_ctl start",
        )?;
        Ok(Postgres { bin, dir, port })
    }

    fn psql(&self, sql: &str) -> anyhow::Result<String> {
        let out = as_postgres(&self.bin.join("psql"))
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(&self.dir)
            .args(["-p", &self.port.to_string(), "-U", "postgres", "-d", "postgres", "-c", sql])
            .output()?;
        ok(out, "psql")
    }

    /// Loads `seizures` with COPY into an indexed JSONB table; returns records per second.
    pub fn ingest(&self, seizures: &[Seizure]) -> anyhow::Result<f64> {
        self.psql(
            "CREATE TABLE seizures (id bigserial PRIMARY KEY, doc jsonb NOT NULL);
             CREATE INDEX seizures_text ON seizures USING gin (to_tsvector('simple', coalesce(doc->>'remarks','') || ' ' || coalesce(doc->>'summary','') || ' ' || coalesce(doc->'goods'->0->>'description','')));
             CREATE INDEX seizures_doc ON seizures USING gin (doc jsonb_path_ops);
             CREATE INDEX seizures_date ON seizures ((doc->>'date'));",
        )?;
        let file = self.dir.join("seizures.copy");
        let mut text = String::with_capacity(seizures.len() * 1200);
        for s in seizures {
            // COPY text format: backslashes and control characters escaped.
            let json = serde_json::to_string(s)?;
            text.push_str(&json.replace('\\', "\\\\").replace('\n', "\\n").replace('\t', "\\t"));
            text.push('\n');
        }
        std::fs::write(&file, text)?;
        ok(Command::new("chown").args(["postgres:postgres"]).arg(&file).output()?, "chown")?;
        let started = Instant::now();
        self.psql(&format!("COPY seizures (doc) FROM '{}'", file.display()))?;
        Ok(seizures.len() as f64 / started.elapsed().as_secs_f64())
    }

    /// Times `sql` `runs` times (server-side, through psql's round trip); sorted milliseconds.
    fn timed(&self, sql: &str, runs: usize) -> anyhow::Result<Vec<f64>> {
        let mut out = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            self.psql(sql)?;
            out.push(started.elapsed().as_secs_f64() * 1e3);
        }
        // psql's own start-up is not the database's time: subtract the cheapest empty query.
        let mut empty = Vec::new();
        for _ in 0..5 {
            let started = Instant::now();
            self.psql("SELECT 1")?;
            empty.push(started.elapsed().as_secs_f64() * 1e3);
        }
        let base = empty.iter().copied().fold(f64::INFINITY, f64::min);
        let mut out: Vec<f64> = out.into_iter().map(|ms| (ms - base).max(0.0)).collect();
        out.sort_by(f64::total_cmp);
        Ok(out)
    }

    /// Full text + commodity + year, top 20 by date with the total; and commodity × year counts.
    pub fn queries(&self, year: i32, runs: usize) -> anyhow::Result<(Vec<f64>, Vec<f64>)> {
        let search = format!(
            "SELECT doc->>'national_reference', count(*) OVER () FROM seizures
             WHERE to_tsvector('simple', coalesce(doc->>'remarks','') || ' ' || coalesce(doc->>'summary','') || ' ' || coalesce(doc->'goods'->0->>'description','')) @@ plainto_tsquery('simple', 'container')
               AND doc @> '{{\"goods\":[{{\"commodity\":\"DRUGS.COCAINE\"}}]}}' AND doc->>'date' LIKE '{year}-%'
             ORDER BY doc->>'date' DESC LIMIT 20"
        );
        let stats =
            "SELECT g->>'commodity', substr(doc->>'date', 1, 4), count(*), sum((g->>'quantity')::float8)
                     FROM seizures, jsonb_array_elements(doc->'goods') g GROUP BY 1, 2";
        Ok((self.timed(&search, runs)?, self.timed(stats, runs.div_ceil(3))?))
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let stopped = as_postgres(&self.bin.join("pg_ctl"))
            .args(["-w", "-m", "fast", "-D"])
            .arg(self.dir.join("data"))
            .arg("stop")
            .output();
        if !stopped.is_ok_and(|o| o.status.success()) {
            eprintln!("could not stop the baseline PostgreSQL in {}", self.dir.display());
        }
    }
}
