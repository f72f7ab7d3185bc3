//! A uniform grid axis `min, min + h, …, max` (both ends included) for the Fig. 1 sweeps.

use serde::Serialize;

use super::FigureError;

/// Most points one axis may have (a 2001 × 2001 grid is 4·10⁶ steady-state solves).
pub const MAX_AXIS_POINTS: usize = 2001;

/// Uniformly spaced values from `min` to `max` inclusive, `points ≥ 2` of them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Axis {
    min: f64,
    max: f64,
    points: usize,
}

impl Axis {
    /// A validated axis named `name` (used in the error message), e.g. the `β_A` axis of
    /// Fig. 1(b),(c).
    ///
    /// # Errors
    /// [`FigureError::InvalidAxis`] when an end is not finite, `min ≥ max`, or `points` is
    /// outside `2..=MAX_AXIS_POINTS`.
    ///
    /// # Examples
    /// ```
    /// use steadyent::figures::Axis;
    /// let axis = Axis::new("beta_a", -4.0, 4.0, 5).unwrap();
    /// assert_eq!(axis.values(), vec![-4.0, -2.0, 0.0, 2.0, 4.0]);
    /// assert!(Axis::new("beta_a", 1.0, 1.0, 5).is_err());
    /// ```
    pub fn new(name: &'static str, min: f64, max: f64, points: usize) -> Result<Self, FigureError> {
        let invalid = |message: String| FigureError::InvalidAxis { name, message };
        if !min.is_finite() || !max.is_finite() {
            return Err(invalid(format!(
                "range {min}..{max} is not finite; give finite ends"
            )));
        }
        if min >= max {
            return Err(invalid(format!(
                "range {min}..{max} is empty; the minimum must be below the maximum"
            )));
        }
        if !(2..=MAX_AXIS_POINTS).contains(&points) {
            return Err(invalid(format!(
                "{points} points; give between 2 and {MAX_AXIS_POINTS}"
            )));
        }
        Ok(Axis { min, max, points })
    }

    /// The first value (Fig. 1: the left or bottom edge of the plot).
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The last value (Fig. 1: the right or top edge of the plot).
    pub fn max(&self) -> f64 {
        self.max
    }

    /// Number of values (Fig. 1: grid resolution along this axis).
    pub fn points(&self) -> usize {
        self.points
    }

    /// Spacing between neighbouring values (Fig. 1: width of one heat-map cell).
    pub fn step(&self) -> f64 {
        (self.max - self.min) / (self.points - 1) as f64
    }

    /// The `i`-th value, `min + (max − min)·i/(points − 1)`: both ends are exact, and so is
    /// `0` on a symmetric axis with an odd number of points (so the thermal borders
    /// `β_A = 0`, `β_S = 0` of Fig. 1 fall on grid lines).
    pub fn value(&self, i: usize) -> f64 {
        if i + 1 == self.points {
            return self.max;
        }
        self.min + (self.max - self.min) * i as f64 / (self.points - 1) as f64
    }

    /// All values in order (the `β` values at which Fig. 1(b),(c) are sampled).
    pub fn values(&self) -> Vec<f64> {
        (0..self.points).map(|i| self.value(i)).collect()
    }
}
