//! Hostile images: escaping paths, absolute paths, links out of the root, device files,
//! decompression bombs, endless layers, truncated and corrupt archives, digest mismatches,
//! manifests that lie about sizes, malformed JSON, and random corruption. Each ends in a clear
//! error or a warning; nothing panics, nothing is written, memory stays bounded.

mod support;

use bulkhead_image::{ImageError, ScanOptions, scan_image};
use std::path::{Path, PathBuf};
use support::*;

fn base_entries() -> Vec<E> {
    vec![
        E::File("etc/os-release", OS_RELEASE.as_bytes().to_vec()),
        E::File("var/lib/dpkg/status", dpkg_status(&[("libc6", "2.36-9")])),
    ]
}

fn layout_with(dir: &Path, layers: &[Vec<u8>], comp: Comp) -> PathBuf {
    let l = dir.join("layout");
    oci_layout(&l, layers, comp);
    l
}

fn scan(p: &Path) -> Result<bulkhead_image::Scan, ImageError> {
    scan_image(p.to_str().unwrap(), &ScanOptions::default())
}

/// Reads the (single) manifest of a layout, lets `edit` change it, and rewrites the blob and
/// index so that the manifest's own digest stays valid.
fn edit_manifest(layout: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let index_p = layout.join("index.json");
    let mut index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&index_p).unwrap()).unwrap();
    let md = index["manifests"][0]["digest"]
        .as_str()
        .unwrap()
        .to_string();
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("blobs/sha256").join(&md[7..])).unwrap())
            .unwrap();
    edit(&mut m);
    let bytes = serde_json::to_vec(&m).unwrap();
    let d = sha(&bytes);
    std::fs::write(layout.join("blobs/sha256").join(&d[7..]), &bytes).unwrap();
    index["manifests"][0]["digest"] = d.into();
    index["manifests"][0]["size"] = bytes.len().into();
    std::fs::write(index_p, serde_json::to_vec(&index).unwrap()).unwrap();
}

fn layer_blob(layout: &Path) -> PathBuf {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("index.json")).unwrap()).unwrap();
    let md = index["manifests"][0]["digest"].as_str().unwrap();
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("blobs/sha256").join(&md[7..])).unwrap())
            .unwrap();
    layout
        .join("blobs/sha256")
        .join(&m["layers"][0]["digest"].as_str().unwrap()[7..])
}

#[test]
fn escaping_absolute_links_and_devices_are_warnings() {
    let mut entries = base_entries();
    entries.push(E::RawFile(
        b"../../../etc/cron.d/evil".to_vec(),
        b"* * * * * root sh".to_vec(),
    ));
    // An absolute path is rooted, as a container runtime does.
    entries.push(E::RawFile(
        b"/usr/lib/node_modules/abs/package.json".to_vec(),
        br#"{"name":"abs","version":"1.0.0"}"#.to_vec(),
    ));
    entries.push(E::Symlink(
        "etc/shadow-link",
        "../../../../../../etc/shadow",
    ));
    entries.push(E::Hardlink("etc/passwd-link", "../../etc/passwd"));
    entries.push(E::Char("srv/sda"));
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&entries)], Comp::Gzip);
    let s = scan(&l).unwrap();
    let names: Vec<&str> = s.packages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["libc6", "abs"]);
    let w = s.warnings.join("\n");
    assert!(
        w.contains("\"../../../etc/cron.d/evil\" escapes the image root"),
        "{w}"
    );
    assert!(
        w.contains("symbolic link /etc/shadow-link points outside the image root"),
        "{w}"
    );
    assert!(
        w.contains("hard link /etc/passwd-link points outside the image root"),
        "{w}"
    );
    assert!(w.contains("device file /srv/sda"), "{w}");
    // Nothing was extracted anywhere: the layout directory holds only what we wrote.
    let count = walk_count(dir.path());
    assert_eq!(
        count, 5,
        "index.json, oci-layout, config, manifest, one layer"
    );
}

