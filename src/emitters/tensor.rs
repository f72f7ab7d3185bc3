//! An independent reference for the N-emitter engine: the same master equation (Eq. 7–8 with
//! the sums to N, or Eq. 9 generalised) built with the generic [`Lindblad`] builder on the full
//! tensor space `cavity ⊗ emitter 1 ⊗ … ⊗ emitter N` (dimension `N_c 2ᴺ`), solved densely on
//! the excitation-conserving sector, with observables from explicit operators and partial
//! traces. Nothing here uses the symmetric basis; tests and benchmarks compare the two.

use nalgebra::DMatrix;
use num_complex::Complex64;

use super::params::{EmitterParams, Model};
use crate::cavity::model::cavity_lowering;
use crate::concurrence::wootters;
use crate::liouvillian::{Lindblad, Sector};
use crate::operators::{dagger, identity, kron, qubit_lowering};
use crate::steady_state::{NumericSteadyState, SteadyStateError, numeric_steady_state};

/// Largest `N` the tensor-space reference accepts: its dense sector superoperator at N = 5 and
/// 7 Fock states is ~4000², a minute of LU.
pub const MAX_TENSOR_EMITTERS: usize = 6;

/// Observables of a tensor-space steady state (the quantities `steadyent emitters` prints).
#[derive(Clone, Debug)]
pub struct TensorObservables {
    /// `⟨σ₁⁺σ₁⁻⟩`.
    pub excited_population: f64,
    /// `⟨a†a⟩`.
    pub mean_photon_number: f64,
    /// `g²(0)`, `None` when `⟨a†a⟩ = 0`.
    pub g2_zero: Option<f64>,
    /// `Tr_{3…N, cavity} ρ` in the basis `|a₁ a₂⟩`; `None` for `N = 1`.
    pub pair_state: Option<DMatrix<Complex64>>,
    /// Wootters concurrence of the pair state; `None` for `N = 1`.
    pub pair_concurrence: Option<f64>,
    /// `⟨J²⟩`, `J = Σᵢ σᵢ/2`.
    pub spin_squared: f64,
    /// `Σ_k (⟨J_k²⟩ − ⟨J_k⟩²)`.
    pub spin_variance_sum: f64,
    /// `max|𝓛ρ|` on the full space.
    pub residual: f64,
}

/// The operators of the tensor space: cavity lowering `a` (or `None` without a cavity) and the
/// emitters' lowering operators `σᵢ⁻`, all on the full space.
struct TensorSpace {
    dim: usize,
    cavity: Option<DMatrix<Complex64>>,
    lowering: Vec<DMatrix<Complex64>>,
    excitations: Vec<i64>,
}

impl TensorSpace {
    fn new(emitters: usize, cutoff: usize) -> Self {
        let qubits = 1usize << emitters;
        let dim = cutoff * qubits;
        let on_emitter = |i: usize, op: &DMatrix<Complex64>| {
            let left = identity::<Complex64>(cutoff << i);
            let right = identity::<Complex64>(1 << (emitters - i - 1));
            kron(&kron(&left, op), &right)
        };
        let sigma = qubit_lowering::<Complex64>();
        let lowering = (0..emitters).map(|i| on_emitter(i, &sigma)).collect();
        let cavity = (cutoff > 1).then(|| kron(&cavity_lowering(cutoff), &identity(qubits)));
        let excitations = (0..dim)
            .map(|k| (k / qubits + (k % qubits).count_ones() as usize) as i64)
            .collect();
        TensorSpace {
            dim,
            cavity,
            lowering,
            excitations,
        }
    }

    fn collective_lowering(&self) -> DMatrix<Complex64> {
        self.lowering
            .iter()
            .fold(DMatrix::zeros(self.dim, self.dim), |acc, s| acc + s)
    }
}

fn re(x: f64) -> Complex64 {
    Complex64::new(x, 0.0)
}

