//! Articles read from files: ids unique per path, a bad article skipped.

use gainsay::Extractor;

#[test]
fn same_file_name_in_two_folders_gives_distinct_ids() {
    let dir = std::env::temp_dir().join(format!("gainsay-extract-files-{}", std::process::id()));
    let mut ids = Vec::new();
    for folder in ["north", "south"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        let path = dir.join(folder).join("wire.txt");
        std::fs::write(&path, "Ana Diaz said taxes would fall.").unwrap();
        let st = Extractor::new().extract_file(&path).unwrap();
        assert_eq!(st.len(), 1);
        ids.push(st[0].id.clone());
    }
    assert_ne!(ids[0], ids[1]);
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Ana Diaz said \xff\xfe taxes").unwrap();
    assert!(Extractor::new().extract_file(&bad).is_err());
    std::fs::remove_dir_all(&dir).ok();
}
