//! Command-line interface: clap parsing, the exit-code contract and error reporting. Each
//! subcommand lives in its own file with its clap `Args`, validation and output.
//!
//! Exit codes: 0 = success (for `check`: every claim holds), 1 = a claim or certificate fails,
//! 2 = bad input or internal error (one line on stderr, nothing on stdout).

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod diamond;
pub mod prove;

/// Verify Tacchino et al., PRL 120, 063604 (2018) by exact and certified computation.
///
/// Conventions: ħ = k_B = 1; dissipator D_o(ρ) = 2oρo† − {o†o, ρ} with prefactor rate/2;
/// diamond model in units Γ⁺ = ω0 = 1; cavity model in units g = 1; qubit ladder operators
/// commute between the two qubits.
///
/// Exit codes: 0 success, 1 a claim or certificate fails, 2 bad input or internal error.
#[derive(Debug, Parser)]
#[command(name = "steadyent", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Steady state of the diamond model (Eq. 1–6) at given bath temperatures or rate ratios.
    Diamond(diamond::DiamondArgs),
    /// Re-derive ρ_SS symbolically and check the machine-checked proofs (proofs/*.md).
    Prove(prove::ProveArgs),
}

/// A command's failure, mapped to the exit-code contract.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input: names the argument, what was wrong and what is accepted (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The computation could not produce a trustworthy answer (exit 2).
    #[error("{0}")]
    Internal(String),
    /// A claim or certificate was checked and fails (exit 1); the report is already printed.
    #[error("{0}")]
    Failed(String),
}

impl CliError {
    /// A usage error for `--argument`.
    pub fn usage(argument: &str, message: impl std::fmt::Display) -> Self {
        CliError::Usage(format!("invalid value for {argument}: {message}"))
    }

    fn exit_code(&self) -> u8 {
        match self {
            CliError::Failed(_) => 1,
            CliError::Usage(_) | CliError::Internal(_) => 2,
        }
    }
}

/// Output written by a command: everything goes through one buffer so that a failing command
/// prints nothing on stdout.
pub type Output = String;

/// Runs the parsed command line, returning what to print on stdout.
///
/// # Errors
/// A [`CliError`] carrying the exit code and the one-line message for stderr.
pub fn run(cli: Cli) -> Result<Output, CliError> {
    match cli.command {
        Command::Diamond(args) => diamond::run(&args),
        Command::Prove(args) => prove::run(&args),
    }
}

/// Entry point of the binary: parse, run, print, and map errors to exit codes 1/2.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            if code == 2 {
                let first = e.to_string();
                let line = first.lines().next().unwrap_or("invalid arguments").trim();
                let line = line.strip_prefix("error: ").unwrap_or(line);
                eprintln!("steadyent: {line} (see --help)");
            } else {
                let _ = e.print();
            }
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
                .is_err()
            {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("steadyent: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
