//! `steadyent._native`: the PyO3 extension behind the `steadyent` Python package — every
//! computation is the Rust library's own (Tacchino et al., PRL 120, 063604 (2018), Eq. 1–9),
//! run with the GIL released; the Python package (python/steadyent/) turns the results into
//! `Fraction`, `Decimal`, NumPy and QuTiP objects.
//!
//! Three kinds of entry point:
//! - one function per model ([`diamond`], [`diamond_exact`], [`reference`], [`cavity`],
//!   [`cavity_exact`], [`emitters`]): the library call itself — the CLI's own input checks
//!   (its pub functions, so every rejected input carries the CLI's one-line message) and the
//!   one document builder the CLI prints ([`steadyent::schema`], the models' result types) —
//!   returning that typed document as a [`Document`], turned into Python objects only when
//!   read (no clap parsing, no JSON text);
//! - [`run`]: one command of the command-line layer ([`steadyent::cli`]) in process, for the
//!   batch commands (`sweep`, `check`), whose documents are the CLI's JSON text;
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
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyTuple};
use pythonize::pythonize;

use steadyent::cavity::exact::{ExactCavityParams, exact_steady_state};
use steadyent::cavity::result::CavityReport;
use steadyent::cavity::sweep::kappa_grid;
use steadyent::cavity::{CavityEngine, CavityParams, Cutoff, Figure, Frame};
use steadyent::cli::{Cli, CliError};
use steadyent::decimal::parse_rational;
use steadyent::diamond::result::{DiamondReport, DiamondTable};
use steadyent::diamond::{DiamondSystem, ExactDiamond};
use steadyent::emitters::report::{EmitterResult, ExactEmitterResult};
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

/// A CLI error as the Python exception: bad input → `ValueError`, anything else →
/// `SteadyStateError` / `ComputationError` ([`internal_error`]).
fn py_error(e: CliError) -> PyErr {
    match e {
        CliError::Usage(m) => PyValueError::new_err(m),
        other => internal_error(other.to_string()),
    }
}

/// The typed document of one result, as the library built it.
enum Body {
    Diamond(DiamondReport),
    Table(DiamondTable),
    Cavity(CavityReport),
    Emitters(Box<EmitterResult>),
    ExactEmitters(Box<ExactEmitterResult>),
    Json(serde_json::Value),
}

/// One result document of the library (the value `steadyent … --format json` prints for the
/// same input), held in Rust and turned into Python objects by [`Document::to_python`] when
/// first read: a call that only passes its result on pays nothing for the conversion.
#[pyclass(frozen, module = "steadyent._native")]
struct Document {
    body: Body,
}

/// `$e` with `$v` bound to the typed value of every [`Body`] variant.
macro_rules! each_body {
    ($body:expr, $v:ident => $e:expr) => {
        match $body {
            Body::Diamond($v) => $e,
            Body::Table($v) => $e,
            Body::Cavity($v) => $e,
            Body::Emitters($v) => $e,
            Body::ExactEmitters($v) => $e,
            Body::Json($v) => $e,
        }
    };
}

#[pymethods]
impl Document {
    /// The document as Python objects (`dict`, `list`, `str`, `int`, `float`, `bool`,
    /// `None`), keys in the CLI's order: the values `json.loads` gives for the CLI's text
    /// (serde serialises both; an `f64` becomes the same `float` that its shortest
    /// round-trip decimal, which the CLI prints, parses to).
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = each_body!(&self.body, v => pythonize(py, v))
            .map_err(|e| ComputationError::new_err(e.to_string()))?;
        match self.body {
            // Strings, integers and booleans only (DiamondPoint), or JSON already.
            Body::Diamond(_) | Body::Table(_) | Body::Json(_) => Ok(value),
            Body::Cavity(_) | Body::Emitters(_) | Body::ExactEmitters(_) => json_like(value),
        }
    }

    /// The CLI's JSON text of the document (pretty-printed, final newline).
    fn to_json(&self) -> String {
        each_body!(&self.body, v => steadyent::schema::json(v))
    }
}

