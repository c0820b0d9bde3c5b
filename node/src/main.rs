//! The `ncen-node` command line: `init`, `user add`, `run`, `audit verify` and `import`.

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use ncen_config::{Config, LogFormat};
use ncen_node::identity::NodeRole;
use ncen_node::roles::Role;
use ncen_node::{app, import};

/// jemalloc, also as RocksDB's `malloc`, with background threads returning freed memory to the
/// system: with glibc's allocator, a hub that has just pulled from fifty members keeps hundreds of
/// MB it no longer uses.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "ncen-node",
    version,
    about = "nCEN node: national Customs Enforcement Network database and exchange"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new node: its Ed25519 key (file mode 0600) and its store. Prints the PeerId.
    Init {
        /// Folder for the node's key and store; must not hold a node yet.
        #[arg(long, default_value = "./ncen-data")]
        data_dir: PathBuf,
        /// ISO 3166-1 alpha-2 code of the administration (e.g. NL), or WCO for the hub.
        #[arg(long)]
        administration: String,
        #[arg(long, value_enum, default_value = "national")]
        role: NodeRole,
    },
    /// Manage user accounts of a stopped node (on a running node use the REST API).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Run the node: REST API, admin UI and metrics.
    Run {
        /// TOML configuration file; keys can also come from NCEN_SECTION__KEY variables.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Audit log tools.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Upload a filled-in template to a running node: an XLSX workbook, a CSV file, a ZIP of CSV
    /// files or a folder of them. Exit code 0: every record valid (and stored unless
    /// --dry-run); 2: some rows refused (listed); 1: an error.
    Import {
        /// The node's address.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
        #[arg(long)]
        username: String,
        /// Read the password from standard input (the only way: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
        /// The one-time code, for an account with a second factor.
        #[arg(long)]
        totp: Option<String>,
        /// Check every row and report, store nothing.
        #[arg(long)]
        dry_run: bool,
        /// The sheet of a CSV file (seizures, goods, offenders, seizure_companies, photos,
        /// suspects, companies), when its file name does not say.
        #[arg(long)]
        sheet: Option<String>,
        /// The file (or folder of CSV files) to upload.
        file: PathBuf,
        /// At the WCO hub: upload on behalf of this member administration without a node (only
        /// the non-nominal part of each seizure is kept).
        #[arg(long, value_name = "CODE")]
        for_member: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; the password is read from standard input.
    Add {
        #[arg(long, default_value = "./ncen-data")]
        data_dir: PathBuf,
        #[arg(long)]
        username: String,
        #[arg(long, value_enum)]
        role: Role,
        /// Read the password from standard input (the only way: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
        /// Configuration file, for the password policy.
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the hash chain of the audit log of a stopped node.
    Verify {
        #[arg(long, default_value = "./ncen-data")]
        data_dir: PathBuf,
    },
}

fn init_tracing(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log.filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder =
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colour);
    match config.log.format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Init { data_dir, administration, role } => {
            let info = app::init(&data_dir, &administration, role)?;
            println!(
                "Initialised {} node for {} in {}",
                info.role.as_str(),
                info.administration,
                data_dir.display()
            );
            println!("PeerId: {}", info.peer_id);
            Ok(())
        }
        Command::User { command: UserCommand::Add { data_dir, username, role, password_stdin, config } } => {
            if !password_stdin {
                bail!("give the password on standard input with --password-stdin");
            }
            let config = Config::load(config.as_deref())?;
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.strip_suffix('\n').unwrap_or(&password);
            let password = password.strip_suffix('\r').unwrap_or(password);
            let user = app::add_user(&data_dir, &config, &username, role, password)?;
            println!("Added user {} with role {}", user.username, user.role.as_str());
            Ok(())
        }
        Command::Audit { command: AuditCommand::Verify { data_dir } } => {
            let opened = app::open(&data_dir)?;
            match ncen_node::audit::verify(opened.store()) {
                Ok(report) => {
                    println!("audit log intact: {} entries, head {}", report.entries, report.head_hash);
                    Ok(())
                }
                Err(e) => bail!("audit log broken: {e}"),
            }
        }
        Command::Import { url, username, password_stdin, totp, dry_run, sheet, file, for_member } => {
            if !password_stdin {
                bail!("give the password on standard input with --password-stdin");
            }
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            let options =
                import::client::Options { url, username, password, totp, dry_run, sheet, file, for_member };
            let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            let code = runtime.block_on(import::client::run(options))?;
            if code != 0 {
                std::process::exit(code);
            }
            Ok(())
        }
        Command::Run { config } => {
            let config = Config::load(config.as_deref())?;
            init_tracing(&config);
            let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            runtime.block_on(run(config))
        }
    }
}

async fn run(config: Config) -> anyhow::Result<()> {
    let opened = app::open(&config.node.data_dir)?;
    let listener = tokio::net::TcpListener::bind(config.http.listen)
        .await
        .with_context(|| format!("cannot listen on {} (http.listen)", config.http.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(
        administration = %opened.info.administration,
        peer_id = %opened.info.peer_id,
        "node running: web UI and API at http://{addr}/ (API under /api/v1)"
    );
    println!(
        "nCEN node {} ({}) listening on http://{addr}/",
        opened.info.administration,
        opened.info.role.as_str()
    );
    app::serve(opened, &config, listener, shutdown_signal()).await?;
    Ok(())
}
