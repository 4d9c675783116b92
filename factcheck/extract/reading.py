"""A figure as it is being read: its span so far, value, unit and the words that qualify it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Reading:
    start: int
    end: int
    value: Decimal
    high: Decimal | None
    precision: Decimal
    unit: str | None  # pint unit name, or None for a bare number
    qualifier: str = "exact"
    cue: str | None = None
    direction: str | None = None
    noun: str | None = None
    scaled: bool = False
    per: str | None = None  # a rate's period: "day" in 2 million barrels per day

    def scale(self, k: Decimal) -> None:
        """Multiply the value, its high end and its precision by a scale word's `k` (million, 万)."""
        self.value, self.precision = self.value * k, self.precision * k
        if self.high is not None:
            self.high *= k
        self.scaled = True
