//! The f64 steady state of N emitters (Eq. 7–8 with the sums to N, or the effective model of
//! Eq. 9) at one photon cutoff: the Hermitian-reduced real system with one population pinned,
//! block-tridiagonal in the excitation number and solved by block LU with dense
//! partial-pivoting LUs of the blocks ([`crate::block_tridiagonal`], faer), refined with
//! residuals summed in double-double, uniqueness judged by a condition estimate, and the
//! result checked by its residual on the unreduced symmetric space.

use faer::{Mat, Par};

use super::EmitterError;
use super::basis::{Element, SymmetricSpace};
use super::generator::{Generator, Reduction};
use super::observables::Observables;
use super::params::{EmitterParams, Model, SLOTS};
use crate::block_tridiagonal::{BlockLu, BlockTridiagonal, join};
use crate::steady_state::SteadyStateError;

/// Largest number of real unknowns a solve accepts. The block LU stores the dense LU of
/// every excitation block, `Σ_k b_k²` numbers: N = 50 at the Fig. 2(c) point with 18 Fock
/// states (92 562 unknowns, blocks up to 3432) holds 1.8 GB of factors and one solve peaks at
/// 2.2 GB (measured), and the factors grow about like the unknowns to the power 3/2, so
/// 1.5·10⁵ unknowns stay near 5 GB.
pub const MAX_UNKNOWNS: usize = 150_000;

/// A reduced system whose 1-norm condition estimate exceeds this is reported as not unique
/// (or not resolvable): a kernel of dimension ≥ 2 leaves the pinned system singular, which
/// LU in f64 sees as a condition number ~1/ε ≈ 4.5e15 (or a breakdown), while the physical
/// problems of Fig. 2 stay far below it (measured at the Fig. 2(c) point: ~1e6 at N = 20,
/// 2.4e10 at N = 50 with 18 Fock states).
/// At 1e12 the forward error bound `cond · ε ≈ 2e-4` is still far from the kernel case, and a
/// solution that passes this test is then vouched for by the residual check.
pub const CONDITION_LIMIT: f64 = 1e12;

/// The residual `max|D⁻¹𝓛ρ|` on the unreduced symmetric space, in the naturally scaled
/// coordinates of [`EmitterSolver::solve`], must not exceed this fraction of the largest entry
/// of the scaled reduced generator (as [`crate::cavity::solver::RESIDUAL_TOLERANCE`]:
/// a backward-stable solve leaves ~`n ε`).
pub const RESIDUAL_TOLERANCE: f64 = 1e-10;

/// A numeric steady state of N emitters at one cutoff, with its quality figures.
#[derive(Clone, Debug)]
pub struct NumericState {
    /// Number of Fock states (1 for the effective model).
    pub cutoff: usize,
    /// Real unknowns of the reduced system.
    pub unknowns: usize,
    /// `max|D⁻¹𝓛ρ|` over the unreduced symmetric coordinates, each divided by its natural
    /// scale (populations: 1; units of the rates).
    pub residual: f64,
    /// 1-norm condition estimate of the reduced system with one population pinned.
    pub condition: f64,
    /// The observables of [`Observables`] computed from the steady state.
    pub observables: Observables<f64>,
    /// Coordinates over the elements of [`EmitterSolver::space`] (photon phase gauge, Fock basis).
    pub coordinates: Vec<f64>,
}

/// The pinned population is accepted when it holds at least this fraction of the largest
/// population; otherwise the solve is repeated with the largest one pinned. Pinning a
/// population `P` scales the solution by `1/P`, so the condition of the pinned system grows
/// like `P_max/P`: pinning the ground population of N = 20 emitters at the Fig. 2(c) point left
/// a condition estimate ~3e16 (measured; the ground is that much less populated), while 1e-3 costs
/// at most three digits of the 1e12 budget of [`CONDITION_LIMIT`].
pub const PIN_RATIO: f64 = 1e-3;

