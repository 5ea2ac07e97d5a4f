//! Keys: the signature schemes cosign supports (ECDSA P-256/P-384/P-521 with DER signatures,
//! RSA PKCS#1 v1.5 with SHA-256, pure Ed25519), parsing of public keys (PKIX `PUBLIC KEY` PEM)
//! and of plain private keys as `cosign import-key-pair` takes them (PKCS#8, PKCS#1, SEC1),
//! with cosign's acceptance rules and refusal reasons, and signing/verifying bytes.
//!
//! Does not own: the encrypted key file format (`encrypted.rs`), payloads, registries.
//!
//! Hashes: P-256 and RSA sign SHA-256, P-384 SHA-384, P-521 SHA-512 (cosign's defaults for
//! those curves); ECDSA verification also accepts a SHA-256 signature on P-384/P-521 keys, which
//! older cosign releases produced.

use ecdsa::signature::hazmat::PrehashVerifier;
use ecdsa::signature::{Signer, Verifier};
use pkcs8::der::Decode;
use pkcs8::{DecodePrivateKey, EncodePrivateKey, ObjectIdentifier};
use sha2::{Digest, Sha256};
use spki::{DecodePublicKey, EncodePublicKey};

const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const OID_P224: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.33");
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const OID_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const OID_P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");

/// Why a key was refused or could not be read. The messages of refused imports are cosign's.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// No PEM block could be decoded.
    #[error("invalid pem block")]
    InvalidPem,
    /// A PEM block that is not a private key cosign imports.
    #[error("unsupported private key")]
    UnsupportedPrivateKey,
    /// A PEM block that is not a public key.
    #[error("unsupported public key: expected a PEM `PUBLIC KEY` block, found {0:?}")]
    UnsupportedPublicKey(String),
    /// RSA key outside 2048-4096 bits.
    #[error("error validating rsa key: key size not supported: {0}")]
    RsaSize(usize),
    /// ECDSA on a curve cosign refuses (P-224).
    #[error("error validating ecdsa key: ECDSA curve {0} not allowed")]
    CurveNotAllowed(&'static str),
    /// An `EC PRIVATE KEY` that does not parse (or names an unknown curve, e.g. secp256k1).
    #[error("error parsing ecdsa private key")]
    EcdsaParse,
    /// An `RSA PRIVATE KEY` that does not parse.
    #[error("error parsing rsa private key")]
    RsaParse,
    /// A `PRIVATE KEY` (PKCS#8) that does not parse or has an unknown algorithm.
    #[error("error parsing private key{0}")]
    Pkcs8Parse(String),
    /// A public key that does not parse.
    #[error("error parsing public key: {0}")]
    PublicParse(String),
    /// The key could not be encoded (should not happen for keys this module made).
    #[error("encoding key: {0}")]
    Encode(String),
}

/// The signature scheme of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Algorithm {
    /// ECDSA on P-256 with SHA-256 (cosign's generated keys).
    EcdsaP256Sha256,
    /// ECDSA on P-384 with SHA-384.
    EcdsaP384Sha384,
    /// ECDSA on P-521 with SHA-512.
    EcdsaP521Sha512,
    /// RSA PKCS#1 v1.5 with SHA-256; the modulus size in bits.
    RsaPkcs1Sha256(usize),
    /// Pure Ed25519.
    Ed25519,
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Algorithm::EcdsaP256Sha256 => f.write_str("ecdsa-p256-sha256"),
            Algorithm::EcdsaP384Sha384 => f.write_str("ecdsa-p384-sha384"),
            Algorithm::EcdsaP521Sha512 => f.write_str("ecdsa-p521-sha512"),
            Algorithm::RsaPkcs1Sha256(b) => write!(f, "rsa-pkcs1-{b}-sha256"),
            Algorithm::Ed25519 => f.write_str("ed25519"),
        }
    }
}

enum Private {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    Rsa(Box<rsa::RsaPrivateKey>),
    Ed25519(ed25519_dalek::SigningKey),
}

/// A private key cosign can sign with.
pub struct PrivateKey(Private);

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateKey({})", self.algorithm())
    }
}

