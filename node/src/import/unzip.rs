//! ZIP archives (an XLSX workbook is one) opened with bounds: at most so many entries, each
//! unpacking to at most [`MAX_UNPACKED_ENTRY`] bytes and all together to [`MAX_UNPACKED_TOTAL`],
//! measured by unpacking, not by what the archive claims.

use std::io::{Cursor, Read};

use super::{ImportError, MAX_UNPACKED_ENTRY, MAX_UNPACKED_TOTAL};

/// Most entries of an archive.
const MAX_ENTRIES: usize = 10_000;

fn mib(n: u64) -> String {
    if n >= 1 << 20 { format!("{} MiB", n >> 20) } else { format!("{n} bytes") }
}

fn open(
    bytes: &[u8],
    refuse: fn(String) -> ImportError,
) -> Result<zip::ZipArchive<Cursor<&[u8]>>, ImportError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| refuse(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(refuse(format!("it has {} entries; at most {MAX_ENTRIES} are read", archive.len())));
    }
    Ok(archive)
}

/// What [`unpack`] calls with each file.
type Each<'a> = dyn FnMut(&str, Vec<u8>) -> Result<(), ImportError> + 'a;

/// Calls `each` with the name and the unpacked bytes of every file of the archive, or, with
/// `keep` false, only unpacks them to measure them (the bytes are then empty).
fn unpack(
    bytes: &[u8],
    refuse: fn(String) -> ImportError,
    (max_entry, max_total): (u64, u64),
    keep: bool,
    each: &mut Each<'_>,
) -> Result<(), ImportError> {
    let mut archive = open(bytes, refuse)?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| refuse(e.to_string()))?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().to_owned();
        let mut limited = (&mut file).take(max_entry + 1);
        let (size, kept) = if keep {
            let mut out = Vec::new();
            let n = limited.read_to_end(&mut out).map_err(|e| refuse(format!("{name}: {e}")))?;
            (n as u64, out)
        } else {
            let n = std::io::copy(&mut limited, &mut std::io::sink())
                .map_err(|e| refuse(format!("{name}: {e}")))?;
            (n, Vec::new())
        };
        if size > max_entry {
            return Err(refuse(format!("{name} unpacks to more than {}", mib(max_entry))));
        }
        total += size;
        if total > max_total {
            return Err(refuse(format!("it unpacks to more than {}", mib(max_total))));
        }
        each(&name, kept)?;
    }
    Ok(())
}

/// Checks that every entry of the archive unpacks, within the bounds.
pub(crate) fn check(bytes: &[u8], refuse: fn(String) -> ImportError) -> Result<(), ImportError> {
    check_within(bytes, refuse, (MAX_UNPACKED_ENTRY, MAX_UNPACKED_TOTAL))
}

/// [`check`] with other bounds (per entry, in all).
pub(crate) fn check_within(
    bytes: &[u8],
    refuse: fn(String) -> ImportError,
    bounds: (u64, u64),
) -> Result<(), ImportError> {
    unpack(bytes, refuse, bounds, false, &mut |_, _| Ok(()))
}

/// The files of the archive, unpacked, within the bounds.
pub(crate) fn files(
    bytes: &[u8],
    refuse: fn(String) -> ImportError,
) -> Result<Vec<(String, Vec<u8>)>, ImportError> {
    let mut out = Vec::new();
    unpack(bytes, refuse, (MAX_UNPACKED_ENTRY, MAX_UNPACKED_TOTAL), true, &mut |name, data| {
        out.push((name.to_owned(), data));
        Ok(())
    })?;
    Ok(out)
}
