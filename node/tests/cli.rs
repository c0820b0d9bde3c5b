//! The command line as an administrator uses it: init, user add, run, audit verify, and the
//! refusals that protect a node (no overwrite, no second process, no tampered audit log).

mod common;

use common::{add_user, bin, init, run, terminate};
use ncen_node::store::{Cf, Store};

#[test]
fn init_creates_a_private_key_prints_the_peer_id_and_never_overwrites() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let out = init(&data, "NL")?;
    assert!(out.contains("PeerId: 12D3KooW"), "{out}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("node.key"))?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let key_before = std::fs::read(data.join("node.key"))?;
    let again = bin().args(["init", "--data-dir"]).arg(&data).args(["--administration", "NL"]).output()?;
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a node"));
    assert_eq!(std::fs::read(data.join("node.key"))?, key_before);

    let bad = bin()
        .args(["init", "--data-dir"])
        .arg(dir.path().join("x"))
        .args(["--administration", "Netherlands"])
        .output()?;
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ISO 3166-1"));
    let hub = bin()
        .args(["init", "--data-dir"])
        .arg(dir.path().join("y"))
        .args(["--administration", "NL", "--role", "hub"])
        .output()?;
    assert!(!hub.status.success());
    Ok(())
}

#[test]
fn user_add_refuses_a_running_node_with_a_clear_message() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    init(&data, "BE")?;
    let ok = add_user(&data, "officer", "officer")?;
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let dup = add_user(&data, "officer", "officer")?;
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let (mut child, base) = run(&data)?;
    let busy = add_user(&data, "analyst", "analyst")?;
    assert!(!busy.status.success());
    let msg = String::from_utf8_lossy(&busy.stderr);
    assert!(msg.contains("in use by another process"), "{msg}");
    assert!(base.starts_with("http://127.0.0.1:"));
    terminate(&mut child)?;
    let missing = add_user(&dir.path().join("nowhere"), "x.y", "officer")?;
    assert!(String::from_utf8_lossy(&missing.stderr).contains("ncen-node init"));
    Ok(())
}

fn verify(data: &std::path::Path) -> anyhow::Result<(bool, String)> {
    let out = bin().args(["audit", "verify", "--data-dir"]).arg(data).output()?;
    Ok((
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    ))
}

fn audit_store(data: &std::path::Path) -> anyhow::Result<Store> {
    Ok(Store::open(&data.join("db"), false)?)
}

#[test]
fn audit_verify_detects_edited_deleted_and_reordered_entries() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    init(&data, "PT")?;
    for name in ["officer", "analyst", "auditor"] {
        assert!(add_user(&data, name, name)?.status.success());
    }
    let (ok, out) = verify(&data)?;
    assert!(ok, "{out}");
    assert!(out.contains("4 entries"), "{out}");

    let pristine = tempfile::tempdir()?;
    let copy = |to: &std::path::Path| -> anyhow::Result<()> {
        let status = std::process::Command::new("cp").arg("-a").arg(&data).arg(to).status()?;
        anyhow::ensure!(status.success());
        Ok(())
    };
    copy(&pristine.path().join("data"))?;
    let key = |seq: u64| seq.to_be_bytes();

    // Edit: change one byte of entry 2.
    {
        let store = audit_store(&data)?;
        let mut bytes = store.get(Cf::Audit, &key(2))?.ok_or_else(|| anyhow::anyhow!("no entry 2"))?;
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        let mut b = store.batch();
        b.put(Cf::Audit, &key(2), &bytes);
        b.commit(true)?;
    }
    let (ok, out) = verify(&data)?;
    assert!(!ok);
    assert!(out.contains("was changed"), "{out}");

    // Delete: remove entry 2 from a fresh copy.
    std::fs::remove_dir_all(&data)?;
    copy_back(pristine.path(), &data)?;
    {
        let store = audit_store(&data)?;
        let mut b = store.batch();
        b.delete(Cf::Audit, &key(2));
        b.commit(true)?;
    }
    let (ok, out) = verify(&data)?;
    assert!(!ok);
    assert!(out.contains("entry 2: missing"), "{out}");

    // Reorder: swap entries 2 and 3.
    std::fs::remove_dir_all(&data)?;
    copy_back(pristine.path(), &data)?;
    {
        let store = audit_store(&data)?;
        let two = store.get(Cf::Audit, &key(2))?.ok_or_else(|| anyhow::anyhow!("no entry 2"))?;
        let three = store.get(Cf::Audit, &key(3))?.ok_or_else(|| anyhow::anyhow!("no entry 3"))?;
        let mut b = store.batch();
        b.put(Cf::Audit, &key(2), &three);
        b.put(Cf::Audit, &key(3), &two);
        b.commit(true)?;
    }
    let (ok, out) = verify(&data)?;
    assert!(!ok);
    assert!(out.contains("reordered"), "{out}");

    // Cut tail: remove the last entry.
    std::fs::remove_dir_all(&data)?;
    copy_back(pristine.path(), &data)?;
    {
        let store = audit_store(&data)?;
        let mut b = store.batch();
        b.delete(Cf::Audit, &key(4));
        b.commit(true)?;
    }
    let (ok, out) = verify(&data)?;
    assert!(!ok);
    assert!(out.contains("tail"), "{out}");
    Ok(())
}

