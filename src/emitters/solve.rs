//! The f64 steady state of N emitters (Eq. 7–8 with the sums to N, or the effective model of
//! Eq. 9) at one photon cutoff: the Hermitian-reduced real system solved by sparse LU
//! (faer, fill-reducing column ordering), uniqueness judged by a condition estimate, and the
//! result checked by its residual on the unreduced symmetric space.

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::sparse::linalg::lu::{LuRef, NumericLu, SymbolicLu, factorize_symbolic_lu};
use faer::sparse::{Argsort, Pair, SparseColMat, SymbolicSparseColMat};
use faer::{Conj, Mat, Par};

use super::EmitterError;
use super::basis::SymmetricSpace;
use super::generator::{Generator, Reduction};
use super::observables::Observables;
use super::params::{EmitterParams, Model, SLOTS};
use crate::steady_state::SteadyStateError;

/// Largest number of real unknowns a solve accepts. The sparse LU of the reduced system at
/// the Fig. 2(c) point holds about 10³ nonzeros per unknown in its factors at N = 100
/// (measured: `bench/compare_emitters.py --scaling`), so 4·10⁵ unknowns bound one solve at a
/// few GB.
pub const MAX_UNKNOWNS: usize = 400_000;

/// A reduced system whose 1-norm condition estimate exceeds this is reported as not unique
/// (or not resolvable): a kernel of dimension ≥ 2 leaves the bordered system singular, which
/// LU in f64 sees as a condition number ~1/ε ≈ 4.5e15 (or a breakdown), while the physical
/// problems of Fig. 2 at N ≤ 100 stay below ~1e9 (slowest rate p ≥ 1e-5 g against κ ≤ 1e3 g).
/// At 1e12 the forward error bound `cond · ε ≈ 2e-4` is still far from the kernel case, and a
/// solution that passes this test is then vouched for by the residual check.
pub const CONDITION_LIMIT: f64 = 1e12;

/// The residual `max|𝓛ρ|` on the unreduced symmetric space must not exceed this fraction of
/// the largest entry of the reduced generator (as [`crate::cavity::solver::RESIDUAL_TOLERANCE`]:
/// a backward-stable solve leaves ~`n ε`).
pub const RESIDUAL_TOLERANCE: f64 = 1e-10;

/// A numeric steady state of N emitters at one cutoff, with its quality figures.
#[derive(Clone, Debug)]
pub struct NumericState {
    /// Number of Fock states (1 for the effective model).
    pub cutoff: usize,
    /// Real unknowns of the reduced system.
    pub unknowns: usize,
    /// `max|𝓛ρ|` over the unreduced symmetric coordinates (units of the rates).
    pub residual: f64,
    /// 1-norm condition estimate of the reduced bordered system.
    pub condition: f64,
    /// The observables of [`Observables`] computed from the steady state.
    pub observables: Observables<f64>,
    /// Coordinates over the elements of [`Self::space`] (photon phase gauge, Fock basis).
    pub coordinates: Vec<f64>,
}

/// The reduced steady-state problem of one model at one `(N, cutoff)`: structure built once,
/// values filled per parameter point.
#[derive(Debug)]
pub struct EmitterSolver {
    generator: Generator<f64>,
    reduction: Reduction,
    /// Reduced entries (without the replaced row), in the order of `argsort`.
    entries: Vec<(usize, usize, [f64; SLOTS])>,
    /// Columns of the trace row (population orbits), after `entries`.
    trace_columns: Vec<usize>,
    ground: usize,
    symbolic: SymbolicSparseColMat<usize>,
    argsort: Argsort<usize>,
    lu_symbolic: SymbolicLu<usize>,
}

