//! Exact multivariate polynomials and rational functions over Q: the algebra of ρ_SS (Eq. 1–5).
//!
//! Used by the symbolic derivation ([`crate::diamond::symbolic`]) and by the certificates in
//! [`crate::proofs`]. Coefficients are GMP rationals; nothing is rounded.

pub mod gcd;
pub mod polynomial;
pub mod ratfunc;

pub use gcd::gcd;
pub use polynomial::{Exponents, MAX_VARS, Poly};
pub use ratfunc::{GaussRatFunc, RatFunc};