fn copy_back(from: &std::path::Path, to: &std::path::Path) -> anyhow::Result<()> {
    let status = std::process::Command::new("cp").arg("-a").arg(from.join("data")).arg(to).status()?;
    anyhow::ensure!(status.success());
    Ok(())
}

fn import(
    base: &str,
    password: &str,
    args: &[&str],
    file: &std::path::Path,
) -> anyhow::Result<std::process::Output> {
    use std::io::Write;
    let mut child = bin()
        .args(["import", "--url", base, "--username", "officer", "--password-stdin"])
        .args(args)
        .arg(file)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{password}")?;
    }
    Ok(child.wait_with_output()?)
}

#[test]
fn import_checks_a_folder_of_csv_files_then_stores_it_once() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    init(&data, "NL")?;
    assert!(add_user(&data, "officer", "officer")?.status.success());
    let (mut child, base) = run(&data)?;
    let upload = dir.path().join("upload");
    std::fs::create_dir(&upload)?;
    let header = "national_reference,date,place.location_type,place.country,direction,detection_method\n";
    let seizures = upload.join("seizures.csv");
    std::fs::write(
        &seizures,
        format!(
            "{header}NL-1,2025-06-01,SEAPORT,NL,IMPORT,XRAY_SCAN\nNL-2,01/06/2025,SEAPORT,NL,IMPORT,XRAY_SCAN\n"
        ),
    )?;
    std::fs::write(
        upload.join("goods.csv"),
        "national_reference,commodity,quantity,unit\nNL-1,DRUGS.COCAINE,2.5,KGM\nNL-2,DRUGS.CAPTAGON,2000,H87\n",
    )?;

    let out = import(&base, common::PASSWORD, &["--dry-run"], &upload)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("Seizures row 3, column date: \"01/06/2025\" is not a date"), "{stdout}");
    assert!(stdout.contains("nothing was stored"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("checking: "), "plain progress lines");

    std::fs::write(
        &seizures,
        format!(
            "{header}NL-1,2025-06-01,SEAPORT,NL,IMPORT,XRAY_SCAN\nNL-2,2025-06-01,SEAPORT,NL,IMPORT,XRAY_SCAN\n"
        ),
    )?;
    let out = import(&base, common::PASSWORD, &[], &upload)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("seizures: 2 read, 2 valid (2 created, 0 already there), 0 invalid"), "{stdout}");
    let again = import(&base, common::PASSWORD, &[], &upload)?;
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("Total: 0 created, 2 already there"));

    let wrong = import(&base, "not the password at all", &[], &upload)?;
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("login refused"));
    let unknown = import(&base, common::PASSWORD, &[], &dir.path().join("upload.txt"))?;
    assert_eq!(unknown.status.code(), Some(1));
    terminate(&mut child)?;
    Ok(())
}