/// The reduced steady-state problem of one model at one `(N, cutoff)`: structure built once,
/// values filled per parameter point.
#[derive(Debug)]
pub struct EmitterSolver {
    generator: Generator<f64>,
    reduction: Reduction,
    /// Reduced entries `(row orbit, column orbit, unit-rate values)`.
    entries: Vec<(usize, usize, [f64; SLOTS])>,
    /// First orbit of each excitation block (orbits follow the elements, which are ordered by
    /// excitation number), then the number of orbits.
    block_starts: Vec<usize>,
    /// The orbit of the ground population `|0, g…g⟩⟨0, g…g|`.
    ground: usize,
    /// The power of two nearest each orbit's natural scale ([`natural_scale`]): the system is
    /// solved in the coordinates `x / scale`, a similarity `D⁻¹ A D` that is exact in
    /// binary floating point.
    scales: Vec<f64>,
}

/// One solve with a pinned population: the orbit coordinates (`y[pin] = 1`, not normalised)
/// and the condition estimate of the pinned system.
struct Pinned {
    y: Vec<f64>,
    condition: f64,
    /// The last refinement step's correction relative to the solution (see
    /// `EmitterSolver::refine`).
    correction: f64,
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
        // Refuse before building anything large.
        let estimate = estimated_unknowns(emitters, cutoff);
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
        let ground = generator
            .space()
            .position(&Element::ground(emitters))
            .expect("the ground population |0, g…g⟩⟨0, g…g| is in the sector");
        let ground = reduction.orbit(ground);
        let excitation: Vec<usize> = reduction
            .representatives()
            .iter()
            .map(|&s| generator.space().elements()[s].ket_excitation())
            .collect();
        let mut block_starts: Vec<usize> = (0..excitation.len())
            .filter(|&o| o == 0 || excitation[o] != excitation[o - 1])
            .collect();
        block_starts.push(excitation.len());
        debug_assert!(excitation.windows(2).all(|w| w[0] <= w[1]));
        let entries = reduction.reduce(&generator);
        let ln_factorials = ln_factorials(emitters);
        let scales = reduction
            .representatives()
            .iter()
            .map(|&s| natural_scale(&generator.space().elements()[s], &ln_factorials))
            .collect();
        Ok(EmitterSolver {
            generator,
            reduction,
            entries,
            block_starts,
            ground,
            scales,
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

    /// The steady state `𝓛ρ = 0`, `tr ρ = 1` of this solver's model at `params`; `hint` is a
    /// population element expected to be well populated (e.g. the largest population of the
    /// effective model, [`NumericState::largest_population`]), pinned first.
    ///
    /// # Formula
    /// ```text
    /// A y = −M[·, j],   A = reduced 𝓛 without row and column j,   y_j = 1,   ρ = y / tr y
    /// ```
    /// for a population orbit `j`. Any one population row is redundant (`tr 𝓛ρ = 0`), so
    /// pinning population `j` leaves a system that is nonsingular exactly when the steady
    /// state is unique and populates `j`. `A` is block-tridiagonal in the excitation number
    /// ([`crate::block_tridiagonal`]). `j` is the hint (or the ground population); when it
    /// holds less than [`PIN_RATIO`] of the largest population in magnitude (a pin at a
    /// population within rounding of 0 leaves the rest at ~`1/ε` of either sign), or the solve
    /// is not finite,
    /// the solve is repeated with the largest population (or the ground) pinned. Each solve is
    /// refined (`refine`: extra-precise iterative refinement), the 1-norm condition of
    /// the final system is estimated (Hager's method with solves by `A` and `Aᵀ`), and `ρ` is
    /// normalised and checked by its residual on the unreduced space.
    ///
    /// # Errors
    /// [`EmitterError::NotUnique`] when the solves are not finite or the condition estimate
    /// exceeds [`CONDITION_LIMIT`]; [`EmitterError::NotRefined`] when the refinement's last
    /// correction exceeds [`REFINED_TOLERANCE`]; [`SteadyStateError::IllConditioned`] when the
    /// residual exceeds [`RESIDUAL_TOLERANCE`] of the largest rate entry. `par` is the parallelism of
    /// the dense block LUs (sequential inside a parallel sweep; all cores for one large
    /// solve).
    pub fn solve(
        &self,
        params: &EmitterParams,
        par: Par,
        hint: Option<&Element>,
    ) -> Result<NumericState, EmitterError> {
        let rates = params.slot_rates(self.generator.model());
        let values: Vec<f64> = self
            .entries
            .iter()
            .map(|(_, _, v)| dot(v, &rates))
            .collect();
        let d = &self.scales;
        let scale = self
            .entries
            .iter()
            .zip(&values)
            .fold(f64::MIN_POSITIVE, |m, ((r, c, _), &v)| {
                m.max(self.scaled(*r, *c, v).abs())
            });
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
        let first = hint
            .and_then(|e| self.space().position(e))
            .map(|s| self.reduction.orbit(s))
            .filter(|o| self.reduction.populations().contains(o))
            .unwrap_or(self.ground);
        let mut pin = first;
        let mut pinned = self.pinned(&values, pin, par);
        if pinned.is_none() && pin != self.ground {
            pin = self.ground;
            pinned = self.pinned(&values, pin, par);
        }
        if let Some(p) = &pinned {
            let (argmax, max) = self
                .reduction
                .populations()
                .iter()
                .map(|&o| (o, p.y[o].abs()))
                .fold((pin, 1.0), |best, c| if c.1 > best.1 { c } else { best });
            if max > 1.0 / PIN_RATIO {
                pinned = self.pinned(&values, argmax, par);
            }
        }
        let Pinned {
            y,
            condition,
            correction,
        } = pinned.ok_or_else(|| not_unique(f64::INFINITY))?;
        // NaN counts as too large.
        if condition.is_nan() || condition > CONDITION_LIMIT {
            return Err(not_unique(condition));
        }
        if correction.is_nan() || correction > REFINED_TOLERANCE {
            return Err(EmitterError::NotRefined {
                emitters: params.emitters(),
                cutoff: self.cutoff(),
                correction,
                tolerance: REFINED_TOLERANCE,
                condition,
            });
        }
        let trace: f64 = self.reduction.populations().iter().map(|&c| y[c]).sum();
        let coordinates: Vec<f64> = self
            .reduction
            .expand(&y)
            .iter()
            .map(|v| v / trace)
            .collect();
        let image = self.generator.apply(&rates, &coordinates);
        let residual = image.iter().enumerate().fold(0.0_f64, |m, (s, v)| {
            m.max((v / d[self.reduction.orbit(s)]).abs())
        });
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
            unknowns: self.unknowns(),
            residual,
            condition,
            observables: Observables::of(self.space(), &coordinates),
            coordinates,
        })
    }