/// A pythonized value as JSON reads the CLI's text of it: serde's tuples (fixed-size arrays
/// such as a 4×4 state) become lists, and a non-finite `f64` becomes `None`, the `null`
/// serde_json writes for it.
fn json_like(value: Bound<'_, PyAny>) -> PyResult<Bound<'_, PyAny>> {
    let py = value.py();
    if let Ok(tuple) = value.downcast::<PyTuple>() {
        let items = tuple.iter().map(json_like).collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    if let Ok(list) = value.downcast::<PyList>() {
        for (k, item) in list.iter().enumerate() {
            list.set_item(k, json_like(item)?)?;
        }
    } else if let Ok(dict) = value.downcast::<PyDict>() {
        for (key, item) in dict
            .items()
            .iter()
            .map(|kv| {
                let kv = kv.downcast_into::<PyTuple>()?;
                Ok::<_, PyErr>((kv.get_item(0)?, kv.get_item(1)?))
            })
            .collect::<PyResult<Vec<_>>>()?
        {
            dict.set_item(key, json_like(item)?)?;
        }
    } else if let Ok(x) = value.downcast::<PyFloat>()
        && !x.value().is_finite()
    {
        return Ok(py.None().into_bound(py));
    }
    Ok(value)
}

/// Runs `work` (a library call) with the GIL released and wraps the document it returns
/// (`body`); its errors as [`py_error`].
fn document<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, CliError> + Send,
    body: fn(T) -> Body,
) -> PyResult<Document> {
    py.detach(work)
        .map(|d| Document { body: body(d) })
        .map_err(py_error)
}

/// `digits` as the CLI reads `--digits`: validated by [`validate_digits`].
fn digits_arg(digits: usize) -> Result<usize, CliError> {
    steadyent::cli::args::validate_digits(digits)
}

/// What [`diamond`] computes: `steadyent diamond --beta-a X --beta-s Y` (Eq. 3–6 certified).
fn diamond_doc(
    beta_a: &str,
    beta_s: &str,
    digits: usize,
    convention: LadderConvention,
) -> Result<DiamondReport, CliError> {
    use steadyent::cli::diamond::{certified_report, parse_beta};
    let digits = digits_arg(digits)?;
    let beta_a = parse_beta("--beta-a", beta_a)?;
    let beta_s = parse_beta("--beta-s", beta_s)?;
    certified_report(&beta_a, &beta_s, digits, convention)
}

/// The steady state of the diamond model (Eq. 1–3) at exact inverse temperatures `β_A`,
/// `β_S` (exact decimal text, `inf`, `-inf`) with Eq. (3)–(6) certified to `digits` digits:
/// the document of `steadyent diamond --beta-a X --beta-s Y --format json`, GIL released.
#[pyfunction]
fn diamond(
    py: Python<'_>,
    beta_a: &str,
    beta_s: &str,
    digits: usize,
    convention: &str,
) -> PyResult<Document> {
    let convention = self::convention(convention)?;
    let work = || diamond_doc(beta_a, beta_s, digits, convention);
    document(py, work, Body::Diamond)
}

/// The diamond model solved exactly (Eq. 1–6) at rational rate ratios `α`, `σ` (text):
/// the document of `steadyent diamond --alpha R --sigma R --format json`, GIL released.
#[pyfunction]
fn diamond_exact(
    py: Python<'_>,
    alpha: &str,
    sigma: &str,
    digits: usize,
    convention: &str,
) -> PyResult<Document> {
    use steadyent::cli::diamond::{exact_report, parse_ratio};
    let convention = self::convention(convention)?;
    let work = || {
        let digits = digits_arg(digits)?;
        let alpha = parse_ratio("--alpha", alpha)?;
        let sigma = parse_ratio("--sigma", sigma)?;
        exact_report(&alpha, &sigma, digits, convention)
    };
    document(py, work, Body::Diamond)
}

/// What [`reference`] computes: `steadyent reference` on the rows of `points`.
fn reference_doc(points: &str, digits: usize) -> Result<DiamondTable, CliError> {
    let digits = digits_arg(digits)?;
    let points = steadyent::reference::parse_points(points)
        .map_err(|e| CliError::usage("--points", format!("'points' {e}")))?;
    let system = DiamondSystem::shared(LadderConvention::CommutingQubits)
        .map_err(|e| CliError::Internal(e.to_string()))?;
    steadyent::reference::certify_table(system, &points, digits)
        .map_err(|(k, e)| steadyent::cli::reference::point_error(&points, k, e))
}

/// Certified reference values of the diamond model (Eq. 3–6) at the rows `beta_a,beta_s` of
/// the CSV text `points` (the points-file format), on all cores (rayon) with the GIL
/// released: the document of `steadyent reference --points FILE --format json`.
#[pyfunction]
fn reference(py: Python<'_>, points: &str, digits: usize) -> PyResult<Document> {
    document(py, || reference_doc(points, digits), Body::Table)
}

/// What [`cavity`] computes: `steadyent cavity` (Eq. 7–9 in f64).
fn cavity_doc(
    rates: [&str; 4],
    cutoff: &str,
    lab: bool,
    omega0: Option<&str>,
) -> Result<CavityReport, CliError> {
    use steadyent::cli::args::parse_cutoff;
    use steadyent::cli::cavity::cavity_params;
    use steadyent::cli::error::cavity_error;
    let [kappa, pump, gamma, g] = rates;
    let omega0 = omega0
        .map(|text| {
            // `--omega0` is an f64 read by clap: for text that is not one, clap's own message
            // (the command line parsed in process, which rejects it before computing).
            text.parse::<f64>().map_err(|_| {
                let argv = [
                    "cavity", "--kappa", kappa, "--pump", pump, "--gamma", gamma, "--frame", "lab",
                    "--omega0", text,
                ];
                match execute(&argv.map(ToString::to_string)) {
                    Err(e) => e,
                    Ok(_) => CliError::usage("--omega0", format!("'{text}' is not a number")),
                }
            })
        })
        .transpose()?;
    let cutoff = parse_cutoff(cutoff)?;
    let params = cavity_params(kappa, pump, gamma, g, lab, omega0)?;
    let point = steadyent::cavity::solve_point(&params, cutoff).map_err(cavity_error)?;
    Ok(CavityReport::of(&point))
}

/// The cavity-QED model (Eq. 7–8) and its effective model (Eq. 9) at one point (rates as
/// text, units `g`): the document of `steadyent cavity --format json`, GIL released.
#[pyfunction]
#[pyo3(signature = (kappa, pump, gamma, g, cutoff, lab, omega0=None))]
#[allow(clippy::too_many_arguments)]
fn cavity(
    py: Python<'_>,
    kappa: &str,
    pump: &str,
    gamma: &str,
    g: &str,
    cutoff: &str,
    lab: bool,
    omega0: Option<&str>,
) -> PyResult<Document> {
    let work = || cavity_doc([kappa, pump, gamma, g], cutoff, lab, omega0);
    document(py, work, Body::Cavity)
}

/// The truncated cavity model (Eq. 7–8) solved exactly at rational rates (text) and
/// `cutoff` Fock states: the document of `steadyent cavity --exact --format json`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn cavity_exact(
    py: Python<'_>,
    kappa: &str,
    pump: &str,
    gamma: &str,
    g: &str,
    cutoff: &str,
    digits: usize,
    full_uniqueness: bool,
) -> PyResult<Document> {
    let work = || {
        steadyent::cli::cavity_exact::exact_report(
            kappa,
            pump,
            gamma,
            g,
            Some(cutoff),
            Some(digits),
            full_uniqueness,
        )
    };
    document(py, work, |r| Body::Json(r.to_json()))
}

