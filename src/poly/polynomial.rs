//! Sparse multivariate polynomials over Q (GMP rationals) in up to [`MAX_VARS`] variables.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use rug::{Integer, Rational};

use crate::interval::Interval;

/// Largest number of variables a [`Poly`] may use (α, σ and two substitution variables).
pub const MAX_VARS: usize = 4;

/// Exponent vector of a monomial; compared lexicographically (variable 0 most significant).
pub type Exponents = [u32; MAX_VARS];

/// A polynomial `Σ c_e x^e` with rational coefficients; zero coefficients are never stored,
/// so structural equality is mathematical equality.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Poly {
    terms: BTreeMap<Exponents, Rational>,
}

impl Poly {
    /// The zero polynomial.
    pub fn zero() -> Self {
        Poly::default()
    }

    /// The constant `c`.
    pub fn constant(c: Rational) -> Self {
        let mut p = Poly::zero();
        if c != 0 {
            p.terms.insert([0; MAX_VARS], c);
        }
        p
    }

    /// The constant `n`.
    pub fn from_i64(n: i64) -> Self {
        Poly::constant(Rational::from(n))
    }

    /// The constant `1`.
    pub fn one() -> Self {
        Poly::from_i64(1)
    }

    /// The variable `x_index`.
    ///
    /// # Panics
    /// When `index ≥ MAX_VARS` (a programming error).
    pub fn var(index: usize) -> Self {
        Poly::monomial(Rational::from(1), unit_exponents(index, 1))
    }

    /// The monomial `c x^e`.
    pub fn monomial(c: Rational, e: Exponents) -> Self {
        let mut p = Poly::zero();
        if c != 0 {
            p.terms.insert(e, c);
        }
        p
    }

    /// Whether this is the zero polynomial.
    pub fn is_zero(&self) -> bool {
        self.terms.is_empty()
    }

    /// The constant value, when the polynomial is constant.
    pub fn as_constant(&self) -> Option<Rational> {
        match self.terms.len() {
            0 => Some(Rational::new()),
            1 => self.terms.get(&[0; MAX_VARS]).cloned(),
            _ => None,
        }
    }

    /// The coefficient of `x^0`.
    pub fn constant_term(&self) -> Rational {
        self.terms.get(&[0; MAX_VARS]).cloned().unwrap_or_default()
    }

    /// The terms `(exponents, coefficient)` in increasing lexicographic order.
    pub fn terms(&self) -> impl Iterator<Item = (&Exponents, &Rational)> {
        self.terms.iter()
    }

    /// Number of non-zero terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no terms (the zero polynomial).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The lexicographically largest term.
    pub fn leading_term(&self) -> Option<(&Exponents, &Rational)> {
        self.terms.iter().next_back()
    }

    /// Degree in variable `var` (0 for the zero polynomial).
    pub fn degree_in(&self, var: usize) -> u32 {
        self.terms.keys().map(|e| e[var]).max().unwrap_or(0)
    }

    /// Total degree (0 for the zero polynomial).
    pub fn total_degree(&self) -> u32 {
        self.terms.keys().map(|e| e.iter().sum()).max().unwrap_or(0)
    }

    /// Whether variable `var` occurs.
    pub fn contains_var(&self, var: usize) -> bool {
        self.terms.keys().any(|e| e[var] > 0)
    }

    /// The coefficient of `x_var^k`, a polynomial in the other variables.
    pub fn coefficient_in(&self, var: usize, k: u32) -> Poly {
        let mut p = Poly::zero();
        for (e, c) in &self.terms {
            if e[var] == k {
                let mut e2 = *e;
                e2[var] = 0;
                p.terms.insert(e2, c.clone());
            }
        }
        p
    }

    /// `self · c`.
    pub fn scale(&self, c: &Rational) -> Poly {
        if *c == 0 {
            return Poly::zero();
        }
        Poly {
            terms: self
                .terms
                .iter()
                .map(|(e, v)| (*e, Rational::from(v * c)))
                .collect(),
        }
    }