#[derive(Clone)]
enum Public {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    P521(p521::ecdsa::VerifyingKey),
    Rsa(Box<rsa::RsaPublicKey>),
    Ed25519(ed25519_dalek::VerifyingKey),
}

/// A public key signatures are checked with.
#[derive(Clone)]
pub struct PublicKey(Public);

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({}, {})", self.algorithm(), self.key_id())
    }
}

impl PartialEq for PublicKey {
    fn eq(&self, other: &Self) -> bool {
        self.to_der().ok() == other.to_der().ok()
    }
}

/// Decodes the first PEM block of `text` (LF or CRLF line ends; text before the block is
/// ignored, as Go's `pem.Decode` does).
pub(crate) fn pem_block(text: &[u8]) -> Result<(String, Vec<u8>), KeyError> {
    use base64::Engine as _;
    let s = std::str::from_utf8(text).map_err(|_| KeyError::InvalidPem)?;
    let start = s.find("-----BEGIN ").ok_or(KeyError::InvalidPem)?;
    let rest = &s[start + 11..];
    let label_end = rest.find("-----").ok_or(KeyError::InvalidPem)?;
    let label = rest[..label_end].to_string();
    let body_and_end = &rest[label_end + 5..];
    let end_marker = format!("-----END {label}-----");
    let end = body_and_end.find(&end_marker).ok_or(KeyError::InvalidPem)?;
    let body = &body_and_end[..end];
    let mut b64 = String::with_capacity(body.len());
    for line in body.lines() {
        let line = line.trim_end_matches('\r').trim();
        if line.is_empty() {
            continue;
        }
        if line.contains(':') {
            // RFC 1421 headers (`Proc-Type:`, `Version:`): allowed only before the data.
            if b64.is_empty() {
                continue;
            }
            return Err(KeyError::InvalidPem);
        }
        b64.push_str(line);
    }
    let der = base64::engine::general_purpose::STANDARD
        .decode(b64.as_bytes())
        .map_err(|_| KeyError::InvalidPem)?;
    Ok((label, der))
}

fn pem_encode(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or(""));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

fn check_rsa_size(bits: usize) -> Result<(), KeyError> {
    if (2048..=4096).contains(&bits) {
        Ok(())
    } else {
        Err(KeyError::RsaSize(bits))
    }
}

fn curve_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    Some(match *oid {
        OID_P224 => "P-224",
        OID_P256 => "P-256",
        OID_P384 => "P-384",
        OID_P521 => "P-521",
        _ => return None,
    })
}

impl PrivateKey {
    /// A fresh ECDSA P-256 key (what `key generate` makes, as cosign does).
    pub fn generate_p256() -> PrivateKey {
        PrivateKey(Private::P256(p256::ecdsa::SigningKey::random(
            &mut rand_core::OsRng,
        )))
    }

    /// Parses a plain PEM private key as `cosign import-key-pair` does: `RSA PRIVATE KEY`
    /// (PKCS#1), `EC PRIVATE KEY` (SEC1) or `PRIVATE KEY` (PKCS#8); RSA 2048-4096 bits, ECDSA
    /// P-256/384/521 and Ed25519 are accepted, anything else is refused with cosign's reason.
    pub fn import_pem(text: &[u8]) -> Result<PrivateKey, KeyError> {
        let (label, der) = pem_block(text)?;
        match label.as_str() {
            "RSA PRIVATE KEY" => {
                use rsa::pkcs1::DecodeRsaPrivateKey;
                let k = rsa::RsaPrivateKey::from_pkcs1_der(&der).map_err(|_| KeyError::RsaParse)?;
                Self::from_rsa(k)
            }
            "EC PRIVATE KEY" => Self::from_sec1_der(&der),
            "PRIVATE KEY" => Self::from_pkcs8_der(&der),
            _ => Err(KeyError::UnsupportedPrivateKey),
        }
    }

    fn from_rsa(k: rsa::RsaPrivateKey) -> Result<PrivateKey, KeyError> {
        use rsa::traits::PublicKeyParts;
        check_rsa_size(k.n().bits())?;
        Ok(PrivateKey(Private::Rsa(Box::new(k))))
    }