/// N emitters in one cavity (Eq. 7–8 with N emitters; the effective model of Eq. 9
/// generalised), numerically or exactly (`exact`, with `digits`): the document of
/// `steadyent emitters --format json` for the same text arguments.
#[pyfunction]
#[pyo3(signature = (n, kappa, pump, gamma, dephasing, g, cutoff, effective, exact, digits=None))]
#[allow(clippy::too_many_arguments)]
fn emitters(
    py: Python<'_>,
    n: &str,
    kappa: &str,
    pump: &str,
    gamma: &str,
    dephasing: &str,
    g: &str,
    cutoff: Option<&str>,
    effective: bool,
    exact: bool,
    digits: Option<usize>,
) -> PyResult<Document> {
    use steadyent::cli::emitters::{exact_params, exact_result, numeric_result};
    let work = || {
        let params = exact_params(n, g, kappa, pump, gamma, dephasing)?;
        Ok(if exact {
            Body::ExactEmitters(Box::new(exact_result(&params, cutoff, effective, digits)?))
        } else {
            Body::Emitters(Box::new(
                numeric_result(&params, cutoff, effective, digits)?.1,
            ))
        })
    };
    document(py, work, |body| body)
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
/// seconds per call, best of `rounds` rounds of `repeats` calls, GIL released.
///
/// `layer = "cli"`: the command through the command-line layer ([`steadyent::cli::run`]:
/// clap parsing, the JSON text printed), what the binding called before it called the
/// library directly; `layer = "library"`: the library call the binding makes for
/// `steadyent.diamond` / `steadyent.cavity` / `steadyent.reference` (the same Rust function,
/// input text to typed document; for `reference`, the points file's text); `layer = "model"`: the model computation alone ([`DiamondSystem::certify`] on
/// the shared system, [`steadyent::cavity::solve_point`]). `args` are the command's
/// arguments (`diamond --beta-a X --beta-s Y --digits N …` or `cavity --kappa K --pump P
/// --gamma G --g 1 --cutoff C …`, `reference --points FILE --digits N`).
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
    let command = args.first().map(String::as_str).unwrap_or_default();
    let work: Box<dyn Fn() -> Result<(), String> + Send + Sync + '_> = match (layer, command) {
        ("cli", _) => Box::new(|| {
            execute(&args).map_err(|e| e.to_string())?;
            Ok(())
        }),
        ("library", "diamond") => {
            let (a, s, digits) = (flag("--beta-a")?, flag("--beta-s")?, flag("--digits")?);
            let digits: usize = digits.parse().map_err(|_| {
                PyValueError::new_err("_bench_library: --digits must be an integer")
            })?;
            Box::new(move || {
                diamond_doc(&a, &s, digits, LadderConvention::CommutingQubits)
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        }
        ("library", "reference") => {
            let path = flag("--points")?;
            let text = std::fs::read_to_string(&path)
                .map_err(|e| PyValueError::new_err(format!("cannot read '{path}': {e}")))?;
            let digits: usize = flag("--digits")?.parse().map_err(|_| {
                PyValueError::new_err("_bench_library: --digits must be an integer")
            })?;
            Box::new(move || {
                reference_doc(&text, digits)
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        }
        ("model", "diamond") => {
            let parse = |name: &str| -> PyResult<_> {
                steadyent::decimal::parse_extended(&flag(name)?)
                    .map_err(|e| PyValueError::new_err(e.to_string()))
            };
            let (beta_a, beta_s) = (parse("--beta-a")?, parse("--beta-s")?);
            let digits: usize = flag("--digits")?.parse().map_err(|_| {
                PyValueError::new_err("_bench_library: --digits must be an integer")
            })?;
            Box::new(move || {
                let system = DiamondSystem::shared(LadderConvention::CommutingQubits)
                    .map_err(|e| e.to_string())?;
                system
                    .certify(&beta_a, &beta_s, digits)
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        }
        ("library", "cavity") => {
            let texts = [
                flag("--kappa")?,
                flag("--pump")?,
                flag("--gamma")?,
                flag("--g")?,
                flag("--cutoff")?,
            ];
            Box::new(move || {
                let [kappa, pump, gamma, g, cutoff] = &texts;
                cavity_doc([kappa, pump, gamma, g], cutoff, false, None)
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        }
        ("model", "cavity") => {
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
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        }
        _ => {
            return Err(PyValueError::new_err(
                "_bench_library: layer 'cli' (any command), 'library' (diamond, cavity, \
                 reference) or 'model' (diamond, cavity)",
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
    m.add_function(wrap_pyfunction!(diamond, m)?)?;
    m.add_function(wrap_pyfunction!(diamond_exact, m)?)?;
    m.add_function(wrap_pyfunction!(reference, m)?)?;
    m.add_function(wrap_pyfunction!(cavity, m)?)?;
    m.add_function(wrap_pyfunction!(cavity_exact, m)?)?;
    m.add_function(wrap_pyfunction!(emitters, m)?)?;
    m.add_class::<Document>()?;
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
