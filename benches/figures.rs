//! Throughput of `parse_figures` on a few hundred KB of invented news-like
//! text. The figure count is asserted so a broken parser cannot look fast.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use gainsay::parse_figures;

/// Invented sentences; each block holds `PER_BLOCK` figures.
const BLOCK: &str = "\
The regional fair drew about 60,000 visitors on Saturday, organisers said, \
up from 52,000 a year earlier. At least 47 stalls sold out before noon, and \
more than 1,200 volunteers helped. The town council raised the parking fee \
from 4 to 6 crowns in 2023. Tickets cost between $10 and $20, and a family \
pass was €45. Hundreds of thousands of people watched online, while nearly \
300 lambs were shown in the barns. Attendance rose 12% and sales 3.5 percent. \
The bank cut its rate by 15 basis points to 2.25 percent on October 3. \
Some 6.3 million euros in grants were paid so far, a spokeswoman told reporters \
at 10am. Dozens of kites flew over the field, and one of the judges said \
the 3bn-crate harbour nearby handled 176k containers. Twelve, signed.\n";
const PER_BLOCK: usize = 18;

fn corpus() -> String {
    let mut s = String::new();
    while s.len() < 300_000 {
        s.push_str(BLOCK);
    }
    s
}

fn bench(c: &mut Criterion) {
    assert_eq!(
        parse_figures(BLOCK).len(),
        PER_BLOCK,
        "{:#?}",
        parse_figures(BLOCK)
    );
    let text = corpus();
    let want = PER_BLOCK * text.matches('\n').count();
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse_figures", |b| {
        b.iter(|| {
            let n = parse_figures(black_box(&text)).len();
            assert_eq!(n, want);
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