    /// `self · x^e`.
    pub fn shift(&self, e: &Exponents) -> Poly {
        Poly {
            terms: self
                .terms
                .iter()
                .map(|(f, v)| (add_exponents(f, e), v.clone()))
                .collect(),
        }
    }

    /// `self^n`.
    pub fn pow(&self, n: u32) -> Poly {
        let mut result = Poly::one();
        let mut base = self.clone();
        let mut k = n;
        while k > 0 {
            if k & 1 == 1 {
                result = &result * &base;
            }
            k >>= 1;
            if k > 0 {
                base = &base * &base;
            }
        }
        result
    }

    /// The value at a rational point (`point[i]` for variable `i`; missing variables must
    /// not occur), e.g. ρ_SS of Eq. (1)–(3) at rational rates.
    ///
    /// # Panics
    /// When a variable that occurs has no value in `point`.
    pub fn eval(&self, point: &[Rational]) -> Rational {
        let mut sum = Rational::new();
        for (e, c) in &self.terms {
            let mut term = c.clone();
            for (i, &k) in e.iter().enumerate() {
                if k > 0 {
                    term *= Rational::from(rug::ops::Pow::pow(&point[i], k));
                }
            }
            sum += term;
        }
        sum
    }

    /// A certified enclosure of the value on a box (`point[i]` encloses variable `i`; every
    /// variable that occurs needs one), e.g. at `α = e^{β_A}` for a decimal `β_A` (Eq. 3).
    ///
    /// # Panics
    /// When a variable that occurs has no enclosure in `point`, or `point` is empty.
    pub fn eval_interval(&self, point: &[Interval]) -> Interval {
        let prec = point[0].prec();
        let mut sum = Interval::from_i64(0, prec);
        for (e, c) in &self.terms {
            let mut term = Interval::from_rational(c, prec);
            for (i, &k) in e.iter().enumerate() {
                for _ in 0..k {
                    term = term.mul(&point[i]);
                }
            }
            sum = sum.add(&term);
        }
        sum
    }

    /// `self` with variable `var` replaced by the polynomial `value` (e.g. `α = 1 + x`, mapping
    /// the thermal quadrant `β_A ≥ 0` of Eq. 3 onto `x ≥ 0`).
    pub fn substitute(&self, var: usize, value: &Poly) -> Poly {
        let degree = self.degree_in(var);
        // Horner in `var`.
        let mut result = Poly::zero();
        for k in (0..=degree).rev() {
            result = &(&result * value) + &self.coefficient_in(var, k);
        }
        result
    }

    /// Substitutes `var = num/den` (e.g. `α = 1/(1 + x)` for `β_A ≤ 0`, Eq. 3) and clears the
    /// denominator: returns `N` with
    /// `self(var = num/den) = N / den^deg` where `deg = degree_in(var)`.
    pub fn substitute_fraction(&self, var: usize, num: &Poly, den: &Poly) -> (Poly, u32) {
        let degree = self.degree_in(var);
        let mut result = Poly::zero();
        let mut num_pow = Poly::one();
        let den_pows: Vec<Poly> = (0..=degree).map(|k| den.pow(k)).collect();
        for k in 0..=degree {
            let coeff = self.coefficient_in(var, k);
            if !coeff.is_zero() {
                result += &(&(&coeff * &num_pow) * &den_pows[(degree - k) as usize]);
            }
            num_pow = &num_pow * num;
        }
        (result, degree)
    }

    /// Exact quotient `self / divisor`, or `None` when the division leaves a remainder (keeps
    /// the entries of ρ_SS, Eq. 1–3, in lowest terms).
    ///
    /// # Panics
    /// When `divisor` is zero.
    pub fn div_exact(&self, divisor: &Poly) -> Option<Poly> {
        let (lead_e, lead_c) = divisor.leading_term().expect("division by zero polynomial");
        let (lead_e, lead_c) = (*lead_e, lead_c.clone());
        let mut remainder = self.clone();
        let mut quotient = Poly::zero();
        while let Some((e, c)) = remainder.leading_term() {
            let shift = sub_exponents(e, &lead_e)?;
            let factor = Rational::from(c / &lead_c);
            let term = Poly::monomial(factor, shift);
            remainder -= &(&term * divisor);
            quotient += &term;
        }
        Some(quotient)
    }