fn walk_count(p: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(p).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            n += walk_count(&e.path());
        } else {
            n += 1;
        }
    }
    n
}

#[test]
fn decompression_bomb_is_bounded() {
    // 64 MiB of zeros in one file: a ~64 KiB gzip layer.
    let mut entries = base_entries();
    entries.push(E::File("zeros", vec![0u8; 64 << 20]));
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&entries)], Comp::Gzip);
    assert!(std::fs::metadata(layer_blob(&l)).unwrap().len() < 1 << 20);
    let opts = ScanOptions {
        max_layer_bytes: 8 << 20,
        ..ScanOptions::default()
    };
    let err = scan_image(l.to_str().unwrap(), &opts).unwrap_err();
    assert!(
        matches!(err, ImageError::TooLarge { limit, .. } if limit == 8 << 20),
        "{err}"
    );
    assert!(err.to_string().contains("decompression bomb"), "{err}");
}

#[test]
fn endless_layer_after_end_of_archive_is_bounded() {
    // A valid tar followed by a long tail: the tail is still read (to check the diff id) but
    // only up to the bound.
    let mut tar = layer_tar(&base_entries());
    tar.extend(std::iter::repeat_n(0u8, 32 << 20));
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[tar], Comp::Zstd);
    let opts = ScanOptions {
        max_layer_bytes: 4 << 20,
        ..ScanOptions::default()
    };
    let err = scan_image(l.to_str().unwrap(), &opts).unwrap_err();
    assert!(matches!(err, ImageError::TooLarge { .. }), "{err}");
}

#[test]
fn oversized_file_is_skipped_with_a_warning() {
    let mut entries = base_entries();
    entries.push(E::File("app/Cargo.lock", vec![b'#'; 2 << 20]));
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&entries)], Comp::None);
    let opts = ScanOptions {
        max_file_bytes: 1 << 20,
        ..ScanOptions::default()
    };
    let s = scan_image(l.to_str().unwrap(), &opts).unwrap();
    assert!(
        s.warnings.iter().any(
            |w| w.contains("/app/Cargo.lock (2097152 bytes) is larger than the per-file limit")
        ),
        "{:?}",
        s.warnings
    );
}

#[test]
fn tampered_layer_is_a_digest_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&base_entries())], Comp::Gzip);
    let blob = layer_blob(&l);
    let mut b = std::fs::read(&blob).unwrap();
    let n = b.len();
    b[n / 2] ^= 0xff;
    std::fs::write(&blob, b).unwrap();
    let err = scan(&l).unwrap_err();
    assert!(
        matches!(
            err,
            ImageError::DigestMismatch { .. } | ImageError::Corrupt { .. }
        ),
        "{err}"
    );
}

#[test]
fn wrong_diff_id_is_a_digest_mismatch() {
    // The legacy form has no blob digests: the config's diff id is the only check.
    let layers = vec![layer_tar(&base_entries())];
    let mut archive = docker_archive_legacy(&layers);
    // Flip a byte inside the layer's file data (after the outer and inner tar headers).
    let pos = find(&archive, b"libc6").unwrap();
    archive[pos] = b'L';
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("img.tar");
    std::fs::write(&p, archive).unwrap();
    let err = scan(&p).unwrap_err();
    assert!(
        matches!(err, ImageError::DigestMismatch { ref what, .. } if what.contains("diff id")),
        "{err}"
    );
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

#[test]
fn manifest_lying_about_sizes() {
    for delta in [-10i64, 10] {
        let dir = tempfile::tempdir().unwrap();
        let l = layout_with(dir.path(), &[layer_tar(&base_entries())], Comp::Gzip);
        edit_manifest(&l, |m| {
            let s = m["layers"][0]["size"].as_i64().unwrap();
            m["layers"][0]["size"] = (s + delta).into();
        });
        let err = scan(&l).unwrap_err();
        assert!(
            matches!(err, ImageError::SizeMismatch { .. }),
            "{delta}: {err}"
        );
    }
    // A config descriptor with the wrong size.
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&base_entries())], Comp::Gzip);
    edit_manifest(&l, |m| m["config"]["size"] = 3.into());
    assert!(matches!(
        scan(&l).unwrap_err(),
        ImageError::SizeMismatch { .. }
    ));
}

