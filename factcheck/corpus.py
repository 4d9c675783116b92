"""Stage 1: find corpus files, decode them, split them into articles."""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_right
from html import unescape as html_unescape
import os
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import regex
import yaml
from charset_normalizer import from_bytes

from .errors import CorpusError
from .model import Article, Finding, SourceFile

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
    """Decoded files plus the ones that had to be skipped (path, reason).

    `raw` maps each HTML file to its `RawMap`: claims' offsets are into the visible text, but the line and
    column an editor is shown (`line_col`) are the raw file's."""

    files: list[SourceFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    raw: dict[str, "RawMap"] = field(default_factory=dict)
    _texts: "Texts | None" = field(default=None, repr=False, compare=False)

    @property
    def texts(self) -> "Texts":
        """Each file's decoded text by path (read from a file only when asked for)."""
        if self._texts is None or len(self._texts) != len(self.files):
            self._texts = Texts(self.files)
        return self._texts

    def line_col(self, file: str, offset: int) -> tuple[int, int]:
        """1-based line and column, in the file as stored on disk, of an offset into its decoded text."""
        if file in self.raw:
            return self.raw[file].line_col(offset)
        return line_col(self.texts[file], offset)


class Texts(Mapping[str, str]):
    """Files' decoded texts by path, each taken from its `SourceFile` only when looked up: a file the claims
    store hands back decompresses its text when first read, and a draft checked against an archive quotes
    few of the archive's files."""

    def __init__(self, files: Iterable[SourceFile]):
        self._files = {f.path: f for f in files}

    def __getitem__(self, path: str) -> str:
        return self._files[path].text

    def __contains__(self, path: object) -> bool:
        return path in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes by detection, returning (text, encoding). Raises ValueError when no encoding gives
    plausible text (binary data, or an encoding factcheck does not read): better skipped than mojibake.

    Order: a BOM; UTF-8; UTF-8 with a few stray bytes (kept, and said so); UTF-16 without a BOM (Chinese
    too); GB18030, Big5 and Windows-1252/Latin-1, each accepted only when its decoding reads as text in that
    script (see `_plausible_cjk`, `_plausible_latin`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if not data:
        return "", "utf-8"
    if b"\x00" not in data:
        # Valid UTF-8 without NULs is UTF-8: UTF-16 text almost never is (its code units break UTF-8's byte
        # structure), and trying UTF-16 first would read every file twice.
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
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
    scored = []
    for encoding, common in (("gb18030", _common_gb), ("big5", _common_big5)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausible_cjk(text, common)
        if score >= _CJK_THRESHOLD and _looks_like_text(text):
            scored.append((score, encoding, text))
    if scored:
        _, encoding, text = max(scored, key=lambda t: t[0])
        return text, encoding
    for encoding in ("windows-1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_latin(text) and _looks_like_text(text):
            return text, encoding
    best = from_bytes(data).best()
    guess = f"; it looks like {best.encoding}" if best is not None else ""
    raise ValueError(f"cannot decode: not UTF-8 (byte {utf8_error.start}), UTF-16, GB18030, Big5 or "
                     f"Windows-1252{guess}")


# A decoding in a CJK encoding is taken when this share of its non-ASCII characters are the encoding's
# common characters: real text scores ~1.0; another encoding's bytes read through it score ~0.5.
_CJK_THRESHOLD = 0.9
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】—…·「」『』〔〕")


def _common_gb(ch: str) -> bool:
    """GB2312's characters (the 6,763 hanzi of everyday simplified Chinese, its punctuation rows) and the
    common traditional hanzi GBK also encodes."""
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return "\u4e00" <= ch <= "\u9fff" and _common_big5(ch)
    return len(b) == 2 and (b[0] in (0xA1, 0xA3) or 0xB0 <= b[0] <= 0xF7)


def _common_big5(ch: str) -> bool:
    """Big5's symbols and its 5,401 frequently used traditional hanzi (level 1)."""
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA1 <= b[0] <= 0xC6


def _plausible_cjk(text: str, common: Callable[[str], bool]) -> float:
    chars = [ch for ch in text if ord(ch) > 127]
    if not chars:
        return 0.0
    return sum(1 for ch in chars if ch in _CJK_PUNCT or common(ch)) / len(chars)


def _plausible_latin(text: str) -> bool:
    """Western text: its few non-ASCII characters are accented letters and typographic punctuation, each
    next to ASCII letters or spaces (not runs of symbols, as CJK bytes read as Latin-1 give)."""
    chars = [ch for ch in text if ord(ch) > 127]
    if len(chars) > 0.3 * len(text):
        return False
    for ch in chars:
        cat = unicodedata.category(ch)
        if cat.startswith("L"):
            if not ("\u00c0" <= ch <= "\u024f") or ch in "×÷":
                return False
        elif not (cat[0] in "PSZ" or cat == "No"):
            return False
    runs = regex.findall(r"[^\x00-\x7f]{3,}", text)
    return len(runs) <= max(1, len(chars) // 20)


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= max(2, len(text[:4096]) // 100)


def _utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: ASCII shows NULs on every other byte; Chinese may show none, so both byte orders
    are decoded and kept when the text is plausible (CJK, Latin, punctuation, no controls)."""
    if len(data) % 2 or len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    orders = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for encoding in orders:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_utf16(text):
            return text, encoding
    return None


def _plausible_utf16(text: str) -> bool:
    text = text[:65536]  # a sample decides: the rest of a file is the same encoding
    usual = 0
    for ch in text:
        o = ord(ch)
        if 32 <= o < 127 or ch in "\t\n\r" or ch in _CJK_PUNCT:
            usual += 1
        elif 0x4E00 <= o <= 0x9FFF and (_common_gb(ch) or _common_big5(ch)):
            usual += 1
        elif 0xA0 <= o <= 0x24F or 0x2000 <= o <= 0x206F or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
            usual += 1
    return usual >= 0.95 * len(text)


class _VisibleText(HTMLParser):
    """Collects the text a browser would show (no script, style, head or comments), and for every piece the
    offset in the markup it came from."""

    _HIDDEN = {"script", "style", "head", "template", "noscript"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "title", "blockquote", "ul", "ol", "table"}

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.origins: list[tuple[int, bool]] = []  # (raw offset of the piece, one character per character)
        self._hidden = 0
        self._line_starts = LineIndex(markup).starts

    def _here(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _add(self, text: str, exact: bool) -> None:
        if text:
            self.parts.append(text)
            self.origins.append((self._here(), exact))

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCK:
            self._add("\n", False)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCK:
            self._add("\n", False)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._add(data, True)

    def handle_entityref(self, name: str) -> None:
        if not self._hidden:
            self._add(html_unescape(f"&{name};"), False)

    def handle_charref(self, name: str) -> None:
        if not self._hidden:
            self._add(html_unescape(f"&#{name};"), False)

    def handle_comment(self, data: str) -> None:
        # Inline acknowledgements live in comments; keep them visible to factcheck only.
        if data.strip().startswith("factcheck-ignore"):
            self._add(f"<!--{data}-->", True)


_BLANK_LINES = regex.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


class LineIndex:
    """Where each line of a text starts, for 1-based (line, column) of any offset by bisection."""

    def __init__(self, text: str) -> None:
        starts = array("q", [0])
        find, pos = text.find, text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@dataclass(frozen=True)
class RawMap:
    """Offsets into an HTML file's visible text -> line and column in its markup. Runs of visible text copied
    one for one from the markup (`exact`) map character by character; a character that stands for markup
    (an entity, a line break for a block tag) maps to where that markup starts."""

    starts: array  # visible offset where each run starts
    origins: array  # raw offset of the run's first character
    exact: bytes  # 1: the run maps one for one
    lines: LineIndex  # of the markup

    def raw_offset(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        return self.origins[i] + (offset - self.starts[i] if self.exact[i] else 0)

    def line_col(self, offset: int) -> tuple[int, int]:
        return self.lines.line_col(self.raw_offset(offset))


def html_text(markup: str) -> str:
    """The visible text of an HTML page."""
    return html_visible(markup)[0]


def html_visible(markup: str) -> tuple[str, RawMap]:
    """The visible text of an HTML page and the map from its offsets back into the markup."""
    parser = _VisibleText(markup)
    parser.feed(markup)
    parser.close()
    # Per character, where it came from; then blank-line runs and surrounding whitespace are dropped, so the
    # map stays aligned with the text.
    origin = array("q")
    exact_of = bytearray()
    for part, (raw, exact) in zip(parser.parts, parser.origins):
        origin.extend(range(raw, raw + len(part)) if exact else [raw] * len(part))
        exact_of.extend((1 if exact else 0,) * len(part))
    joined = "".join(parser.parts)
    keep = bytearray(b"\x01") * len(joined)
    for m in _BLANK_LINES.finditer(joined):  # "\n  \n\n" -> "\n\n": keep its first and last character
        keep[m.start() + 1:m.end() - 1] = bytes(m.end() - m.start() - 2)
    lead = len(joined) - len(joined.lstrip())
    trail = len(joined.rstrip())
    keep[:lead] = bytes(lead)
    keep[trail:] = bytes(len(joined) - trail)
    text = "".join(ch for ch, k in zip(joined, keep) if k) + "\n"
    starts, origins, exact_runs = array("q"), array("q"), bytearray()
    previous = None
    n = 0
    for i, k in enumerate(keep):
        if not k:
            continue
        raw, ex = origin[i], exact_of[i]
        if not (previous is not None and ex and exact_runs[-1] and raw == previous + 1):
            starts.append(n)
            origins.append(raw)
            exact_runs.append(ex)
        previous = raw
        n += 1
    starts.append(n)  # the final newline: the end of the markup
    origins.append(len(markup))
    exact_runs.append(0)
    return text, RawMap(starts, origins, bytes(exact_runs), LineIndex(markup))


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
            folder = Path(dirpath)
            for name in filenames:
                # os.path, not a Path per name: a name not starting with "." has the same suffix either way
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES:
                    found.append(folder / name)
        for path in sorted(found):
            yield path, root


def read_corpus(paths: Iterable[str | os.PathLike[str]], warn: Callable[[str], None] | None = None) -> Corpus:
    """Read and decode every corpus file. Unreadable ones are skipped with one line each to `warn`; factcheck's
    own reports (a `report.html` it wrote) are never read back as input."""
    warn = warn or (lambda line: print(line, file=sys.stderr))
    corpus = Corpus()
    seen: set[str] = set()
    for path, root in iter_paths(paths):
        rel = corpus_name(path, root)
        if rel in seen:
            continue
        seen.add(rel)
        read, raw = _read(path, rel)
        source = admit(path, rel, read, warn, corpus.skipped)
        if source is None:
            continue
        corpus.files.append(source)
        if raw is not None:
            corpus.raw[rel] = raw
    return corpus


def corpus_name(path: Path, root: Path) -> str:
    """The name a file has in the corpus (and in claims): relative to the root it was found under."""
    # By string when the path's text starts with the root's (what `iter_paths` yields): pathlib's
    # relative_to costs an archive of tens of thousands of files a noticeable part of a second.
    text, prefix = str(path), str(root)
    if prefix not in (".", "") and os.sep == "/":
        prefix = prefix if prefix.endswith("/") else prefix + "/"
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):]
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def admit(path: Path, rel: str, read: SourceFile | str | None, warn: Callable[[str], None],
          skipped: list[tuple[str, str]]) -> SourceFile | None:
    """A read file to use, or None: factcheck's own report is left out silently, an unreadable file is
    skipped with one line (and listed in `skipped`), a file of mixed encodings is kept with a warning."""
    if read is None:
        return None
    if isinstance(read, str):
        warn(f"{path}: skipped: {read}")
        skipped.append((rel, read))
        return None
    if "replaced" in read.encoding:
        warn(f"{path}: warning: mixed encodings, read as {read.encoding}")
    return read


def in_raw_files(findings: list[Finding], corpus: Corpus) -> list[Finding]:
    """The findings with each claim's line and column in its file as stored (HTML: the markup, not the visible
    text its offsets index); claims of other files are unchanged."""
    if not corpus.raw:
        return findings
    out = []
    for f in findings:
        if any(c.file in corpus.raw for c in f.claims):
            claims = tuple(replace(c, **dict(zip(("line", "col"), corpus.line_col(c.file, c.start))))
                           if c.file in corpus.raw else c for c in f.claims)
            f = replace(f, claims=claims)
        out.append(f)
    return out


# The mark report.html carries in its head; a page with it is factcheck's output, not an article.
OWN_REPORT_MARK = '<meta name="generator" content="factcheck">'


def read_file(path: Path, rel: str) -> SourceFile | str | None:
    """A decoded file, the reason it cannot be read, or None for factcheck's own report."""
    return _read(path, rel)[0]


def _read(path: Path, rel: str) -> tuple[SourceFile | str | None, RawMap | None]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return exc.strerror or type(exc).__name__, None
    if not data.strip():
        return "empty file", None
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        return str(exc), None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = None
    if path.suffix.lower() in {".html", ".htm"}:
        if OWN_REPORT_MARK in text[:4096]:
            return None, None
        text, raw = html_visible(text)
    if not text.strip():
        return "no visible text", None
    return SourceFile(path=rel, text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest()), raw


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


_INDEXES: dict[int, tuple[str, LineIndex]] = {}
_INDEXED_CHARS = [0]
_INDEX_BUDGET = 1 << 29  # characters of text indexed before the cache starts again


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset. Each text's newlines are indexed once (kept while the
    text is alive in the cache), so many claims in one large file cost a bisection each, not a scan."""
    entry = _INDEXES.get(id(text))
    if entry is None or entry[0] is not text:
        if _INDEXED_CHARS[0] > _INDEX_BUDGET:
            _INDEXES.clear()
            _INDEXED_CHARS[0] = 0
        entry = (text, LineIndex(text))
        _INDEXES[id(text)] = entry
        _INDEXED_CHARS[0] += len(text)
    return entry[1].line_col(offset)
