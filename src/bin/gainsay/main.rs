//! `gainsay`: finds who contradicts whom in news statements.
//!
//! ```text
//! gainsay                          # detect on the bundled seed statements
//! gainsay detect FILE [--format table|json|jsonl|markdown|html] [-o OUT]
//! gainsay extract ARTICLE.txt …    # articles to statement records
//! gainsay actors FILE              # normalized actors
//! ```
//! Each subcommand prints its own `--help`.

/// The tool allocates with mimalloc: a run over a million statements
/// frees and reallocates small claim and search buffers by the million on
/// every thread, and the system allocator returns the pages and faults them
/// in again (seconds of kernel time).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its number in `mimalloc.h`, the same
/// in mimalloc 2 and 3).
#[cfg(feature = "mimalloc")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

mod cli;
mod input;
mod render;

fn main() -> std::process::ExitCode {
    // A run is one batch: freed memory is kept for the next allocation
    // rather than purged back to the system (-1), which spares the kernel
    // zeroing the same pages again. Peak RSS grows by about a quarter.
    #[cfg(feature = "mimalloc")]
    // SAFETY: `mi_option_set` only stores an option value; mimalloc reads
    // it on its next purge, and no other thread runs yet.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
    }
    cli::main_with(std::env::args().skip(1).collect())
}