    fn from_sec1_der(der: &[u8]) -> Result<PrivateKey, KeyError> {
        let k = sec1::EcPrivateKey::from_der(der).map_err(|_| KeyError::EcdsaParse)?;
        let oid = k
            .parameters
            .and_then(|p| p.named_curve())
            .ok_or(KeyError::EcdsaParse)?;
        Self::from_ec_scalar(oid, k.private_key, KeyError::EcdsaParse)
    }

    fn from_ec_scalar(
        oid: ObjectIdentifier,
        scalar: &[u8],
        parse_err: KeyError,
    ) -> Result<PrivateKey, KeyError> {
        Ok(PrivateKey(match oid {
            OID_P256 => {
                Private::P256(p256::ecdsa::SigningKey::from_slice(scalar).map_err(|_| parse_err)?)
            }
            OID_P384 => {
                Private::P384(p384::ecdsa::SigningKey::from_slice(scalar).map_err(|_| parse_err)?)
            }
            OID_P521 => {
                Private::P521(p521::ecdsa::SigningKey::from_slice(scalar).map_err(|_| parse_err)?)
            }
            OID_P224 => return Err(KeyError::CurveNotAllowed("P-224")),
            _ => return Err(parse_err),
        }))
    }

    /// Parses a PKCS#8 DER private key (the plaintext of cosign's encrypted format).
    pub fn from_pkcs8_der(der: &[u8]) -> Result<PrivateKey, KeyError> {
        let info = pkcs8::PrivateKeyInfo::from_der(der)
            .map_err(|e| KeyError::Pkcs8Parse(format!(": {e}")))?;
        let oid = info.algorithm.oid;
        if oid == OID_RSA {
            let k = rsa::RsaPrivateKey::from_pkcs8_der(der)
                .map_err(|e| KeyError::Pkcs8Parse(format!(": {e}")))?;
            Self::from_rsa(k)
        } else if oid == OID_EC {
            let curve = info
                .algorithm
                .parameters_oid()
                .map_err(|_| KeyError::Pkcs8Parse(": EC key without a named curve".into()))?;
            let inner = sec1::EcPrivateKey::from_der(info.private_key)
                .map_err(|e| KeyError::Pkcs8Parse(format!(": {e}")))?;
            if curve_name(&curve).is_none() {
                return Err(KeyError::Pkcs8Parse(": unknown elliptic curve".into()));
            }
            Self::from_ec_scalar(
                curve,
                inner.private_key,
                KeyError::Pkcs8Parse(": invalid EC private key".into()),
            )
        } else if oid == OID_ED25519 {
            let k = ed25519_dalek::SigningKey::from_pkcs8_der(der)
                .map_err(|e| KeyError::Pkcs8Parse(format!(": {e}")))?;
            Ok(PrivateKey(Private::Ed25519(k)))
        } else {
            Err(KeyError::Pkcs8Parse(format!(
                ": unknown public key algorithm {oid}"
            )))
        }
    }

    /// PKCS#8 DER of this key (what cosign encrypts).
    pub fn to_pkcs8_der(&self) -> Result<Vec<u8>, KeyError> {
        let enc = |e: pkcs8::Error| KeyError::Encode(e.to_string());
        let doc = match &self.0 {
            Private::P256(k) => k.to_pkcs8_der().map_err(enc)?,
            Private::P384(k) => k.to_pkcs8_der().map_err(enc)?,
            Private::P521(k) => {
                let sk = p521::SecretKey::from_bytes(&k.to_bytes())
                    .map_err(|e| KeyError::Encode(e.to_string()))?;
                sk.to_pkcs8_der().map_err(enc)?
            }
            Private::Rsa(k) => k.to_pkcs8_der().map_err(enc)?,
            Private::Ed25519(k) => {
                // PKCS#8 v1 without the optional public key, as Go's MarshalPKCS8PrivateKey
                // writes it (OpenSSL and Go both read this form).
                let mut der = vec![
                    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04,
                    0x22, 0x04, 0x20,
                ];
                der.extend_from_slice(&k.to_bytes());
                return Ok(der);
            }
        };
        Ok(doc.as_bytes().to_vec())
    }

