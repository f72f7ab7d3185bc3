//! The `steadyent` binary: parses the command line and hands over to [`steadyent::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    steadyent::cli::main()
}