    /// The rational content (gcd of the numerators over lcm of the denominators, signed so
    /// that `self / content` has integer coprime coefficients and a positive leading one).
    pub fn content(&self) -> Rational {
        let Some((_, lead)) = self.leading_term() else {
            return Rational::from(1);
        };
        let mut num_gcd = Integer::new();
        let mut den_lcm = Integer::from(1);
        for c in self.terms.values() {
            num_gcd.gcd_mut(c.numer());
            den_lcm.lcm_mut(c.denom());
        }
        let content = Rational::from((num_gcd, den_lcm));
        if *lead < 0 { -content } else { content }
    }

    /// `self / content()`: integer coprime coefficients, positive leading coefficient.
    pub fn primitive(&self) -> Poly {
        let c = self.content();
        self.scale(&Rational::from(c.recip_ref()))
    }

    /// Whether every coefficient is `≥ 0` (the positivity certificates behind the bounds on
    /// Eq. 4's concurrence).
    pub fn coefficients_nonnegative(&self) -> bool {
        self.terms.values().all(|c| *c >= 0)
    }

    /// A displayable form with the given variable names (`names[i]` for variable `i`), e.g.
    /// `α, σ` of Eq. (3).
    pub fn display<'a>(&'a self, names: &'a [&'a str]) -> PolyDisplay<'a> {
        PolyDisplay { poly: self, names }
    }
}

/// `x_index^k` as an exponent vector.
pub fn unit_exponents(index: usize, k: u32) -> Exponents {
    assert!(index < MAX_VARS, "variable index {index} ≥ {MAX_VARS}");
    let mut e = [0; MAX_VARS];
    e[index] = k;
    e
}

fn add_exponents(a: &Exponents, b: &Exponents) -> Exponents {
    std::array::from_fn(|i| a[i] + b[i])
}

fn sub_exponents(a: &Exponents, b: &Exponents) -> Option<Exponents> {
    if a.iter().zip(b).any(|(x, y)| x < y) {
        return None;
    }
    Some(std::array::from_fn(|i| a[i] - b[i]))
}

impl AddAssign<&Poly> for Poly {
    fn add_assign(&mut self, rhs: &Poly) {
        for (e, c) in &rhs.terms {
            match self.terms.entry(*e) {
                std::collections::btree_map::Entry::Occupied(mut o) => {
                    *o.get_mut() += c;
                    if *o.get() == 0 {
                        o.remove();
                    }
                }
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(c.clone());
                }
            }
        }
    }
}

impl SubAssign<&Poly> for Poly {
    fn sub_assign(&mut self, rhs: &Poly) {
        for (e, c) in &rhs.terms {
            match self.terms.entry(*e) {
                std::collections::btree_map::Entry::Occupied(mut o) => {
                    *o.get_mut() -= c;
                    if *o.get() == 0 {
                        o.remove();
                    }
                }
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(Rational::from(-c));
                }
            }
        }
    }
}

impl Add for &Poly {
    type Output = Poly;
    fn add(self, rhs: &Poly) -> Poly {
        let mut out = self.clone();
        out += rhs;
        out
    }
}

impl Sub for &Poly {
    type Output = Poly;
    fn sub(self, rhs: &Poly) -> Poly {
        let mut out = self.clone();
        out -= rhs;
        out
    }
}

impl Mul for &Poly {
    type Output = Poly;
    fn mul(self, rhs: &Poly) -> Poly {
        let mut out: BTreeMap<Exponents, Rational> = BTreeMap::new();
        for (ea, ca) in &self.terms {
            for (eb, cb) in &rhs.terms {
                let e = add_exponents(ea, eb);
                let product = Rational::from(ca * cb);
                match out.entry(e) {
                    std::collections::btree_map::Entry::Occupied(mut o) => *o.get_mut() += product,
                    std::collections::btree_map::Entry::Vacant(v) => {
                        v.insert(product);
                    }
                }
            }
        }
        out.retain(|_, c| *c != 0);
        Poly { terms: out }
    }
}

