#!/usr/bin/env python3
"""Independent checker of steadyent's proof certificates (proofs/certificates/*.json).

It shares no code with steadyent and never runs it. For every certificate it

* builds the paper's model itself (Eq. 1-3 of Tacchino et al., PRL 120, 063604 (2018):
  c1 = s- x 1, c2 = 1 x s- (or Z x s- for the Jordan-Wigner reading), J_S = c1 + c2,
  J_A = c1 - c2, H0 = c1+c1 + c2+c2, channels J_S+, J_S, J_A+, J_A at rates 1, sigma, 1, alpha)
  and requires the operators and rates in the certificate to be exactly these;
* rebuilds the 16x16 Liouvillian from the certificate's operators and rates,
  d rho/dt = i[rho, H] + sum_k (r_k/2)(2 o rho o+ - o+o rho - rho o+o), and verifies that the
  claimed steady state is Hermitian, has trace 1, a denominator positive on alpha, sigma >= 0
  and L(rho_SS) = 0 identically;
* computes the model's named quantities (z, p_G, ..., Q_A, Q_S, R = rho rho~) itself from that
  steady state, re-evaluates every definition in the certificate and compares it with the
  stated value;
* re-verifies every step: expands identities, re-applies every substitution and checks every
  coefficient sign (and every completed square), re-derives every limit, rebuilds every exact
  kernel and every block determinant of the nullity argument, checks X-state patterns and
  exact evaluations. Stated lemmas are listed with their citation and counted, not checked.

Exit status 0 when every certificate verifies, 1 when any step fails or a certificate cannot be
read (unknown step kind, malformed number, ...), 2 for bad command-line arguments.

Arithmetic is exact: FLINT's multivariate polynomials over Q (python-flint, fmpq_mpoly);
rational functions are pairs (numerator, denominator) compared by cross-multiplication.

Usage: python3 scripts/check_certificates.py [PATH ...]   (default: proofs/certificates)
"""

import argparse
import ast
import json
import os
import re
import sys
import time

try:
    import flint
except ImportError:  # pragma: no cover - exercised by the Rust test's preflight
    sys.stderr.write(
        "check_certificates.py: python-flint is required: python3 -m pip install python-flint\n"
    )
    sys.exit(1)

FORMAT = "steadyent proof certificate"
VERSION = 1
RATIONAL = re.compile(r"-?[0-9]+(/[0-9]+)?\Z")


class CertificateError(Exception):
    """A certificate that cannot be read or a step that does not verify."""


# A missing key, a list where a number belongs, ...: reported as a malformed certificate.
MALFORMED = (KeyError, TypeError, AttributeError, IndexError, ValueError)


def fail(message):
    raise CertificateError(message)


# ---------------------------------------------------------------------------------------------
# Exact numbers, polynomials, rational functions


def rational(text, what="number"):
    if not isinstance(text, str) or not RATIONAL.match(text):
        fail(f"{what}: {text!r} is not an exact rational written as a string 'p' or 'p/q'")
    num, _, den = text.partition("/")
    if den and int(den) == 0:
        fail(f"{what}: {text!r} has a zero denominator")
    return flint.fmpq(int(num), int(den) if den else 1)


_CONTEXTS = {}


def context(names):
    names = tuple(names)
    if len(set(names)) != len(names) or not all(isinstance(n, str) and n for n in names):
        fail(f"variables {list(names)!r} are not distinct names")
    if names not in _CONTEXTS:
        _CONTEXTS[names] = flint.fmpq_mpoly_ctx.get(names, "lex")
    return _CONTEXTS[names]


def poly(ctx, data, what="polynomial"):
    """A polynomial from [[coefficient, [exponents]], ...]; duplicate monomials and zero
    coefficients are rejected, so every listed number matters."""
    if not isinstance(data, list):
        fail(f"{what}: expected a list of [coefficient, exponents] terms, got {type(data).__name__}")
    n = ctx.nvars()
    terms = {}
    for term in data:
        if not (isinstance(term, list) and len(term) == 2 and isinstance(term[1], list)):
            fail(f"{what}: malformed term {term!r}")
        coefficient = rational(term[0], what)
        exponents = term[1]
        if len(exponents) != n or not all(
            isinstance(e, int) and not isinstance(e, bool) and e >= 0 for e in exponents
        ):
            fail(f"{what}: exponents {exponents!r} are not {n} natural numbers")
        key = tuple(exponents)
        if key in terms:
            fail(f"{what}: the monomial {key} is listed twice")
        if coefficient == 0:
            fail(f"{what}: a term with coefficient 0")
        terms[key] = coefficient
    return ctx.from_dict(terms) if terms else ctx.from_dict({})


class Frac:
    """num/den over fmpq_mpoly, den != 0 (reduced by FLINT's gcd to keep sizes small)."""

    __slots__ = ("num", "den")

    def __init__(self, num, den=None):
        if den is None:
            den = num.context().from_dict({tuple([0] * num.context().nvars()): 1})
        if den.is_zero():
            fail("division by zero")
        if num.is_zero():
            den = den.context().from_dict({tuple([0] * den.context().nvars()): 1})
        else:
            g = num.gcd(den)
            if not g.is_one():
                num, den = num / g, den / g
        self.num, self.den = num, den

    def __add__(self, o):
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)

    def __sub__(self, o):
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)

    def __mul__(self, o):
        return Frac(self.num * o.num, self.den * o.den)

    def __truediv__(self, o):
        if o.num.is_zero():
            fail("division by zero in a definition")
        return Frac(self.num * o.den, self.den * o.num)

    def __neg__(self):
        return Frac(-self.num, self.den)

    def __pow__(self, k):
        return Frac(self.num ** k, self.den ** k)

    def is_zero(self):
        return self.num.is_zero()

    def equals(self, o):
        return (self.num * o.den - o.num * self.den).is_zero()


def const(ctx, q):
    return Frac(ctx.from_dict({tuple([0] * ctx.nvars()): q}) if q != 0 else ctx.from_dict({}))


