//! The optional second factor: RFC 6238 one-time codes (30 s steps, 6 digits, SHA-1, as every
//! authenticator app reads them), each accepted once, one step of clock drift either way.

use totp_rs::{Algorithm, Secret, TOTP};

const STEP_SECS: u64 = 30;
const ISSUER: &str = "nCEN";

fn totp(secret_b32: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_owned()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, STEP_SECS, bytes, Some(ISSUER.to_owned()), account.to_owned()).ok()
}

/// A new random secret, base32.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)?;
    Ok(Secret::Raw(bytes.to_vec()).to_encoded().to_string())
}

/// The `otpauth://` address an authenticator app enrols from.
pub fn url(secret_b32: &str, account: &str) -> Option<String> {
    Some(totp(secret_b32, account)?.get_url())
}

/// The time step of `code` if it is right now (±1 step) and newer than `last_step`.
pub fn accept(secret_b32: &str, account: &str, code: &str, last_step: u64) -> Option<u64> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret_b32, account)?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let step = now / STEP_SECS;
    [step.saturating_sub(1), step, step + 1].into_iter().find(|s| {
        *s > last_step && {
            let expected = totp.generate(s * STEP_SECS);
            // Constant time: the comparison does not stop at the first differing digit.
            expected.bytes().zip(code.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
        }
    })
}

/// The code of the current step, for tests.
#[cfg(test)]
pub fn current(secret_b32: &str, account: &str) -> Option<String> {
    totp(secret_b32, account)?.generate_current().ok()
}
