"""Rule files as data: YAML loaded with the position of every value, and cue patterns compiled per
language. Shared by every rule kind (`rules`, `vocabulary`), so errors name `path:line:col` alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex
import yaml

from .errors import RulesError


# --- YAML with positions -------------------------------------------------------------------------------

class Located:
    """A loaded YAML value with the position of every mapping key and sequence item."""

    def __init__(self, path: str):
        self.path = path
        self.marks: dict[int, tuple[int, int]] = {}

    def load(self, text: str) -> Any:
        try:
            node = yaml.compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise RulesError(self.path, line, col, f"YAML syntax error: {exc.problem or exc}") from None
        except yaml.YAMLError as exc:
            raise RulesError(self.path, 1, 1, f"YAML error: {exc}") from None
        return self._value(node) if node is not None else None

    def _value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                key = self._value(key_node)
                if key in out:
                    raise RulesError(self.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                     f"duplicate key {key!r}")
                out[key] = self._value(value_node)
                self.marks[id(out[key])] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result: Any = out
        elif isinstance(node, yaml.SequenceNode):
            result = [self._value(item) for item in node.value]
        else:
            result = yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" else node.value
            result = _Str(result) if isinstance(result, str) else result
        if isinstance(result, (dict, list, _Str)):
            self.marks[id(result)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return result

    def error(self, obj: Any, what: str) -> RulesError:
        line, col = self.marks.get(id(obj), (1, 1))
        return RulesError(self.path, line, col, what)


class _Str(str):
    """A str with an identity of its own, so its position can be looked up."""


def check_keys(doc: Located, obj: Any, allowed: set[str], required: set[str], what: str) -> dict:
    if not isinstance(obj, dict):
        raise doc.error(obj, f"{what} must be a mapping")
    for key in obj:
        if key not in allowed:
            raise doc.error(obj[key], f"unknown field {key!r} in {what}; valid: {', '.join(sorted(allowed))}")
    for key in sorted(required - set(obj)):
        raise doc.error(obj, f"missing field {key!r} in {what}")
    return obj


def compile_cues(doc: Located, cues: Any, what: str,
                  ignore_case: bool = True) -> tuple[regex.Pattern | None, regex.Pattern | None]:
    check_keys(doc, cues, {"en", "zh"}, set(), f"cues of {what}")
    compiled = []
    for lang in ("en", "zh"):
        patterns = cues.get(lang) or []
        if not isinstance(patterns, list):
            raise doc.error(patterns, f"cues.{lang} of {what} must be a list of patterns")
        for p in patterns:
            try:
                regex.compile(str(p))
            except regex.error as exc:
                raise doc.error(p, f"bad regular expression {str(p)!r} in {what}: {exc}") from None
        if patterns:
            flags = regex.I if lang == "en" and ignore_case else 0
            compiled.append(regex.compile("|".join(f"(?:{p})" for p in patterns), flags))
        else:
            compiled.append(None)
    return compiled[0], compiled[1]


@dataclass(frozen=True)
class Cue:
    name: str
    en: regex.Pattern | None
    zh: regex.Pattern | None

    def finditer(self, text: str, start: int, end: int):
        for pattern in (self.en, self.zh):
            if pattern is not None:
                yield from pattern.finditer(text, start, end)


