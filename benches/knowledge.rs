//! Load time of the knowledge tables (WordNet and GloVe): they are parsed
//! once per process on first use and must load in at most 100 ms.

use criterion::{criterion_group, criterion_main, Criterion};

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("knowledge");
    g.sample_size(10);
    g.bench_function("parse", |b| b.iter(gainsay::__knowledge_parse));
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
