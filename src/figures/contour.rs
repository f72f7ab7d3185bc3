//! Contour lines of a gridded field by marching squares (the `C = 1/3` curve of Fig. 1b).

use std::collections::{HashMap, VecDeque};

use super::Axis;

/// A grid edge carrying a crossing: horizontal from `(i, j)` to `(i+1, j)` or vertical from
/// `(i, j)` to `(i, j+1)`. Neighbouring cells share the key, which is what chains segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Edge {
    Horizontal(usize, usize),
    Vertical(usize, usize),
}

/// The polylines along which the field crosses `level` (Fig. 1b: `level = 1/3` on the
/// concurrence grid of Eq. 4), in data coordinates.
///
/// `values[j * x.points() + i]` is the field at `(x.value(i), y.value(j))`. Each grid cell is
/// classified by which corners lie above `level` (marching squares); crossings are placed on
/// the cell edges by linear interpolation, saddle cells are split according to the mean of
/// their four corners, and the segments are joined into polylines through their shared edges
/// (closed curves repeat their first point at the end). Cells with a non-finite corner are
/// skipped.
///
/// # Panics
/// When `values.len() != x.points() * y.points()`.
///
/// # Examples
/// ```
/// use steadyent::figures::{Axis, contour::contour_lines};
/// let x = Axis::new("x", -1.0, 1.0, 3).unwrap();
/// let y = Axis::new("y", -1.0, 1.0, 3).unwrap();
/// // f(x, y) = x: the level-0 contour is the line x = 0.
/// let f: Vec<f64> = (0..9).map(|k| x.value(k % 3)).collect();
/// let lines = contour_lines(&x, &y, &f, 0.0);
/// assert_eq!(lines.len(), 1);
/// assert!(lines[0].iter().all(|&(px, _)| px == 0.0));
/// ```
pub fn contour_lines(x: &Axis, y: &Axis, values: &[f64], level: f64) -> Vec<Vec<(f64, f64)>> {
    let (nx, ny) = (x.points(), y.points());
    assert_eq!(values.len(), nx * ny, "one value per grid point");
    let at = |i: usize, j: usize| values[j * nx + i];
    let above = |v: f64| v > level;

    let mut segments: Vec<(Edge, Edge)> = Vec::new();
    for j in 0..ny - 1 {
        for i in 0..nx - 1 {
            let corners = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
            if corners.iter().any(|v| !v.is_finite()) {
                continue;
            }
            let [v00, v10, v11, v01] = corners;
            let bottom = Edge::Horizontal(i, j);
            let right = Edge::Vertical(i + 1, j);
            let top = Edge::Horizontal(i, j + 1);
            let left = Edge::Vertical(i, j);
            let crossed: Vec<Edge> = [(bottom, v00, v10), (right, v10, v11), (top, v01, v11)]
                .into_iter()
                .chain([(left, v00, v01)])
                .filter(|&(_, a, b)| above(a) != above(b))
                .map(|(e, _, _)| e)
                .collect();
            match crossed.len() {
                2 => segments.push((crossed[0], crossed[1])),
                4 => {
                    // Saddle: the centre decides which diagonal pair of corners is connected.
                    let centre = (v00 + v10 + v11 + v01) / 4.0;
                    if above(centre) == above(v00) {
                        segments.push((bottom, right));
                        segments.push((top, left));
                    } else {
                        segments.push((left, bottom));
                        segments.push((right, top));
                    }
                }
                _ => {}
            }
        }
    }

    let point = |edge: Edge| {
        let ((i0, j0), (i1, j1)) = match edge {
            Edge::Horizontal(i, j) => ((i, j), (i + 1, j)),
            Edge::Vertical(i, j) => ((i, j), (i, j + 1)),
        };
        let (a, b) = (at(i0, j0), at(i1, j1));
        let t = (level - a) / (b - a);
        (
            x.value(i0) + t * (x.value(i1) - x.value(i0)),
            y.value(j0) + t * (y.value(j1) - y.value(j0)),
        )
    };
    chain(&segments)
        .into_iter()
        .map(|edges| edges.into_iter().map(point).collect())
        .collect()
}

/// Joins segments that share an edge into maximal chains of edges.
fn chain(segments: &[(Edge, Edge)]) -> Vec<Vec<Edge>> {
    let mut at_edge: HashMap<Edge, Vec<usize>> = HashMap::new();
    for (s, &(a, b)) in segments.iter().enumerate() {
        at_edge.entry(a).or_default().push(s);
        at_edge.entry(b).or_default().push(s);
    }
    let mut used = vec![false; segments.len()];
    // The unused segment touching `edge`, and its other end.
    let next = |edge: Edge, used: &mut Vec<bool>| {
        let s = *at_edge.get(&edge)?.iter().find(|&&s| !used[s])?;
        used[s] = true;
        let (a, b) = segments[s];
        Some(if a == edge { b } else { a })
    };
    let mut lines = Vec::new();
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (a, b) = segments[start];
        let mut line = VecDeque::from([a, b]);
        while let Some(e) = next(*line.back().expect("non-empty"), &mut used) {
            line.push_back(e);
        }
        while let Some(e) = next(*line.front().expect("non-empty"), &mut used) {
            line.push_front(e);
        }
        lines.push(line.into_iter().collect());
    }
    lines
}
