//! Zero temperature, `β = +∞` (src/limits.rs): certified limits against enclosures at large
//! finite `β`, exact values where the free rate is rational, the entropy production's
//! divergence, and the undecided joint limit.

use rug::Rational;
use steadyent::concurrence::ExactConcurrence;
use steadyent::decimal::{
    ExtendedRational, certified_decimal, parse_decimal, parse_extended, rational_to_decimal,
};
use steadyent::diamond::EntropyEnclosure;
use steadyent::diamond::limits::{ZeroTemperatureError, enclose_limit, limit_state};
use steadyent::diamond::symbolic::{LimitError, RateLimit, SIGMA};
use steadyent::diamond::{CertifiedDiamond, DiamondError, DiamondSystem, EntropyProduction};
use steadyent::interval::Interval;
use steadyent::operators::LadderConvention::{CommutingQubits, JordanWigner};
use steadyent::poly::RatFunc;

fn beta(text: &str) -> ExtendedRational {
    parse_extended(text).unwrap()
}

fn certify(beta_a: &str, beta_s: &str, digits: usize) -> CertifiedDiamond {
    DiamondSystem::new(CommutingQubits)
        .unwrap()
        .certify(&beta(beta_a), &beta(beta_s), digits)
        .unwrap()
}

/// `max(|x − lo|, |x − hi|)` for a decimal `x` and an enclosure.
fn distance(x: &str, enclosure: &Interval) -> Rational {
    let x = parse_decimal(x).unwrap();
    let lo = enclosure.lo().to_rational().unwrap();
    let hi = enclosure.hi().to_rational().unwrap();
    Rational::from(&x - &lo)
        .abs()
        .max(Rational::from(&x - &hi).abs())
}

/// The limit at `β = +∞` and the enclosure at `β = 60` differ by `O(e^{−60}) ≈ 8.8e-27`: the
/// populations and heat currents are rational functions of `t = 1/α` (or `1/σ`) analytic at
/// `t = 0` with derivative of order 1 there (the largest is the heat currents' `|dQ̇/dt| ≤ 4`
/// at these points), so the gap is below `10 e^{−60}`. The concurrence converges only like
/// `e^{−β/2}`: Eq. (4) subtracts `2√(p_G p_E)` with `p_E = O(t)`, so its gap is
/// `2√(p_G p_E) ≤ 2 e^{−30}` (`p_G ≤ 1`, `p_E ≤ t`); the same holds for Eq. (5)'s
/// `N2/d = O(√t)`. 40 certified digits add at most `10^{−39}` of rounding on values ≤ 1.
#[test]
fn limits_agree_with_enclosures_at_beta_60() {
    let system = DiamondSystem::new(CommutingQubits).unwrap();
    let e_60 = Interval::from_i64(-60, 128)
        .exp()
        .hi()
        .to_rational()
        .unwrap();
    let rounding = parse_decimal("1e-39").unwrap();
    let gap = Rational::from(10) * &e_60 + &rounding;
    let e_30 = Interval::from_i64(-30, 128)
        .exp()
        .hi()
        .to_rational()
        .unwrap();
    let concurrence_gap = Rational::from(2) * e_30 + rounding;
    for (infinite_is_a, other) in [
        (true, "2"),
        (true, "-3.5"),
        (true, "0"),
        (true, "-inf"),
        (false, "1.25"),
        (false, "-inf"),
    ] {
        let (a, s) = if infinite_is_a {
            ("inf", other)
        } else {
            (other, "inf")
        };
        let (a60, s60) = if infinite_is_a {
            ("60", other)
        } else {
            (other, "60")
        };
        let limit = certify(a, s, 40);
        let finite = system.enclose(&beta(a60), &beta(s60), 400).unwrap();
        let at = format!("({a}, {s})");
        for (text, enclosure) in limit.populations.iter().zip(&finite.populations) {
            assert!(distance(text, enclosure) <= gap, "population {at}");
        }
        assert!(
            distance(&limit.concurrence, &finite.concurrence) <= concurrence_gap,
            "C {at}"
        );
        assert!(
            distance(
                limit.concurrence_closed_form.as_ref().unwrap(),
                finite.concurrence_closed_form.as_ref().unwrap()
            ) <= concurrence_gap,
            "Eq. 5 {at}"
        );
        assert!(
            distance(&limit.heat_current_a, &finite.heat_current_a) <= gap,
            "Q_A {at}"
        );
        assert!(
            distance(&limit.heat_current_s, &finite.heat_current_s) <= gap,
            "Q_S {at}"
        );
        assert_eq!(
            limit.entropy_production,
            EntropyProduction::DivergesToPlusInfinity
        );
    }
}

