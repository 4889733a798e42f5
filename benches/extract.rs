//! Throughput of `extract` (MB/s per thread) on news-like text: invented
//! paragraphs, the project's annotated test articles
//! (`tests/data/articles/`), and the seed articles of
//! `../shared/corpus/seeds/` when they are there (read at bench time, never
//! copied into the repository). The statement count is asserted so a broken
//! extractor cannot look fast.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use gainsay::extract;

/// Invented article text; it holds `PER_BLOCK` statements.
const BLOCK: &str = "\
Mayor Lena Ortiz said the harbor bridge would reopen in May, contradicting \
Councilor Abel Mert who last week saying repairs would take a year.\n\
Asked about the tolls, Ortiz replied: \u{201c}that's fine with me.\u{201d}\n\
\u{201c}We will not raise fares. The budget is balanced,\u{201d} she told reporters.\n\
Port officials, however, have repeatedly rejected the plan. Last week they \
reiterated that a fare rise is \"ruled out,\" citing an \"agreement\" with unions.\n\
The ferry line would stop at night, according to the Daily Courier.\n\
Harbor Master Ivo Lind photographed at the pier. Kim Roe/Pressfoto Images\n\
\u{a9} 2031 Daily Courier. All rights reserved.\n";
const PER_BLOCK: usize = 7;

fn corpus() -> (String, usize) {
    let mut s = String::new();
    let mut n = 0;
    while s.len() < 250_000 {
        s.push_str(BLOCK);
        n += PER_BLOCK;
    }
    (s, n)
}

fn seeds() -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut all = String::new();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        all.push_str(&std::fs::read_to_string(p).ok()?);
        all.push('\n');
    }
    (!all.is_empty()).then_some(all)
}

/// The project's annotated test articles (`tests/data/articles/*.txt`),
/// each extracted on its own as `gainsay extract` does.
fn articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let got = extract(BLOCK, "b.txt");
    assert_eq!(got.len(), PER_BLOCK, "{got:#?}");
    let (text, want) = corpus();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("invented", |b| {
        b.iter(|| {
            let st = extract(black_box(&text), "b.txt");
            assert_eq!(st.len(), want);
            st
        })
    });
    if let Some(seeds) = seeds() {
        let mut big = String::new();
        while big.len() < 250_000 {
            big.push_str(&seeds);
        }
        let per = extract(&big, "s.txt").len();
        assert!(per > 0);
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_function("seeds", |b| {
            b.iter(|| {
                let st = extract(black_box(&big), "s.txt");
                assert_eq!(st.len(), per);
                st
            })
        });
    }
    let own = articles();
    if !own.is_empty() {
        let bytes: usize = own.iter().map(String::len).sum();
        let per: usize = own.iter().map(|a| extract(a, "a.txt").len()).sum();
        assert!(per >= 150, "{per} records from the test set");
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("articles", |b| {
            b.iter(|| {
                let n: usize = own
                    .iter()
                    .map(|a| extract(black_box(a), "a.txt").len())
                    .sum();
                assert_eq!(n, per);
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