impl EmitterSolver {
    /// The reduced problem of `model` for `emitters` emitters and `cutoff` Fock states (the
    /// effective model ignores `cutoff`).
    ///
    /// # Errors
    /// [`EmitterError::TooLarge`] above [`MAX_UNKNOWNS`].
    pub fn new(model: Model, emitters: usize, cutoff: usize) -> Result<Self, EmitterError> {
        let cutoff = match model {
            Model::Full => cutoff,
            Model::Effective => 1,
        };
        // Unknowns ≈ half the sector; refuse before building anything large.
        let sector = SymmetricSpace::new(emitters, cutoff).len();
        let estimate = sector.div_ceil(2);
        if estimate > MAX_UNKNOWNS {
            return Err(EmitterError::TooLarge {
                emitters,
                cutoff,
                unknowns: estimate,
                cap: MAX_UNKNOWNS,
            });
        }
        let generator = match model {
            Model::Full => Generator::full(emitters, cutoff),
            Model::Effective => Generator::effective(emitters),
        };
        let reduction = Reduction::new(generator.space());
        let ground_element = generator
            .space()
            .elements()
            .iter()
            .position(|e| e.counts[0] as usize == emitters && e.ket == 0 && e.bra == 0)
            .expect("the ground population |0, g…g⟩⟨0, g…g| is in the sector");
        let ground = reduction.orbit(ground_element);
        let entries: Vec<_> = reduction
            .reduce(&generator)
            .into_iter()
            .filter(|(r, _, _)| *r != ground)
            .collect();
        let trace_columns = reduction.populations().to_vec();
        let pairs: Vec<Pair<usize, usize>> = entries
            .iter()
            .map(|&(r, c, _)| Pair::new(r, c))
            .chain(trace_columns.iter().map(|&c| Pair::new(ground, c)))
            .collect();
        let n = reduction.len();
        let (symbolic, argsort) = SymbolicSparseColMat::try_new_from_indices(n, n, &pairs)
            .expect("indices are in range and the pattern fits in memory");
        let lu_symbolic = factorize_symbolic_lu(symbolic.as_ref(), Default::default())
            .expect("the symbolic LU of a validated pattern fits in memory");
        Ok(EmitterSolver {
            generator,
            reduction,
            entries,
            trace_columns,
            ground,
            symbolic,
            argsort,
            lu_symbolic,
        })
    }

    /// Number of real unknowns.
    pub fn unknowns(&self) -> usize {
        self.reduction.len()
    }

    /// Number of Fock states (1 for the effective model).
    pub fn cutoff(&self) -> usize {
        self.generator.space().cutoff()
    }

    /// The symmetric space of the coordinates.
    pub fn space(&self) -> &SymmetricSpace {
        self.generator.space()
    }

    /// The steady state `𝓛ρ = 0`, `tr ρ = 1` of this solver's model at `params`.
    ///
    /// # Formula
    /// ```text
    /// M y = scale · e_ground,   M = reduced 𝓛 with the ground row replaced by scale · tr
    /// ```
    /// The ground-population row is redundant (`tr 𝓛ρ = 0`); the bordered system is solved by
    /// sparse LU with partial pivoting, its 1-norm condition estimated (Hager's method with
    /// solves by `M` and `Mᵀ`), and `ρ` normalised and checked by its residual.
    ///
    /// # Errors
    /// [`EmitterError::NotUnique`] when the LU breaks down or the condition estimate exceeds
    /// [`CONDITION_LIMIT`]; [`SteadyStateError::IllConditioned`] when the residual exceeds
    /// [`RESIDUAL_TOLERANCE`] of the largest rate entry. `par` is the parallelism of the LU
    /// (sequential inside a parallel sweep; all cores for one large solve).
    pub fn solve(&self, params: &EmitterParams, par: Par) -> Result<NumericState, EmitterError> {
        let rates = params.slot_rates(self.generator.model());
        let mut values: Vec<f64> = self
            .entries
            .iter()
            .map(|(_, _, v)| dot(v, &rates))
            .collect();
        let scale = values.iter().fold(f64::MIN_POSITIVE, |m, v| m.max(v.abs()));
        values.extend(std::iter::repeat_n(scale, self.trace_columns.len()));
        let n = self.unknowns();
        let not_unique = |condition: f64| {
            let positive = rates.iter().filter(|r| **r > 0.0);
            let (low, high) =
                positive.fold((f64::INFINITY, 0.0_f64), |(l, h), &r| (l.min(r), h.max(r)));
            EmitterError::NotUnique {
                emitters: params.emitters(),
                cutoff: self.cutoff(),
                condition,
                limit: CONDITION_LIMIT,
                rate_span: high / low,
            }
        };
        let matrix = SparseColMat::new_from_argsort(self.symbolic.clone(), &self.argsort, &values)
            .expect("values match the pattern");
        let mut numeric = NumericLu::new();
        let scratch = self
            .lu_symbolic
            .factorize_numeric_lu_scratch::<f64>(par, Default::default())
            .or(self.lu_symbolic.solve_in_place_scratch::<f64>(1, par));
        let mut buffer = MemBuffer::try_new(scratch).map_err(|_| not_unique(f64::INFINITY))?;
        let lu = self
            .lu_symbolic
            .factorize_numeric_lu(
                &mut numeric,
                matrix.as_ref(),
                par,
                MemStack::new(&mut buffer),
                Default::default(),
            )
            .map_err(|_| not_unique(f64::INFINITY))?;
        let solver = Factors {
            lu,
            par,
            buffer: std::cell::RefCell::new(buffer),
        };
        let mut rhs = Mat::<f64>::zeros(n, 1);
        rhs[(self.ground, 0)] = scale;
        solver.solve(&mut rhs, false);
        let y: Vec<f64> = (0..n).map(|i| rhs[(i, 0)]).collect();
        if y.iter().any(|v| !v.is_finite()) {
            return Err(not_unique(f64::INFINITY));
        }
        let condition = norm1(&matrix, n) * inverse_norm1_estimate(&solver, n);
        // NaN counts as too large.
        if condition.is_nan() || condition > CONDITION_LIMIT {
            return Err(not_unique(condition));
        }
        let trace: f64 = self.trace_columns.iter().map(|&c| y[c]).sum();
        let coordinates: Vec<f64> = self
            .reduction
            .expand(&y)
            .iter()
            .map(|v| v / trace)
            .collect();
        let image = self.generator.apply(&rates, &coordinates);
        let residual = image.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        let tolerance = RESIDUAL_TOLERANCE * scale;
        if residual.is_nan() || residual > tolerance {
            return Err(SteadyStateError::IllConditioned {
                residual,
                tolerance,
            }
            .into());
        }
        Ok(NumericState {
            cutoff: self.cutoff(),
            unknowns: n,
            residual,
            condition,
            observables: Observables::of(self.space(), &coordinates),
            coordinates,
        })
    }
}

