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
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .script import to_simplified

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
    """``kind -> {key: value}`` from a gzipped ``kind<TAB>key<TAB>value`` file."""
    lexicon: dict[str, dict[str, str]] = defaultdict(dict)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, key, value = line.rstrip("\n").split("\t")
            lexicon[kind][key] = value
    return dict(lexicon)


def _char_class(ch: str) -> str:
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "L"
    return "S" if ch.isspace() else "P"


class ChineseFeaturizer:
    """Character features for simplified Chinese; ``lexicon`` comes from :func:`read_lexicon`."""

    max_word = 10

    def __init__(self, lexicon: dict[str, dict[str, str]]):
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        # A private tokenizer: other components may add user words to jieba's global one.
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        self.tagger = jieba.posseg.POSTokenizer(self.tokenizer)
        self.word_tags = self.tagger.word_tag_tab
        self.words = lexicon.get("word", {})
        self.surnames = lexicon.get("surname", {})
        self.translit = lexicon.get("translit", {})
        self.profiles = {ch: v.split() for ch, v in lexicon.get("profile", {}).items()}

    def _guess_tag(self, word: str) -> str:
        """Tag of a word jieba's dictionary lacks, from jieba's HMM tagger (``u`` + ``nr`` for 宋大伟).

        Running the slow HMM tagger on these rare words only keeps the speed of plain segmentation.
        """
        if len(word) < 2 or _char_class(word[0]) != "H":
            return "unk"
        pairs = list(self.tagger.cut(word))
        return "u" + pairs[0].flag if len(pairs) == 1 else "unk"

    def __call__(self, s: str) -> list[list[str]]:
        n = len(s)
        pad = ["<s>", "<s>", *s, "</s>", "</s>"]
        word_feats: list[list[str]] = []
        prev_tag = "^"
        for word in self.tokenizer.cut(s, HMM=True):
            tag = self.word_tags.get(word) or self._guess_tag(word)
            size = len(word)
            for k in range(size):
                pos = "S" if size == 1 else "B" if k == 0 else "E" if k == size - 1 else "M"
                feats = ["wp=" + pos, "wt=" + tag, "wpt=" + pos + tag, "wt-1=" + (prev_tag if k == 0 else "-")]
                if size > 1:
                    feats.append("w=" + word)
                word_feats.append(feats)
            prev_tag = tag
        lex: list[list[str]] = [[] for _ in range(n)]
        for i in range(n):
            for size in range(2, min(self.max_word, n - i) + 1):
                cat = self.words.get(s[i:i + size])
                if cat:
                    for k in range(size):
                        pos = "B" if k == 0 else "E" if k == size - 1 else "M"
                        lex[i + k] += ["lx=" + cat + pos, "lxl=%s%s%d" % (cat, pos, min(size, 5))]
        out = []
        for i in range(n):
            j, c = i + 2, s[i]
            left = _char_class(pad[j - 1]) if i else "^"
            right = _char_class(pad[j + 1]) if i < n - 1 else "$"
            f = ["b", "c0=" + c, "c-1=" + pad[j - 1], "c+1=" + pad[j + 1], "c-2=" + pad[j - 2],
                 "c+2=" + pad[j + 2], "b-1=" + pad[j - 1] + c, "b0=" + c + pad[j + 1],
                 "b-2=" + pad[j - 2] + pad[j - 1], "b+1=" + pad[j + 1] + pad[j + 2],
                 "t0=" + pad[j - 1] + c + pad[j + 1], "ty=" + _char_class(c), "ty3=" + left + _char_class(c) + right]
            f += word_feats[i]
            if c in self.surnames:
                f.append("sur")
            if c in self.translit:
                f.append("tr")
                if i + 1 < n and s[i + 1] in self.translit:
                    f.append("tr2")
            f += self.profiles.get(c, ())
            f += lex[i]
            out.append(f)
        return out


def _shape(word: str) -> str:
    shape = re.sub("[0-9]", "d", re.sub("[a-z]", "x", re.sub("[A-Z]", "X", word)))
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


class EnglishFeaturizer:
    """Token features for English; ``lexicon`` comes from :func:`read_lexicon`."""

    max_phrase = 5

    def __init__(self, lexicon: dict[str, dict[str, str]]):
        self.phrases = lexicon.get("phrase", {})
        self.first = lexicon.get("first", {})
        self.last = lexicon.get("last", {})
        self.zipf = lexicon.get("zipf", {})
        self.heads = lexicon.get("head", {})

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
        return f

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

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` character spans in ``text``, labels PERSON, ORG or PLACE."""
        return [(s, e, LABELS[label]) for s, e, label in self.predict_raw(text)]

    def predict_raw(self, text: str) -> list[tuple[int, int, str]]:
        """Like :meth:`predict` with the training labels PER, ORG, LOC."""
        out: list[tuple[int, int, str]] = []
        if self.lang == "zh":
            simple = to_simplified(text)
            for m in _ZH_CHUNK.finditer(simple):
                tags = self._tag(self.featurizer(m.group()))
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
