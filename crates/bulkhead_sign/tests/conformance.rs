//! cosign's own key material (`../shared/conformance/cosign`): every key cosign accepts is
//! accepted here, signs and verifies, and survives a re-encryption round trip; every key cosign
//! refuses is refused with cosign's reason (`expected.tsv`).

use bulkhead_sign::{PrivateKey, encrypted};
use std::path::PathBuf;

fn folder() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/cosign");
    if d.join("expected.tsv").is_file() {
        return Some(d);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/conformance/cosign is missing under CI=true"
    );
    println!("skipped: ../shared/conformance/cosign not present");
    None
}

/// Loads a file the way the CLI does: encrypted files are decrypted (password `hello`, or empty
/// when the name says so), plain PEM goes through the import rules.
fn load(path: &std::path::Path, name: &str) -> Result<PrivateKey, String> {
    let text = std::fs::read(path).unwrap();
    if name.starts_with("encrypted/") {
        let pw: &[u8] = if name.contains("empty") {
            b""
        } else {
            b"hello"
        };
        encrypted::decrypt(&text, pw).map_err(|e| e.to_string())
    } else {
        PrivateKey::import_pem(&text).map_err(|e| e.to_string())
    }
}

#[test]
fn cosign_key_material() {
    let Some(dir) = folder() else { return };
    let tsv = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut checked = 0;
    let mut accepted = 0;
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (name, expected, why) = (cols[0], cols[1], cols.get(2).copied().unwrap_or(""));
        let got = load(&dir.join(name), name);
        match (expected, got) {
            ("ok", Ok(key)) => {
                accepted += 1;
                let sig = key.sign(b"payload");
                let public = key.public_key();
                assert!(
                    public.verify(b"payload", &sig),
                    "{name}: own signature must verify"
                );
                assert!(
                    !public.verify(b"payloaD", &sig),
                    "{name}: tampered payload verified"
                );
                // The re-encrypted key loads again (what cosign's import test checks).
                let pem = encrypted::encrypt_with(&key, b"pw", 1024, 8, 1).unwrap();
                let back = encrypted::decrypt(pem.as_bytes(), b"pw").unwrap();
                assert_eq!(back.public_key(), public, "{name}");
                let pub_pem = public.to_pem().unwrap();
                assert_eq!(
                    bulkhead_sign::PublicKey::from_pem(pub_pem.as_bytes()).unwrap(),
                    public
                );
            }
            ("reject", Err(msg)) => {
                // cosign's Go messages carry the `x509: ` package prefix; the reason is the same.
                // A reason column that explains names cosign's message in double quotes.
                let reason = match why.split_once('"') {
                    Some((_, rest)) => rest.rsplit_once('"').map_or(rest, |(m, _)| m),
                    None => why,
                };
                assert_eq!(
                    msg,
                    reason.replace("x509: ", ""),
                    "{name}: reason differs from cosign's"
                );
            }
            (exp, got) => panic!("{name}: expected {exp} ({why}), got {got:?}"),
        }
        checked += 1;
    }
    assert_eq!((checked, accepted), (18, 11), "expected.tsv rows checked");
}

#[test]
fn wrong_password_and_truncation_fail_cleanly() {
    let Some(dir) = folder() else { return };
    let text = std::fs::read(dir.join("encrypted/pemsigstorekey.key")).unwrap();
    let e = encrypted::decrypt(&text, b"hellx").unwrap_err();
    assert_eq!(e.to_string(), "decrypt: wrong password or corrupted key");
    let crlf = String::from_utf8(text.clone())
        .unwrap()
        .replace('\n', "\r\n");
    assert!(encrypted::decrypt(crlf.as_bytes(), b"hello").is_ok());
    for cut in [10, text.len() / 3, text.len() / 2, text.len() - 30] {
        let e = encrypted::decrypt(&text[..cut], b"hello").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("not a cosign encrypted private key"),
            "{cut}: {e}"
        );
    }
}

/// Hostile bytes never panic: every single-byte change and every truncation of real key files
/// and of a payload/envelope either parses or returns an error.
#[test]
fn mutated_inputs_never_panic() {
    let key = PrivateKey::generate_p256();
    let encrypted = encrypted::encrypt_with(&key, b"pw", 16, 1, 1).unwrap();
    let public = key.public_key().to_pem().unwrap();
    let mut inputs: Vec<Vec<u8>> = vec![encrypted.clone().into_bytes(), public.into_bytes()];
    if let Some(dir) = folder() {
        for f in [
            "import/validrsa.key",
            "import/ed25519.key",
            "import/validecp521.key",
        ] {
            inputs.push(std::fs::read(dir.join(f)).unwrap());
        }
    }
    for input in &inputs {
        for i in 0..input.len() {
            let mut m = input.clone();
            m[i] = m[i].wrapping_add(1 + (i % 7) as u8);
            let _ = PrivateKey::import_pem(&m);
            let _ = bulkhead_sign::PublicKey::from_pem(&m);
            let _ = encrypted::decrypt(&m, b"pw");
            let _ = PrivateKey::import_pem(&input[..i]);
            let _ = bulkhead_sign::PublicKey::from_pem(&input[..i]);
            let _ = encrypted::decrypt(&input[..i], b"pw");
        }
    }
    let env = bulkhead_sign::payload::Envelope::sign(&key, "application/vnd.in-toto+json", b"{}");
    let json = serde_json::to_vec(&env).unwrap();
    for i in 0..json.len() {
        let mut m = json.clone();
        m[i] ^= 0x20;
        if let Ok(e) = serde_json::from_slice::<bulkhead_sign::payload::Envelope>(&m) {
            let _ = e.verify(&[key.public_key()]);
        }
    }
}
