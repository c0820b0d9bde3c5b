//! `ncen-node import`: posts a file to a running node, follows the job (a progress bar on a
//! terminal, plain lines otherwise) and prints the report. The exit code says how it went:
//! 0 when every record was valid (and, unless a dry run, stored), 2 when some rows were
//! refused, 1 on an error. With `--for-member`, the file goes to the hub's upload on behalf of a
//! member without a node instead.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use indicatif::{ProgressBar, ProgressStyle};
use ncen_protocol::template::Sheet;
use serde_json::{Value, json};

use super::report::{ImportReport, JobState, JobView, Phase};
use super::{MAX_FILE_BYTES, XLSX_TYPE};

/// What `ncen-node import` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The node's base URL, `http://127.0.0.1:8080`.
    pub url: String,
    pub username: String,
    pub password: String,
    /// The one-time code of an account with a second factor.
    pub totp: Option<String>,
    pub dry_run: bool,
    /// The sheet of a CSV file, if its name does not say.
    pub sheet: Option<String>,
    /// An XLSX workbook, a CSV file, a ZIP archive of CSV files, or a folder of CSV files.
    pub file: PathBuf,
    /// At the hub: the member administration without a node the file is for.
    pub for_member: Option<String>,
}

/// A folder's CSV files in a ZIP archive (stored, not compressed).
fn zip_folder(dir: &Path) -> anyhow::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    names.sort();
    if names.is_empty() {
        bail!("{} holds no CSV file", dir.display());
    }
    let mut total = 0usize;
    for path in names {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let data = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        total += data.len();
        if total > MAX_FILE_BYTES {
            bail!(
                "the CSV files of {} come to more than {} MiB; split them",
                dir.display(),
                MAX_FILE_BYTES >> 20
            );
        }
        zip.start_file(name, options)?;
        zip.write_all(&data)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The body and media type of the upload, and the `sheet` of a CSV file.
fn load(file: &Path, sheet: Option<&str>) -> anyhow::Result<(Vec<u8>, &'static str, Option<String>)> {
    if file.is_dir() {
        return Ok((zip_folder(file)?, "application/zip", None));
    }
    let size = std::fs::metadata(file).with_context(|| format!("cannot read {}", file.display()))?.len();
    if size > MAX_FILE_BYTES as u64 {
        bail!("{} is larger than {} MiB; split it into several files", file.display(), MAX_FILE_BYTES >> 20);
    }
    let ext = file.extension().and_then(|x| x.to_str()).unwrap_or_default().to_ascii_lowercase();
    let (media, sheet) = match ext.as_str() {
        "xlsx" | "zip" if sheet.is_some() => bail!("--sheet is only for a CSV file"),
        "xlsx" => (XLSX_TYPE, None),
        "zip" => ("application/zip", None),
        "csv" => {
            let named = file
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(Sheet::by_file)
                .map(|s| s.stem().to_owned());
            let sheet = sheet.map(str::to_owned).or(named).ok_or_else(|| {
                anyhow!(
                    "say which sheet {} holds with --sheet (seizures, goods, suspects...)",
                    file.display()
                )
            })?;
            ("text/csv", Some(sheet))
        }
        _ => bail!(
            "{}: give an .xlsx workbook, a .csv file, a .zip of CSV files or a folder of CSV files",
            file.display()
        ),
    };
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    Ok((bytes, media, sheet))
}

/// The message of an API error answer.
async fn refusal(response: reqwest::Response) -> String {
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    match body["error"]["message"].as_str() {
        Some(m) => format!("{m} (HTTP {})", status.as_u16()),
        None => format!("HTTP {status}"),
    }
}

async fn login(http: &reqwest::Client, base: &str, o: &Options) -> anyhow::Result<String> {
    let mut body = json!({ "username": o.username, "password": o.password });
    if let Some(code) = &o.totp {
        body["totp"] = json!(code);
    }
    let r = http
        .post(format!("{base}/api/v1/auth/token"))
        .json(&body)
        .send()
        .await
        .with_context(|| format!("cannot reach the node at {base}"))?;
    if !r.status().is_success() {
        bail!("login refused: {}", refusal(r).await);
    }
    let v: Value = r.json().await?;
    v["token"].as_str().map(str::to_owned).ok_or_else(|| anyhow!("the login answer has no token"))
}

/// Shows a job's progress: a bar on a terminal, lines otherwise.
struct Display {
    bar: Option<ProgressBar>,
    last: Option<(Phase, u64)>,
    last_line: Instant,
}

impl Display {
    fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(ProgressBar::new_spinner);
        Display { bar, last: None, last_line: Instant::now() }
    }

    fn show(&mut self, view: &JobView, dry_run: bool) {
        let verb = if dry_run { "checking" } else { "checking and storing" };
        if let Some(bar) = &self.bar {
            match view.phase {
                Phase::Reading => {
                    bar.set_message(format!("reading the file: {} rows", view.rows_done));
                    bar.tick();
                }
                Phase::Storing | Phase::Finished => {
                    if bar.length() != Some(view.rows_total) {
                        bar.set_length(view.rows_total);
                        if let Ok(style) = ProgressStyle::with_template(
                            "{msg} [{bar:40}] {pos}/{len} records ({percent}%, {eta} left)",
                        ) {
                            bar.set_style(style.progress_chars("=> "));
                        }
                        bar.set_message(verb);
                    }
                    bar.set_position(view.rows_done);
                }
            }
            return;
        }
        // Plain lines: at each phase, then at most every two seconds.
        let now = (view.phase, view.rows_done);
        let new_phase = self.last.is_none_or(|(p, _)| p != view.phase);
        let due = self.last_line.elapsed() >= Duration::from_secs(2) && self.last != Some(now);
        if new_phase || due {
            let line = match view.phase {
                Phase::Reading => format!("reading the file: {} rows", view.rows_done),
                _ => format!("{verb}: {}/{} records", view.rows_done, view.rows_total),
            };
            eprintln!("{line}");
            self.last = Some(now);
            self.last_line = Instant::now();
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Prints a report; returns the exit code it means.
pub fn print_report(file: &Path, r: &ImportReport) -> i32 {
    let name = file.display();
    if r.dry_run {
        println!("Dry run of {name} (SHA-256 {}): nothing was stored.", r.file_sha256);
    } else {
        println!("Import of {name} (SHA-256 {}).", r.file_sha256);
    }
    let sheets: Vec<String> = r.sheets.iter().map(|s| format!("{} {}", s.sheet, s.rows)).collect();
    println!("Rows read: {}", if sheets.is_empty() { "none".to_owned() } else { sheets.join(", ") });
    for (kind, c) in [("seizures", &r.seizures), ("suspects", &r.suspects), ("companies", &r.companies)] {
        if c.read == 0 {
            continue;
        }
        if r.dry_run {
            println!("{kind}: {} read, {} valid, {} invalid", c.read, c.valid, c.invalid);
        } else {
            println!(
                "{kind}: {} read, {} valid ({} created, {} already there), {} invalid",
                c.read, c.valid, c.created, c.existing, c.invalid
            );
        }
    }
    if !r.invalid_rows.is_empty() {
        println!("Refused rows:");
        for e in &r.invalid_rows {
            println!("  {e}");
        }
        if r.invalid_rows_total > r.invalid_rows.len() {
            println!("  ... and {} more", r.invalid_rows_total - r.invalid_rows.len());
        }
    }
    if let Some(m) = &r.on_behalf {
        println!(
            "For {} (signed by {}): {} updated; not stored: {} suspects, {} companies, {} photos.",
            m.administration,
            m.signed_by,
            m.updated,
            m.suspects_ignored,
            m.companies_ignored,
            m.photos_ignored
        );
    }
    if r.dry_run {
        println!("Total: {} refusals; nothing stored.", r.invalid_rows_total);
    } else {
        println!(
            "Total: {} created, {} already there, {} refusals.",
            r.created, r.existing, r.invalid_rows_total
        );
    }
    if r.all_valid() { 0 } else { 2 }
}

/// Runs `ncen-node import`; returns the exit code (errors are exit code 1).
pub async fn run(o: Options) -> anyhow::Result<i32> {
    let (body, media, sheet) = load(&o.file, o.sheet.as_deref())?;
    let base = o.url.trim_end_matches('/').to_owned();
    let http = reqwest::Client::builder().connect_timeout(Duration::from_secs(10)).build()?;
    let token = login(&http, &base, &o).await?;
    let mut query = vec![("dry_run", o.dry_run.to_string())];
    if let Some(s) = &sheet {
        query.push(("sheet", s.clone()));
    }
    let endpoint = match &o.for_member {
        Some(code) => {
            query.push(("administration", code.clone()));
            format!("{base}/api/v1/cen/uploads")
        }
        None => format!("{base}/api/v1/import"),
    };
    let r = http
        .post(&endpoint)
        .query(&query)
        .bearer_auth(&token)
        .header(reqwest::header::CONTENT_TYPE, media)
        .body(body)
        .send()
        .await
        .context("cannot send the file")?;
    if r.status() != reqwest::StatusCode::ACCEPTED {
        bail!("the node refused the file: {}", refusal(r).await);
    }
    let mut view: JobView = r.json().await.context("the node's answer is not a job")?;
    let mut display = Display::new();
    let mut pause = Duration::from_millis(100);
    loop {
        display.show(&view, o.dry_run);
        if view.state != JobState::Running {
            break;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(1));
        let r = http.get(format!("{endpoint}/{}", view.job)).bearer_auth(&token).send().await?;
        if !r.status().is_success() {
            display.finish();
            bail!("cannot follow the import: {}", refusal(r).await);
        }
        view = r.json().await.context("the node's answer is not a job")?;
    }
    display.finish();
    let _ = http.delete(format!("{base}/api/v1/auth/token")).bearer_auth(&token).send().await;
    match (view.state, view.report) {
        (JobState::Done, Some(report)) => Ok(print_report(&o.file, &report)),
        _ => bail!("the import failed: {}", view.error.unwrap_or_else(|| "no reason given".into())),
    }
}