/// The generator of `model` at `params` on the tensor space with `cutoff` Fock states, from
/// [`Lindblad`]: `H = g Σᵢ(σᵢ⁺a + σᵢ⁻a†)`, channels `(p/2)D_{σᵢ⁺}`, `(γ/2)D_{σᵢ⁻}`,
/// `(γ_φ/4)D_{σᵢᶻ}` (QuTiP: `√(γ_φ/2)σᵢᶻ`), `(κ/2)D_a` (Eq. 7–8), or instead of the cavity
/// `(Γ/2)D_{J⁻}`, `Γ = 4g²/κ` (Eq. 9).
fn generator(space: &TensorSpace, params: &EmitterParams, model: Model) -> Lindblad<Complex64> {
    let zero = DMatrix::zeros(space.dim, space.dim);
    let hamiltonian = match (&space.cavity, model) {
        (Some(a), Model::Full) => {
            let j = space.collective_lowering();
            (dagger(&j) * a + &j * dagger(a)) * re(params.coupling())
        }
        _ => zero,
    };
    let sz = |s: &DMatrix<Complex64>| {
        // σᶻ = 2σ⁺σ⁻ − 1 = −Z in the convention |0⟩ = ground
        dagger(s) * s * re(2.0) - identity::<Complex64>(space.dim)
    };
    let mut lindblad = Lindblad::new(hamiltonian);
    let add = |l: Lindblad<Complex64>, label: &str, rate: f64, op: DMatrix<Complex64>| {
        l.with_jump(label, re(rate), op)
            .expect("every operator acts on the tensor space")
    };
    for s in &space.lowering {
        lindblad = add(lindblad, "pump", params.pump(), dagger(s));
        lindblad = add(lindblad, "decay", params.gamma(), s.clone());
        lindblad = add(lindblad, "dephasing", params.dephasing() / 2.0, sz(s));
    }
    match (&space.cavity, model) {
        (Some(a), Model::Full) => add(lindblad, "cavity", params.kappa(), a.clone()),
        _ => add(
            lindblad,
            "collective decay",
            params.collective_decay(),
            space.collective_lowering(),
        ),
    }
}

/// The steady state of `model` at `params` on the tensor space (`cutoff` Fock states; the
/// effective model has none), solved densely on the excitation-conserving sector, and its
/// observables.
///
/// # Errors
/// [`SteadyStateError`] when the dense solve fails its residual check.
///
/// # Panics
/// For `N > MAX_TENSOR_EMITTERS` or `N < 1` (a reference for tests, not a user path).
pub fn steady_state(
    params: &EmitterParams,
    model: Model,
    cutoff: usize,
) -> Result<TensorObservables, SteadyStateError> {
    let emitters = params.emitters();
    assert!((1..=MAX_TENSOR_EMITTERS).contains(&emitters));
    let cutoff = if model == Model::Full { cutoff } else { 1 };
    let space = TensorSpace::new(emitters, cutoff);
    let lindblad = generator(&space, params, model);
    let sector = Sector::charge_difference(&space.excitations, 0);
    let NumericSteadyState { rho, residual } = numeric_steady_state(&lindblad, &sector, 1e-10)?;
    let expect = |op: &DMatrix<Complex64>| (&rho * op).trace().re;
    let s1 = &space.lowering[0];
    let excited_population = expect(&(dagger(s1) * s1));
    let (mean_photon_number, g2_zero) = match &space.cavity {
        Some(a) => {
            let number = dagger(a) * a;
            let mean = expect(&number);
            let pairs = expect(&(dagger(a) * dagger(a) * a * a));
            (mean, (mean != 0.0).then(|| pairs / (mean * mean)))
        }
        None => (0.0, None),
    };
    // J_x = (J⁺ + J⁻)/2, J_y = (J⁺ − J⁻)/(2i), J_z = Σ σᶻ/2.
    let j = space.collective_lowering();
    let jp = dagger(&j);
    let jx = (&jp + &j) * re(0.5);
    let jy = (&jp - &j) * Complex64::new(0.0, -0.5);
    let jz = space
        .lowering
        .iter()
        .fold(DMatrix::zeros(space.dim, space.dim), |acc, s| {
            acc + dagger(s) * s - identity::<Complex64>(space.dim) * re(0.5)
        });
    let spin_squared = expect(&(&jx * &jx + &jy * &jy + &jz * &jz));
    let spin_variance_sum = [&jx, &jy, &jz]
        .iter()
        .map(|op| expect(&(*op * *op)) - expect(op).powi(2))
        .sum();
    let pair_state = (emitters >= 2).then(|| pair_state(&rho, emitters, cutoff));
    let pair_concurrence = pair_state.as_ref().and_then(wootters);
    Ok(TensorObservables {
        excited_population,
        mean_photon_number,
        g2_zero,
        pair_state,
        pair_concurrence,
        spin_squared,
        spin_variance_sum,
        residual,
    })
}

/// `Tr_{cavity, emitters 3…N} ρ` for ρ on `cavity ⊗ emitter 1 ⊗ … ⊗ emitter N` (basis index
/// `n 2ᴺ + Σ qᵢ 2^{N−1−i}`, `N ≥ 2`), in the basis `|q₁ q₂⟩`.
pub fn pair_state(rho: &DMatrix<Complex64>, emitters: usize, cutoff: usize) -> DMatrix<Complex64> {
    let rest = 1usize << emitters.saturating_sub(2);
    let qubits = 1usize << emitters;
    DMatrix::from_fn(4, 4, |a, b| {
        let mut sum = Complex64::new(0.0, 0.0);
        for n in 0..cutoff {
            for r in 0..rest {
                sum += rho[(n * qubits + a * rest + r, n * qubits + b * rest + r)];
            }
        }
        sum
    })
}
