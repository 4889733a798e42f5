//! The live index: inserts per second into an index that already holds
//! 100,000 synthetic statements.
//!
//! Every statement inserted is a fresh one from the same generated corpus
//! (same topics and actors), so the index grows from 100,000 statements by
//! the count criterion times (about 150,000 at 20 µs an insert in the 3 s
//! of warm-up and measurement). Past the fresh statements, they are
//! inserted again under new ids, which makes every topic hold duplicates:
//! the pool is sized so that this does not happen at that speed.
//!
//! `cargo bench --bench live` (GAINSAY_LIVE_BASE sets the index size).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gainsay::synth::{generate, SynthConfig};
use gainsay::{Detector, Statement};

/// Fresh statements to insert: more than the bench inserts at 20 µs each.
const FRESH: usize = 250_000;

fn inserts(c: &mut Criterion) {
    let base: usize = std::env::var("GAINSAY_LIVE_BASE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    // One corpus, so the statements inserted come from the same topics and
    // actors as those already held.
    let corpus: Vec<Statement> = generate(&SynthConfig {
        statements: base + FRESH,
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
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(2));
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
