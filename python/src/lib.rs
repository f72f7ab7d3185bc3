//! `steadyent._native`: the PyO3 extension behind the `steadyent` Python package — every
//! computation is the Rust library's own (Tacchino et al., PRL 120, 063604 (2018), Eq. 1–9),
//! run with the GIL released; the Python package (python/steadyent/) turns the results into
//! `Fraction`, `Decimal`, NumPy and QuTiP objects.
//!
//! Two kinds of entry point:
//! - [`run`]: one command of the library's command-line layer ([`steadyent::cli`]), in
//!   process, so every result is the CLI's own JSON document for the same input (field for
//!   field, digit for digit) and every rejected input carries the CLI's one-line message;
//! - the `*_state` functions: the steady-state density matrix a result describes, from the
//!   same library solve, for `qutip.Qobj`.
//!
//! Errors map to Python as: bad input → `ValueError`; a non-unique steady state or an
//! unconverged photon cutoff → `steadyent.SteadyStateError`; any other computation that
//! cannot give a trustworthy answer → `steadyent.ComputationError` (its base class).

use clap::Parser as _;
use num_complex::Complex64;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use steadyent::cavity::exact::{ExactCavityParams, exact_steady_state};
use steadyent::cavity::sweep::kappa_grid;
use steadyent::cavity::{CavityEngine, CavityParams, Cutoff, Figure, Frame};
use steadyent::cli::{Cli, CliError};
use steadyent::decimal::parse_rational;
use steadyent::diamond::ExactDiamond;
use steadyent::operators::LadderConvention;
use steadyent::proofs;

create_exception!(
    steadyent._native,
    ComputationError,
    PyRuntimeError,
    "The computation could not give a trustworthy answer (e.g. the precision cap was reached \
     before every requested digit was certified). Base class of SteadyStateError."
);
create_exception!(
    steadyent._native,
    SteadyStateError,
    ComputationError,
    "No unique steady state to report: the Liouvillian's kernel is not one-dimensional \
     (e.g. p = gamma = 0 in the cavity model, Eq. 7-8), or the automatic photon cutoff did \
     not converge. The message is the CLI's one line."
);

/// Phrases of the library's errors that mean "no unique steady state" (`SteadyStateError`,
/// `CavityError::NotUnique`, `ExactCavityError::NotUnique*`) or "the photon cutoff did not
/// converge" (`CavityError::CutoffNotConverged`). The CLI folds them into one message line
/// (exit 2), possibly after a prefix naming the point of a sweep.
const STEADY_STATE_PHRASES: [&str; 3] = [
    "the steady state is not unique",
    "the photon cutoff did not converge",
    "the stationary solution is traceless",
];

/// The Python exception for a library error message that is not bad input.
fn internal_error(message: String) -> PyErr {
    if STEADY_STATE_PHRASES.iter().any(|p| message.contains(p)) {
        SteadyStateError::new_err(message)
    } else {
        ComputationError::new_err(message)
    }
}

/// What one command returned: `(exit code, stdout, message)`. Exit code 0 is success; 1 (or
/// 2 for `check`) means the report on stdout was produced but a claim or certificate in it
/// fails or could not be checked, and `message` is the CLI's one-line summary.
type Outcome = (u8, String, Option<String>);

fn execute(args: &[String]) -> Result<Outcome, CliError> {
    let argv = std::iter::once("steadyent".to_string()).chain(args.iter().cloned());
    match Cli::try_parse_from(argv.clone()) {
        Ok(cli) => match steadyent::cli::run(cli) {
            Ok(stdout) => Ok((0, stdout, None)),
            Err(CliError::Verdict {
                report,
                message,
                code,
            }) => Ok((code, report, Some(message))),
            Err(e) => Err(e),
        },
        // A parse error is bad input; `cli::execute` renders clap's message as the one line
        // the binary prints (without the program-name prefix and the newline).
        Err(_) => {
            let line = steadyent::cli::execute(argv).stderr;
            let line = line.trim_end();
            let line = line.strip_prefix("steadyent: ").unwrap_or(line);
            Err(CliError::Usage(line.to_string()))
        }
    }
}

