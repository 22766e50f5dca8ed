"""JS number rules the compiler needs at compile time: int31 fit, ToString, keys."""

from __future__ import annotations

import math
from decimal import Decimal

INT31_MIN = -(1 << 30)
INT31_MAX = (1 << 30) - 1


def to_number(value: int | float) -> int | float:
    """Normalises a literal: an integral value in int31 range (not -0) becomes an int.

    esprima gives Python ints for some literals (hex, big decimals) and floats for
    others; JS has one number type, so both spellings of a value must compile alike.
    """
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        if INT31_MIN <= value <= INT31_MAX:
            return value
        try:
            return float(value)
        except OverflowError:
            return math.inf
    if value.is_integer() and INT31_MIN <= value <= INT31_MAX:
        if value != 0 or math.copysign(1.0, value) > 0:
            return int(value)
    return value


def number_to_string(value: float) -> str:
    """ECMAScript Number::toString(10), for numeric property keys like {1.5: x}."""
    if math.isnan(value):
        return "NaN"
    if value == 0:
        return "0"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value < 0:
        return "-" + number_to_string(-value)
    # repr() gives the shortest digits that round-trip, as the spec asks for.
    sign, digits_t, exp = Decimal(repr(float(value))).normalize().as_tuple()
    digits = "".join(map(str, digits_t))
    assert isinstance(exp, int) and sign == 0
    k = len(digits)
    n = exp + k  # value = 0.digits * 10**n
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"


def canonical_key(name: str) -> int | str:
    """A property name in the VM's canonical form: array-index-like keys are int31.

    "17" is the int 17; "017", "-1" and "1.0" stay strings. Indexes beyond int31 stay
    strings too, because the VM has no other integer key representation.
    """
    if name.isdigit() and name.isascii() and (name == "0" or name[0] != "0"):
        index = int(name)
        if index <= INT31_MAX:
            return index
    return name
