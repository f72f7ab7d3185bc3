//! The diamond model (Eq. 1–6): exact steady states, the f64 path, certified enclosures and
//! the paper's closed form.

mod common;

use common::{non_negative_ratio, positive_ratio, with_snapshots};
use nalgebra::DMatrix;
use num_complex::Complex64;
use num_traits::Zero;
use proptest::prelude::*;
use rug::Rational;
use steadyent::concurrence::{ExactConcurrence, wootters};
use steadyent::decimal::{ExtendedRational, certified_decimal, parse_decimal};
use steadyent::diamond::{
    DiamondRates, DiamondSystem, ExactDiamond, closed_form_concurrence, generator,
};
use steadyent::interval::Interval;
use steadyent::liouvillian::Sector;
use steadyent::operators::LadderConvention::{self, CommutingQubits, JordanWigner};
use steadyent::ring::{GaussQ, Q};
use steadyent::steady_state::{SteadyStateError, exact_steady_state, numeric_steady_state};

fn exact(alpha: &Rational, sigma: &Rational) -> ExactDiamond {
    ExactDiamond::solve(alpha, sigma, CommutingQubits).unwrap()
}

fn gauss_re(z: &GaussQ) -> Rational {
    z.re.as_rational().clone()
}

/// `ρ ⪰ 0` for an X-shaped 4×4 state, decided exactly: non-negative populations and
/// `|ρ_12|² ≤ ρ_11 ρ_22`, `|ρ_03|² ≤ ρ_00 ρ_33` (the 2×2 blocks' determinants).
fn x_state_is_positive(rho: &DMatrix<GaussQ>) -> bool {
    let abs2 = |z: &GaussQ| {
        Rational::from(z.re.as_rational() * z.re.as_rational())
            + Rational::from(z.im.as_rational() * z.im.as_rational())
    };
    (0..4).all(|i| gauss_re(&rho[(i, i)]) >= 0)
        && abs2(&rho[(1, 2)]) <= gauss_re(&rho[(1, 1)]) * gauss_re(&rho[(2, 2)])
        && abs2(&rho[(0, 3)]) <= gauss_re(&rho[(0, 0)]) * gauss_re(&rho[(3, 3)])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// tr ρ = 1, ρ = ρ†, ρ ⪰ 0 exactly; Q̇_A + Q̇_S = 0 exactly; populations sum to 1.
    #[test]
    fn exact_steady_state_is_a_density_matrix(alpha in non_negative_ratio(), sigma in non_negative_ratio()) {
        for convention in [CommutingQubits, JordanWigner] {
            let d = ExactDiamond::solve(&alpha, &sigma, convention).unwrap();
            let trace = (0..4).fold(GaussQ::zero(), |acc, i| acc + d.rho[(i, i)].clone());
            prop_assert_eq!(trace, GaussQ::new(Q::new(1, 1), Q::new(0, 1)));
            prop_assert_eq!(steadyent::operators::dagger(&d.rho), d.rho.clone());
            prop_assert!(x_state_is_positive(&d.rho));
            prop_assert_eq!(Rational::from(&d.heat_current_a + &d.heat_current_s), 0);
            let total = d.populations.iter().fold(Rational::new(), |acc, p| acc + p);
            prop_assert_eq!(total, 1);
        }
    }

    /// Eq. (4) is symmetric under exchanging the baths (S ↔ A): C(α, σ) = C(σ, α) exactly,
    /// with the S and A populations exchanged and the heat currents swapped.
    #[test]
    fn bath_exchange_symmetry(alpha in positive_ratio(), sigma in positive_ratio()) {
        let d = exact(&alpha, &sigma);
        let m = exact(&sigma, &alpha);
        prop_assert_eq!(&d.concurrence, &m.concurrence);
        prop_assert_eq!(&d.populations[1], &m.populations[2]);
        prop_assert_eq!(&d.populations[0], &m.populations[0]);
        prop_assert_eq!(&d.heat_current_a, &m.heat_current_s);
    }

    /// The f64 solve (LU on the 16×16 Liouvillian) agrees with the exact one. Tolerance
    /// 1e-12: rates are at most 40, so the superoperator's condition number stays below ~1e3
    /// and LU loses at most ~3 of the 16 digits of f64.
    #[test]
    fn f64_path_agrees_with_exact(alpha in positive_ratio(), sigma in positive_ratio()) {
        let d = exact(&alpha, &sigma);
        let f = |q: &Rational| Complex64::new(q.to_f64(), 0.0);
        let rates = DiamondRates::from_alpha_sigma(f(&alpha), f(&sigma));
        let g = generator(&rates, CommutingQubits).unwrap();
        let numeric = numeric_steady_state(&g, &Sector::full(4), 1e-12).unwrap();
        for i in 0..4 {
            for j in 0..4 {
                let want = gauss_re(&d.rho[(i, j)]).to_f64();
                prop_assert!((numeric.rho[(i, j)].re - want).abs() < 1e-12);
                prop_assert!(numeric.rho[(i, j)].im.abs() < 1e-12);
            }
        }
        let c_exact = d.concurrence.enclosure(128).lo().to_f64();
        // Wootters on a numeric state: 1e-9 covers √ε amplification near C = 0 (see
        // `concurrence::wootters`), far tighter than the quantities compared elsewhere.
        prop_assert!((wootters(&numeric.rho).unwrap() - c_exact).abs() < 1e-9);
    }

    /// The paper's closed form Eq. (4)–(5) agrees with the Wootters concurrence of the exact
    /// steady state: both enclosures at 256 bits overlap and have width < 2^-200 (the exact
    /// identity is a theorem in proofs/).
    #[test]
    fn closed_form_matches_exact_concurrence(alpha in positive_ratio(), sigma in positive_ratio()) {
        let d = exact(&alpha, &sigma);
        let wootters = d.concurrence.enclosure(256);
        let closed = closed_form_concurrence(
            &Interval::from_rational(&alpha, 256),
            &Interval::from_rational(&sigma, 256),
        ).unwrap();
        prop_assert!(closed.lo() <= wootters.hi() && wootters.lo() <= closed.hi());
        let tiny = rug::Float::with_val(256, rug::Float::i_exp(1, -200));
        prop_assert!(closed.width() < tiny && wootters.width() < tiny);
    }
}

