//! Normalization throughput and end-to-end detection on synthetic corpora,
//! with the all-pairs judge beside the indexed one to show the ratio.
//!
//! `cargo bench --bench detect` (GAINSAY_BENCH_LARGE=1 adds 100k statements,
//! GAINSAY_BENCH_LARGE=2 adds 1M as well).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gainsay::synth::{generate, SynthConfig};
use gainsay::Detector;

fn corpus(n: usize) -> Vec<gainsay::Statement> {
    generate(&SynthConfig {
        statements: n,
        seed: 1,
        ..SynthConfig::default()
    })
    .statements
}

/// Normalization: the per-statement work of `Detector::detect` before the
/// candidate search, on one thread. That is the statement's claims (tokens,
/// stems, lexicon cues, figures, and the context when a clause borrows from
/// it) and, for each figure, what it measures (the words around it and the
/// context's topic): `Detector::bench_normalize`, as `Detector::claims`
/// leaves the measures out. Throughput is in bytes of statement `text`.
fn normalization(c: &mut Criterion) {
    let st = corpus(5_000);
    let bytes: usize = st.iter().map(|s| s.text.len()).sum();
    let d = Detector::new();
    let claims: usize = st.iter().map(|s| d.claims(s).len()).sum();
    let total: usize = st.iter().map(|s| d.bench_normalize(s)).sum();
    // Most statements make a claim, and some state figures.
    assert!(claims >= st.len() / 2 && total > claims);
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("claims and measures, one thread", |b| {
        b.iter(|| {
            let n: usize = st.iter().map(|s| d.bench_normalize(s)).sum();
            assert_eq!(n, total);
            n
        })
    });
    g.finish();
}

fn detection(c: &mut Criterion) {
    let mut g = c.benchmark_group("detect");
    g.sample_size(10);
    // GAINSAY_BENCH_LARGE=1 adds 100k statements, =2 adds 1M as well.
    let large = std::env::var("GAINSAY_BENCH_LARGE").unwrap_or_default();
    let mut sizes = vec![10_000];
    if large == "1" || large == "2" {
        sizes.push(100_000);
    }
    if large == "2" {
        sizes.push(1_000_000);
    }
    let d = Detector::new();
    for n in sizes {
        let st = corpus(n);
        g.throughput(Throughput::Elements(n as u64));
        // End to end from held records: normalize, index, judge, write JSON.
        g.bench_with_input(BenchmarkId::new("indexed", n), &st, |b, st| {
            b.iter(|| {
                let run = d.detect_records(st.iter().map(Ok)).unwrap();
                run.write_json(std::io::sink()).unwrap();
                run.bounds().len()
            })
        });
    }
    // The same judge over all pairs: quadratic, so at 10,000 only.
    let all = Detector::builder().exhaustive(true).build().unwrap();
    let st = corpus(10_000);
    g.throughput(Throughput::Elements(10_000));
    g.bench_with_input(BenchmarkId::new("all-pairs", 10_000), &st, |b, st| {
        b.iter(|| {
            let run = all.detect_records(st.iter().map(Ok)).unwrap();
            run.write_json(std::io::sink()).unwrap();
            run.bounds().len()
        })
    });
    g.finish();
}

criterion_group!(benches, normalization, detection);
criterion_main!(benches);
