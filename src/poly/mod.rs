//! Exact multivariate polynomials and rational functions over Q, the algebra of the symbolic
//! derivation of ρ_SS (Eq. 1–5) and of the certificates in [`crate::proofs`].

pub mod gcd;
pub mod polynomial;
pub mod ratfunc;

pub use gcd::gcd;
pub use polynomial::{Exponents, MAX_VARS, Poly};
pub use ratfunc::{GaussRatFunc, RatFunc};