    /// The signature scheme.
    pub fn algorithm(&self) -> Algorithm {
        self.public_key().algorithm()
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey(match &self.0 {
            Private::P256(k) => Public::P256(*k.verifying_key()),
            Private::P384(k) => Public::P384(*k.verifying_key()),
            Private::P521(k) => Public::P521(p521::ecdsa::VerifyingKey::from(k)),
            Private::Rsa(k) => Public::Rsa(Box::new(k.to_public_key())),
            Private::Ed25519(k) => Public::Ed25519(k.verifying_key()),
        })
    }

    /// Signs `message` (the scheme hashes it): DER for ECDSA, raw for RSA and Ed25519.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        match &self.0 {
            Private::P256(k) => {
                let s: p256::ecdsa::Signature = k.sign(message);
                s.to_der().as_bytes().to_vec()
            }
            Private::P384(k) => {
                let s: p384::ecdsa::Signature = k.sign(message);
                s.to_der().as_bytes().to_vec()
            }
            Private::P521(k) => {
                let s: p521::ecdsa::Signature = k.sign(message);
                s.to_der().as_bytes().to_vec()
            }
            Private::Rsa(k) => {
                let sk = rsa::pkcs1v15::SigningKey::<Sha256>::new((**k).clone());
                let s: rsa::pkcs1v15::Signature = sk.sign(message);
                rsa::signature::SignatureEncoding::to_vec(&s)
            }
            Private::Ed25519(k) => k.sign(message).to_bytes().to_vec(),
        }
    }
}

impl PublicKey {
    /// Parses a PKIX `PUBLIC KEY` PEM (what `cosign.pub` holds), LF or CRLF.
    pub fn from_pem(text: &[u8]) -> Result<PublicKey, KeyError> {
        let (label, der) = pem_block(text)?;
        if label != "PUBLIC KEY" {
            return Err(KeyError::UnsupportedPublicKey(label));
        }
        Self::from_der(&der)
    }

    /// Parses a DER SubjectPublicKeyInfo.
    pub fn from_der(der: &[u8]) -> Result<PublicKey, KeyError> {
        let perr = |e: String| KeyError::PublicParse(e);
        let info = spki::SubjectPublicKeyInfoRef::from_der(der).map_err(|e| perr(e.to_string()))?;
        let oid = info.algorithm.oid;
        Ok(PublicKey(if oid == OID_EC {
            let curve = info
                .algorithm
                .parameters_oid()
                .map_err(|_| perr("EC key without a named curve".into()))?;
            let point = info.subject_public_key.raw_bytes();
            match curve {
                OID_P256 => Public::P256(
                    p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                        .map_err(|e| perr(e.to_string()))?,
                ),
                OID_P384 => Public::P384(
                    p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                        .map_err(|e| perr(e.to_string()))?,
                ),
                OID_P521 => Public::P521(
                    p521::ecdsa::VerifyingKey::from_sec1_bytes(point)
                        .map_err(|e| perr(e.to_string()))?,
                ),
                OID_P224 => return Err(KeyError::CurveNotAllowed("P-224")),
                other => return Err(perr(format!("unsupported elliptic curve {other}"))),
            }
        } else if oid == OID_RSA {
            use rsa::traits::PublicKeyParts;
            let k = rsa::RsaPublicKey::from_public_key_der(der).map_err(|e| perr(e.to_string()))?;
            check_rsa_size(k.n().bits())?;
            Public::Rsa(Box::new(k))
        } else if oid == OID_ED25519 {
            Public::Ed25519(
                ed25519_dalek::VerifyingKey::from_public_key_der(der)
                    .map_err(|e| perr(e.to_string()))?,
            )
        } else {
            return Err(perr(format!("unsupported public key algorithm {oid}")));
        }))
    }

