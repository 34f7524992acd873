"""Trained named-entity models (linear-chain CRFs) for Chinese and English, shipped with the package.

Each model lives in ``extractors/models/<lang>_ner/``: ``model.crfsuite`` (the CRF weights),
``lexicon.tsv.gz`` (the gazetteers its features look up), ``config.json`` (training settings
and dev scores) and a README/LICENSE. :mod:`policykg.extractors.training` writes them.

Chinese is tagged character by character on the simplified form of the text (traditional
input is converted one character for one character, so offsets stay valid). Features: the
characters around, the jieba word that contains the character and its dictionary tag, surname
and transliteration characters, and the longest gazetteer words over the character. English
is tagged token by token: word, shape, affixes, capitalisation, census first and last names,
GeoNames and CLDR place names, and how common the word is.

Examples
--------
>>> ner = load_ner("zh")
>>> ner.predict("宋大伟在中国科学院工作。")
[(0, 3, 'PERSON'), (4, 9, 'ORG')]
>>> load_ner("en").predict("SONG Dawei is a researcher at the Chinese Academy of Sciences (CAS) in Beijing.")
[(0, 10, 'PERSON'), (34, 61, 'ORG'), (71, 78, 'PLACE')]
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections import defaultdict
from functools import lru_cache, partial
from importlib.resources import files
from pathlib import Path

from .script import to_simplified
from .tables import load_table
from .zh_segment import default_segmenter

__all__ = ["NerModel", "load_ner", "model_dir", "ChineseFeaturizer", "EnglishFeaturizer",
           "read_lexicon", "spans_to_tags", "tags_to_spans", "MODEL_FILES", "LABELS"]

#: Files every model directory must hold.
MODEL_FILES = ("model.crfsuite", "lexicon.tsv.gz", "config.json")
#: Training-data label → the label written by the extractors.
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}

_ZH_CHUNK = re.compile(r"[^\n。！？]+[。！？]*")
_EN_LINE = re.compile(r"[^\n]+")
#: English tokens: dotted abbreviations (``U.S.``), words with inner ``.'&-``, or one symbol.
#: Chinese and Japanese characters are single tokens, so English tagging of mixed text stays local.
_W = "[^\\W\u3040-\u9fff\uf900-\ufaff]"
EN_TOKEN = re.compile(rf"(?:[A-Za-z]\.){{2,}}|{_W}+(?:[.&\-]{_W}+|['’](?![sS]\b){_W}+)*|\S")
#: Lower-case words that may join the capitalised words of one name (``Bank of China``).
_CONNECTORS = frozenset("of and for the de on".split())


def spans_to_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIOES tags for ``n`` items from ``(start, end, label)`` item spans.

    >>> spans_to_tags(5, [(0, 1, "PER"), (2, 5, "LOC")])
    ['S-PER', 'O', 'B-LOC', 'I-LOC', 'E-LOC']
    """
    tags = ["O"] * n
    for start, end, label in spans:
        if end - start == 1:
            tags[start] = "S-" + label
            continue
        tags[start] = "B-" + label
        for k in range(start + 1, end - 1):
            tags[k] = "I-" + label
        tags[end - 1] = "E-" + label
    return tags


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Item spans from BIOES tags; an entity cut short by a wrong tag still counts up to there.

    >>> tags_to_spans(["S-PER", "O", "B-LOC", "I-LOC", "E-LOC", "I-ORG"])
    [(0, 1, 'PER'), (2, 5, 'LOC'), (5, 6, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (tag == "O" or tag[0] in "BS" or tag[2:] != label):
            spans.append((start, i, label))
            start = None
        if tag != "O":
            if start is None:
                start, label = i, tag[2:]
            if tag[0] in "ES":
                spans.append((start, i + 1, label))
                start = None
    return spans


def read_lexicon(path: Path) -> dict[str, dict[str, str]]:
    """``kind -> {key: value}`` from a gzipped ``kind<TAB>key<TAB>value`` file.

    Read once per process for a file unchanged since (the English gazetteer serves the English
    model and the Vietnamese component alike); callers must not change what it returns.
    """
    stat = Path(path).stat()
    return _read_lexicon(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read_lexicon(path: str, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    # kept in the tables cache: the English lexicon's 400,000 rows take half a second to parse
    return load_table(f"lexicon-{Path(path).parent.name}", [path], partial(_parse_lexicon, path), version="1")


def _parse_lexicon(path: str) -> dict[str, dict[str, str]]:
    lexicon: dict[str, dict[str, str]] = defaultdict(dict)
    for line in gzip.decompress(Path(path).read_bytes()).decode("utf-8").split("\n"):
        if line:
            kind, key, value = line.split("\t")
            lexicon[kind][key] = value
    return dict(lexicon)


#: Features of the Chinese featurizer that name one character (or open a pair or triple of them).
_PREFIXES = ("c0=", "c-1=", "c+1=", "c-2=", "c+2=", "b-1=", "b0=", "b-2=", "b+1=", "t0=")


def _char_class(ch: str) -> str:
    """``H`` (Han), ``D`` (digit), ``L`` (letter), ``S`` (space) or ``P`` (anything else).

    Its callers keep what it returns per character (``_prefix``, ``_guess_tag``).

    >>> [_char_class(c) for c in "中3a 。"]
    ['H', 'D', 'L', 'S', 'P']
    """
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "L"
    return "S" if ch.isspace() else "P"


class ChineseFeaturizer:
    """Character features for simplified Chinese; ``lexicon`` comes from :func:`read_lexicon`.

    Examples
    --------
    >>> feats = load_ner("zh").featurizer("宋大伟在中国科学院工作")
    >>> feats[0][:6]
    ['b', 'c0=宋', 'c-1=<s>', 'c+1=大', 'c-2=<s>', 'c+2=伟']
    >>> feats[5][13:]  # 国: its jieba word, surname, profile and gazetteer features
    ['wp=M', 'wt=nt', 'wpt=Mnt', 'wt-1=-', 'w=中国科学院', 'sur', 'pf=nrMl', 'pf=nsEl', 'pf=ntBl', 'pf=ntMm', 'lx=nsE', 'lxl=nsE2', 'lx=ntM', 'lxl=ntM5']
    """

    max_word = 10

    def __init__(self, lexicon: dict[str, dict[str, str]]):
        # jieba's words from a private tokenizer: other components may add user words to jieba's global one.
        self.segmenter = default_segmenter()
        self.word_tags = self.segmenter.word_tags
        self.words = lexicon.get("word", {})
        self.surnames = lexicon.get("surname", {})
        self.translit = lexicon.get("translit", {})
        self.profiles = {ch: v.split() for ch, v in lexicon.get("profile", {}).items()}
        # beginnings of gazetteer words that are no word themselves: the scan over a text stops as soon
        # as what it has read is neither
        self._stems = frozenset(
            {w[:k] for w in self.words if len(w) <= self.max_word for k in range(2, len(w))}.difference(self.words))
        self._extras: dict[str, tuple[str, ...]] = {}  # per character: its own features
        self._prefixed: dict[str, tuple[str, ...]] = {}  # per character: see _prefix
        self._tr2: dict[str, tuple[str, ...]] = {}  # the same, for a transliteration character before another
        self._guess_tag = lru_cache(maxsize=50_000)(self._guess_tag)

    def _guess_tag(self, word: str) -> str:
        """Tag of a word jieba's dictionary lacks, from jieba's HMM tagger (``u`` + ``nr`` for 宋大伟).

        Running the slow HMM tagger on these rare words only keeps the speed of plain segmentation.
        """
        if len(word) < 2 or _char_class(word[0]) != "H":
            return "unk"
        pairs = self.segmenter.tagged(word)
        return "u" + pairs[0][1] if len(pairs) == 1 else "unk"

    def __call__(self, s: str, memo: dict | None = None) -> list[list[str]]:
        """Features of each character of ``s``; ``memo`` shares jieba's paths with other users of the same text."""
        n = len(s)
        if not n:
            return []
        pad = ["<s>", "<s>", *s, "</s>", "</s>"]
        known = self._prefixed
        t = [known[c] if c in known else self._prefix(c) for c in pad]
        cls = [p[11] for p in t[2:-2]]
        ty3 = ["ty3=" + a + b + c for a, b, c in zip(["^", *cls[:-1]], cls, [*cls[1:], "$"])]
        # t[j][k]: the k-th feature name of _PREFIXES already joined to character j, so that a window
        # feature costs an index and a bigram one join
        out = [["b", t0[0], t_1[1], t1[2], t_2[3], t2[4], t_1[5] + c, t0[6] + b, t_2[7] + a, t1[8] + b2,
                t_1[9] + c + b, t0[10], y3, *wf, *ex]
               for t_2, t_1, t0, t1, t2, a, c, b, b2, y3, wf, ex in zip(
                   t, t[1:], t[2:], t[3:], t[4:], pad[1:], s, pad[3:], pad[4:], ty3,
                   self._word_feats(s, memo), self._char_feats(s))]
        for i, feats in self._lexicon_feats(s).items():
            out[i] += feats
        return out

    def _prefix(self, c: str) -> tuple[str, ...]:
        """The feature names of :data:`_PREFIXES` joined to ``c`` (a character or a pad), then its class."""
        cls = _char_class(c) if len(c) == 1 else ""
        self._prefixed[c] = (*(p + c for p in _PREFIXES), "ty=" + cls, cls)
        return self._prefixed[c]

    def _char_feats(self, s: str) -> list[tuple[str, ...]]:
        """Per character, its own features: surname, transliteration (``tr2`` if the next one is too), profile."""
        known = self._extras
        feats = [known[c] if c in known else self._char_extras(c) for c in s]
        translit = self.translit
        for i in range(len(s) - 1):
            if s[i] in translit and s[i + 1] in translit:
                feats[i] = self._tr2[s[i]]
        return feats

    def _char_extras(self, c: str) -> tuple[str, ...]:
        """Learn the features ``c`` has alone (``_extras``) and before a transliteration character (``_tr2``)."""
        head = ("sur",) if c in self.surnames else ()
        tail = tuple(self.profiles.get(c, ()))
        if c in self.translit:
            self._tr2[c] = (*head, "tr", "tr2", *tail)
            head += ("tr",)
        self._extras[c] = head + tail
        return self._extras[c]

    def _word_feats(self, s: str, memo: dict | None) -> list[tuple[str, ...]]:
        """Per character, its jieba word's features: position in the word, tag, the previous word's tag."""
        feats: list[tuple[str, ...]] = []
        prev_tag = "^"
        for word in self.segmenter.words(s, memo):
            tag = self.word_tags.get(word) or self._guess_tag(word)
            size = len(word)
            if size == 1:
                feats.append(("wp=S", "wt=" + tag, "wpt=S" + tag, "wt-1=" + prev_tag))
            else:
                wt, w = "wt=" + tag, "w=" + word
                feats.append(("wp=B", wt, "wpt=B" + tag, "wt-1=" + prev_tag, w))
                feats += [("wp=M", wt, "wpt=M" + tag, "wt-1=-", w)] * (size - 2)
                feats.append(("wp=E", wt, "wpt=E" + tag, "wt-1=-", w))
            prev_tag = tag
        return feats

    def _lexicon_feats(self, s: str) -> dict[int, list[str]]:
        """Per character, the gazetteer words over it (category, position, length), shortest first."""
        n, words, stems = len(s), self.words, self._stems
        lex: dict[int, list[str]] = {}
        for i in range(n - 1):
            for size in range(2, min(self.max_word, n - i) + 1):
                sub = s[i:i + size]
                cat = words.get(sub)
                if cat is None and sub not in stems:
                    break
                if cat:
                    for k in range(size):
                        pos = "B" if k == 0 else "E" if k == size - 1 else "M"
                        feats = ("lx=" + cat + pos, "lxl=%s%s%d" % (cat, pos, min(size, 5)))
                        lex.setdefault(i + k, []).extend(feats)
        return lex


def _shape(word: str) -> str:
    shape = re.sub("[0-9]", "d", re.sub("[a-z]", "x", re.sub("[A-Z]", "X", word)))
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


class EnglishFeaturizer:
    """Token features for English; ``lexicon`` comes from :func:`read_lexicon` (its ``cl`` rows, Brown
    clusters, give a word's class at several depths; a lexicon without them gives no such features)."""

    max_phrase = 5

    def __init__(self, lexicon: dict[str, dict[str, str]]):
        self.phrases = lexicon.get("phrase", {})
        self.first = lexicon.get("first", {})
        self.last = lexicon.get("last", {})
        self.zipf = lexicon.get("zipf", {})
        self.heads = lexicon.get("head", {})
        self.clusters = lexicon.get("cl", {})

    def _runs(self, tokens: list[str], low: list[str]) -> list[list[str]]:
        """Capitalised runs (``Chinese Academy of Sciences``): position in the run, whether it holds an org/place head."""
        n = len(tokens)
        feats: list[list[str]] = [[] for _ in range(n)]
        i = 0
        while i < n:
            if not tokens[i][:1].isupper():
                i += 1
                continue
            end = i + 1
            while end < n and (tokens[end][:1].isupper() or (
                    low[end] in _CONNECTORS and end + 1 < n and tokens[end + 1][:1].isupper())):
                end += 1
            kinds = [self.heads[w] for w in low[i:end] if w in self.heads]
            head = "org" if "org" in kinds else kinds[-1] if kinds else "x"
            size = min(end - i, 4)
            for k in range(i, end):
                pos = "S" if end - i == 1 else "B" if k == i else "E" if k == end - 1 else "I"
                feats[k] += ["run=" + pos, "runh=%s%s" % (pos, head), "runl=%s%d%s" % (pos, size, head)]
            i = end
        return feats

    def _word(self, w: str) -> list[str]:
        lw = w.lower()
        f = ["w=" + lw, "sh=" + _shape(w), "p2=" + lw[:2], "p3=" + lw[:3], "s2=" + lw[-2:], "s3=" + lw[-3:],
             "s4=" + lw[-4:], "zf=" + self.zipf.get(lw, "0")]
        if w[:1].isupper():
            f.append("cap")
        if w.isupper() and len(w) > 1:
            f.append("allcap")
        if w.istitle():
            f.append("title")
        if lw in self.first:
            f.append("fn" + self.first[lw])
        if lw in self.last:
            f.append("ln" + self.last[lw])
        return f + self._cluster(w)

    def _cluster(self, w: str, depths: tuple[int, ...] = (4, 6, 10, 20), prefix: str = "") -> list[str]:
        """The word's Brown cluster at each depth (as written, else in lower case)."""
        found = self.clusters.get(w) or self.clusters.get(w.lower())
        if found is None:
            return []
        c = int(found)
        return [f"{prefix}cl{k}={c & ((1 << k) - 1)}" for k in depths]

    def __call__(self, tokens: list[str]) -> list[list[str]]:
        n = len(tokens)
        low = [t.lower() for t in tokens]
        gaz: list[list[str]] = [[] for _ in range(n)]
        i = 0
        while i < n:  # longest phrase first, left to right
            for size in range(min(self.max_phrase, n - i), 0, -1):
                cat = self.phrases.get(" ".join(low[i:i + size]))
                if cat:
                    for k in range(size):
                        gaz[i + k].append("gz=" + cat + ("B" if k == 0 else "I"))
                    break
            i += 1
        runs = self._runs(tokens, low)
        out = []
        for i in range(n):
            f = ["b", *self._word(tokens[i]), *gaz[i], *runs[i]]
            if low[i] in self.heads:
                f.append("head=" + self.heads[low[i]])
            if i == 0:
                f.append("BOS")
            for d in (-2, -1, 1, 2):
                j = i + d
                if not 0 <= j < n:
                    f.append("%d:pad" % d)
                    continue
                f.append("%d:w=%s" % (d, low[j]))
                if abs(d) == 1:
                    f.append("%d:sh=%s" % (d, _shape(tokens[j])))
                    f += ["%d:%s" % (d, g) for g in gaz[j]]
                    f += self._cluster(tokens[j], (6, 10), "%d:" % d)
                    if tokens[j][:1].isupper():
                        f.append("%d:cap" % d)
                    # a first name before, a surname after: the middle of a personal name
                    if low[j] in self.first:
                        f.append("%d:fn" % d)
                    if low[j] in self.last:
                        f.append("%d:ln%s" % (d, self.last[low[j]]))
            if i > 0:
                f.append("bg=%s|%s" % (low[i - 1], low[i]))
            if i < n - 1:
                f.append("bg+=%s|%s" % (low[i], low[i + 1]))
            out.append(f)
        return out


class NerModel:
    """A CRF tagger with its featurizer; :meth:`predict` returns character spans."""

    def __init__(self, lang: str, tagger, featurizer):
        self.lang = lang
        self.tagger = tagger
        self.featurizer = featurizer
        # load_ner() shares one instance; a crfsuite Tagger must not tag two sequences at once.
        self._lock = threading.Lock()

    def _tag(self, items: list[list[str]]) -> list[str]:
        with self._lock:
            return self.tagger.tag(items)

    def predict(self, text: str, *, memo: dict | None = None) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` character spans in ``text``, labels PERSON, ORG or PLACE.

        ``memo`` (Chinese only) shares jieba's paths with other components reading the same text
        (see :mod:`.zh_segment`).
        """
        return [(s, e, LABELS[label]) for s, e, label in self.predict_raw(text, memo=memo)]

    def predict_raw(self, text: str, *, memo: dict | None = None) -> list[tuple[int, int, str]]:
        """Like :meth:`predict` with the training labels PER, ORG, LOC."""
        out: list[tuple[int, int, str]] = []
        if self.lang == "zh":
            simple = to_simplified(text)
            for m in _ZH_CHUNK.finditer(simple):
                tags = self._tag(self.featurizer(m.group(), memo))
                out += [(m.start() + s, m.start() + e, label) for s, e, label in tags_to_spans(tags)]
            return out
        for line in _EN_LINE.finditer(text):
            offsets = [(line.start() + t.start(), line.start() + t.end()) for t in EN_TOKEN.finditer(line.group())]
            if not offsets:
                continue
            tags = self._tag(self.featurizer([text[s:e] for s, e in offsets]))
            out += [(offsets[s][0], offsets[e - 1][1], label) for s, e, label in tags_to_spans(tags)]
        return out


def model_dir(lang: str) -> Path:
    """Where the installed package keeps the model for ``lang``."""
    return Path(str(files("policykg.extractors") / "models" / f"{lang}_ner"))


def make_featurizer(lang: str, lexicon: dict[str, dict[str, str]]):
    """The featurizer for ``lang`` (``zh`` or ``en``)."""
    return ChineseFeaturizer(lexicon) if lang == "zh" else EnglishFeaturizer(lexicon)


@lru_cache(maxsize=4)
def load_ner(lang: str, path: str | None = None) -> NerModel:
    """Load (once) the trained model for ``lang`` from the package, or from directory ``path``.

    Raises
    ------
    ValueError
        If ``lang`` is not ``zh`` or ``en``.
    FileNotFoundError
        If a model file is missing; the message names it and the command that rebuilds it.
    """
    try:
        import pycrfsuite
    except ImportError:
        raise ImportError("The NER models need python-crfsuite: pip install 'python-crfsuite>=0.9.10'") from None
    if lang not in ("zh", "en"):
        raise ValueError(f"[E101] No NER model for language {lang!r}; there are models for 'zh' and 'en'.")
    folder = Path(path) if path else model_dir(lang)
    for name in MODEL_FILES:
        if not (folder / name).is_file():
            raise FileNotFoundError(
                f"[E102] NER model file {folder / name} is missing. Reinstall policy-kg, or rebuild the model with "
                f"`python -m policykg.extractors.training --lang {lang} --data /work/shared/eval "
                f"--out extractors/models/{lang}_ner`."
            )
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if config.get("lang") != lang:
        raise ValueError(f"[E103] {folder / 'config.json'} is a model for {config.get('lang')!r}, not {lang!r}.")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(folder / "model.crfsuite"))
    return NerModel(lang, tagger, make_featurizer(lang, read_lexicon(folder / "lexicon.tsv.gz")))