def ratfunc(ctx, data, what):
    """A rational function stated in lowest terms: gcd(num, den) = 1, den with integer coprime
    coefficients and a positive coefficient on its lexicographically largest monomial, and 0
    written 0/1. Each function has exactly one such form, so every stated number matters."""
    if not (isinstance(data, dict) and set(data) == {"num", "den"}):
        fail(f"{what}: expected {{'num', 'den'}}")
    den = poly(ctx, data["den"], f"{what} denominator")
    num = poly(ctx, data["num"], f"{what} numerator")
    if den.is_zero():
        fail(f"{what}: zero denominator")
    terms = den.to_dict()
    if num.is_zero():
        if den != ctx.from_dict({tuple([0] * ctx.nvars()): 1}):
            fail(f"{what}: 0 must be written 0/1")
    else:
        if any(c.q != 1 for c in terms.values()) or flint.fmpz_mpoly_ctx.get(ctx.names(), "lex").from_dict(
            {e: c.p for e, c in terms.items()}
        ).content() != 1:
            fail(f"{what}: the denominator's coefficients are not coprime integers (not in lowest terms)")
        if terms[max(terms)] < 0:
            fail(f"{what}: the denominator's leading coefficient is negative (not in lowest terms)")
        if not num.gcd(den).is_constant():
            fail(f"{what}: numerator and denominator have a common factor (not in lowest terms)")
    return Frac(num, den)


def substitute_poly(p, values):
    """p with variable i replaced by the Frac values[i] (None: kept)."""
    ctx = p.context()
    gens = ctx.gens()
    out = const(ctx, 0)
    for exponents, c in p.to_dict().items():
        term = const(ctx, c)
        for i, e in enumerate(exponents):
            if e:
                term = term * ((values[i] if values[i] is not None else Frac(gens[i])) ** e)
        out = out + term
    return out


def substitute(f, values):
    return substitute_poly(f.num, values) / substitute_poly(f.den, values)


def uses_variable(p, i):
    return any(e[i] for e in p.to_dict())


def coefficients(p):
    return list(p.to_dict().items())


def positive_term_everywhere(p, strict_vars):
    """A term with positive coefficient in strictly positive variables only."""
    return any(c > 0 and all(e[i] == 0 or strict_vars[i] for i in range(len(e))) for e, c in coefficients(p))


# ---------------------------------------------------------------------------------------------
# Gaussian polynomials and operators (for the Liouvillian)


class G:
    """re + i*im over fmpq_mpoly."""

    __slots__ = ("re", "im")

    def __init__(self, re, im):
        self.re, self.im = re, im

    def __add__(self, o):
        return G(self.re + o.re, self.im + o.im)

    def __sub__(self, o):
        return G(self.re - o.re, self.im - o.im)

    def __mul__(self, o):
        return G(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)

    def conj(self):
        return G(self.re, -self.im)

    def is_zero(self):
        return self.re.is_zero() and self.im.is_zero()

    def equals(self, o):
        return (self - o).is_zero()


def gzero(ctx):
    return G(ctx.from_dict({}), ctx.from_dict({}))


def gconst(ctx, re, im=0):
    z = tuple([0] * ctx.nvars())
    return G(ctx.from_dict({z: re} if re else {}), ctx.from_dict({z: im} if im else {}))


def gpoly(ctx, data, what):
    if not (isinstance(data, dict) and set(data) == {"re", "im"}):
        fail(f"{what}: expected {{'re', 'im'}}")
    return G(poly(ctx, data["re"], f"{what} (re)"), poly(ctx, data["im"], f"{what} (im)"))


def matmul(a, b):
    n, m, k = len(a), len(b[0]), len(b)
    ctx = a[0][0].re.context()
    out = [[gzero(ctx) for _ in range(m)] for _ in range(n)]
    for i in range(n):
        for l in range(k):
            if a[i][l].is_zero():
                continue
            for j in range(m):
                if not b[l][j].is_zero():
                    out[i][j] = out[i][j] + a[i][l] * b[l][j]
    return out