    /// The orbit coordinates with population orbit `pin` fixed to 1, or `None` when the
    /// pinned system's solve is not finite (singular).
    fn pinned(&self, values: &[f64], pin: usize, par: Par) -> Option<Pinned> {
        let shift = |o: usize| o - usize::from(o > pin);
        let mut offsets: Vec<usize> = self.block_starts.iter().map(|&o| shift(o)).collect();
        // The pin's block disappears when the pin was alone in it (the ground's block).
        offsets.dedup();
        let mut matrix = BlockTridiagonal::zeros(offsets);
        let mut y = vec![0.0; self.unknowns() - 1];
        let d = &self.scales;
        for ((r, c, _), &value) in self.entries.iter().zip(values) {
            if *r == pin {
                continue;
            }
            // The pinned population has scale 1.
            let scaled = self.scaled(*r, *c, value);
            if *c == pin {
                y[shift(*r)] -= scaled;
            } else {
                matrix
                    .add(shift(*r), shift(*c), scaled)
                    .expect("every channel changes the excitation number by at most one");
            }
        }
        let lu = matrix.factor(par);
        // The solve and the condition estimate's first solve in one pass over the factors;
        // then the refinement and the rest of the estimate, independent, side by side.
        let n = y.len();
        let uniform = lu.uniform();
        let mut both = Mat::<f64>::from_fn(n, 2, |i, j| if j == 0 { y[i] } else { uniform[i] });
        lu.solve_columns(both.as_mut(), par);
        let solved: Vec<f64> = both.col(0).iter().copied().collect();
        let first: Vec<f64> = both.col(1).iter().copied().collect();
        let (inverse_norm, refined) = join(
            par,
            || lu.inverse_norm1_estimate_from(first, par),
            || self.refine(&lu, values, pin, solved, par),
        );
        let (mut y, correction) = refined?;
        let condition = lu.norm1() * inverse_norm;
        for (v, scale) in y.iter_mut().zip(d) {
            *v *= scale;
        }
        Some(Pinned {
            y,
            condition,
            correction,
        })
    }