#[test]
fn diff_id_count_mismatch_and_bad_json() {
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&base_entries())], Comp::Gzip);
    edit_manifest(&l, |m| {
        let extra = m["layers"][0].clone();
        m["layers"].as_array_mut().unwrap().push(extra);
    });
    let err = scan(&l).unwrap_err();
    assert!(
        err.to_string()
            .contains("2 layers but the config has 1 diff ids"),
        "{err}"
    );
    std::fs::write(l.join("index.json"), b"{not json").unwrap();
    assert!(matches!(scan(&l).unwrap_err(), ImageError::Json { .. }));
    std::fs::write(l.join("index.json"), b"{\"schemaVersion\":1}").unwrap();
    assert!(matches!(
        scan(&l).unwrap_err(),
        ImageError::Unsupported { .. }
    ));
}

#[test]
fn truncated_archives() {
    let layers = vec![layer_tar(&base_entries())];
    let archive = docker_archive_legacy(&layers);
    let dir = tempfile::tempdir().unwrap();
    for cut in [100, 1024, archive.len() / 2, archive.len() - 1500] {
        let p = dir.path().join(format!("t{cut}.tar"));
        std::fs::write(&p, &archive[..cut]).unwrap();
        let err = scan(&p).unwrap_err();
        let msg = err.to_string();
        assert!(!msg.is_empty());
    }
    // A truncated gzip layer inside an OCI layout with a matching (recomputed) digest.
    let dir = tempfile::tempdir().unwrap();
    let l = layout_with(dir.path(), &[layer_tar(&base_entries())], Comp::Gzip);
    let blob = layer_blob(&l);
    let b = std::fs::read(&blob).unwrap();
    let cut = b[..b.len() / 2].to_vec();
    let new_d = sha(&cut);
    std::fs::write(l.join("blobs/sha256").join(&new_d[7..]), &cut).unwrap();
    let old_d = format!("sha256:{}", blob.file_name().unwrap().to_string_lossy());
    edit_manifest(&l, |m| {
        m["layers"][0]["digest"] = new_d.clone().into();
        m["layers"][0]["size"] = cut.len().into();
    });
    let _ = old_d;
    let err = scan(&l).unwrap_err();
    assert!(
        matches!(err, ImageError::Read { .. } | ImageError::Corrupt { .. }),
        "{err}"
    );
}

#[test]
fn random_corruption_never_panics() {
    let tar = layer_tar(&base_entries());
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        let mut t = tar.clone();
        for _ in 0..(1 + next() % 8) {
            let pos = (next() as usize) % t.len();
            t[pos] = next() as u8;
        }
        if i % 3 == 0 {
            let cut = (next() as usize) % t.len();
            t.truncate(cut);
        }
        let comp = [Comp::None, Comp::Gzip, Comp::Zstd][i % 3];
        let l = dir.path().join(format!("l{i}"));
        oci_layout(&l, &[t], comp);
        // Either outcome is fine; a panic fails the test.
        let _ = scan(&l);
    }
}

#[test]
fn unknown_reference_and_compressed_archive() {
    let err = scan_image("Not A Reference!", &ScanOptions::default()).unwrap_err();
    assert!(matches!(err, ImageError::UnknownReference { .. }));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("img.tar.gz");
    std::fs::write(
        &p,
        compress(
            &docker_archive_legacy(&[layer_tar(&base_entries())]),
            Comp::Gzip,
        ),
    )
    .unwrap();
    let err = scan(&p).unwrap_err();
    assert!(err.to_string().contains("decompress it first"), "{err}");
}