def matadd(a, b, sign=1):
    return [[(x + y) if sign > 0 else (x - y) for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]


def dagger(a):
    return [[a[j][i].conj() for j in range(len(a))] for i in range(len(a[0]))]


def scale(a, s):
    return [[s * x for x in row] for row in a]


def kron(a, b):
    return [
        [a[i // len(b)][j // len(b[0])] * b[i % len(b)][j % len(b[0])] for j in range(len(a[0]) * len(b[0]))]
        for i in range(len(a) * len(b))
    ]


def mat_equal(a, b):
    return len(a) == len(b) and all(
        len(ra) == len(rb) and all(x.equals(y) for x, y in zip(ra, rb)) for ra, rb in zip(a, b)
    )


def liouvillian_apply(model, rho):
    """L(rho) = i[rho, H] + sum_k (r_k/2)(2 o rho o+ - o+o rho - rho o+o)  (Eq. 1-2)."""
    ctx = model["ctx"]
    h = model["hamiltonian"]
    i_unit = gconst(ctx, 0, 1)
    out = scale(matadd(matmul(rho, h), matmul(h, rho), -1), i_unit)
    half = gconst(ctx, flint.fmpq(1, 2))
    for jump in model["jumps"]:
        o = jump["operator"]
        od = dagger(o)
        n = matmul(od, o)
        term = matadd(scale(matmul(matmul(o, rho), od), gconst(ctx, 2)), matadd(matmul(n, rho), matmul(rho, n)), -1)
        out = matadd(out, scale(term, half * jump["rate"]))
    return out


def dissipator_of_bath(model, rho, bath):
    ctx = model["ctx"]
    half = gconst(ctx, flint.fmpq(1, 2))
    out = [[gzero(ctx) for _ in range(4)] for _ in range(4)]
    for jump in model["jumps"]:
        if jump["bath"] != bath:
            continue
        o = jump["operator"]
        od = dagger(o)
        n = matmul(od, o)
        term = matadd(scale(matmul(matmul(o, rho), od), gconst(ctx, 2)), matadd(matmul(n, rho), matmul(rho, n)), -1)
        out = matadd(out, scale(term, half * jump["rate"]))
    return out


def superoperator(model, basis):
    """M[r][c] = (L(E_c))_{basis[r]} with E_c = |i><j| for basis[c] = (i, j)."""
    ctx = model["ctx"]
    dim = model["dim"]
    columns = []
    for (i, j) in basis:
        e = [[gzero(ctx) for _ in range(dim)] for _ in range(dim)]
        e[i][j] = gconst(ctx, 1)
        columns.append(liouvillian_apply(model, e))
    return [[columns[c][i][j] for c in range(len(basis))] for (i, j) in basis]


def paper_model(ctx, convention):
    """Eq. (1)-(3), built here from scratch: the reference the certificate must match."""
    one, zero = gconst(ctx, 1), gzero(ctx)
    sm = [[zero, one], [zero, zero]]
    ident = [[one, zero], [zero, one]]
    parity = [[one, zero], [zero, gconst(ctx, -1)]]
    c1 = kron(sm, ident)
    if convention == "commuting-qubits":
        c2 = kron(ident, sm)
    elif convention == "jordan-wigner":
        c2 = kron(parity, sm)
    else:
        fail(f"model: unknown ladder convention {convention!r}")
    j_s = matadd(c1, c2)
    j_a = matadd(c1, c2, -1)
    h0 = matadd(matmul(dagger(c1), c1), matmul(dagger(c2), c2))
    alpha, sigma = ctx.gens()[0], ctx.gens()[1]
    unit = ctx.from_dict({tuple([0] * ctx.nvars()): 1})
    jumps = [("S", unit, dagger(j_s)), ("S", sigma, j_s), ("A", unit, dagger(j_a)), ("A", alpha, j_a)]
    return h0, jumps


def read_model(ctx, data):
    if not isinstance(data, dict):
        fail("model: missing")
    basis = data.get("basis")
    dim = len(basis) if isinstance(basis, list) else 0
    if dim != 4:
        fail("model: the diamond model's Hilbert space has the basis |00>, |01>, |10>, |11>")

    def operator(m, what):
        if not (isinstance(m, list) and len(m) == dim and all(isinstance(r, list) and len(r) == dim for r in m)):
            fail(f"{what}: expected a {dim}x{dim} matrix")
        out = []
        for row in m:
            out_row = []
            for entry in row:
                if not (isinstance(entry, list) and len(entry) == 2):
                    fail(f"{what}: entry {entry!r} is not [re, im]")
                out_row.append(gconst(ctx, rational(entry[0], what), rational(entry[1], what)))
            out.append(out_row)
        return out

    jumps = []
    if not isinstance(data.get("jumps"), list):
        fail("model: missing jumps")
    for k, jump in enumerate(data["jumps"]):
        if jump.get("bath") not in ("A", "S"):
            fail(f"model jump {k}: bath must be 'A' or 'S'")
        rate = poly(ctx, jump.get("rate"), f"model jump {k} rate")
        jumps.append({
            "bath": jump["bath"],
            "rate_poly": rate,
            "rate": G(rate, ctx.from_dict({})),
            "operator": operator(jump.get("operator"), f"model jump {k} operator"),
        })
    model = {
        "ctx": ctx,
        "dim": dim,
        "convention": data.get("convention"),
        "hamiltonian": operator(data.get("hamiltonian"), "model hamiltonian"),
        "jumps": jumps,
    }
    h0, reference = paper_model(ctx, model["convention"])
    if not mat_equal(model["hamiltonian"], h0):
        fail("model: the Hamiltonian is not H0 = c1+c1 + c2+c2 (Eq. 1, omega0 = 1)")
    if len(jumps) != len(reference):
        fail(f"model: {len(jumps)} channels, Eq. (2) has {len(reference)}")
    for k, (jump, (bath, rate, op)) in enumerate(zip(jumps, reference)):
        if jump["bath"] != bath or not (jump["rate_poly"] - rate).is_zero() or not mat_equal(jump["operator"], op):
            fail(f"model jump {k}: not Eq. (2)'s channel {k} (bath {bath}, rate {rate})")
    return model


def read_state(ctx, model, data):
    if not isinstance(data, dict):
        fail("steady_state: missing")
    d = poly(ctx, data.get("denominator"), "steady_state denominator")
    rows = data.get("numerators")
    if not (isinstance(rows, list) and len(rows) == 4 and all(isinstance(r, list) and len(r) == 4 for r in rows)):
        fail("steady_state: numerators must be a 4x4 matrix")
    n = [[gpoly(ctx, e, f"steady_state numerator ({i}, {j})") for j, e in enumerate(r)] for i, r in enumerate(rows)]
    if d.is_zero():
        fail("steady_state: zero denominator")
    if not all(c > 0 for _, c in coefficients(d)) or not positive_term_everywhere(d, [False] * ctx.nvars()):
        fail("steady_state: the denominator is not positive on alpha, sigma >= 0 by its coefficients")
    for i in range(4):
        for j in range(4):
            if not n[i][j].equals(n[j][i].conj()):
                fail(f"steady_state: not Hermitian at ({i}, {j})")
    trace = n[0][0] + n[1][1] + n[2][2] + n[3][3]
    if not (trace.re - d).is_zero() or not trace.im.is_zero():
        fail("steady_state: the trace is not 1")
    residual = liouvillian_apply(model, n)
    if not all(x.is_zero() for row in residual for x in row):
        fail("steady_state: L(rho_SS) does not vanish identically")
    return d, n


def vocabulary(ctx, model, d, n):
    """The named quantities of the certificate grammar, computed here from rho_SS."""
    if any(not x.im.is_zero() for row in n for x in row):
        return {}, {}
    den = Frac(d)
    rho = [[Frac(x.re) / den for x in row] for row in n]
    half = const(ctx, flint.fmpq(1, 2))
    names = {
        "z": rho[1][2],
        "p_G": rho[0][0],
        "p_S": (rho[1][1] + rho[2][2] + rho[1][2] + rho[2][1]) * half,
        "p_A": (rho[1][1] + rho[2][2] - rho[1][2] - rho[2][1]) * half,
        "p_E": rho[3][3],
    }
    for bath in ("A", "S"):
        heat = matmul(model["hamiltonian"], dissipator_of_bath(model, n, bath))
        tr = heat[0][0] + heat[1][1] + heat[2][2] + heat[3][3]
        if not tr.im.is_zero():
            fail(f"the heat current of bath {bath} is not real")
        names[f"Q_{bath}"] = Frac(tr.re) / den
    # Wootters: R = rho rho~, rho~ = (sy x sy) rho* (sy x sy); sy x sy is real for sy = [[0,-i],[i,0]].
    yy = {(0, 3): -1, (1, 2): 1, (2, 1): 1, (3, 0): -1}
    tilde = [[const(ctx, 0) for _ in range(4)] for _ in range(4)]
    for (a, b), s1 in yy.items():
        for (c, e), s2 in yy.items():
            tilde[a][e] = tilde[a][e] + rho[b][c] * const(ctx, s1 * s2)
    r = [[const(ctx, 0) for _ in range(4)] for _ in range(4)]
    for i in range(4):
        for l in range(4):
            if rho[i][l].is_zero():
                continue
            for j in range(4):
                r[i][j] = r[i][j] + rho[i][l] * tilde[l][j]
    return names, {"rho": rho, "R": r}


# ---------------------------------------------------------------------------------------------
# The definition grammar: numbers, + - * /, ^ with a natural exponent, subs(f, var=g),
# variables, vocabulary names, rho[i,j] and R[i,j], and bindings.


class Env:
    def __init__(self, ctx, scalars, arrays):
        self.ctx = ctx
        self.vars = {name: Frac(g) for name, g in zip(ctx.names(), ctx.gens())}
        self.scalars = dict(scalars)
        self.arrays = arrays

    def child(self, extra):
        e = Env.__new__(Env)
        e.ctx, e.vars, e.arrays = self.ctx, self.vars, self.arrays
        e.scalars = dict(self.scalars)
        for k, v in extra.items():
            if k in e.scalars or k in e.vars or k in e.arrays:
                fail(f"the name {k!r} is already defined")
            e.scalars[k] = v
        return e


def evaluate(text, env):
    if not isinstance(text, str) or not text.strip():
        fail(f"definition {text!r} is not a formula")
    try:
        tree = ast.parse(text.replace("^", "**"), mode="eval")
    except SyntaxError as e:
        fail(f"definition {text!r} does not parse: {e.msg}")
    return _eval(tree.body, env, text)


def _index(node, text):
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    fail(f"definition {text!r}: an index must be an integer")


def _eval(node, env, text):
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Pow):
            k = node.right
            if not (isinstance(k, ast.Constant) and isinstance(k.value, int) and not isinstance(k.value, bool) and k.value >= 0):
                fail(f"definition {text!r}: an exponent must be a natural number")
            return _eval(node.left, env, text) ** k.value
        a, b = _eval(node.left, env, text), _eval(node.right, env, text)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        if isinstance(node.op, ast.Div):
            return a / b
        fail(f"definition {text!r}: operator {type(node.op).__name__} is not in the grammar")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, env, text)
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return const(env.ctx, flint.fmpq(node.value))
    if isinstance(node, ast.Name):
        if node.id in env.vars:
            return env.vars[node.id]
        if node.id in env.scalars:
            return env.scalars[node.id]
        fail(f"definition {text!r}: unknown name {node.id!r}")
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        array = env.arrays.get(node.value.id)
        if array is None:
            fail(f"definition {text!r}: unknown matrix {node.value.id!r}")
        idx = node.slice
        if not (isinstance(idx, ast.Tuple) and len(idx.elts) == 2):
            fail(f"definition {text!r}: a matrix entry is M[i,j]")
        i, j = _index(idx.elts[0], text), _index(idx.elts[1], text)
        if not (0 <= i < len(array) and 0 <= j < len(array[0])):
            fail(f"definition {text!r}: index ({i}, {j}) out of range")
        return array[i][j]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "subs":
        if len(node.args) != 1 or len(node.keywords) != 1:
            fail(f"definition {text!r}: subs(f, variable=value) takes one function and one substitution")
        var = node.keywords[0].arg
        names = list(env.ctx.names())
        if var not in names:
            fail(f"definition {text!r}: subs of unknown variable {var!r}")
        values = [None] * len(names)
        values[names.index(var)] = _eval(node.keywords[0].value, env, text)
        return substitute(_eval(node.args[0], env, text), values)
    fail(f"definition {text!r}: {type(node).__name__} is not in the grammar")


def side(env, data, what):
    """A function {definition, value}: the definition, evaluated here, must equal the value."""
    if not (isinstance(data, dict) and set(data) == {"definition", "value"}):
        fail(f"{what}: expected {{'definition', 'value'}}")
    value = ratfunc(env.ctx, data["value"], f"{what} value")
    computed = evaluate(data["definition"], env)
    if not computed.equals(value):
        fail(f"{what}: the definition {data['definition']!r} does not evaluate to the stated value")
    return value


def with_bindings(env, step, what):
    extra = {}
    for k, b in enumerate(step.get("bindings", [])):
        if not (isinstance(b, dict) and set(b) == {"name", "definition", "value"}):
            fail(f"{what} binding {k}: expected {{'name', 'definition', 'value'}}")
        inner = env.child(extra)
        extra[b["name"]] = side(inner, {"definition": b["definition"], "value": b["value"]}, f"{what} binding {b['name']}")
    return env.child(extra)


# ---------------------------------------------------------------------------------------------
# Step kinds


# name -> (substitution of alpha, sigma in the parameters, parameter ranges); each maps the
# parameter orthant onto the region: thermal x = alpha - 1, y = sigma - 1; negative quadrant
# x = 1/alpha - 1, y = 1/sigma - 1; cavity half-plane x = alpha, y = sigma - alpha.
DOMAINS = {
    "all-temperatures": ({"alpha": "alpha", "sigma": "sigma"}, {"alpha": "> 0", "sigma": "> 0"}),
    "closed-quadrant": ({"alpha": "alpha", "sigma": "sigma"}, {"alpha": ">= 0", "sigma": ">= 0"}),
    "alpha-positive": ({"alpha": "alpha"}, {"alpha": "> 0"}),
    "thermal": ({"alpha": "1 + x", "sigma": "1 + y"}, {"x": ">= 0", "y": ">= 0"}),
    "negative-quadrant": ({"alpha": "1/(1 + x)", "sigma": "1/(1 + y)"}, {"x": ">= 0", "y": ">= 0"}),
    "cavity-half-plane": ({"alpha": "x", "sigma": "x + y"}, {"x": "> 0", "y": ">= 0"}),
}


def check_sign(p, strict_vars, strict, what):
    for e, c in coefficients(p):
        if c < 0:
            fail(f"{what}: coefficient {c} of the monomial {e} is negative")
    if strict and not positive_term_everywhere(p, strict_vars):
        fail(f"{what}: no term is positive on the whole domain")


def only_variables(p, allowed, names, what):
    for e, _ in coefficients(p):
        for i, k in enumerate(e):
            if k and names[i] not in allowed:
                fail(f"{what}: uses {names[i]}, which is not a parameter of the domain")


def check_positivity(env, step, what):
    ctx = env.ctx
    names = list(ctx.names())
    env = with_bindings(env, step, what)
    f = side(env, step.get("function"), f"{what} function")
    dom = step.get("domain")
    if not isinstance(dom, dict) or dom.get("name") not in DOMAINS:
        fail(f"{what}: unknown domain {dom.get('name') if isinstance(dom, dict) else dom!r}")
    substitution, parameters = DOMAINS[dom["name"]]
    if dom.get("parameters") != parameters:
        fail(f"{what}: the parameters {dom.get('parameters')!r} are not those of the domain {dom['name']}")
    stated = dom.get("substitution")
    if not isinstance(stated, dict) or set(stated) != set(substitution):
        fail(f"{what}: the substitution {stated!r} is not the domain's")
    base_env = Env(ctx, {}, {})
    values = [None] * len(names)
    for var, expected in substitution.items():
        got = evaluate(stated[var], base_env)
        if not got.equals(evaluate(expected, base_env)):
            fail(f"{what}: the substitution {var} = {stated[var]} does not map the parameters onto the domain {dom['name']} ({var} = {expected})")
        values[names.index(var)] = got
    if dom["name"] == "alpha-positive" and (uses_variable(f.num, names.index("sigma")) or uses_variable(f.den, names.index("sigma"))):
        fail(f"{what}: the domain alpha > 0 is for functions of alpha alone")
    strict_vars = [parameters.get(n) == "> 0" for n in names]
    value_data = step["function"]["value"]
    parts = {}
    for part in ("numerator", "denominator"):
        p = poly(ctx, value_data["num" if part == "numerator" else "den"], f"{what} function {part}")
        data = step.get(part)
        if not (isinstance(data, dict) and set(data) == {"scale", "multiplier", "polynomial"}):
            fail(f"{what}: {part} needs scale, multiplier, polynomial")
        s = rational(data["scale"], f"{what} {part} scale")
        if s <= 0:
            fail(f"{what}: the {part} scale {s} is not positive")
        transformed = substitute(Frac(p), values)
        m = const(ctx, 1)
        for k, factor in enumerate(data["multiplier"]):
            if not (isinstance(factor, dict) and set(factor) == {"base", "exponent"}):
                fail(f"{what}: {part} multiplier {k} needs base and exponent")
            b = poly(ctx, factor["base"], f"{what} {part} multiplier base")
            e = factor["exponent"]
            if not (isinstance(e, int) and not isinstance(e, bool) and e >= 0):
                fail(f"{what}: {part} multiplier exponent {e!r} is not a natural number")
            only_variables(b, parameters, names, f"{what} {part} multiplier")
            check_sign(b, [False] * len(names), True, f"{what} {part} multiplier base (must be > 0 on the parameters)")
            m = m * Frac(b) ** e
        stated_poly = poly(ctx, data["polynomial"], f"{what} {part} polynomial")
        if not (transformed * m * const(ctx, s)).equals(Frac(stated_poly)):
            fail(f"{what}: the {part} after the substitution is not the stated polynomial")
        only_variables(stated_poly, parameters, names, f"{what} {part}")
        parts[part] = stated_poly
    check_sign(parts["denominator"], strict_vars, True, f"{what} denominator")
    total = ctx.from_dict({})
    for k, sq in enumerate(step.get("squares", [])):
        if not (isinstance(sq, dict) and set(sq) == {"weight", "monomial", "base"}):
            fail(f"{what}: square {k} needs weight, monomial, base")
        w = rational(sq["weight"], f"{what} square weight")
        if w <= 0:
            fail(f"{what}: square weight {w} is not positive")
        mono = sq["monomial"]
        if not (isinstance(mono, list) and len(mono) == len(names) and all(isinstance(e, int) and not isinstance(e, bool) and e >= 0 for e in mono)):
            fail(f"{what}: square monomial {mono!r} is not {len(names)} natural numbers")
        b = poly(ctx, sq["base"], f"{what} square base")
        term = ctx.from_dict({tuple(mono): w}) * b * b
        only_variables(term, parameters, names, f"{what} square {k}")
        total = total + term
    remainder = poly(ctx, step.get("remainder"), f"{what} remainder")
    if not (parts["numerator"] - total - remainder).is_zero():
        fail(f"{what}: numerator - squares is not the stated remainder")
    if not isinstance(step.get("strict"), bool):
        fail(f"{what}: strict must be true or false")
    check_sign(remainder, strict_vars, step["strict"], f"{what} numerator remainder")
    return f, step["strict"], dom["name"]


def check_limit(env, step, what):
    ctx = env.ctx
    names = list(ctx.names())
    env = with_bindings(env, step, what)
    f = side(env, step.get("function"), f"{what} function")
    approach = step.get("approach")
    if not (isinstance(approach, dict) and set(approach) == {"alpha", "sigma"}):
        fail(f"{what}: approach needs alpha and sigma")
    inverse = [None] * len(names)
    point = [None] * len(names)
    free = [False] * len(names)
    eliminated = []
    for var, aux in (("alpha", "x"), ("sigma", "y")):
        a = approach[var]
        kind = a.get("kind") if isinstance(a, dict) else None
        i, j = names.index(var), names.index(aux)
        if kind == "to" and set(a) == {"kind", "value"}:
            v = rational(a["value"], f"{what} {var} limit")
            if v < 0:
                fail(f"{what}: {var} -> {v} leaves the rates' range alpha, sigma >= 0")
            point[i] = const(ctx, v)
        elif kind == "infinity" and set(a) == {"kind", "substitution"}:
            if a["substitution"] != f"1/{aux}":
                fail(f"{what}: {var} -> infinity must be written {var} = 1/{aux} with {aux} -> 0+, not {a['substitution']!r}")
            inverse[i] = const(ctx, 1) / Frac(ctx.gens()[j])
            point[j] = const(ctx, 0)
            eliminated.append(i)
        elif kind == "free" and set(a) == {"kind"}:
            free[i] = True
        else:
            fail(f"{what}: unknown approach {a!r} for {var}")
    g = substitute(f, inverse)
    stated = ratfunc(ctx, step.get("substituted"), f"{what} substituted")
    if not g.equals(stated):
        fail(f"{what}: the function after the substitution is not the stated one")
    for i in eliminated:
        if uses_variable(stated.num, i) or uses_variable(stated.den, i):
            fail(f"{what}: the substituted function still uses {names[i]}")
    at = step.get("at_point")
    if not (isinstance(at, dict) and set(at) == {"num", "den"}):
        fail(f"{what}: at_point needs num and den")
    n_pt = substitute_poly(stated.num, point)
    d_pt = substitute_poly(stated.den, point)
    for label, computed, key in (("numerator", n_pt, "num"), ("denominator", d_pt, "den")):
        given = poly(ctx, at[key], f"{what} {label} at the point")
        if not (computed.den.is_one() and (computed.num - given).is_zero()):
            fail(f"{what}: the {label} at the limit point is not the stated one")
    d_given = poly(ctx, at["den"], f"{what} denominator at the point")
    if d_given.is_zero():
        fail(f"{what}: the denominator vanishes at the limit point")
    coeffs = [c for _, c in coefficients(d_given)]
    one_sign = all(c > 0 for c in coeffs) or all(c < 0 for c in coeffs)
    signed = d_given if coeffs[0] > 0 else -d_given
    if not one_sign or not positive_term_everywhere(signed, free):
        fail(f"{what}: the denominator at the point is not of one strict sign for the free rates > 0")
    for e, _ in coefficients(d_given):
        if any(k and not free[i] for i, k in enumerate(e)):
            fail(f"{what}: the denominator at the point depends on a variable that is not free")
    limit = side(env, step.get("limit"), f"{what} limit")
    if not (Frac(poly(ctx, at["num"], what)) / Frac(d_given)).equals(limit):
        fail(f"{what}: the limit is not numerator/denominator at the point")
    return limit


def read_basis(data, what):
    if not (isinstance(data, list) and len(data) == 16):
        fail(f"{what}: the basis must list the 16 pairs (i, j)")
    pairs = [tuple(p) for p in data if isinstance(p, list) and len(p) == 2]
    if sorted(pairs) != [(i, j) for i in range(4) for j in range(4)]:
        fail(f"{what}: the basis is not a permutation of the 16 pairs (i, j)")
    return pairs


def check_kernel(state, step, what):
    ctx, model, d, n = state["ctx"], state["model"], state["d"], state["n"]
    basis = read_basis(step.get("basis"), what)
    m = superoperator(model, basis)
    stated = [[gzero(ctx) for _ in range(16)] for _ in range(16)]
    seen = set()
    for entry in step.get("matrix", []):
        if not (isinstance(entry, list) and len(entry) == 3 and all(isinstance(x, int) and 0 <= x < 16 for x in entry[:2])):
            fail(f"{what}: malformed matrix entry {entry!r}")
        if (entry[0], entry[1]) in seen:
            fail(f"{what}: matrix entry ({entry[0]}, {entry[1]}) listed twice")
        seen.add((entry[0], entry[1]))
        stated[entry[0]][entry[1]] = gpoly(ctx, entry[2], f"{what} matrix entry")
    if not mat_equal(stated, m):
        bad = next((r, c) for r in range(16) for c in range(16) if not stated[r][c].equals(m[r][c]))
        fail(f"{what}: the matrix is not the Liouvillian of the model (first difference at {bad})")
    vec = step.get("vector")
    if not (isinstance(vec, dict) and set(vec) == {"denominator", "numerators"} and len(vec["numerators"]) == 16):
        fail(f"{what}: the vector needs a denominator and 16 numerators")
    vd = poly(ctx, vec["denominator"], f"{what} vector denominator")
    if vd.is_zero():
        fail(f"{what}: zero denominator")
    v = [gpoly(ctx, x, f"{what} vector entry") for x in vec["numerators"]]
    for s, (i, j) in enumerate(basis):
        # v_s / vd = n_ij / d
        if not (G(v[s].re * d, v[s].im * d) - G(n[i][j].re * vd, n[i][j].im * vd)).is_zero():
            fail(f"{what}: the vector is not the certificate's steady state at ({i}, {j})")
    for r in range(16):
        acc = gzero(ctx)
        for c in range(16):
            if not m[r][c].is_zero() and not v[c].is_zero():
                acc = acc + m[r][c] * v[c]
        if not acc.is_zero():
            fail(f"{what}: row {r} of M v does not vanish")
    trace = gzero(ctx)
    for s, (i, j) in enumerate(basis):
        if i == j:
            trace = trace + v[s]
    if not (trace.re - vd).is_zero() or not trace.im.is_zero():
        fail(f"{what}: the trace of the kernel vector is not 1")
    check_sign(vd, [False] * ctx.nvars(), True, f"{what} denominator (positive on alpha, sigma >= 0)")
    state["kernel_checked"] = True


def determinant(m):
    """Cofactor expansion along the first column, minors memoised by their rows."""
    ctx = m[0][0].re.context()
    n = len(m)
    memo = {}

    def det(rows, col):
        if col == n:
            return gconst(ctx, 1)
        key = (rows, col)
        if key in memo:
            return memo[key]
        total = gzero(ctx)
        for k, r in enumerate(rows):
            if m[r][col].is_zero():
                continue
            minor = det(rows[:k] + rows[k + 1:], col + 1)
            term = m[r][col] * minor
            total = total + term if k % 2 == 0 else total - term
        memo[key] = total
        return total

    return det(tuple(range(n)), 0)


def check_nullity(state, env, step, what):
    ctx, model = state["ctx"], state["model"]
    basis = [(i, j) for i in range(4) for j in range(4)]
    m = superoperator(model, basis)
    blocks = step.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        fail(f"{what}: no blocks")
    covered = []
    for b in blocks:
        pos = b.get("positions")
        if not (isinstance(pos, list) and all(isinstance(p, int) and 0 <= p < 16 for p in pos)):
            fail(f"{what}: malformed block positions {pos!r}")
        covered.extend(pos)
    if sorted(covered) != list(range(16)):
        fail(f"{what}: the blocks do not partition the 16 coordinates")
    owner = {p: k for k, b in enumerate(blocks) for p in b["positions"]}
    for r in range(16):
        for c in range(16):
            if owner[r] != owner[c] and not m[r][c].is_zero():
                fail(f"{what}: the superoperator couples blocks at ({r}, {c})")
    bordered = [b for b in blocks if b.get("bordered_row") is not None]
    if len(bordered) != 1:
        fail(f"{what}: exactly one block must be trace-bordered (the one holding the kernel)")
    lines = []
    for b in blocks:
        pos = b["positions"]
        sub = [[m[r][c] for c in pos] for r in pos]
        row = b.get("bordered_row")
        if row is not None:
            if row not in pos or basis[row][0] != basis[row][1]:
                fail(f"{what}: the bordered row {row!r} is not a population row of its block")
            populations = [k for k, p in enumerate(pos) if basis[p][0] == basis[p][1]]
            for c in range(len(pos)):
                acc = gzero(ctx)
                for k in populations:
                    acc = acc + sub[k][c]
                if not acc.is_zero():
                    fail(f"{what}: the population rows of block {b.get('difference')} do not sum to zero (trace)")
            sub[pos.index(row)] = [gconst(ctx, 1) if k in populations else gzero(ctx) for k in range(len(pos))]
        det = determinant(sub)
        stated = gpoly(ctx, b.get("determinant"), f"{what} block {b.get('difference')} determinant")
        if not det.equals(stated):
            fail(f"{what}: the determinant of block {b.get('difference')} is not the stated one")
        inner = env.child({"det_re": Frac(det.re), "det_im": Frac(det.im)})
        label = f"{what} block {b.get('difference')}"
        nonzero = b.get("nonzero")
        if not isinstance(nonzero, dict) or nonzero.get("kind") != "positivity":
            fail(f"{label}: needs a positivity certificate for a part of the determinant")
        f, strict, domain_name = check_positivity(inner, nonzero, label)
        if not strict or domain_name != "closed-quadrant":
            fail(f"{label}: the determinant must be shown > 0 (strict) on the closed quadrant alpha, sigma >= 0")
        parts = [Frac(det.re), -Frac(det.re), Frac(det.im), -Frac(det.im)]
        if not any(not p.is_zero() and p.equals(f) for p in parts):
            fail(f"{label}: the positivity certificate is not about +-Re or +-Im of the determinant")
        lines.append(f"block {b.get('difference')} ({len(pos)}x{len(pos)}) det != 0")
    state["nullity_checked"] = True
    return "; ".join(lines)


def check_x_state(env, step, what):
    matrix = env.arrays.get(step.get("matrix"))
    if matrix is None:
        fail(f"{what}: unknown matrix {step.get('matrix')!r}")
    for i in range(4):
        for j in range(4):
            if i != j and i + j != 3 and not matrix[i][j].is_zero():
                fail(f"{what}: entry ({i}, {j}) is off the X pattern and not 0")
    env = with_bindings(env, step, what)
    for k, cond in enumerate(step.get("conditions", [])):
        if not (isinstance(cond, dict) and set(cond) == {"lhs", "rhs"}):
            fail(f"{what}: condition {k} needs lhs and rhs")
        lhs = side(env, cond["lhs"], f"{what} condition {k} lhs")
        rhs = side(env, cond["rhs"], f"{what} condition {k} rhs")
        if not lhs.equals(rhs):
            fail(f"{what}: condition {k}: {cond['lhs']['definition']} != {cond['rhs']['definition']}")


def check_evaluation(env, step, what):
    ctx = env.ctx
    names = list(ctx.names())
    env = with_bindings(env, step, what)
    f = side(env, step.get("function"), f"{what} function")
    pt = step.get("point")
    if not (isinstance(pt, dict) and set(pt) == {"alpha", "sigma"}):
        fail(f"{what}: the point needs alpha and sigma")
    values = [None] * len(names)
    values[names.index("alpha")] = const(ctx, rational(pt["alpha"], what))
    values[names.index("sigma")] = const(ctx, rational(pt["sigma"], what))
    den = substitute_poly(f.den, values)
    if den.is_zero():
        fail(f"{what}: the point is a pole")
    v = substitute_poly(f.num, values) / den
    if not (v.num.is_constant() and v.den.is_constant()):
        fail(f"{what}: the function depends on variables other than alpha, sigma")
    stated = const(ctx, rational(step.get("value"), f"{what} value"))
    if not v.equals(stated):
        fail(f"{what}: the value at the point is not {step.get('value')}")
    if step.get("claim") != "nonzero":
        fail(f"{what}: unknown claim {step.get('claim')!r}")
    if stated.is_zero():
        fail(f"{what}: the value is 0")
    return step["value"]


def check_identity(env, step, what):
    variables = step.get("variables")
    if not isinstance(variables, list):
        fail(f"{what}: variables missing")
    if variables != list(env.ctx.names()):
        env = Env(context(variables), {}, {})
    env = with_bindings(env, step, what)
    lhs = side(env, step.get("lhs"), f"{what} lhs")
    rhs = side(env, step.get("rhs"), f"{what} rhs")
    if not (lhs.num * rhs.den - rhs.num * lhs.den).is_zero():
        fail(f"{what}: lhs - rhs does not expand to 0")


# ---------------------------------------------------------------------------------------------
# Certificates


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as e:
        fail(f"cannot parse: {e}")
    if not isinstance(data, dict):
        fail("cannot parse: the top level is not an object")
    if data.get("format") != FORMAT:
        fail(f"not a steadyent proof certificate (format {data.get('format')!r})")
    if data.get("version") != VERSION:
        fail(f"certificate format version {data.get('version')!r} is not the supported {VERSION}")
    return data


def check_certificate(data, path, verified, out):
    """Checks one certificate; returns (ok, re-verified steps, stated lemmas)."""
    theorem = data.get("theorem", {})
    tid = theorem.get("id")
    if not isinstance(tid, str) or os.path.basename(path) != f"{tid}.json":
        fail(f"the theorem id {tid!r} does not match the file name")
    ctx = context(data.get("variables", []))
    if list(ctx.names())[:2] != ["alpha", "sigma"]:
        fail("the first two variables must be alpha and sigma (Eq. 3)")
    lines = []
    state = {"ctx": ctx}
    env = Env(ctx, {}, {})
    if data.get("model") is not None:
        model = read_model(ctx, data["model"])
        d, n = read_state(ctx, model, data.get("steady_state"))
        state.update(model=model, d=d, n=n)
        scalars, arrays = vocabulary(ctx, model, d, n)
        env = Env(ctx, scalars, arrays)
        lines.append(("ok", "model", f"operators and rates are Eq. (1)-(3) ({model['convention']}); L rebuilt from them"))
        lines.append(("ok", "steady state", "Hermitian, trace 1, denominator > 0 on alpha, sigma >= 0, L(rho_SS) = 0 identically"))
    uses = data.get("uses", [])
    if not isinstance(uses, list):
        fail("uses must be a list of theorem ids")
    for dep in uses:
        if dep not in verified:
            fail(f"uses theorem {dep!r}, whose certificate is missing or did not verify")
        other = verified[dep]
        if other["model"] != data.get("model") or other["steady_state"] != data.get("steady_state"):
            fail(f"uses theorem {dep!r}, which is about a different model or steady state")
    steps = data.get("steps")
    if not isinstance(steps, list):
        fail("steps must be a list")
    checked = lemmas = 0
    failures = 0
    for k, step in enumerate(steps, 1):
        kind = step.get("kind") if isinstance(step, dict) else None
        what = f"step {k} ({kind})"
        try:
            if kind == "lemma":
                if not (isinstance(step.get("statement"), str) and step["statement"] and isinstance(step.get("citation"), str) and step["citation"]):
                    fail(f"{what}: a stated lemma needs a statement and a citation")
                if step.get("theorem") is not None and step["theorem"] not in uses:
                    fail(f"{what}: cites theorem {step['theorem']!r}, which the certificate does not list in uses")
                lemmas += 1
                lines.append(("stated", f"{k} lemma", f"{step['statement']} [{step['citation']}]"))
                continue
            if kind in ("positivity", "limit", "exact-kernel", "nullity", "x-state", "evaluation") and "model" not in state:
                fail(f"{what}: needs the model and steady state")
            if kind == "identity":
                check_identity(env, step, what)
                detail = step.get("label", "")
            elif kind == "positivity":
                _, strict, dom = check_positivity(env, step, what)
                detail = f"{step.get('label', '')} [{'> 0' if strict else '>= 0'} on {dom}]"
            elif kind == "limit":
                check_limit(env, step, what)
                detail = step.get("label", "")
            elif kind == "exact-kernel":
                check_kernel(state, step, what)
                detail = step.get("label", "")
            elif kind == "nullity":
                detail = check_nullity(state, env, step, what)
            elif kind == "x-state":
                check_x_state(env, step, what)
                detail = step.get("label", "")
            elif kind == "evaluation":
                value = check_evaluation(env, step, what)
                detail = f"{step.get('label', '')} [value {value}]"
            elif kind == "recorded-computation":
                fail(f"{what}: a recorded computation carries no data to re-verify")
            else:
                fail(f"{what}: unknown step kind {kind!r}")
            checked += 1
            lines.append(("ok", f"{k} {kind}", detail))
        except CertificateError as e:
            failures += 1
            lines.append(("FAIL", f"{k} {kind}", str(e)))
        except MALFORMED as e:
            failures += 1
            lines.append(("FAIL", f"{k} {kind}", f"{what}: malformed step ({type(e).__name__}: {e})"))
    stated = data.get("stated_lemmas")
    if stated != lemmas:
        failures += 1
        lines.append(("FAIL", "count", f"stated_lemmas is {stated!r} but {lemmas} lemma steps are listed"))
    ok = failures == 0
    verdict = "VERIFIED" if ok else "FAILED"
    out.write(f"{verdict:<9} {tid}: {checked} steps re-verified, {lemmas} stated lemmas\n")
    for status, name, detail in lines:
        if status == "FAIL" or not QUIET:
            out.write(f"  {status:<6} {name:<18} {detail}\n")
    return ok, checked, lemmas


QUIET = False


def main(argv=None):
    global QUIET
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("paths", nargs="*", help="certificate files or folders [default: proofs/certificates]")
    parser.add_argument("--quiet", action="store_true", help="print only the verdict per theorem and failing steps")
    args = parser.parse_args(argv)
    QUIET = args.quiet
    paths = args.paths or [os.path.join(here, os.pardir, "proofs", "certificates")]
    files = []
    for p in paths:
        if os.path.isdir(p):
            files.extend(sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".json")))
        elif os.path.isfile(p):
            files.append(p)
        else:
            parser.error(f"{p}: no such file or folder")
    if not files:
        sys.stderr.write("check_certificates.py: no certificates (*.json) found\n")
        return 1
    start = time.perf_counter()
    out = sys.stdout
    by_id = {}  # theorem id -> path (the files given, then the dependencies they use)
    failed = []
    for f in files:
        stem = os.path.basename(f)[: -len(".json")] if f.endswith(".json") else os.path.basename(f)
        by_id.setdefault(stem, f)
    verified, done, in_progress = {}, set(), set()
    totals = {"steps": 0, "lemmas": 0, "checked": 0}

    def verify(tid, path):
        if tid in done:
            return
        if tid in in_progress:
            out.write(f"FAILED    {tid}: the certificates use each other in a cycle\n")
            failed.append(tid)
            done.add(tid)
            return
        in_progress.add(tid)
        try:
            data = load(path)
            uses = data.get("uses") or []
            if not isinstance(uses, list) or not all(isinstance(u, str) for u in uses):
                fail("uses must be a list of theorem ids")
            for dep in uses:
                if dep not in by_id:
                    by_id[dep] = os.path.join(os.path.dirname(path), f"{dep}.json")
                if os.path.isfile(by_id[dep]):
                    verify(dep, by_id[dep])
            ok, n_steps, n_lemmas = check_certificate(data, path, verified, out)
            totals["steps"] += n_steps
            totals["lemmas"] += n_lemmas
            if ok:
                verified[tid] = data
            else:
                failed.append(tid)
        except CertificateError as e:
            out.write(f"FAILED    {path}: {e}\n")
            failed.append(tid)
        except MALFORMED as e:
            out.write(f"FAILED    {path}: malformed certificate ({type(e).__name__}: {e})\n")
            failed.append(tid)
        totals["checked"] += 1
        in_progress.discard(tid)
        done.add(tid)

    for tid, path in list(by_id.items()):
        verify(tid, path)
    elapsed = time.perf_counter() - start
    total = totals["checked"]
    out.write(
        f"{total} certificates: {total - len(failed)} verified, {len(failed)} failed; "
        f"{totals['steps']} steps re-verified, {totals['lemmas']} stated lemmas (not machine-checked); {elapsed:.1f} s\n"
    )
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