/// Where the free rate is rational (`β = 0 ↦ σ = 1`, `β = −∞ ↦ σ = 0`) every certified digit
/// is that of the exact limit state's value.
#[test]
fn limits_at_rational_rates_match_the_exact_limit_state() {
    for (other, sigma) in [("0", 1), ("-inf", 0)] {
        for infinite_is_a in [true, false] {
            let (a, s, alpha_limit, sigma_limit) = match (infinite_is_a, sigma) {
                (true, 1) => ("inf", other, RateLimit::Infinity, RateLimit::Free),
                (true, _) => ("inf", other, RateLimit::Infinity, RateLimit::zero()),
                (false, 1) => (other, "inf", RateLimit::Free, RateLimit::Infinity),
                (false, _) => (other, "inf", RateLimit::zero(), RateLimit::Infinity),
            };
            let state = limit_state(alpha_limit, sigma_limit, CommutingQubits).unwrap();
            let rate = Rational::from(sigma);
            let rho = state.rho_at(&rate, &rate).unwrap();
            let re = |i: usize, j: usize| rho[(i, j)].re.as_rational().clone();
            let half = Rational::from((1, 2));
            let middle = (re(1, 1) + re(2, 2)) * &half;
            let exact_populations = [
                re(0, 0),
                middle.clone() + re(1, 2),
                middle - re(1, 2),
                re(3, 3),
            ];
            let c = certify(a, s, 40);
            for (text, exact) in c.populations.iter().zip(&exact_populations) {
                assert_eq!(text, &rational_to_decimal(exact, 40), "({a}, {s})");
            }
            let concurrence = state.concurrence_at(&rate, &rate).unwrap();
            let exact_c = certified_decimal(&concurrence.enclosure(400), 40).unwrap();
            assert_eq!(c.concurrence, exact_c, "({a}, {s})");
            assert_eq!(c.concurrence_closed_form.as_ref(), Some(&exact_c));
            let (q_a, q_s) = state.heat_currents_at(&rate, &rate).unwrap();
            assert_eq!(c.heat_current_a, rational_to_decimal(&q_a, 40));
            assert_eq!(c.heat_current_s, rational_to_decimal(&q_s, 40));
        }
    }
    // The thermal limit of Fig. 1(b) is reached at (β_A, β_S) = (+∞, 0): C = 1/3 exactly.
    let state = limit_state(RateLimit::Infinity, RateLimit::Free, CommutingQubits).unwrap();
    assert_eq!(
        state.concurrence_at(&Rational::new(), &Rational::from(1)),
        Ok(ExactConcurrence::SqrtDifference {
            u: Rational::from((1, 9)),
            v: Rational::new()
        })
    );
}