impl Neg for &Poly {
    type Output = Poly;
    fn neg(self) -> Poly {
        Poly {
            terms: self
                .terms
                .iter()
                .map(|(e, c)| (*e, Rational::from(-c)))
                .collect(),
        }
    }
}

impl Add for Poly {
    type Output = Poly;
    fn add(mut self, rhs: Poly) -> Poly {
        self += &rhs;
        self
    }
}

impl Sub for Poly {
    type Output = Poly;
    fn sub(mut self, rhs: Poly) -> Poly {
        self -= &rhs;
        self
    }
}

impl Mul for Poly {
    type Output = Poly;
    fn mul(self, rhs: Poly) -> Poly {
        &self * &rhs
    }
}

impl MulAssign<&Poly> for Poly {
    fn mul_assign(&mut self, rhs: &Poly) {
        *self = &*self * rhs;
    }
}

impl Neg for Poly {
    type Output = Poly;
    fn neg(self) -> Poly {
        -&self
    }
}

/// Display helper returned by [`Poly::display`]: terms by decreasing total degree, then
/// lexicographically; integer coefficients plainly, others as `p/q`.
pub struct PolyDisplay<'a> {
    poly: &'a Poly,
    names: &'a [&'a str],
}

fn superscript(k: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    k.to_string()
        .chars()
        .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// The monomial `x^e` as text (`""` for the constant monomial).
pub fn monomial_text(e: &Exponents, names: &[&str]) -> String {
    let mut s = String::new();
    for (i, &k) in e.iter().enumerate() {
        if k == 0 {
            continue;
        }
        s.push_str(names.get(i).copied().unwrap_or("?"));
        if k > 1 {
            s.push_str(&superscript(k));
        }
    }
    s
}

impl fmt::Display for PolyDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.poly.is_zero() {
            return write!(f, "0");
        }
        let mut terms: Vec<(&Exponents, &Rational)> = self.poly.terms.iter().collect();
        terms.sort_by(|(a, _), (b, _)| {
            let da: u32 = a.iter().sum();
            let db: u32 = b.iter().sum();
            db.cmp(&da).then(b.cmp(a))
        });
        for (k, (e, c)) in terms.into_iter().enumerate() {
            let negative = *c < 0;
            let magnitude = Rational::from(c.abs_ref());
            match (k, negative) {
                (0, true) => write!(f, "-")?,
                (0, false) => {}
                (_, true) => write!(f, " - ")?,
                (_, false) => write!(f, " + ")?,
            }
            let mono = monomial_text(e, self.names);
            if mono.is_empty() {
                write!(f, "{magnitude}")?;
            } else if magnitude == 1 {
                write!(f, "{mono}")?;
            } else if *magnitude.denom() == 1 {
                write!(f, "{magnitude}{mono}")?;
            } else {
                write!(f, "({magnitude}){mono}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Poly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display(&["x0", "x1", "x2", "x3"]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x() -> Poly {
        Poly::var(0)
    }
    fn y() -> Poly {
        Poly::var(1)
    }

    #[test]
    fn arithmetic_and_display() {
        let p = &(&x() + &y()).pow(2) - &Poly::from_i64(3);
        assert_eq!(p.display(&["α", "σ"]).to_string(), "α² + 2ασ + σ² - 3");
        assert_eq!((&p - &p), Poly::zero());
    }

    #[test]
    fn exact_division_detects_remainders() {
        let a = &x() - &y();
        let b = &(&x() + &y()) + &Poly::one();
        let prod = &a * &b;
        assert_eq!(prod.div_exact(&a), Some(b.clone()));
        assert_eq!(prod.div_exact(&b), Some(a));
        assert_eq!((&prod + &Poly::one()).div_exact(&b), None);
    }

    #[test]
    fn substitution_of_a_fraction_clears_denominators() {
        // x² + x at x = 1/(1+y): (1 + (1+y)) / (1+y)²
        let p = &x().pow(2) + &x();
        let (n, k) = p.substitute_fraction(0, &Poly::one(), &(&Poly::one() + &y()));
        assert_eq!(k, 2);
        assert_eq!(n, &Poly::from_i64(2) + &y());
    }
}
