//! Actor resolution at 100k statements: the batch run, and the live table's
//! pushes with the actor queries a live index makes per push (from empty to
//! 100k, and into a table already holding 100k).
//!
//! `cargo bench --bench actors`

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gainsay::__live::LiveActors;
use gainsay::synth::{generate, SynthConfig};
use gainsay::{normalize_actors, Statement};

const N: usize = 100_000;

fn corpus(n: usize) -> Vec<Statement> {
    generate(&SynthConfig {
        statements: n,
        seed: 1,
        ..SynthConfig::default()
    })
    .statements
}

fn batch(c: &mut Criterion) {
    let st = corpus(N);
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

/// The actor queries a live index makes per push: the new statement's
/// and this many earlier ones, spread pseudo-randomly over the table.
const QUERIES: usize = 40;

/// Pushes `st` into `table`, asking after each push for the new
/// statement's actor and [`QUERIES`] earlier ones. Returns how many of the
/// new statements are persons.
fn push_and_ask(table: &mut LiveActors, st: &[Statement], x: &mut u64) -> usize {
    let mut persons = 0;
    for s in st {
        let i = table.push(s);
        let a = table.actor(i).expect("pushed");
        persons += usize::from(a.kind == gainsay::ActorKind::Person);
        for _ in 0..QUERIES {
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            let j = (*x % (i as u64 + 1)) as usize;
            assert!(table.actor(j).is_some());
        }
    }
    persons
}

fn live(c: &mut Criterion) {
    let st = corpus(N);
    let mut g = c.benchmark_group("actors");
    g.sample_size(10);
    // From empty to 100k statements: the cost amortized over the growth.
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function(format!("push 100k, {QUERIES} queries each"), |b| {
        b.iter(|| {
            let mut table = LiveActors::new();
            let mut x = 0x9e37_79b9_7f4a_7c15;
            let persons = push_and_ask(&mut table, &st, &mut x);
            assert_eq!(persons, N);
            persons
        })
    });
    // Into a table holding 100k statements (up to 150k: then it is built
    // again, untimed).
    let st = corpus(N + N / 2);
    let (held, fresh) = st.split_at(N);
    let build = |x: &mut u64| {
        let mut table = LiveActors::new();
        push_and_ask(&mut table, held, x);
        table
    };
    let mut x = 0x9e37_79b9_7f4a_7c15;
    let mut table = build(&mut x);
    let mut at = 0;
    const BATCH: usize = 1_000;
    g.throughput(Throughput::Elements(BATCH as u64));
    g.bench_function(format!("push into 100k, {QUERIES} queries each"), |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                if at + BATCH > fresh.len() {
                    table = build(&mut x);
                    at = 0;
                }
                let t = Instant::now();
                let persons = push_and_ask(&mut table, &fresh[at..at + BATCH], &mut x);
                spent += t.elapsed();
                assert_eq!(persons, BATCH);
                at += BATCH;
            }
            spent
        })
    });
    g.finish();
}

criterion_group!(benches, batch, live);
criterion_main!(benches);