/// Where e^β is rational (β = 0 ↦ 1, β = −∞ ↦ 0) the certified enclosures must contain the
/// exact steady-state values.
#[test]
fn enclosures_contain_exact_values_at_rational_rates() {
    use ExtendedRational::{Finite, NegInfinity};
    let zero = || Finite(Rational::new());
    let system = DiamondSystem::new(CommutingQubits).unwrap();
    for (beta_a, beta_s, alpha, sigma) in [
        (NegInfinity, zero(), 0, 1),
        (zero(), NegInfinity, 1, 0),
        (NegInfinity, NegInfinity, 0, 0),
        (zero(), zero(), 1, 1),
    ] {
        let d = exact(&Rational::from(alpha), &Rational::from(sigma));
        let e = system.enclose(&beta_a, &beta_s, 200).unwrap();
        for (enc, exact) in e.populations.iter().zip(&d.populations) {
            assert!(enc.lo() <= exact && exact <= enc.hi());
        }
        assert!(
            e.heat_current_a.lo() <= &d.heat_current_a
                && &d.heat_current_a <= e.heat_current_a.hi()
        );
        let c = d.concurrence.enclosure(200);
        assert!(e.concurrence.lo() <= c.hi() && c.lo() <= e.concurrence.hi());
    }
}

/// 40 certified digits at (β_A, β_S) = (−2, 3.5), the example, agree with an
/// independent computation: the exact 16×16 Gaussian-rational solve at rational rates within
/// 1e-70 of e^{−2} and e^{3.5}. Populations have derivatives of order 1 in α and σ, so the
/// rational approximation moves them by ~1e-68, far below the 40th digit; every digit must
/// match that of the exact rational value.
#[test]
fn certified_digits_match_exact_solve() {
    let (beta_a, beta_s) = (parse_decimal("-2").unwrap(), parse_decimal("3.5").unwrap());
    let system = DiamondSystem::new(CommutingQubits).unwrap();
    let c = system
        .certify(
            &ExtendedRational::Finite(beta_a.clone()),
            &ExtendedRational::Finite(beta_s.clone()),
            40,
        )
        .unwrap();
    let approx = |b: &Rational| {
        let f = Interval::from_rational(b, 400).exp();
        f.lo().to_rational().expect("finite")
    };
    let d = exact(&approx(&beta_a), &approx(&beta_s));
    for (text, exact) in c.populations.iter().zip(&d.populations) {
        assert_eq!(text, &steadyent::decimal::rational_to_decimal(exact, 40));
    }
    assert_eq!(
        c.heat_current_a,
        steadyent::decimal::rational_to_decimal(&d.heat_current_a, 40)
    );
    let conc = certified_decimal(&d.concurrence.enclosure(400), 40).unwrap();
    assert_eq!(c.concurrence, conc);
    assert_eq!(c.concurrence_closed_form, Some(conc));
    assert_eq!(c.concurrence, "0.2493055592765405854682392035334055682671");
}