/// An LU factorisation with its parallelism and scratch space, for repeated solves.
struct Factors<'a> {
    lu: LuRef<'a, usize, f64>,
    par: Par,
    buffer: std::cell::RefCell<MemBuffer>,
}

impl Factors<'_> {
    /// `rhs ← M⁻¹ rhs` (or `M⁻ᵀ rhs`).
    fn solve(&self, rhs: &mut Mat<f64>, transpose: bool) {
        let mut buffer = self.buffer.borrow_mut();
        let stack = MemStack::new(&mut buffer);
        if transpose {
            self.lu
                .solve_transpose_in_place_with_conj(Conj::No, rhs.as_mut(), self.par, stack);
        } else {
            self.lu
                .solve_in_place_with_conj(Conj::No, rhs.as_mut(), self.par, stack);
        }
    }
}

fn dot(values: &[f64; SLOTS], rates: &[f64; SLOTS]) -> f64 {
    values.iter().zip(rates).map(|(v, r)| v * r).sum()
}

/// `‖M‖₁`, the largest absolute column sum.
fn norm1(matrix: &SparseColMat<usize, f64>, n: usize) -> f64 {
    let m = matrix.as_ref();
    (0..n)
        .map(|j| m.val_of_col(j).iter().map(|v| v.abs()).sum::<f64>())
        .fold(0.0, f64::max)
}

/// Hager's estimate of `‖M⁻¹‖₁` (Hager, ACM TOMS 10, 311 (1984); Higham, ACM TOMS 14, 381
/// (1988)) from solves with `M` and `Mᵀ`: a lower bound that is almost always within a small
/// factor of the true norm, at the price of a few triangular solves.
fn inverse_norm1_estimate(lu: &Factors<'_>, n: usize) -> f64 {
    let column = |f: &dyn Fn(usize) -> f64| Mat::<f64>::from_fn(n, 1, |i, _| f(i));
    let mut v: Vec<f64> = vec![1.0 / n as f64; n];
    let mut estimate = 0.0_f64;
    for iteration in 0..5 {
        let mut x = column(&|i| v[i]);
        lu.solve(&mut x, false);
        let norm: f64 = (0..n).map(|i| x[(i, 0)].abs()).sum();
        if !norm.is_finite() {
            return f64::INFINITY;
        }
        if iteration > 0 && norm <= estimate {
            break;
        }
        estimate = norm;
        let mut z = column(&|i| if x[(i, 0)] >= 0.0 { 1.0 } else { -1.0 });
        lu.solve(&mut z, true);
        let (j, zmax) = (0..n)
            .map(|i| (i, z[(i, 0)].abs()))
            .fold((0, -1.0), |best, c| if c.1 > best.1 { c } else { best });
        // Stop when no vertex e_j promises a larger ‖M⁻¹ e_j‖₁ than the current vector.
        let ztv: f64 = (0..n).map(|i| z[(i, 0)] * v[i]).sum();
        if zmax <= ztv {
            break;
        }
        v = vec![0.0; n];
        v[j] = 1.0;
    }
    estimate
}
