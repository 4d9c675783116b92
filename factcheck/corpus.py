"""Stage 1: find corpus files, decode them, split them into articles."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable

import regex
import yaml
from charset_normalizer import from_bytes

from .errors import CorpusError
from .model import Article, SourceFile

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}

# Search-result pages: a headline line, then "Source· 2025-11-18 06:38".
_BYLINE = regex.compile(
    r"^(?P<source>[^\n]{1,80}?)[·•]\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[ T](?P<time>\d{1,2}:\d{2}))?\s*$",
    regex.M,
)
_FRONT_MATTER = regex.compile(r"\A---\r?\n(?P<body>.*?)\r?\n---\r?\n", regex.S)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass
class Corpus:
    """Decoded files plus the ones that had to be skipped (path, reason)."""

    files: list[SourceFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes, returning (text, encoding). Raises ValueError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if not data:
        return "", "utf-8"
    if b"\x00" in data:
        # UTF-16 without a BOM shows NULs on every other byte of ASCII text.
        even, odd = data[0::2].count(0), data[1::2].count(0)
        if len(data) % 2 == 0 and max(even, odd) > len(data) / 4 and min(even, odd) == 0:
            encoding = "utf-16-le" if odd > even else "utf-16-be"
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Mostly UTF-8 with a few stray bytes (a pasted fragment in another encoding): keep the text, say so.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for ch in replaced if ord(ch) > 127) - bad
    if good >= 4 * bad:
        return replaced, f"utf-8 ({bad} undecodable bytes replaced)"
    # Chinese newsroom files that are not UTF-8 are nearly always GB18030/GBK.
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best), best.encoding
    raise ValueError(f"cannot decode (not UTF-8 at byte {utf8_error.start}, nor GB18030/UTF-16)")


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= max(2, len(text[:4096]) // 100)


class _VisibleText(HTMLParser):
    """Collects the text a browser would show: no script, style, head or comments."""

    _HIDDEN = {"script", "style", "head", "template", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "title", "blockquote", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        # Inline acknowledgements live in comments; keep them visible to factcheck only.
        if data.strip().startswith("factcheck-ignore"):
            self.parts.append(f"<!--{data}-->")


def html_text(markup: str) -> str:
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    return regex.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip() + "\n"


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterable[tuple[Path, Path]]:
    """Yield (file, root) for every corpus file under the given paths, sorted, symlink loops skipped."""
    for given in paths:
        root = Path(given)
        if root.is_file():
            yield root, root.parent
            continue
        if not root.is_dir():
            raise CorpusError(f"{given}: no such file or folder")
        found: list[Path] = []
        seen: set[str] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(dirpath)
            if real in seen:  # a symlink loop: walk each real folder once
                dirnames[:] = []
                continue
            seen.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                    found.append(Path(dirpath) / name)
        for path in sorted(found):
            yield path, root


def read_corpus(paths: Iterable[str | os.PathLike[str]], warn: Callable[[str], None] | None = None) -> Corpus:
    """Read and decode every corpus file. Unreadable ones are skipped with one line each to `warn`."""
    warn = warn or (lambda line: print(line, file=sys.stderr))
    corpus = Corpus()
    seen: set[str] = set()
    for path, root in iter_paths(paths):
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        if rel in seen:
            continue
        seen.add(rel)
        source = read_file(path, rel)
        if isinstance(source, str):
            warn(f"{path}: skipped: {source}")
            corpus.skipped.append((rel, source))
        else:
            if "replaced" in source.encoding:
                warn(f"{path}: warning: mixed encodings, read as {source.encoding}")
            corpus.files.append(source)
    return corpus


def read_file(path: Path, rel: str) -> SourceFile | str:
    """A decoded file, or the reason it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    if not data.strip():
        return "empty file"
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        return str(exc)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in {".html", ".htm"}:
        text = html_text(text)
    if not text.strip():
        return "no visible text"
    return SourceFile(path=rel, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def split_articles(source: SourceFile) -> list[Article]:
    """Articles of one file: search-result pages by their byline lines, anything else as one article."""
    text, stem = source.text, Path(source.path).stem
    prefix = stem.split("_", 1)[0] if regex.fullmatch(r"\d+_.*", stem) else stem
    bylines = list(_BYLINE.finditer(text))
    heads = []
    for m in bylines:
        title_end = m.start() - 1
        if title_end <= 0:
            continue
        title_start = text.rfind("\n", 0, title_end) + 1
        title = text[title_start:title_end].strip()
        if title:
            heads.append((title_start, title, m))
    if not heads:
        return [_single_article(source, prefix)]
    articles = []
    for n, (start, title, m) in enumerate(heads, 1):
        end = heads[n][0] if n < len(heads) else len(text)
        articles.append(Article(id=f"{prefix}#{n}", file=source.path, title=title,
                                source=m["source"].strip(), date=m["date"], start=start, end=end))
    return articles


def _single_article(source: SourceFile, prefix: str) -> Article:
    text = source.text
    meta: dict = {}
    body_start = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        try:
            loaded = yaml.safe_load(fm["body"])
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            meta = {}
        body_start = fm.end()
    first_line = next((ln.strip() for ln in text[body_start:].splitlines() if ln.strip()), "")
    title = str(meta.get("title") or first_line.lstrip("# ").strip())[:200]
    date = meta.get("date")
    return Article(id=f"{prefix}#1", file=source.path, title=title,
                   source=str(meta["source"]) if meta.get("source") else None,
                   date=str(date)[:10] if date else None, start=0, end=len(text))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
