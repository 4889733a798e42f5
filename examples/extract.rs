//! `extract`: the same as `gainsay extract` (see `gainsay extract --help`), kept so
//! that `cargo run --release --example extract -- …` goes on working.

#[path = "../src/bin/gainsay/cli.rs"]
mod cli;
#[path = "../src/bin/gainsay/input.rs"]
mod input;
#[path = "../src/bin/gainsay/render.rs"]
mod render;

fn main() -> std::process::ExitCode {
    let args = std::iter::once("extract".to_owned()).chain(std::env::args().skip(1));
    cli::main_with(args.collect())
}