/// Without any rate the generator is `i[·, H0]` alone: every operator diagonal in the
/// excitation basis is stationary, so the answer must be "not unique" with that nullity.
#[test]
fn zero_rates_are_not_unique() {
    let zero = GaussQ::zero();
    let rates = DiamondRates {
        pump: zero.clone(),
        decay_a: zero.clone(),
        decay_s: zero,
    };
    let g = generator(&rates, CommutingQubits).unwrap();
    let err = exact_steady_state(&g, &Sector::full(4)).unwrap_err();
    // Stationary: |i⟩⟨j| with n_i = n_j — 1 + 4 + 1 = 6 of them.
    assert_eq!(err, SteadyStateError::NotUnique { nullity: 6 });
    assert!(err.to_string().contains("nullity 6"));
}

/// Balanced baths leave the steady state separable and exchange no heat (Fig. 1b diagonal).
#[test]
fn balanced_baths_are_separable_and_carry_no_heat() {
    for (p, q) in [(1, 7), (1, 1), (5, 2), (40, 1)] {
        let r = Rational::from((p, q));
        for convention in [CommutingQubits, JordanWigner] {
            let d = ExactDiamond::solve(&r, &r, convention).unwrap();
            assert_eq!(d.concurrence, ExactConcurrence::Zero);
            assert_eq!(d.heat_current_a, 0);
        }
    }
}

/// The commuting and Jordan–Wigner readings differ: at α = 1 (β_A = 0), σ = 1000 the
/// commuting reading gives C < 1/3 (thermal), the Jordan–Wigner reading C > 1/3.
#[test]
fn conventions_give_different_steady_states() {
    let (a, s) = (Rational::from(1), Rational::from(1000));
    let c = |conv: LadderConvention| {
        ExactDiamond::solve(&a, &s, conv)
            .unwrap()
            .concurrence
            .enclosure(128)
            .lo()
            .to_f64()
    };
    assert!(c(CommutingQubits) < 1.0 / 3.0);
    assert!(c(JordanWigner) > 1.0 / 3.0);
}

/// Exact steady states at a few points, as exact text.
#[test]
fn exact_steady_state_snapshots() {
    let mut text = String::new();
    for (a, s) in [
        ((1, 100), (100, 1)),
        ((1, 1), (1000, 1)),
        ((3, 2), (3, 2)),
        ((0, 1), (2, 1)),
    ] {
        let d = exact(&Rational::from(a), &Rational::from(s));
        text.push_str(&format!(
            "alpha={} sigma={}\n  populations G,S,A,E = {}, {}, {}, {}\n  rho_12 = {}\n  concurrence = {}\n  heat_current_a = {}\n",
            d.alpha, d.sigma, d.populations[0], d.populations[1], d.populations[2],
            d.populations[3], d.rho[(1, 2)].re, d.concurrence, d.heat_current_a
        ));
    }
    with_snapshots(|| insta::assert_snapshot!("diamond_exact_steady_states", text));
}

/// Beyond |β_A| + |β_S| = 1000 `certify` evaluates the derived rational functions instead of
/// solving; both are certified, so at the same point every printed digit must agree with the
/// interval solve run at enough precision (2.2 bits per unit of |β| plus 25 digits' worth).
#[test]
fn symbolic_path_for_large_beta_agrees_with_the_interval_solve() {
    use steadyent::diamond::SYMBOLIC_BETA_SPAN;
    let system = DiamondSystem::new(CommutingQubits).unwrap();
    for (a, s) in [("700", "-400"), ("-650.5", "390.25"), ("1200", "30")] {
        let beta_a = ExtendedRational::Finite(parse_decimal(a).unwrap());
        let beta_s = ExtendedRational::Finite(parse_decimal(s).unwrap());
        let span = parse_decimal(a).unwrap().abs() + parse_decimal(s).unwrap().abs();
        assert!(span.to_f64() > SYMBOLIC_BETA_SPAN);
        let c = system.certify(&beta_a, &beta_s, 25).unwrap();
        let e = system.enclose(&beta_a, &beta_s, 6000).unwrap();
        let text = |x: &Interval| certified_decimal(x, 25).unwrap();
        for (k, p) in e.populations.iter().enumerate() {
            assert_eq!(text(p), c.populations[k], "population {k} at ({a}, {s})");
        }
        assert_eq!(text(&e.concurrence), c.concurrence);
        assert_eq!(text(&e.heat_current_a), c.heat_current_a);
    }
}