/// Eq. (6) at `β_A → +∞`: `Q̇_A → −4/(σ + 2)`, never 0 for `σ ≥ 0`, so `−β_A Q̇_A` grows like
/// `4β_A/(σ + 2)` and `Ṡ → +∞`. Checked on the derived rational function and at finite `β_A`,
/// where `Ṡ/β_A` approaches `4/(σ + 2)` (at `σ = 1`: `4/3`) with an `O(1/β_A)` remainder.
#[test]
fn entropy_production_diverges_at_a_zero_temperature_bath() {
    let state = limit_state(RateLimit::Infinity, RateLimit::Free, CommutingQubits).unwrap();
    let sigma = RatFunc::var(SIGMA);
    let expected =
        &RatFunc::constant(Rational::from(-4)) / &(&sigma + &RatFunc::constant(Rational::from(2)));
    assert_eq!(state.heat_current_a, expected);
    let system = DiamondSystem::new(CommutingQubits).unwrap();
    let mut previous = Rational::new();
    for b in [30, 60, 120, 240] {
        let e = system
            .enclose(&beta(&b.to_string()), &beta("0"), 1024)
            .unwrap();
        let s = e.entropy_production.finite().unwrap().clone();
        let per_beta = s.lo().to_rational().unwrap() / Rational::from(b);
        // Ṡ = β_A·4/3 + O(1): the ratio stays within 1/β_A of 4/3 and Ṡ keeps growing.
        assert!(
            (&per_beta - Rational::from((4, 3))).abs() <= Rational::from((1, b)),
            "β_A = {b}: {per_beta}"
        );
        let value = s.lo().to_rational().unwrap();
        assert!(value > previous);
        previous = value;
    }
    let e = enclose_limit(&beta("inf"), &beta("0"), 128, CommutingQubits)
        .unwrap()
        .unwrap();
    assert_eq!(e.entropy_production, EntropyEnclosure::PlusInfinity);
}

/// Jordan–Wigner operators: both heat currents vanish identically in `(α, σ)`, so `Ṡ = 0` at
/// every finite `β` and in every `+∞` limit; there even `β_A = β_S = +∞` is continuous (ρ → |00⟩⟨00|),
/// while the Eq. (4)–(5) closed form has no limit there and is omitted, not filled in.
#[test]
fn jordan_wigner_limits_have_zero_entropy_production() {
    let system = DiamondSystem::new(JordanWigner).unwrap();
    for (a, s) in [("inf", "3"), ("2", "1"), ("-1", "0.5")] {
        // Finite points too: the certified solve's heat-current enclosures are replaced by the
        // exact 0 the derivation proves (they alone could not certify "0").
        let c = system
            .certify(&beta(a), &beta(s), 20)
            .unwrap_or_else(|e| panic!("({a}, {s}): {e}"));
        assert_eq!(
            c.entropy_production,
            EntropyProduction::Value("0".into()),
            "({a}, {s})"
        );
        assert_eq!(c.heat_current_a, "0");
    }
    let both = system.certify(&beta("inf"), &beta("inf"), 20).unwrap();
    assert_eq!(both.populations[0], "1.0000000000000000000");
    assert_eq!(both.concurrence, "0");
    assert_eq!(both.concurrence_closed_form, None);
    assert_eq!(both.alpha, None);
}

/// Commuting qubits at `β_A = β_S = +∞`: only decay remains and both `|G⟩` and the dark state
/// `|A⟩` are stationary, so the limit depends on the direction of approach.
#[test]
fn both_zero_temperatures_are_indeterminate() {
    let err = DiamondSystem::new(CommutingQubits)
        .unwrap()
        .certify(&beta("inf"), &beta("inf"), 20)
        .unwrap_err();
    assert!(matches!(
        err,
        DiamondError::ZeroTemperature(ZeroTemperatureError::Limit(LimitError::Indeterminate {
            alpha: RateLimit::Infinity,
            sigma: RateLimit::Infinity,
            ..
        }))
    ));
}

/// `|β|` up to 10⁶ on the finite side: the limit functions are evaluated directly, so the
/// working precision grows with `log2 |β|` only.
#[test]
fn extreme_finite_partner_is_certified_quickly() {
    let c = certify("inf", "-1000000", 30);
    assert_eq!(c.concurrence, "0.500000000000000000000000000000");
    assert!(c.precision_bits < 200, "{}", c.precision_bits);
    let c = certify("1000000", "inf", 30);
    assert!(
        c.populations[2].ends_with("e-434295"),
        "{}",
        c.populations[2]
    );
}