    /// DER SubjectPublicKeyInfo.
    pub fn to_der(&self) -> Result<Vec<u8>, KeyError> {
        let enc = |e: spki::Error| KeyError::Encode(e.to_string());
        let doc = match &self.0 {
            Public::P256(k) => k.to_public_key_der().map_err(enc)?,
            Public::P384(k) => k.to_public_key_der().map_err(enc)?,
            Public::P521(k) => {
                let pk = p521::PublicKey::from_sec1_bytes(k.to_encoded_point(false).as_bytes())
                    .map_err(|e| KeyError::Encode(e.to_string()))?;
                pk.to_public_key_der().map_err(enc)?
            }
            Public::Rsa(k) => k.to_public_key_der().map_err(enc)?,
            Public::Ed25519(k) => k.to_public_key_der().map_err(enc)?,
        };
        Ok(doc.as_bytes().to_vec())
    }

    /// PKIX `PUBLIC KEY` PEM (LF line ends, 64 columns), as cosign writes `cosign.pub`.
    pub fn to_pem(&self) -> Result<String, KeyError> {
        Ok(pem_encode("PUBLIC KEY", &self.to_der()?))
    }

    /// A short stable identifier: `sha256:` of the DER SubjectPublicKeyInfo, first 16 hex.
    pub fn key_id(&self) -> String {
        let der = self.to_der().unwrap_or_default();
        let h = Sha256::digest(&der);
        let hex: String = h.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }

    /// The signature scheme.
    pub fn algorithm(&self) -> Algorithm {
        match &self.0 {
            Public::P256(_) => Algorithm::EcdsaP256Sha256,
            Public::P384(_) => Algorithm::EcdsaP384Sha384,
            Public::P521(_) => Algorithm::EcdsaP521Sha512,
            Public::Rsa(k) => {
                use rsa::traits::PublicKeyParts;
                Algorithm::RsaPkcs1Sha256(k.n().bits())
            }
            Public::Ed25519(_) => Algorithm::Ed25519,
        }
    }

    /// Whether `signature` is a valid signature of `message` by this key.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        let sha256 = || Sha256::digest(message);
        match &self.0 {
            Public::P256(k) => p256::ecdsa::Signature::from_der(signature)
                .is_ok_and(|s| k.verify(message, &s).is_ok()),
            Public::P384(k) => p384::ecdsa::Signature::from_der(signature).is_ok_and(|s| {
                k.verify(message, &s).is_ok() || k.verify_prehash(&sha256(), &s).is_ok()
            }),
            Public::P521(k) => p521::ecdsa::Signature::from_der(signature).is_ok_and(|s| {
                k.verify(message, &s).is_ok() || k.verify_prehash(&sha256(), &s).is_ok()
            }),
            Public::Rsa(k) => {
                let vk = rsa::pkcs1v15::VerifyingKey::<Sha256>::new((**k).clone());
                rsa::pkcs1v15::Signature::try_from(signature)
                    .is_ok_and(|s| vk.verify(message, &s).is_ok())
            }
            Public::Ed25519(k) => ed25519_dalek::Signature::from_slice(signature)
                .is_ok_and(|s| k.verify_strict(message, &s).is_ok()),
        }
    }
}

/// Encodes DER as PEM with `label` (64 columns, LF).
pub(crate) fn to_pem(label: &str, der: &[u8]) -> String {
    pem_encode(label, der)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_key_round_trips() {
        let k = PrivateKey::generate_p256();
        let sig = k.sign(b"hello");
        let pubk = PublicKey::from_pem(k.public_key().to_pem().unwrap().as_bytes()).unwrap();
        assert!(pubk.verify(b"hello", &sig));
        assert!(!pubk.verify(b"hellO", &sig));
        let again = PrivateKey::from_pkcs8_der(&k.to_pkcs8_der().unwrap()).unwrap();
        assert_eq!(again.public_key(), k.public_key());
    }

    #[test]
    fn pem_crlf_and_garbage() {
        let k = PrivateKey::generate_p256();
        let pem = k.public_key().to_pem().unwrap().replace('\n', "\r\n");
        assert!(PublicKey::from_pem(pem.as_bytes()).is_ok());
        assert!(matches!(
            PublicKey::from_pem(b"nothing"),
            Err(KeyError::InvalidPem)
        ));
        let truncated = &pem[..pem.len() / 2];
        assert!(PublicKey::from_pem(truncated.as_bytes()).is_err());
    }
}
