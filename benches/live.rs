//! The live index: inserts per second into an index that already holds
//! 100,000 synthetic statements.
//!
//! `cargo bench --bench live` (GAINSAY_LIVE_BASE sets the index size).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gainsay::synth::{generate, SynthConfig};
use gainsay::{Detector, Statement};

fn inserts(c: &mut Criterion) {
    let base: usize = std::env::var("GAINSAY_LIVE_BASE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    // One corpus, so the statements inserted come from the same topics and
    // actors as those already held.
    let corpus: Vec<Statement> = generate(&SynthConfig {
        statements: base + 50_000,
        seed: 1,
        ..SynthConfig::default()
    })
    .statements;
    let (held, fresh) = corpus.split_at(base);
    let mut live = Detector::new().live();
    let start = Instant::now();
    for s in held {
        live.insert(s).unwrap();
    }
    eprintln!(
        "built a live index of {} statements in {:.1?}",
        live.len(),
        start.elapsed()
    );
    let mut g = c.benchmark_group("live");
    g.sample_size(10);
    g.throughput(Throughput::Elements(1));
    let mut next = 0usize;
    g.bench_function(format!("insert into {base}"), |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                // Past the fresh statements, insert them again under new ids.
                let mut s = fresh[next % fresh.len()].clone();
                if next >= fresh.len() {
                    s.id = format!("{}-again-{next}", s.id);
                }
                next += 1;
                let t = Instant::now();
                let pairs = live.insert(&s).unwrap();
                spent += t.elapsed();
                criterion::black_box(pairs);
            }
            spent
        })
    });
    g.finish();
}

criterion_group!(benches, inserts);
criterion_main!(benches);
