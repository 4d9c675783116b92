"""Traditional Chinese characters as simplified ones, one character for one (so offsets are kept), from
OpenCC's character table: extraction's scanned copy reads 7.9分鐘 as 7.9分钟 and 2.5小時 as 2.5小时, and the
frames' folded text reads 營收 as 营收, with the same table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def simplified_table() -> dict[int, int]:
    """Traditional -> simplified code points, for `str.translate` (only characters that change)."""
    import opencc

    table: dict[int, int] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            target = parts[1].split(" ")[0]
            if len(target) == 1 and target != parts[0]:
                table[ord(parts[0])] = ord(target)
    return table
