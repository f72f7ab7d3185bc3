//! The command line's error type, its exit-code contract, and the mapping of library errors
//! to it (shared by every subcommand).

use crate::cavity::CavityError;
use crate::diamond::DiamondError;
use crate::diamond::limits::ZeroTemperatureError;
use crate::emitters::EmitterError;

/// A command's failure, mapped to the exit-code contract.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input: names the argument, what was wrong and what is accepted (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The computation could not produce a trustworthy answer (exit 2).
    #[error("{0}")]
    Internal(String),
    /// A report was produced (printed on stdout) but a claim or certificate in it fails
    /// (exit 1) or could not be checked (exit 2).
    #[error("{message}")]
    Verdict {
        /// The full report, printed on stdout.
        report: String,
        /// One line for stderr.
        message: String,
        /// 1 for a failing claim or certificate, 2 for one that could not be checked.
        code: u8,
    },
}

impl CliError {
    /// A usage error for `--argument`.
    pub fn usage(argument: &str, message: impl std::fmt::Display) -> Self {
        CliError::Usage(format!("invalid value for {argument}: {message}"))
    }

    /// A usage error for the flag `--name` of a library parameter error, whose message
    /// (`invalid kappa = -1: it must be > 0`) loses its leading `invalid ` (the usage line
    /// already says it).
    pub fn parameter(name: &str, error: &impl std::fmt::Display) -> Self {
        let message = error.to_string();
        let message = message.strip_prefix("invalid ").unwrap_or(&message);
        CliError::usage(&format!("--{name}"), message)
    }

    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::Verdict { code, .. } => *code,
            CliError::Usage(_) | CliError::Internal(_) => 2,
        }
    }
}

/// Output written by a command: everything goes through one buffer so that a failing command
/// prints nothing on stdout.
pub type Output = String;

/// A user-supplied value for an error line: at most 40 characters, cut at a character
/// boundary with `…`, so a huge argument never floods the one-line message.
pub(crate) fn short(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Maps a library error to the exit-code contract: parameter errors are usage errors naming
/// the flag (exit 2), failed computations are internal errors (exit 2).
pub fn cavity_error(e: CavityError) -> CliError {
    match e {
        CavityError::InvalidParameter { name, .. } => CliError::parameter(name, &e),
        CavityError::CutoffOutOfRange { .. } => CliError::usage("--cutoff", e),
        CavityError::EffectiveModelNeedsPump => CliError::usage("--pump", e),
        _ => CliError::Internal(e.to_string()),
    }
}

/// Maps a certification failure to the exit-code contract: an undecided `β = +∞` limit is bad
/// input naming `argument`; everything else is internal.
pub fn certify_error(argument: &str, e: DiamondError) -> CliError {
    match e {
        DiamondError::ZeroTemperature(ZeroTemperatureError::Limit(_)) => CliError::usage(
            argument,
            "beta_a = beta_s = inf has no unique limit (the steady state depends on how the \
             two inverse temperatures grow: the ground and dark states are both stationary); \
             give at least one finite value or -inf",
        ),
        e => CliError::Internal(e.to_string()),
    }
}

/// Maps an N-emitter error to the exit-code contract: parameter errors name the flag (usage),
/// failed computations are internal errors; both exit 2.
pub fn emitter_error(e: EmitterError) -> CliError {
    match &e {
        EmitterError::InvalidParameter { name, .. } => CliError::parameter(name, &e),
        EmitterError::NoLocalRelaxation => CliError::usage("--pump/--gamma/--dephasing", e),
        EmitterError::CutoffOutOfRange { .. } | EmitterError::TooLarge { .. } => {
            CliError::usage("--cutoff", e)
        }
        _ => CliError::Internal(e.to_string()),
    }
}
