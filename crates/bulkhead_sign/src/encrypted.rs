//! cosign's encrypted private-key file: a PEM block (`ENCRYPTED SIGSTORE PRIVATE KEY`, or the
//! legacy `ENCRYPTED COSIGN PRIVATE KEY`) whose body is JSON naming the KDF (scrypt with N, r, p
//! and a 32-byte salt), the cipher (nacl/secretbox with a 24-byte nonce) and the ciphertext of
//! the PKCS#8 DER private key. Writing uses N=32768 r=8 p=1 like `cosign generate-key-pair`.
//!
//! Hostile files are bounded: scrypt parameters beyond 256 MiB of memory are refused before any
//! work is done.

use crate::keys::{KeyError, PrivateKey, pem_block, to_pem};
use base64::Engine as _;
use crypto_secretbox::XSalsa20Poly1305;
use crypto_secretbox::aead::{Aead, KeyInit};
use serde::{Deserialize, Serialize};

/// The PEM label cosign writes today.
pub const PEM_LABEL: &str = "ENCRYPTED SIGSTORE PRIVATE KEY";
/// The PEM label of cosign's older key files (still read).
pub const LEGACY_PEM_LABEL: &str = "ENCRYPTED COSIGN PRIVATE KEY";

/// Why an encrypted key could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum EncryptedKeyError {
    /// Not a PEM block, or another label.
    #[error("not a cosign encrypted private key: {0}")]
    NotEncryptedKey(String),
    /// The JSON inside the PEM does not parse or has the wrong shape.
    #[error("malformed encrypted key: {0}")]
    Malformed(String),
    /// A KDF or cipher cosign does not use, or parameters out of bounds.
    #[error("unsupported encrypted key: {0}")]
    Unsupported(String),
    /// Authentication of the ciphertext failed.
    #[error("decrypt: wrong password or corrupted key")]
    Decrypt,
    /// The decrypted key is not a key cosign signs with.
    #[error("parsing private key: {0}")]
    Key(KeyError),
    /// The plaintext is a SEC1 key, which cosign refuses inside this format.
    #[error(
        "parsing private key: failed to parse private key (use ParseECPrivateKey instead for this key format)"
    )]
    Sec1Plaintext,
}

#[derive(Serialize, Deserialize)]
struct KdfParams {
    #[serde(rename = "N")]
    n: u64,
    r: u32,
    p: u32,
}

#[derive(Serialize, Deserialize)]
struct Kdf {
    name: String,
    params: KdfParams,
    salt: String,
}

#[derive(Serialize, Deserialize)]
struct Cipher {
    name: String,
    nonce: String,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    kdf: Kdf,
    cipher: Cipher,
    ciphertext: String,
}

const MAX_SCRYPT_MEMORY: u64 = 256 << 20;

fn derive(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u32,
    p: u32,
) -> Result<[u8; 32], EncryptedKeyError> {
    if n < 2 || !n.is_power_of_two() {
        return Err(EncryptedKeyError::Unsupported(format!(
            "scrypt N={n} is not a power of two"
        )));
    }
    if r == 0 || p == 0 || p > 16 || 128 * u64::from(r) * n > MAX_SCRYPT_MEMORY {
        return Err(EncryptedKeyError::Unsupported(format!(
            "scrypt parameters N={n} r={r} p={p} exceed the bound ({} MiB)",
            MAX_SCRYPT_MEMORY >> 20
        )));
    }
    let log_n = n.trailing_zeros() as u8;
    let params = scrypt::Params::new(log_n, r, p, 32)
        .map_err(|e| EncryptedKeyError::Unsupported(format!("scrypt parameters: {e}")))?;
    let mut key = [0u8; 32];
    scrypt::scrypt(password, salt, &params, &mut key)
        .map_err(|e| EncryptedKeyError::Unsupported(format!("scrypt: {e}")))?;
    Ok(key)
}

