//! A bearer-token endpoint for the registry tests: a JWT signed with a throwaway RSA key (made
//! by `openssl`), whose certificate the registry trusts, served on 127.0.0.1 by a tiny HTTP
//! server thread that records the query strings it was asked.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

fn b64url(b: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut s = String::new();
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..=c.len() {
            s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    s
}

fn b64std(b: &[u8]) -> String {
    b64url(b).replace('-', "+").replace('_', "/")
        + match b.len() % 3 {
            1 => "==",
            2 => "=",
            _ => "",
        }
}

pub struct TokenServer {
    pub realm: String,
    pub cert: PathBuf,
    pub requests: Arc<Mutex<Vec<String>>>,
}

/// Makes the key, certificate and token, and starts the token endpoint.
pub fn start(dir: &Path, repo: &str) -> TokenServer {
    let key = dir.join("token-key.pem");
    let cert = dir.join("token-cert.pem");
    let ok = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "3650",
            "-subj",
            "/CN=bulkhead-token",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let der = Command::new("openssl")
        .args(["x509", "-outform", "DER", "-in"])
        .arg(&cert)
        .output()
        .unwrap()
        .stdout;
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "x5c": [b64std(&der)]});
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let claims = serde_json::json!({
        "iss": "bulkhead-test", "sub": "alice", "aud": "bulkhead-registry",
        "exp": now + 3600, "nbf": now - 60, "iat": now - 60, "jti": "bulkhead-test-token",
        "access": [{"type": "repository", "name": repo, "actions": ["pull", "push"]}],
    });
    let signing_input = format!(
        "{}.{}",
        b64url(&serde_json::to_vec(&header).unwrap()),
        b64url(&serde_json::to_vec(&claims).unwrap())
    );
    let input_file = dir.join("jwt-input");
    std::fs::write(&input_file, &signing_input).unwrap();
    let sig = Command::new("openssl")
        .args(["dgst", "-sha256", "-sign"])
        .arg(&key)
        .arg(&input_file)
        .output()
        .unwrap()
        .stdout;
    let jwt = format!("{signing_input}.{}", b64url(&sig));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let realm = format!("http://{}/token", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(1000) {
            let Ok(mut s) = stream else { continue };
            let mut line = String::new();
            let mut r = BufReader::new(s.try_clone().unwrap());
            if r.read_line(&mut line).is_err() {
                continue;
            }
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
                    break;
                }
            }
            seen.lock().unwrap().push(line.trim().to_string());
            let body = serde_json::json!({"token": jwt, "access_token": jwt, "expires_in": 3600})
                .to_string();
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    TokenServer {
        realm,
        cert,
        requests,
    }
}