/// Runs one `steadyent` command (`args` without the program name, e.g.
/// `["diamond", "--beta-a", "-2", "--beta-s", "3.5", "--format", "json"]`) in process with the
/// GIL released, and returns `(code, stdout, message)`: `code` and `message` as in the
/// exit-code contract (0, or 1/2 with a report on stdout and its one-line summary).
///
/// The Python side parses JSON output with `json.loads`, which rounds every number the CLI
/// printed (shortest round-trip form) back to the same `f64`.
///
/// Raises `ValueError` for bad input (the CLI's one-line message), `SteadyStateError` /
/// `ComputationError` when no trustworthy answer exists.
#[pyfunction]
fn run(py: Python<'_>, args: Vec<String>) -> PyResult<Outcome> {
    py.detach(|| execute(&args)).map_err(|e| match e {
        CliError::Usage(m) => PyValueError::new_err(m),
        other => internal_error(other.to_string()),
    })
}

fn convention(name: &str) -> PyResult<LadderConvention> {
    match name {
        "commuting" => Ok(LadderConvention::CommutingQubits),
        "jordan-wigner" => Ok(LadderConvention::JordanWigner),
        other => Err(PyValueError::new_err(format!(
            "invalid value for --convention: '{other}'; accepted: commuting, jordan-wigner"
        ))),
    }
}

fn rational(argument: &str, text: &str) -> PyResult<rug::Rational> {
    parse_rational(text)
        .map_err(|e| PyValueError::new_err(format!("invalid value for {argument}: {e}")))
}

/// A complex matrix as `(bytes of complex128 in row-major order, rows)` for `numpy.frombuffer`.
fn complex_bytes<'py>(
    py: Python<'py>,
    m: &nalgebra::DMatrix<Complex64>,
) -> (Bound<'py, PyBytes>, usize) {
    let mut bytes = Vec::with_capacity(m.nrows() * m.ncols() * 16);
    for i in 0..m.nrows() {
        for j in 0..m.ncols() {
            let z = m[(i, j)];
            bytes.extend_from_slice(&z.re.to_ne_bytes());
            bytes.extend_from_slice(&z.im.to_ne_bytes());
        }
    }
    (PyBytes::new(py, &bytes), m.nrows())
}

/// The exact steady state `ρ_SS` of the diamond model (Eq. 1–3) at rational rate ratios
/// `α = e^{β_A}`, `σ = e^{β_S}`, from the exact 16×16 solve ([`ExactDiamond::solve`]), as
/// rows of `(real, imaginary)` rational strings in the basis `|00⟩, |01⟩, |10⟩, |11⟩`.
#[pyfunction]
fn diamond_exact_state(
    py: Python<'_>,
    alpha: &str,
    sigma: &str,
    convention: &str,
) -> PyResult<Vec<Vec<(String, String)>>> {
    let convention = self::convention(convention)?;
    let alpha = rational("--alpha", alpha)?;
    let sigma = rational("--sigma", sigma)?;
    let d = py
        .detach(|| ExactDiamond::solve(&alpha, &sigma, convention))
        .map_err(|e| internal_error(e.to_string()))?;
    Ok((0..4)
        .map(|i| {
            (0..4)
                .map(|j| {
                    let z = &d.rho[(i, j)];
                    (z.re.to_string(), z.im.to_string())
                })
                .collect()
        })
        .collect())
}

/// The steady state of the cavity model (Eq. 7–8) at a fixed photon `cutoff` (the one a
/// result reports), from the library's solver ([`CavityEngine::solve`]): the full `ρ_SS` on
/// `cavity ⊗ qubit 1 ⊗ qubit 2` and the two-qubit state `Tr_cav ρ_SS`, each as
/// `(complex128 bytes, dimension)`.
#[pyfunction]
#[pyo3(signature = (g, kappa, pump, gamma, cutoff, omega0=None))]
#[allow(clippy::type_complexity)]
fn cavity_state<'py>(
    py: Python<'py>,
    g: f64,
    kappa: f64,
    pump: f64,
    gamma: f64,
    cutoff: usize,
    omega0: Option<f64>,
) -> PyResult<((Bound<'py, PyBytes>, usize), (Bound<'py, PyBytes>, usize))> {
    let frame = omega0.map_or(Frame::Rotating, |omega0| Frame::Lab { omega0 });
    let state = py
        .detach(|| {
            let params = CavityParams::new(g, kappa, pump, gamma)?.with_frame(frame)?;
            CavityEngine::new()
                .solve(&params, Cutoff::Fixed(cutoff))
                .map(|(state, _)| state)
        })
        .map_err(|e| internal_error(e.to_string()))?;
    Ok((
        complex_bytes(py, &state.rho),
        complex_bytes(py, &state.qubits),
    ))
}

