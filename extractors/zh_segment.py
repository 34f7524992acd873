"""jieba's segmentations of one text, computed once and shared by every Chinese component.

The Chinese extractor needs three views of the same text: jieba's words (``Tokenizer.cut``, for
the CRF model's features), its words with part-of-speech tags (``posseg.cut``, for organization
chunks and glosses) and the same without the HMM (``posseg.cut(HMM=False)``, for statistical
terms). All three start from the same most likely path through jieba's word graph, block by
block, and that path is the costly part. :class:`Segmenter` computes each block's path once per
``memo`` (a dict the caller keeps for one text) and gives each view exactly as jieba does.

jieba's part-of-speech HMM, which tags runs of characters its dictionary lacks, is reimplemented
(:func:`pos_viterbi`) with the same arithmetic but visiting only the transitions that exist.

Examples
--------
>>> seg, memo = default_segmenter(), {}
>>> seg.words("翟继光在中国政法大学工作。", memo)
['翟继光', '在', '中国政法大学', '工作', '。']
>>> seg.tagged("翟继光在中国政法大学工作。", memo=memo)
[('翟继光', 'nr'), ('在', 'p'), ('中国政法大学', 'nt'), ('工作', 'vn'), ('。', 'x')]
>>> seg.tagged("翟继光在中国政法大学工作。", hmm=False, memo=memo)
[('翟', 'nr'), ('继', 'v'), ('光', 'n'), ('在', 'p'), ('中国政法大学', 'nt'), ('工作', 'vn'), ('。', 'x')]
>>> list(memo)  # one path, read three times
['翟继光在中国政法大学工作']
"""

from __future__ import annotations

import re
import sys
import threading
from collections import OrderedDict
from functools import lru_cache
from math import log
from pathlib import Path

from .tables import load_table

__all__ = ["Segmenter", "default_segmenter", "jieba_tables", "pos_viterbi", "recall", "remember"]

#: jieba's paths through the blocks of a text: ``memo[block][k]`` is where the word at character ``k`` ends.
Memo = dict[str, list[int]]
Tagged = list[tuple[str, str]]

# jieba 0.42.1's own patterns (jieba/__init__.py, jieba/posseg/__init__.py); the views must split alike.
_HAN_DEFAULT = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_ENG1 = re.compile("^[a-zA-Z0-9]$")
_MIN_FLOAT = -3.14e100


