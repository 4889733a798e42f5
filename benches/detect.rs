//! Normalization throughput and end-to-end detection on synthetic corpora,
//! with the all-pairs judge beside the indexed one to show the ratio.
//!
//! `cargo bench --bench detect` (GAINSAY_BENCH_LARGE=1 adds 100k statements).

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

fn normalization(c: &mut Criterion) {
    let st = corpus(5_000);
    let bytes: usize = st.iter().map(|s| s.text.len()).sum();
    let d = Detector::new();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("claims, one thread", |b| {
        b.iter(|| {
            let n: usize = st.iter().map(|s| d.claims(s).len()).sum();
            assert!(n >= st.len() / 2);
            n
        })
    });
    g.finish();
}

fn detection(c: &mut Criterion) {
    let mut g = c.benchmark_group("detect");
    g.sample_size(10);
    let mut sizes = vec![2_000, 10_000];
    if std::env::var_os("GAINSAY_BENCH_LARGE").is_some() {
        sizes.push(100_000);
    }
    let d = Detector::new();
    for n in sizes {
        let st = corpus(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("indexed", n), &st, |b, st| {
            b.iter(|| {
                let r = d.detect(st).unwrap();
                assert!(!r.contradictions.is_empty());
                r.contradictions.len()
            })
        });
    }
    // The same judge over all pairs: quadratic, so at 2,000 only.
    let all = Detector::builder().exhaustive(true).build().unwrap();
    let st = corpus(2_000);
    g.bench_with_input(BenchmarkId::new("all-pairs", 2_000), &st, |b, st| {
        b.iter(|| all.detect(st).unwrap().contradictions.len())
    });
    g.finish();
}

criterion_group!(benches, normalization, detection);
criterion_main!(benches);