/// The full steady state of the truncated cavity model (Eq. 7–8) solved exactly at rational
/// rates ([`exact_steady_state`]), converted to the plain Fock basis in `f64`
/// (`ρ = S r S`, `S = diag(√n!)`): `(complex128 bytes, dimension)`.
#[pyfunction]
fn cavity_exact_state<'py>(
    py: Python<'py>,
    g: &str,
    kappa: &str,
    pump: &str,
    gamma: &str,
    cutoff: usize,
) -> PyResult<(Bound<'py, PyBytes>, usize)> {
    let (g, kappa, pump, gamma) = (
        rational("--g", g)?,
        rational("--kappa", kappa)?,
        rational("--pump", pump)?,
        rational("--gamma", gamma)?,
    );
    let rho = py
        .detach(|| {
            let params = ExactCavityParams::new(g, kappa, pump, gamma)?;
            exact_steady_state(&params, cutoff).map(|s| s.fock_state_f64())
        })
        .map_err(|e| internal_error(e.to_string()))?;
    Ok(complex_bytes(py, &rho))
}

/// Re-derives `ρ_SS` symbolically and checks every certificate ([`proofs::run_all`]); with
/// `directory`, also compares the proof pages there with the derivation
/// ([`proofs::compare_with_dir`]). Returns `(theorems, drift)`: one dict per theorem (id,
/// title, statement, verdict, certificate_kinds, evidence) and the drifted pages.
#[pyfunction]
#[pyo3(signature = (directory=None))]
#[allow(clippy::type_complexity)]
fn prove<'py>(
    py: Python<'py>,
    directory: Option<std::path::PathBuf>,
) -> PyResult<(Vec<Bound<'py, PyDict>>, Vec<String>)> {
    let (reports, drift) = py
        .detach(|| -> Result<_, String> {
            let reports = proofs::run_all().map_err(|e| e.to_string())?;
            let drift = match &directory {
                None => Vec::new(),
                Some(dir) => {
                    let pages = proofs::render_pages(&reports);
                    proofs::compare_with_dir(&pages, dir)
                        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
                        .iter()
                        .map(ToString::to_string)
                        .collect()
                }
            };
            Ok((reports, drift))
        })
        .map_err(ComputationError::new_err)?;
    let theorems = reports
        .iter()
        .map(|r| {
            let d = PyDict::new(py);
            d.set_item("id", &r.id)?;
            d.set_item("title", &r.title)?;
            d.set_item("statement", &r.statement)?;
            d.set_item("verdict", r.verdict.word())?;
            d.set_item("certificate_kinds", r.certificate_kinds.clone())?;
            d.set_item("evidence", &r.evidence)?;
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok((theorems, drift))
}

/// The κ grid of a Fig. 2 sweep with `points` values ([`kappa_grid`]) and the panel's `γ`
/// and pump rates ([`Figure::gamma`], [`Figure::pumps`]), units `g = 1`: what a sweep split
/// into tasks needs to reproduce the in-process sweep point for point.
#[pyfunction]
fn fig2_grid(figure: &str, points: usize) -> PyResult<(f64, Vec<f64>, Vec<f64>)> {
    let figure = match figure {
        "fig2b" => Figure::Fig2b,
        "fig2c" => Figure::Fig2c,
        other => {
            return Err(PyValueError::new_err(format!(
                "invalid value for FIGURE: '{other}'; accepted: fig2b, fig2c"
            )));
        }
    };
    let kappas = kappa_grid(points).map_err(|e| {
        let message = e.to_string();
        PyValueError::new_err(format!(
            "invalid value for --points: {}",
            message.strip_prefix("invalid ").unwrap_or(&message)
        ))
    })?;
    Ok((figure.gamma(), figure.pumps().to_vec(), kappas))
}

/// Times the library in Rust, without Python in the loop, for `bench/python_overhead.py`:
/// seconds per call, best of `rounds` rounds of `repeats` calls.
///
/// `layer = "cli"` times what [`run`] does with the GIL released (the command through
/// [`steadyent::cli::run`], its JSON printed); `layer = "core"` times the
/// model computation alone: for `diamond` args, `certify` on the shared
/// [`steadyent::diamond::DiamondSystem`] (what the command computes per call); for `cavity`
/// args, [`steadyent::cavity::solve_point`].
#[pyfunction]
fn _bench_library(
    py: Python<'_>,
    layer: &str,
    args: Vec<String>,
    repeats: usize,
    rounds: usize,
) -> PyResult<f64> {
    let flag = |name: &str| -> PyResult<String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|k| args.get(k + 1).cloned())
            .ok_or_else(|| PyValueError::new_err(format!("_bench_library needs {name}")))
    };
    let work: Box<dyn Fn() -> Result<(), String> + Send + Sync + '_> =
        match (layer, args[0].as_str()) {
            ("cli", _) => Box::new(|| {
                execute(&args).map_err(|e| e.to_string())?;
                Ok(())
            }),
            ("core", "diamond") => {
                let beta_a = steadyent::decimal::parse_extended(&flag("--beta-a")?)
                    .map_err(|e| PyValueError::new_err(e.to_string()))?;
                let beta_s = steadyent::decimal::parse_extended(&flag("--beta-s")?)
                    .map_err(|e| PyValueError::new_err(e.to_string()))?;
                let digits: usize = flag("--digits")?.parse().map_err(|_| {
                    PyValueError::new_err("_bench_library: --digits must be an integer")
                })?;
                Box::new(move || {
                    let system = steadyent::diamond::DiamondSystem::shared(
                        LadderConvention::CommutingQubits,
                    )
                    .map_err(|e| e.to_string())?;
                    system
                        .certify(&beta_a, &beta_s, digits)
                        .map_err(|e| e.to_string())?;
                    Ok(())
                })
            }
            ("core", "cavity") => {
                let number = |name: &str| -> PyResult<f64> {
                    flag(name)?
                        .parse()
                        .map_err(|_| PyValueError::new_err(format!("{name} must be a number")))
                };
                let params = CavityParams::new(
                    number("--g")?,
                    number("--kappa")?,
                    number("--pump")?,
                    number("--gamma")?,
                )
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
                Box::new(move || {
                    steadyent::cavity::solve_point(&params, Cutoff::AUTO)
                        .map_err(|e| e.to_string())?;
                    Ok(())
                })
            }
            _ => {
                return Err(PyValueError::new_err(
                    "_bench_library: layer 'cli' (any command) or 'core' (diamond, cavity)",
                ));
            }
        };
    py.detach(|| -> Result<f64, String> {
        let mut best = f64::INFINITY;
        for _ in 0..rounds.max(1) {
            let start = std::time::Instant::now();
            for _ in 0..repeats.max(1) {
                work()?;
            }
            best = best.min(start.elapsed().as_secs_f64() / repeats.max(1) as f64);
        }
        Ok(best)
    })
    .map_err(ComputationError::new_err)
}

/// The extension module `steadyent._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(diamond_exact_state, m)?)?;
    m.add_function(wrap_pyfunction!(cavity_state, m)?)?;
    m.add_function(wrap_pyfunction!(cavity_exact_state, m)?)?;
    m.add_function(wrap_pyfunction!(prove, m)?)?;
    m.add_function(wrap_pyfunction!(fig2_grid, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_library, m)?)?;
    m.add("ComputationError", py.get_type::<ComputationError>())?;
    m.add("SteadyStateError", py.get_type::<SteadyStateError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
