//! What was uploaded: an XLSX workbook, one CSV file of a sheet, or the template's CSV files
//! in a ZIP archive. Opening one checks what can be checked quickly (the archive unpacks
//! within bounds, CSV files are UTF-8, every sheet's header has the template's columns), so
//! that a file that cannot be imported is refused before a job starts.

use axum::body::Bytes;
use ncen_protocol::template::{SHEETS, Sheet, Table, check_header};

use super::{ImportError, csv_sheet, unzip, xlsx};

/// The media type of XLSX workbooks.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// How the upload is packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    /// One CSV file, of this sheet.
    Csv(Sheet),
    /// CSV files named after their sheets (`seizures.csv`, `goods.csv`...) in a ZIP archive.
    Zip,
}

impl Format {
    /// The format of a request's body, from its media type and the `sheet` it names.
    pub fn of(content_type: Option<&str>, sheet: Option<&str>) -> Result<Format, FormatError> {
        let media = content_type.and_then(|v| v.split(';').next()).map(|m| m.trim().to_ascii_lowercase());
        let format = match media.as_deref() {
            Some(XLSX_TYPE) => Format::Xlsx,
            Some("application/zip" | "application/x-zip-compressed") => Format::Zip,
            Some("text/csv") => {
                let Some(name) = sheet else {
                    return Err(FormatError::Sheet(format!(
                        "a CSV file needs ?sheet= naming its sheet: {}",
                        stems()
                    )));
                };
                let found = Sheet::by_file(name)
                    .or_else(|| SHEETS.into_iter().find(|s| s.name.eq_ignore_ascii_case(name)));
                Format::Csv(
                    found.ok_or_else(|| {
                        FormatError::Sheet(format!("sheet {name:?} is not one of {}", stems()))
                    })?,
                )
            }
            _ => {
                return Err(FormatError::MediaType(format!(
                    "send the file as Content-Type {XLSX_TYPE} (a workbook), text/csv (one sheet, named by \
                     ?sheet=) or application/zip (the CSV files of the template)"
                )));
            }
        };
        if sheet.is_some() && !matches!(format, Format::Csv(_)) {
            return Err(FormatError::Sheet("?sheet= is only for a CSV file".into()));
        }
        Ok(format)
    }

    pub fn name(&self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv(_) => "csv",
            Format::Zip => "zip",
        }
    }
}

/// Why a request's format is not one an import takes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The media type is none of the three.
    #[error("{0}")]
    MediaType(String),
    /// `?sheet=` is missing, unknown or out of place.
    #[error("{0}")]
    Sheet(String),
}

fn stems() -> String {
    SHEETS.iter().map(|s| s.stem()).collect::<Vec<_>>().join(", ")
}

/// An upload opened and checked, ready to be read.
pub enum Source {
    Xlsx(Box<xlsx::Workbook>, Vec<(String, Sheet)>),
    /// The CSV files of the template and, from a ZIP archive, the photos beside them (name in
    /// the archive and bytes).
    Csv(Vec<(Sheet, Bytes)>, Vec<(String, Vec<u8>)>),
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Xlsx(_, sheets) => f.debug_tuple("Xlsx").field(sheets).finish(),
            Source::Csv(files, _) => {
                f.debug_list().entries(files.iter().map(|(s, b)| (s.name, b.len()))).finish()
            }
        }
    }
}

fn utf8(bytes: &[u8], file: &str) -> Result<(), ImportError> {
    std::str::from_utf8(bytes).map(|_| ()).map_err(|e| {
        ImportError::NotCsv(format!(
            "{file} is not UTF-8 text (byte {}); save the file as CSV UTF-8",
            e.valid_up_to()
        ))
    })
}

/// Whether an archive's entry is a file of the template rather than a folder or a system file.
fn csv_of(name: &str) -> Option<Result<Sheet, ImportError>> {
    let base = name.rsplit('/').next().unwrap_or(name);
    if name.starts_with("__MACOSX/") || base.starts_with('.') || !base.to_ascii_lowercase().ends_with(".csv")
    {
        return None;
    }
    Some(Sheet::by_file(base).ok_or_else(|| {
        ImportError::NotZip(format!("{name} is not a CSV file of the template ({})", stems()))
    }))
}

/// Whether an archive's entry is meant as a photo (its content is checked when it is stored).
fn photo_of(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    !name.starts_with("__MACOSX/")
        && !base.starts_with('.')
        && [".jpg", ".jpeg", ".png"].iter().any(|ext| base.ends_with(ext))
}

impl Source {
    /// Takes the photos that came with the sheets (only a ZIP archive has any).
    pub fn take_photos(&mut self) -> Vec<(String, Vec<u8>)> {
        match self {
            Source::Csv(_, photos) => std::mem::take(photos),
            Source::Xlsx(..) => Vec::new(),
        }
    }

    /// Opens an upload and checks the header of each of its sheets.
    pub fn open(bytes: Bytes, format: Format) -> Result<Source, ImportError> {
        if bytes.len() > super::MAX_FILE_BYTES {
            return Err(ImportError::TooLarge);
        }
        match format {
            Format::Xlsx => {
                if !bytes.starts_with(b"PK\x03\x04") {
                    return Err(ImportError::NotXlsx("it does not start as a ZIP archive does".into()));
                }
                let mut workbook = xlsx::open(bytes)?;
                let sheets = xlsx::sheets(&workbook);
                if sheets.is_empty() {
                    return Err(ImportError::NoSheets);
                }
                for (name, sheet) in &sheets {
                    check_header(*sheet, &xlsx::header(&mut workbook, name, *sheet)?)?;
                }
                Ok(Source::Xlsx(Box::new(workbook), sheets))
            }
            Format::Csv(sheet) => {
                utf8(&bytes, sheet.file)?;
                check_header(sheet, &csv_sheet::header(&bytes, sheet.file)?)?;
                Ok(Source::Csv(vec![(sheet, bytes)], Vec::new()))
            }
            Format::Zip => {
                let mut files: Vec<(Sheet, Bytes)> = Vec::new();
                let mut photos = Vec::new();
                for (name, data) in unzip::files(&bytes, ImportError::NotZip)? {
                    if photo_of(&name) {
                        photos.push((name, data));
                        continue;
                    }
                    let Some(sheet) = csv_of(&name) else { continue };
                    let sheet = sheet?;
                    if files.iter().any(|(s, _)| *s == sheet) {
                        return Err(ImportError::NotZip(format!("it holds {} twice", sheet.file)));
                    }
                    utf8(&data, sheet.file)?;
                    check_header(sheet, &csv_sheet::header(&data, sheet.file)?)?;
                    files.push((sheet, Bytes::from(data)));
                }
                if files.is_empty() {
                    return Err(ImportError::NoSheets);
                }
                Ok(Source::Csv(files, photos))
            }
        }
    }

    /// Reads every sheet; `progress` hears the data rows read so far.
    pub fn read(self, progress: &mut dyn FnMut(usize)) -> Result<Vec<(Sheet, Table)>, ImportError> {
        let mut out = Vec::new();
        let mut before = 0;
        match self {
            Source::Xlsx(mut workbook, sheets) => {
                for (name, sheet) in sheets {
                    let table = xlsx::read(&mut workbook, &name, sheet, &mut |n| progress(before + n))?;
                    before += table.rows.len();
                    out.push((sheet, table));
                }
            }
            Source::Csv(files, _) => {
                for (sheet, bytes) in files {
                    let table = csv_sheet::read(&bytes, sheet)?;
                    before += table.rows.len();
                    progress(before);
                    out.push((sheet, table));
                }
            }
        }
        Ok(out)
    }
}