class Segmenter:
    """jieba's segmentations from one private tokenizer (users may change the global one)."""

    def __init__(self) -> None:
        try:
            import jieba
            import jieba.finalseg
        except ImportError:  # pragma: no cover - jieba is a core dependency
            raise ImportError("jieba is required for Chinese: pip install 'jieba>=0.42.1'") from None

        jieba.setLogLevel(60)
        tables = jieba_tables()
        self.freq: dict[str, int] = tables["freq"]
        self.total: int = tables["total"]
        self.word_tags: dict[str, str] = tables["tags"]
        self._logtotal = log(self.total)
        self._logp: dict[str, float] = {}
        self._finalseg = jieba.finalseg.cut
        self.detail = lru_cache(maxsize=20_000)(self._detail)

    def route(self, block: str, memo: Memo | None = None) -> list[int]:
        """Per character of ``block``, the end of its word on jieba's most likely path (``Tokenizer.calc``).

        >>> default_segmenter().route("中国科学院工作")  # 中国科学院 | 工作
        [5, 2, 5, 5, 5, 7, 7]
        """
        if memo is not None and (known := memo.get(block)) is not None:
            return known
        freq, logp, n = self.freq, self._logp, len(block)
        alone = -self._logtotal  # jieba's log(1) - logtotal, for a character it does not know
        score = [0.0] * (n + 1)
        ends = [0] * n
        for k in range(n - 1, -1, -1):
            # jieba's max((log(freq) - logtotal + score[i + 1], i)) over the dictionary words from k
            # (get_DAG), the longer on a tie
            best, end, i, frag = 0.0, -1, k, block[k]
            while i < n and frag in freq:
                if freq[frag]:
                    lp = logp.get(frag)
                    if lp is None:
                        lp = logp[frag] = log(freq[frag]) - self._logtotal
                    value = lp + score[i + 1]
                    if end < 0 or value >= best:
                        best, end = value, i
                i += 1
                frag = block[k : i + 1]
            if end < 0:
                best, end = alone + score[k + 1], k
            score[k], ends[k] = best, end + 1
        if memo is not None:
            memo[block] = ends
        return ends

    def words(self, text: str, memo: Memo | None = None) -> list[str]:
        """``jieba.Tokenizer.cut(text, HMM=True)`` as a list."""
        out: list[str] = []
        for blk in _HAN_DEFAULT.split(text):
            if not blk:
                continue
            if _HAN_DEFAULT.match(blk):
                self._block_words(blk, memo, out)
                continue
            for x in _SKIP.split(blk):
                if _SKIP.match(x):
                    out.append(x)
                else:
                    out += x
        return out

    def _block_words(self, blk: str, memo: Memo | None, out: list[str]) -> None:
        for piece, single in self._route_pieces(blk, memo):
            if not single or len(piece) == 1:
                out.append(piece)
            else:
                # a run of single characters jieba does not know is left to its HMM
                out += self._finalseg(piece) if not self.freq.get(piece) else piece

    def _route_pieces(self, blk: str, memo: Memo | None) -> list[tuple[str, bool]]:
        """``blk`` along its route: each dictionary word, and each run of characters the route
        leaves single, marked ``True`` (what jieba hands to its HMM when it does not know the run).

        >>> default_segmenter()._route_pieces("博尔索纳罗访问了北京", None)
        [('博尔索纳罗', True), ('访问', False), ('了', True), ('北京', False)]
        """
        ends, out, x, run, n = self.route(blk, memo), [], 0, -1, len(blk)
        while x < n:
            y = ends[x]
            if y - x == 1:
                if run < 0:
                    run = x
            else:
                if run >= 0:
                    out.append((blk[run:x], True))
                    run = -1
                out.append((blk[x:y], False))
            x = y
        if run >= 0:
            out.append((blk[run:], True))
        return out

    def pieces(self, text: str, memo: Memo | None = None) -> list[tuple[str, str | None]]:
        """``posseg.cut(text)`` before its HMM: a run of characters it would tag with the HMM has tag ``None``.

        >>> default_segmenter().pieces("博尔索纳罗访问了北京。")
        [('博尔索纳罗', None), ('访问', 'v'), ('了', 'ul'), ('北京', 'ns'), ('。', 'x')]
        """
        out: list[tuple[str, str | None]] = []
        for blk in _HAN_INTERNAL.split(text):
            if _HAN_INTERNAL.match(blk):
                self._block_pieces(blk, memo, out)
            else:
                _other_pieces(blk, out)
        return out

    def _block_pieces(self, blk: str, memo: Memo | None, out: list[tuple[str, str | None]]) -> None:
        tags = self.word_tags
        for piece, single in self._route_pieces(blk, memo):
            if not single or len(piece) == 1:
                out.append((piece, tags.get(piece, "x")))
            elif not self.freq.get(piece):
                out.append((piece, None))
            else:
                out += [(ch, tags.get(ch, "x")) for ch in piece]

    def tagged(self, text: str, *, hmm: bool = True, memo: Memo | None = None) -> Tagged:
        """``jieba.posseg.cut(text, HMM=hmm)`` as ``(word, tag)`` pairs."""
        if not hmm:
            out: Tagged = []
            for blk in _HAN_INTERNAL.split(text):
                if _HAN_INTERNAL.match(blk):
                    self._block_tagged_plain(blk, memo, out)
                else:
                    _other_pieces(blk, out)
            return out
        out = []
        for word, tag in self.pieces(text, memo):
            if tag is None:
                out += self.detail(word)
            else:
                out.append((word, tag))
        return out

    def _block_tagged_plain(self, blk: str, memo: Memo | None, out: Tagged) -> None:
        ends, tags, x, buf = self.route(blk, memo), self.word_tags, 0, ""
        while x < len(blk):
            y = ends[x]
            word = blk[x:y]
            if _ENG1.match(word):
                buf += word
            else:
                if buf:
                    out.append((buf, "eng"))
                    buf = ""
                out.append((word, tags.get(word, "x")))
            x = y
        if buf:
            out.append((buf, "eng"))

    def _detail(self, buf: str) -> tuple[tuple[str, str], ...]:
        """posseg's HMM words and tags of a run of characters (``POSTokenizer.__cut_detail``)."""
        out: list[tuple[str, str]] = []
        for blk in _HAN_DETAIL.split(buf):
            if _HAN_DETAIL.match(blk):
                out += _hmm_words(blk)
                continue
            for x in _SKIP_DETAIL.split(blk):
                if x:
                    out.append((x, "m" if _NUM.match(x) else "eng" if _ENG.match(x) else "x"))
        return tuple(out)


def _other_pieces(blk: str, out: list) -> None:
    """posseg's tags of text between blocks: spaces, numbers, letters and symbols one by one."""
    for x in _SKIP.split(blk):
        if _SKIP.match(x):
            out.append((x, "x"))
            continue
        for xx in x:
            # jieba tests the whole piece for letters, not the character
            out.append((xx, "m" if _NUM.match(xx) else "eng" if _ENG.match(x) else "x"))


def _hmm_words(sentence: str) -> list[tuple[str, str]]:
    """posseg's ``__cut``: words from the HMM's (position, tag) states."""
    states = pos_viterbi(sentence)
    out: list[tuple[str, str]] = []
    begin = nexti = 0
    for i, char in enumerate(sentence):
        pos, tag = states[i]
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((sentence[begin : i + 1], tag))
            nexti = i + 1
        elif pos == "S":
            out.append((char, tag))
            nexti = i + 1
    if nexti < len(sentence):
        out.append((sentence[nexti:], states[nexti][1]))
    return out


