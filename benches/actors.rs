//! Actor resolution at 100k statements: the batch run, and the live table's
//! pushes with the actor queries a live index makes per push.
//!
//! `cargo bench --bench actors`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gainsay::__live::LiveActors;
use gainsay::synth::{generate, SynthConfig};
use gainsay::{normalize_actors, Statement};

const N: usize = 100_000;

fn corpus() -> Vec<Statement> {
    generate(&SynthConfig {
        statements: N,
        seed: 1,
        ..SynthConfig::default()
    })
    .statements
}

fn batch(c: &mut Criterion) {
    let st = corpus();
    let mut g = c.benchmark_group("actors");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("resolve 100k", |b| {
        b.iter(|| {
            let actors = normalize_actors(&st, None);
            assert_eq!(actors.len(), N);
            let distinct: std::collections::HashSet<&str> = actors.iter().map(|a| &*a.id).collect();
            assert!(distinct.len() > 2_000, "{}", distinct.len());
            distinct.len()
        })
    });
    g.finish();
}

/// Pushes every statement, asking after each push for the new statement's
/// actor and `queries` earlier ones (spread pseudo-randomly).
fn live_run(st: &[Statement], queries: usize) -> usize {
    let mut table = LiveActors::new();
    let mut persons = 0;
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for s in st {
        let i = table.push(s);
        let a = table.actor(i).expect("pushed");
        persons += usize::from(a.kind == gainsay::ActorKind::Person);
        for _ in 0..queries {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let j = (x % (i as u64 + 1)) as usize;
            assert!(table.actor(j).is_some());
        }
    }
    persons
}

fn live(c: &mut Criterion) {
    let st = corpus();
    let mut g = c.benchmark_group("actors");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    for queries in [5, 200] {
        g.bench_function(format!("push 100k, {queries} queries each"), |b| {
            b.iter(|| {
                let persons = live_run(&st, queries);
                assert_eq!(persons, N);
                persons
            })
        });
    }
    g.finish();
}

criterion_group!(benches, batch, live);
criterion_main!(benches);