    /// The reduced entry `value` at `(r, c)` in the solved coordinates, `(D⁻¹ A D)[r, c]`
    /// (exact: the scales are powers of two).
    fn scaled(&self, r: usize, c: usize, value: f64) -> f64 {
        value * self.scales[c] / self.scales[r]
    }

    /// Extra-precise iterative refinement of the pinned system `A y = b` (Demmel, Hida,
    /// Kahan, Li, Mukherjee & Riedy, ACM TOMS 32, 325 (2006)): `r = b − A y` summed in
    /// double-double (`residual_in_double_double`), `y ← y + A⁻¹ r` with the same factors,
    /// until the correction is below `ε‖y‖∞`, stops shrinking by half, or after
    /// [`MAX_REFINEMENTS`] steps. The LU solve alone leaves a forward error of
    /// ~`cond · ε` (cond ~2e10 at N = 50 at the Fig. 2(c) point: the same solve on one thread
    /// and on two, differing only in rounding, printed `⟨J²⟩` 1e-9 apart, and the effective
    /// model's was 1e-10 off the exact path's; measured); with the residual computed in twice
    /// the precision the forward error of the system as stored falls to ~ε, whatever its
    /// condition, as long as `cond · ε ≪ 1` (Demmel et al., §3).
    ///
    /// Returns the orbit coordinates with `y[pin] = 1` inserted and the last correction
    /// relative to `‖y‖∞`, or `None` when a solve is not finite.
    fn refine(
        &self,
        lu: &BlockLu,
        values: &[f64],
        pin: usize,
        solved: Vec<f64>,
        par: Par,
    ) -> Option<(Vec<f64>, f64)> {
        if solved.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let mut y = solved;
        y.insert(pin, 1.0);
        let mut correction = f64::INFINITY;
        for _ in 0..MAX_REFINEMENTS {
            let mut delta = self.residual_in_double_double(values, pin, &y);
            lu.solve(&mut delta, par);
            if delta.iter().any(|v| !v.is_finite()) {
                return None;
            }
            let norm = y.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
            let step = delta.iter().fold(0.0_f64, |m, v| m.max(v.abs())) / norm;
            if step >= correction / 2.0 {
                // Stagnation: this step would not improve on the last one.
                break;
            }
            for (i, di) in delta.into_iter().enumerate() {
                y[i + usize::from(i >= pin)] += di;
            }
            correction = step;
            if step <= f64::EPSILON {
                break;
            }
        }
        Some((y, correction))
    }

    /// `b − A y` of the pinned system of [`Self::pinned`] at the orbit coordinates `y` (with
    /// `y[pin] = 1`): `−(M y)[r]` for every row `r ≠ pin` of the scaled reduced generator
    /// `M`, each row summed in double-double by error-free transformations (Ogita, Rump &
    /// Oishi, SIAM J. Sci. Comput. 26, 1955 (2005): `Dot2`, as accurate as a sum in twice the
    /// working precision, then rounded once).
    fn residual_in_double_double(&self, values: &[f64], pin: usize, y: &[f64]) -> Vec<f64> {
        let mut high = vec![0.0_f64; y.len()];
        let mut low = vec![0.0_f64; y.len()];
        for ((r, c, _), &value) in self.entries.iter().zip(values) {
            if *r == pin {
                continue;
            }
            // The entry exactly as `pinned` factored it.
            let a = self.scaled(*r, *c, value);
            let product = a * y[*c];
            let product_error = a.mul_add(y[*c], -product);
            let sum = high[*r] + product;
            let b = sum - high[*r];
            let sum_error = (high[*r] - (sum - b)) + (product - b);
            high[*r] = sum;
            low[*r] += product_error + sum_error;
        }
        (0..y.len())
            .filter(|&r| r != pin)
            .map(|r| -(high[r] + low[r]))
            .collect()
    }
}

