//! Command-line interface: clap parsing, the exit-code contract and error reporting. Each
//! subcommand lives in its own file with its clap `Args`, validation and output.
//!
//! Exit codes: 0 = success (for `check`: every claim holds), 1 = a claim or certificate fails,
//! 2 = bad input or internal error (one line on stderr, nothing on stdout).

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod args;
pub mod cavity;
pub mod cavity_exact;
pub mod check;
pub mod diamond;
pub mod emitters;
pub mod error;
pub mod plot;
pub mod progress;
pub mod prove;
pub mod reference;
pub mod sweep;

pub use error::{CliError, Output};

/// Verify Tacchino et al., PRL 120, 063604 (2018) by exact and certified computation.
///
/// Conventions: ħ = k_B = 1; dissipator D_o(ρ) = 2oρo† − {o†o, ρ} with prefactor rate/2;
/// diamond model in units Γ⁺ = ω0 = 1; cavity model in units g = 1; qubit ladder operators
/// commute between the two qubits.
///
/// Exit codes: 0 success, 1 a claim or certificate fails, 2 bad input or internal error.
#[derive(Debug, Parser)]
#[command(name = "steadyent", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every claim of the paper; exit 0 when all hold (or fail exactly as --expect-fail
    /// says), 1 when one fails (or an expected failure passes).
    Check(check::CheckArgs),
    /// Steady state of the diamond model (Eq. 1–6) at given bath temperatures or rate ratios.
    Diamond(diamond::DiamondArgs),
    /// Certified reference values of the diamond model (Eq. 3–6) at many points.
    Reference(reference::ReferenceArgs),
    /// Draw Fig. 1(b),(c) or Fig. 2(b),(c) as an SVG or PNG file.
    Plot(plot::PlotArgs),
    /// Full cavity-QED model (Eq. 7–8) and its effective diamond model (Eq. 9) at one point,
    /// units g = 1; with --exact, the truncated model solved exactly over the rationals.
    Cavity(args::CavityArgs),
    /// N identical emitters in one cavity (Eq. 7–8 with the sums to N; local pump p, decay γ,
    /// dephasing γ_φ; units g = 1) and the effective model (Eq. 9 generalised: collective decay
    /// Γ = 4g²/κ); with --exact, solved over the rationals.
    Emitters(emitters::EmittersArgs),
    /// Figure data as CSV or JSON: Fig. 1(b)/(c) over a (β_A, β_S) grid, Fig. 2(b)/(c) full
    /// and effective concurrence over log-spaced κ/g.
    Sweep(sweep::SweepArgs),
    /// Re-derive ρ_SS symbolically and check the machine-checked proofs (proofs/*.md).
    Prove(prove::ProveArgs),
}

/// Runs the parsed command line, returning what to print on stdout.
///
/// # Errors
/// A [`CliError`] carrying the exit code and the one-line message for stderr.
pub fn run(cli: Cli) -> Result<Output, CliError> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Diamond(args) => diamond::run(&args),
        Command::Reference(args) => reference::run(&args),
        Command::Plot(args) => plot::run(&args),
        Command::Cavity(args) => cavity::run(&args),
        Command::Emitters(args) => emitters::run(&args),
        Command::Sweep(args) => sweep::run(&args),
        Command::Prove(args) => prove::run(&args),
    }
}

/// Folds clap's multi-line error (message, missing arguments, usage, tips) into one line:
/// the message and the arguments it names, without the usage block.
fn one_line(rendered: &str) -> String {
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
        .collect();
    let line = parts.join(" ");
    line.strip_prefix("error: ").unwrap_or(&line).to_string()
}

/// What one invocation produces: exit code, stdout and stderr text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Execution {
    /// Exit code (0, 1 or 2).
    pub code: u8,
    /// Text for stdout.
    pub stdout: String,
    /// Text for stderr (one line on error).
    pub stderr: String,
}

/// Parses and runs one command line (`args[0]` is the program name) without touching the
/// process's streams: the binary prints the result; tests and fuzzers call this directly.
pub fn execute<I, T>(args: I) -> Execution
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            return Execution {
                code: 2,
                stdout: String::new(),
                stderr: format!("steadyent: {} (see --help)\n", one_line(&e.to_string())),
            };
        }
        // --help and --version: clap's rendering on stdout, exit 0.
        Err(e) => {
            return Execution {
                code: 0,
                stdout: e.render().to_string(),
                stderr: String::new(),
            };
        }
    };
    match run(cli) {
        Ok(stdout) => Execution {
            code: 0,
            stdout,
            stderr: String::new(),
        },
        Err(e) => Execution {
            code: e.exit_code(),
            stdout: match &e {
                CliError::Verdict { report, .. } => report.clone(),
                _ => String::new(),
            },
            stderr: format!("steadyent: {e}\n"),
        },
    }
}

/// Entry point of the binary: [`execute`] the process's arguments and print the result.
pub fn main() -> ExitCode {
    let result = execute(std::env::args_os());
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(result.stdout.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    eprint!("{}", result.stderr);
    ExitCode::from(result.code)
}
