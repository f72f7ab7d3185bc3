//! Greatest common divisors of multivariate polynomials over Q (keeps ρ_SS of Eq. 1–3 in lowest terms).
//!
//! Recursive primitive polynomial remainder sequences (content in the other variables,
//! pseudo-division in one), with a rigorous coprimality test by evaluation as a shortcut.

use super::polynomial::{MAX_VARS, Poly, unit_exponents};

/// `gcd(a, b)` (reduces the entries of ρ_SS, Eq. 1–3, to lowest terms), normalised by
/// [`Poly::primitive`] (integer coprime coefficients, positive
/// leading coefficient); `gcd(0, 0) = 0`.
pub fn gcd(a: &Poly, b: &Poly) -> Poly {
    if a.is_zero() {
        return b.primitive();
    }
    if b.is_zero() {
        return a.primitive();
    }
    if a.as_constant().is_some() || b.as_constant().is_some() || coprime_by_evaluation(a, b) {
        return Poly::one();
    }
    gcd_prs(a, b)
}

/// A sufficient test for `gcd(a, b) = 1`. If `g = gcd(a, b)` had positive degree in a variable
/// `v` (necessarily occurring in both), then at any point of the other variables where the
/// leading coefficient of `a` in `v` does not vanish, `g`'s image keeps its degree in `v`
/// (`lc_v(g)` divides `lc_v(a)`) and divides both images; so constant univariate gcds of the
/// images for every shared variable prove coprimality. `false` means "not decided".
fn coprime_by_evaluation(a: &Poly, b: &Poly) -> bool {
    const POINTS: [i64; 4] = [2, 3, 5, 7];
    (0..MAX_VARS)
        .filter(|&v| a.contains_var(v) && b.contains_var(v))
        .all(|v| {
            let lead = a.coefficient_in(v, a.degree_in(v));
            POINTS.iter().any(|&value| {
                let at = |p: &Poly| {
                    (0..MAX_VARS).filter(|&w| w != v).fold(p.clone(), |acc, w| {
                        acc.substitute(w, &Poly::from_i64(value + w as i64))
                    })
                };
                if at(&lead).is_zero() {
                    return false;
                }
                let (ia, ib) = (at(a), at(b));
                ib.contains_var(v) && gcd_prs(&ia, &ib).as_constant().is_some()
                    || !ib.contains_var(v) && !ib.is_zero()
            })
        })
}

/// The primitive-PRS gcd (no coprimality shortcut).
fn gcd_prs(a: &Poly, b: &Poly) -> Poly {
    if a.is_zero() {
        return b.primitive();
    }
    if b.is_zero() {
        return a.primitive();
    }
    if a.as_constant().is_some() || b.as_constant().is_some() {
        return Poly::one();
    }
    let Some(var) = (0..MAX_VARS).find(|&v| a.contains_var(v) || b.contains_var(v)) else {
        return Poly::one();
    };
    if !a.contains_var(var) {
        return gcd(a, &content_in(b, var));
    }
    if !b.contains_var(var) {
        return gcd(&content_in(a, var), b);
    }
    let content_a = content_in(a, var);
    let content_b = content_in(b, var);
    let mut f = a.div_exact(&content_a).expect("content divides");
    let mut g = b.div_exact(&content_b).expect("content divides");
    if f.degree_in(var) < g.degree_in(var) {
        std::mem::swap(&mut f, &mut g);
    }
    while !g.is_zero() {
        let r = pseudo_remainder(&f, &g, var);
        f = g;
        g = if r.is_zero() {
            r
        } else {
            primitive_in(&r, var)
        };
    }
    let common = primitive_in(&f, var);
    (&gcd(&content_a, &content_b) * &common).primitive()
}

/// The content of `p` with respect to `var`: the gcd of its coefficients as a polynomial in
/// `var` (each a polynomial in the other variables).
pub fn content_in(p: &Poly, var: usize) -> Poly {
    let mut c = Poly::zero();
    for k in (0..=p.degree_in(var)).rev() {
        let coeff = p.coefficient_in(var, k);
        if coeff.is_zero() {
            continue;
        }
        c = gcd(&c, &coeff);
        if c.as_constant().is_some() {
            return Poly::one();
        }
    }
    c
}

fn primitive_in(p: &Poly, var: usize) -> Poly {
    let c = content_in(p, var);
    p.div_exact(&c).expect("content divides").primitive()
}

/// Pseudo-remainder of `f` by `g` in `var`: `lc(g)^k f = q g + r` with `deg_var r < deg_var g`.
fn pseudo_remainder(f: &Poly, g: &Poly, var: usize) -> Poly {
    let dg = g.degree_in(var);
    let lead_g = g.coefficient_in(var, dg);
    let mut r = f.clone();
    while !r.is_zero() && r.degree_in(var) >= dg {
        let dr = r.degree_in(var);
        let lead_r = r.coefficient_in(var, dr);
        let shifted = g.shift(&unit_exponents(var, dr - dg));
        // Rescaling by a non-zero rational keeps `r` a unit multiple of the pseudo-remainder
        // over Q and keeps its coefficients small.
        r = (&(&r * &lead_g) - &(&shifted * &lead_r)).primitive();
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bivariate_gcd_recovers_a_common_factor() {
        let a = Poly::var(0);
        let s = Poly::var(1);
        let common = &(&(&a * &s) + &a.pow(2)) + &Poly::from_i64(2);
        let f = &common * &(&a - &s);
        let g = &common * &(&(&a + &s) + &Poly::from_i64(3));
        assert_eq!(gcd(&f, &g), common.primitive());
        assert_eq!(gcd(&(&a - &s), &(&a + &s)), Poly::one());
    }
}
