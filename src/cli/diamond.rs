//! `steadyent diamond`: the diamond model's steady state and Eq. (4)–(6) quantities.

use clap::Args;

use super::{CliError, Output};

/// Arguments of `steadyent diamond`.
#[derive(Debug, Args)]
pub struct DiamondArgs {
    /// Inverse temperature β_A of the bath on J_A = c1 − c2 (exact decimal, or inf / -inf).
    #[arg(long, allow_hyphen_values = true)]
    pub beta_a: Option<String>,
}

/// Runs `steadyent diamond`.
///
/// # Errors
/// [`CliError::Usage`] for invalid arguments.
pub fn run(args: &DiamondArgs) -> Result<Output, CliError> {
    Ok(format!("{args:?}\n"))
}
