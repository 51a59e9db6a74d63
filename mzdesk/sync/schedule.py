"""When the desktop syncs by itself: shortly after the window opens, then every few minutes —
each delay drawn at random inside a window, so that 2,000 desktops switched on at eight in
the morning (or woken by the same network coming back) reach the server spread over minutes,
not in the same second, and do not fall back into step afterwards."""

from __future__ import annotations

import random

FIRST_MIN_S = 5.0  # the first sync no sooner than this after the window opens …
FIRST_WINDOW_S = 120.0  # … and somewhere within this window after that
INTERVAL_S = 300.0  # then about every five minutes …
INTERVAL_SPREAD = 0.2  # … give or take 20%


def first_delay_s(
    rng: random.Random | None = None,
    *,
    minimum_s: float = FIRST_MIN_S,
    window_s: float = FIRST_WINDOW_S,
) -> float:
    """Seconds from start-up to the first automatic sync: uniform in
    [minimum, minimum + window]."""
    return minimum_s + (rng or random).uniform(0.0, max(0.0, window_s))


def next_delay_s(
    rng: random.Random | None = None,
    *,
    interval_s: float = INTERVAL_S,
    spread: float = INTERVAL_SPREAD,
) -> float:
    """Seconds from one automatic sync to the next: uniform in interval · [1 − spread,
    1 + spread], drawn afresh each time."""
    low = interval_s * (1.0 - spread)
    return (rng or random).uniform(low, interval_s * (1.0 + spread))
