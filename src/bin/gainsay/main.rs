//! `gainsay`: finds who contradicts whom in news statements.
//!
//! ```text
//! gainsay                          # detect on the bundled seed statements
//! gainsay detect FILE [--format table|json|jsonl|markdown|html] [-o OUT]
//! gainsay extract ARTICLE.txt …    # articles to statement records
//! gainsay actors FILE              # normalized actors
//! ```
//! Each subcommand prints its own `--help`.

mod cli;
mod input;
mod render;

fn main() -> std::process::ExitCode {
    cli::main_with(std::env::args().skip(1).collect())
}