/// Decrypts a cosign encrypted key file (either label, LF or CRLF) with `password` (may be
/// empty). The plaintext must be PKCS#8, as cosign requires.
pub fn decrypt(text: &[u8], password: &[u8]) -> Result<PrivateKey, EncryptedKeyError> {
    let (label, der) =
        pem_block(text).map_err(|e| EncryptedKeyError::NotEncryptedKey(e.to_string()))?;
    if label != PEM_LABEL && label != LEGACY_PEM_LABEL {
        return Err(EncryptedKeyError::NotEncryptedKey(format!(
            "PEM block is {label:?}, expected {PEM_LABEL:?}"
        )));
    }
    let env: Envelope =
        serde_json::from_slice(&der).map_err(|e| EncryptedKeyError::Malformed(e.to_string()))?;
    if env.kdf.name != "scrypt" {
        return Err(EncryptedKeyError::Unsupported(format!(
            "kdf {:?}",
            env.kdf.name
        )));
    }
    if env.cipher.name != "nacl/secretbox" {
        return Err(EncryptedKeyError::Unsupported(format!(
            "cipher {:?}",
            env.cipher.name
        )));
    }
    let b64 = |what: &str, s: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(s)
            .map_err(|e| EncryptedKeyError::Malformed(format!("{what}: {e}")))
    };
    let salt = b64("salt", &env.kdf.salt)?;
    let nonce = b64("nonce", &env.cipher.nonce)?;
    let ciphertext = b64("ciphertext", &env.ciphertext)?;
    if nonce.len() != 24 {
        return Err(EncryptedKeyError::Malformed(format!(
            "nonce of {} bytes, expected 24",
            nonce.len()
        )));
    }
    let key = derive(
        password,
        &salt,
        env.kdf.params.n,
        env.kdf.params.r,
        env.kdf.params.p,
    )?;
    let cipher = XSalsa20Poly1305::new(&key.into());
    let plain = cipher
        .decrypt(
            crypto_secretbox::Nonce::from_slice(&nonce),
            ciphertext.as_slice(),
        )
        .map_err(|_| EncryptedKeyError::Decrypt)?;
    if pkcs8::PrivateKeyInfo::try_from(plain.as_slice()).is_err()
        && <sec1::EcPrivateKey as pkcs8::der::Decode>::from_der(&plain).is_ok()
    {
        return Err(EncryptedKeyError::Sec1Plaintext);
    }
    PrivateKey::from_pkcs8_der(&plain).map_err(EncryptedKeyError::Key)
}

/// Encrypts `key` in cosign's format (label `ENCRYPTED SIGSTORE PRIVATE KEY`, scrypt N=32768
/// r=8 p=1, fresh random salt and nonce).
pub fn encrypt(key: &PrivateKey, password: &[u8]) -> Result<String, EncryptedKeyError> {
    encrypt_with(key, password, 32768, 8, 1)
}

/// [`encrypt`] with explicit scrypt parameters (tests use small ones).
pub fn encrypt_with(
    key: &PrivateKey,
    password: &[u8],
    n: u64,
    r: u32,
    p: u32,
) -> Result<String, EncryptedKeyError> {
    use rand_core::RngCore;
    let mut salt = [0u8; 32];
    let mut nonce = [0u8; 24];
    rand_core::OsRng.fill_bytes(&mut salt);
    rand_core::OsRng.fill_bytes(&mut nonce);
    let k = derive(password, &salt, n, r, p)?;
    let der = key.to_pkcs8_der().map_err(EncryptedKeyError::Key)?;
    let cipher = XSalsa20Poly1305::new(&k.into());
    let ct = cipher
        .encrypt(crypto_secretbox::Nonce::from_slice(&nonce), der.as_slice())
        .map_err(|_| EncryptedKeyError::Decrypt)?;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let env = Envelope {
        kdf: Kdf {
            name: "scrypt".into(),
            params: KdfParams { n, r, p },
            salt: b64(&salt),
        },
        cipher: Cipher {
            name: "nacl/secretbox".into(),
            nonce: b64(&nonce),
        },
        ciphertext: b64(&ct),
    };
    let json = serde_json::to_vec(&env).map_err(|e| EncryptedKeyError::Malformed(e.to_string()))?;
    Ok(to_pem(PEM_LABEL, &json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_wrong_password() {
        let k = PrivateKey::generate_p256();
        let pem = encrypt_with(&k, b"pw", 1024, 8, 1).unwrap();
        assert!(pem.starts_with("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"));
        let back = decrypt(pem.as_bytes(), b"pw").unwrap();
        assert_eq!(back.public_key(), k.public_key());
        assert!(matches!(
            decrypt(pem.as_bytes(), b"px"),
            Err(EncryptedKeyError::Decrypt)
        ));
        let crlf = pem.replace('\n', "\r\n");
        assert!(decrypt(crlf.as_bytes(), b"pw").is_ok());
        let legacy = pem.replace(PEM_LABEL, LEGACY_PEM_LABEL);
        assert!(decrypt(legacy.as_bytes(), b"pw").is_ok());
    }

    #[test]
    fn hostile_parameters_are_refused_before_work() {
        let k = PrivateKey::generate_p256();
        let pem = encrypt_with(&k, b"", 1024, 8, 1).unwrap();
        let (_, der) = pem_block(pem.as_bytes()).unwrap();
        let mut v: serde_json::Value = serde_json::from_slice(&der).unwrap();
        v["kdf"]["params"]["N"] = serde_json::json!(1u64 << 40);
        let bad = to_pem(PEM_LABEL, &serde_json::to_vec(&v).unwrap());
        assert!(matches!(
            decrypt(bad.as_bytes(), b""),
            Err(EncryptedKeyError::Unsupported(_))
        ));
        v["kdf"]["params"]["N"] = serde_json::json!(1000);
        let bad = to_pem(PEM_LABEL, &serde_json::to_vec(&v).unwrap());
        assert!(matches!(
            decrypt(bad.as_bytes(), b""),
            Err(EncryptedKeyError::Unsupported(_))
        ));
    }
}