/// The last correction of `EmitterSolver::refine`, relative to the solution's max-norm,
/// must not exceed this: the refined coordinates are then accurate to about this fraction of
/// the largest one (the step after a correction δ is ~`cond · ε · δ`). Measured at N = 50, the
/// Fig. 2(c) point, 13 and 14 Fock states: 5.9e-10 and 7.6e-10, then 4.4e-17 and 4.3e-17.
pub const REFINED_TOLERANCE: f64 = 1e-14;

/// Most steps of `EmitterSolver::refine`; each costs one block solve (its convergence
/// factor is ~`cond · ε`: two steps reached `ε` at every cutoff of the N = 50 search at the
/// Fig. 2(c) point, condition ~2e10).
pub const MAX_REFINEMENTS: usize = 6;

/// Half the sector of `emitters` emitters and `cutoff` Fock states (1 for the effective
/// model), rounded up, counted without building anything: a lower bound on the real unknowns
/// of the reduced system (one per orbit `{s, s†}` of [`Reduction`], the Hermitian reduction
/// of Eq. 7–8; a self-conjugate element is an orbit alone), the size checked against
/// [`MAX_UNKNOWNS`].
pub fn estimated_unknowns(emitters: usize, cutoff: usize) -> usize {
    SymmetricSpace::count(emitters, cutoff).div_ceil(2)
}

impl NumericState {
    /// The population element holding the largest weight of this state (a pin hint for
    /// [`EmitterSolver::solve`] at nearby parameters or another cutoff).
    pub fn largest_population(&self, space: &SymmetricSpace) -> Element {
        space
            .elements()
            .iter()
            .zip(&self.coordinates)
            .filter(|(e, _)| e.is_population())
            .fold((space.elements()[0], f64::NEG_INFINITY), |best, (e, &v)| {
                if v > best.1 { (*e, v) } else { best }
            })
            .0
    }
}

/// The power of two nearest the natural magnitude of the coordinate of `element`:
/// ```text
/// scale(q) = (N! / Π_α q_α!) / √(C(N, k_ket) · C(N, k_bra)),   k_ket = q_eg + q_ee, k_bra = q_ge + q_ee
/// ```
/// The weighted coordinate sums `N!/Π q!` product coefficients `c(a, b)`, each bounded by
/// `√(ρ_aa ρ_bb)` (Cauchy–Schwarz), and a permutation-symmetric `ρ` spreads the population of
/// `k` excitations over `C(N, k)` products: so `|x| ≲ scale · √(P(k_ket) P(k_bra))`, with
/// equality for Dicke states. Populations have scale 1; the coherences of superradiant states
/// grow like `2^N` in the weighted coordinates, and without this scaling the condition
/// estimate of the effective model at the Fig. 2(c) point grew to 4.4e12 at N = 40 and 4.5e15
/// at N = 50 (measured; with it: 1.6e6 at N = 20, 2.7e10 at N = 50).
///
/// `ln_factorials` is [`ln_factorials`] of `N`.
fn natural_scale(element: &Element, ln_factorials: &[f64]) -> f64 {
    let emitters = ln_factorials.len() - 1;
    let ln_factorial = |n: usize| ln_factorials[n];
    let [gg, ge, eg, ee] = element.counts.map(usize::from);
    let ln_binomial =
        |k: usize| ln_factorial(emitters) - ln_factorial(k) - ln_factorial(emitters - k);
    let ln_scale = ln_factorial(emitters)
        - [gg, ge, eg, ee].map(ln_factorial).iter().sum::<f64>()
        - 0.5 * (ln_binomial(eg + ee) + ln_binomial(ge + ee));
    // A power of two, so that the similarity adds no rounding.
    (ln_scale / std::f64::consts::LN_2).round().exp2()
}