@lru_cache(maxsize=1)
def jieba_tables() -> dict:
    """jieba's default dictionary as the segmenter reads it (``freq``: words and their prefixes with
    frequencies, ``total``, ``tags``: part-of-speech tags) and posseg's HMM tables (``hmm``), parsed
    once and then read from the tables cache (:mod:`.tables`): parsing takes jieba 1.5 s per process.

    >>> tables = jieba_tables()
    >>> tables["tags"]["国务院"], tables["freq"]["国务院"] > 0, sorted(tables["hmm"])
    ('nt', True, ['emit', 'start', 'states', 'trans'])
    """
    import jieba

    dictionary = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    return load_table("jieba", [dictionary], _parse_jieba, version=f"jieba {jieba.__version__}")


def _parse_jieba() -> dict:
    pristine = "jieba.posseg" not in sys.modules
    import jieba
    import jieba.posseg
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    if pristine and jieba.dt.dictionary == tokenizer.dictionary:
        # importing jieba.posseg just read the default dictionary's tags; nobody has changed
        # them yet, so a copy saves reading the 350,000 lines a second time
        tags = dict(jieba.posseg.dt.word_tag_tab)
    else:
        tags = jieba.posseg.POSTokenizer(tokenizer).word_tag_tab
    hmm = {"states": char_state_tab_P, "start": start_P, "trans": trans_P, "emit": emit_P}
    return {"freq": tokenizer.FREQ, "total": tokenizer.total, "tags": tags, "hmm": hmm}


@lru_cache(maxsize=1)
def _hmm_tables():
    hmm = jieba_tables()["hmm"]
    trans_P = hmm["trans"]
    incoming: dict[tuple[str, str], set] = {y: set() for y in trans_P}
    for y0, nexts in trans_P.items():
        for y in nexts:
            incoming.setdefault(y, set()).add(y0)
    return hmm["states"], hmm["start"], trans_P, hmm["emit"], {y: frozenset(s) for y, s in incoming.items()}


def pos_viterbi(obs: str) -> list[tuple[str, str]]:
    """The states jieba's ``posseg.viterbi`` gives ``obs``, with the same arithmetic and ties.

    jieba takes, for each state, the best of every previous state, adding ``-inf`` where no
    transition exists; such a term never wins, so only previous states with a transition are visited.

    >>> pos_viterbi("宋大伟")
    [('B', 'nr'), ('M', 'nr'), ('E', 'nr')]
    """
    states, start_p, trans_p, emit_p, incoming = _hmm_tables()
    all_states = trans_p.keys()
    first = states.get(obs[0], all_states)
    scores = {y: start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT) for y in first}
    back: list[dict] = [dict.fromkeys(first, "")]
    for t in range(1, len(obs)):
        prev = [x for x in back[-1] if trans_p[x]]
        expected = set().union(*(trans_p[x] for x in prev))
        if not expected:  # jieba itself fails here; let it, the same way
            from jieba.posseg.viterbi import viterbi

            return viterbi(obs, states, start_p, trans_p, emit_p)[1]
        now = set(states.get(obs[t], all_states)) & expected or expected
        prev_set, ch, step, new = set(prev), obs[t], {}, {}
        for y in now:
            em = emit_p[y].get(ch, _MIN_FLOAT)
            new[y], step[y] = max((scores[y0] + trans_p[y0][y] + em, y0) for y0 in incoming[y] & prev_set)
        scores = new
        back.append(step)
    _, state = max((scores[y], y) for y in back[-1])
    route = [state] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        state = back[i][state]
        route[i - 1] = state
    return route


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The process's one :class:`Segmenter` (jieba's dictionary loads once)."""
    return Segmenter()


# Memos of recently extracted texts, so document-level statistics reuse the extractor's paths.
_RECENT: OrderedDict[str, Memo] = OrderedDict()
_RECENT_CHARS = [0]
_RECENT_LIMIT = 500_000  # characters of text; a memo takes some 30 bytes per character
_RECENT_LOCK = threading.Lock()


def remember(text: str, memo: Memo) -> None:
    """Keep ``memo`` (the paths of ``text``'s blocks) for :func:`recall`, within a bounded store.

    >>> memo = {}
    >>> _ = default_segmenter().words("中国科学院工作", memo)
    >>> remember("中国科学院工作", memo)
    >>> recall("中国科学院工作") is memo, recall("工作")
    (True, None)
    """
    with _RECENT_LOCK:
        if _RECENT.pop(text, None) is not None:
            _RECENT_CHARS[0] -= len(text)
        _RECENT[text] = memo
        _RECENT_CHARS[0] += len(text)
        while _RECENT_CHARS[0] > _RECENT_LIMIT and len(_RECENT) > 1:
            old, _ = _RECENT.popitem(last=False)
            _RECENT_CHARS[0] -= len(old)


def recall(text: str) -> Memo | None:
    """The memo :func:`remember` kept for ``text``, or None."""
    with _RECENT_LOCK:
        return _RECENT.get(text)