/// `ln k!` for `k = 0..=n`, each the running sum `ln 2 + … + ln k` (a table, so that the
/// scales of an `N = 50` solver's 60 000 orbits take no logarithms of their own: they took
/// ~1% of the whole automatic search's time, measured with perf).
fn ln_factorials(n: usize) -> Vec<f64> {
    let mut table = vec![0.0_f64; n + 1];
    for k in 2..=n {
        table[k] = table[k - 1] + (k as f64).ln();
    }
    table
}

fn dot(values: &[f64; SLOTS], rates: &[f64; SLOTS]) -> f64 {
    values.iter().zip(rates).map(|(v, r)| v * r).sum()
}

#[cfg(test)]
mod tests {
    use rug::Rational;

    use super::*;

    /// The double-double residual at a solved state, where the row sums cancel down to
    /// rounding, against the same sums in exact rational arithmetic (every term `a · y` of the
    /// f64 entries and coordinates is a rational). Ogita, Rump & Oishi (2005) bound Dot2's
    /// error by `ε|r| + γ_n²Σ|a y|` for `n` terms; the test asks for `2ε|r| + 4ε²Σ|a y|`,
    /// tighter than that worst case for rows of more than two terms, and asserts that a
    /// plain f64 sum misses it in some row (so the cancellation is real).
    #[test]
    fn the_double_double_residual_is_the_exact_one_rounded() {
        let params = EmitterParams::new(4, 1.0, 2.9, 0.017, 0.0021, 0.013).unwrap();
        let solver = EmitterSolver::new(Model::Full, 4, 4).unwrap();
        let rates = params.slot_rates(Model::Full);
        let values: Vec<f64> = solver
            .entries
            .iter()
            .map(|(_, _, v)| dot(v, &rates))
            .collect();
        let pin = solver.ground;
        // The (refined) steady state, as coordinates of the ground-pinned scaled system.
        let state = solver.solve(&params, Par::Seq, None).unwrap();
        let ground = state.coordinates[solver.space().position(&Element::ground(4)).unwrap()];
        let mut y: Vec<f64> = solver
            .reduction
            .representatives()
            .iter()
            .zip(&solver.scales)
            .map(|(&e, d)| state.coordinates[e] / ground / d)
            .collect();
        y[pin] = 1.0;
        let residual = solver.residual_in_double_double(&values, pin, &y);
        let rows = y.len();
        let mut exact = vec![Rational::new(); rows];
        let mut magnitude = vec![0.0_f64; rows];
        let mut plain = vec![0.0_f64; rows];
        for ((r, c, _), &value) in solver.entries.iter().zip(&values) {
            let a = solver.scaled(*r, *c, value);
            exact[*r] -= Rational::from_f64(a).unwrap() * Rational::from_f64(y[*c]).unwrap();
            magnitude[*r] += (a * y[*c]).abs();
            plain[*r] -= a * y[*c];
        }
        let mut plain_misses = 0;
        let kept = (0..rows).filter(|&r| r != pin);
        for (i, r) in kept.enumerate() {
            let exact = exact[r].to_f64();
            let bound =
                2.0 * f64::EPSILON * exact.abs() + 4.0 * f64::EPSILON.powi(2) * magnitude[r];
            assert!(
                (residual[i] - exact).abs() <= bound,
                "row {r}: {} vs exact {exact} (bound {bound:e})",
                residual[i]
            );
            plain_misses += usize::from((plain[r] - exact).abs() > bound);
        }
        assert!(
            plain_misses > 0,
            "the plain f64 sums met the bound too: no cancellation tested"
        );
    }
}
