"""From a document's text to a :class:`~policykg.extractors.records.DocumentRecord`.

normalize (offsets kept) → paragraphs → language per paragraph → sentences → the language's
spaCy pipeline (``kg_entities``) → document-structure rules (:mod:`.structure`: bios,
bylines, speaker turns, reference lists, glosses, abbreviations), which add and relabel
mentions and give typed relations → a person's last name alone typed as that person
(:mod:`.surnames`) → mentions and relations with offsets into the original text.
A relation's evidence is the sentence (or run of sentences) that states it.

Examples
--------
>>> spans = extract("國務院辦公廳印發了《意見》。")
>>> [(s.text, s.label) for s in spans]
[('國務院辦公廳', 'ORG'), ('意見', 'WORK')]
>>> rec = process_document("中国科学院和国务院研究室发布了关于数字经济的报告。\\n\\nThe report went to Vietnam.", "a.txt")
>>> rec.languages, [(m.text, m.label, m.sentence) for m in rec.mentions]
(('zh-Hans', 'en'), [('中国科学院', 'ORG', 0), ('国务院研究室', 'ORG', 0), ('数字经济', 'TERM', 0), ('Vietnam', 'PLACE', 1)])
>>> rec = process_document("翟繼光:中國政法大學民商經濟法學院副教授", "b.txt")
>>> r = rec.relations[0]
>>> r.type, rec.mentions[r.source].text, rec.mentions[r.target].text, r.attrs, r.evidence.sentence
('AFFILIATED_WITH', '翟繼光', '中國政法大學民商經濟法學院', (('role', '副教授'),), '翟繼光:中國政法大學民商經濟法學院副教授')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import spacy
from spacy.language import Language

from .keywords import document_terms
from .langid import detect_language, detect_paragraph_languages, latin_identifier
from .mapped import MappedText
from .metadata import extract_date, extract_title
from .normalize import normalize_document
from .records import DocumentRecord, Evidence, Mention, Relation, Sentence
from .segment import split_paragraphs, split_sentences
from .spacy_models import entity_spans, load_pipeline, merge_entities
from .storms import fold_name, storm_names
from .structure import MergedLink, MergedMention, find_structure, merge_structure
from .structure_alias import romanizations
from .surnames import people_by_last_name
from .vi_pyvi import load_pyvi
from .zh_spans import unglue_names

__all__ = ["EXTRACTED_LANGS", "ExtractedSpan", "get_nlp", "extract", "process_document", "warm_up"]

#: Languages with an extractor; paragraphs in any other language are kept but not extracted.
EXTRACTED_LANGS = ("zh-Hans", "zh-Hant", "vi", "en")
_SPACY_LANG = {"zh-Hans": "zh", "zh-Hant": "zh", "vi": "vi", "en": "en"}
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ExtractedSpan:
    """One entity span of :func:`extract`: offsets into the text given, label, text, language."""

    start: int
    end: int
    label: str
    text: str
    lang: str
    concept: str = ""


@lru_cache(maxsize=16)
def get_nlp(lang: str, lexicon_paths: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline for ``lang`` (one of :data:`EXTRACTED_LANGS`), built once per process.

    Raises
    ------
    ValueError
        For a language without an extractor.
    """
    if lang not in _SPACY_LANG:
        raise ValueError(f"no extractor for language {lang!r}; choose one of {', '.join(EXTRACTED_LANGS)}")
    code = _SPACY_LANG[lang]
    # pyvi's word segmenter keeps "Việt Nam" as one token and splits off punctuation.
    config = {}
    if code == "vi":
        load_pyvi()  # before spaCy's tokenizer imports pyvi, so that scikit-learn stays out
        config = {"nlp": {"tokenizer": {"use_pyvi": True}}}
    nlp = spacy.blank(code, config=config)
    if code == "en":
        # spans are found on characters; split brackets, commas, quotes and angle brackets glued to words
        # ("Management[J]", "Management,1993", '"Julie"<julie@…>') so that spaCy's tokens can hold them whole
        infixes = [*nlp.Defaults.infixes, r"[\[\](),;\"<>]"]
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        nlp.tokenizer.url_match = _url_without_quotes(nlp.tokenizer.url_match)
    nlp.add_pipe("kg_entities", config={"lexicon_paths": list(lexicon_paths)})
    return nlp


def _url_without_quotes(url_match: Callable[[str], object] | None) -> Callable[[str], object] | None:
    """spaCy's URL matcher, but not for a string holding a quote or an angle bracket: ``Reynolds"<rr@x.ca``
    is a name glued to an e-mail address, which the infixes split, not one URL."""
    if url_match is None:
        return None
    return lambda s: None if any(c in s for c in '"<>') else url_match(s)


def warm_up(lexicon_paths: Sequence[str] = (), spacy_models: Mapping[str, str] | None = None) -> None:
    """Load now everything extraction may load on first use: every language's pipeline with the
    models and tables its components load when they first run (the NER models, jieba's dictionary
    and tags, the Vietnamese name tables), the user's spaCy pipelines (``spacy_models``, as for
    :func:`extract`), the statistical language identifier and the pinyin dictionaries.

    Worker processes forked afterwards share all of it instead of each loading it again (two
    seconds or more per worker that only some documents would have triggered), and the first
    rebuild of ``kg build --watch`` costs no more than the next ones.

    >>> warm_up()
    >>> get_nlp.cache_info().currsize >= len(EXTRACTED_LANGS)
    True
    """
    for lang in EXTRACTED_LANGS:
        get_nlp(lang, tuple(lexicon_paths))
    latin_identifier()
    romanizations("中国")
    process_document(_WARM_UP_TEXT, "warm-up.txt", lexicon_paths=lexicon_paths, spacy_models=spacy_models)


#: A short document in every extracted language and script, which runs every component once.
_WARM_UP_TEXT = "国务院发布报告。\n\n國務院發佈報告。\n\nĐảng Cộng sản Việt Nam họp.\n\nThe World Bank met in Geneva."


def _paragraph_spans(nlp: Language, texts: Sequence[str],
                     user: Language | None = None) -> Iterable[list[tuple[int, int, str, str, str]]]:
    theirs = user.pipe(texts, batch_size=64) if user is not None else None
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64)):
        ours = [(s.start_char, s.end_char, s.label_, s.text, s.kb_id_) for s in doc.spans["kg"]]
        yield ours if theirs is None else merge_entities(ours, entity_spans(next(theirs)), text)


def _user_pipeline(lang: str, spacy_models: Mapping[str, str] | None) -> Language | None:
    name = (spacy_models or {}).get(_SPACY_LANG[lang])
    return load_pipeline(name) if name else None


def extract(text: str, lang: str | None = None, *, lexicon_paths: Sequence[str] = (),
            spacy_models: Mapping[str, str] | None = None) -> list[ExtractedSpan]:
    """Entity spans of one text, with offsets into ``text`` itself (no normalization).

    With ``lang=None`` each paragraph's language is detected; paragraphs in languages without
    an extractor give no spans. ``spacy_models`` maps ``"zh"``, ``"en"`` or ``"vi"`` to an
    installed spaCy pipeline (package name or folder) whose entities join ours
    (:mod:`.spacy_models`).
    """
    out: list[ExtractedSpan] = []
    for ps, pe in split_paragraphs(text):
        para = text[ps:pe]
        plang = lang or detect_language(para)
        if plang not in _SPACY_LANG:
            continue
        # spaCy hashes strings as UTF-8, which a lone surrogate breaks; U+FFFD keeps the offsets
        (spans,) = _paragraph_spans(get_nlp(plang, tuple(lexicon_paths)), [_SURROGATE.sub("\ufffd", para)],
                                    _user_pipeline(plang, spacy_models))
        out += [ExtractedSpan(ps + s, ps + e, label, t, plang, kb) for s, e, label, t, kb in spans]
    return out


def process_document(
    text: str,
    doc_id: str,
    *,
    fmt: str = "txt",
    encoding: str | None = None,
    lexicon_paths: Sequence[str] = (),
    spacy_models: Mapping[str, str] | None = None,
) -> DocumentRecord:
    """Normalize, segment and extract one document; every offset points into ``text``.

    ``spacy_models`` is as for :func:`extract`.
    """
    mapped = normalize_document(text)
    norm = mapped.text
    sentences: list[Sentence] = []
    sentence_spans: list[tuple[int, int]] = []  # in normalized coordinates
    paragraphs: list[tuple[int, str]] = []  # (normalized start, language)
    by_lang: dict[str, list[tuple[int, str]]] = {}
    bytes_by_lang: Counter[str] = Counter()
    for ps, pe, lang in detect_paragraph_languages(norm):
        para = norm[ps:pe]
        paragraphs.append((ps, lang))
        # UTF-8 bytes, not characters: a Chinese character carries about as much as an English word.
        bytes_by_lang[lang] += len(para.encode("utf-8"))
        for ss, se in split_sentences(para, lang):
            ostart, oend = mapped.origin(ps + ss, ps + se)
            sentences.append(Sentence(ostart, oend, para[ss:se], lang))
            sentence_spans.append((ps + ss, ps + se))
        if lang in _SPACY_LANG:
            by_lang.setdefault(lang, []).append((ps, para))

    # per-language spans in normalized coordinates: (start, end, label, surface, lang, concept)
    found_spans: list[tuple[int, int, str, str, str, str]] = []
    for lang, paras in by_lang.items():
        nlp = get_nlp(lang, tuple(lexicon_paths))
        user = _user_pipeline(lang, spacy_models)
        for (ps, _), spans in zip(paras, _paragraph_spans(nlp, [p for _, p in paras], user)):
            found_spans += [(ps + s, ps + e, label, surface, lang, concept) for s, e, label, surface, concept in spans]
    found_spans.sort(key=lambda f: (f[0], f[1]))
    existing = [(s, e, label) for s, e, label, *_ in found_spans]
    merged, links = merge_structure(norm, existing, find_structure(mapped, existing))
    merged = _people_by_last_name(norm, merged, found_spans)
    merged = _unglued(norm, merged)
    storms = storm_names(norm, [(m.start, m.end) for m in merged if m.label in ("PERSON", "PLACE", "ORG")])
    merged, links = _without_mentions(merged, links, {i for i, m in enumerate(merged)
                                                      if storms and fold_name(norm[m.start : m.end]) in storms})
    # document-level statistical terms, only where no other mention already is
    taken = sorted((m.start, m.end) for m in merged)
    terms = [(s, e) for s, e, _ in document_terms(by_lang) if not _overlaps(taken, s, e)]

    sentence_starts = [s for s, _ in sentence_spans]
    paragraph_starts = [s for s, _ in paragraphs]
    mentions: list[Mention] = []
    for m in merged:
        ostart, oend = mapped.origin(m.start, m.end)
        idx = max(0, bisect_right(sentence_starts, m.start) - 1)
        if m.base is not None:
            start, end, label, surface, lang, concept = found_spans[m.base]
            # a lexicon concept holds only for the very span that matched it, not a cut-down one
            concept = concept if (label, start, end) == (m.label, m.start, m.end) else ""
        else:
            surface, concept = norm[m.start : m.end], ""
            lang = paragraphs[max(0, bisect_right(paragraph_starts, m.start) - 1)][1] if paragraphs else "other"
        mentions.append(Mention(surface, m.label, ostart, oend, lang, idx, concept))
    for start, end in terms:
        ostart, oend = mapped.origin(start, end)
        idx = max(0, bisect_right(sentence_starts, start) - 1)
        lang = paragraphs[max(0, bisect_right(paragraph_starts, start) - 1)][1]
        mentions.append(Mention(norm[start:end], "TERM", ostart, oend, lang, idx))
    # original offsets follow normalized ones, but keep the sort explicit and remap relations
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    position = {old: new for new, old in enumerate(order)}
    mentions = [mentions[i] for i in order]
    relations = [
        Relation(link.type, position[link.source], position[link.target],
                 _evidence(doc_id, link.evidence, sentence_spans, sentence_starts, sentences, mapped), link.attrs)
        for link in links
    ]
    languages = tuple(lang for lang, _ in bytes_by_lang.most_common())
    return DocumentRecord(
        doc_id=doc_id,
        title=extract_title(norm),
        # the raw text: normalization drops page furniture such as "修改稿收到日期：2021年2月21日"
        text=text,
        languages=languages,
        # day first unless the document is mostly English (08/11 is 8 November elsewhere)
        date=extract_date(text, dayfirst=languages[0] != "en" if languages else None),
        size=len(text),
        format=fmt,
        encoding=encoding,
        sentences=sentences,
        mentions=mentions,
        relations=relations,
        line_starts=tuple(m.start() for m in _TEXT_LINE.finditer(text)),
    )


#: A line holding something other than white space.
_TEXT_LINE = re.compile(r"^[^\S\n]*\S.*$", re.MULTILINE)


def _people_by_last_name(text: str, merged: list[MergedMention], found_spans: Sequence[tuple]) -> list[MergedMention]:
    """:func:`.surnames.people_by_last_name` over the merged mentions; a lexicon concept keeps its type."""
    retyped = people_by_last_name(text, [(m.start, m.end, m.label) for m in merged])
    return [
        replace(m, label=label) if label != m.label and (m.base is None or not found_spans[m.base][5]) else m
        for m, (_, _, label) in zip(merged, retyped)
    ]


def _unglued(text: str, merged: list[MergedMention]) -> list[MergedMention]:
    """The mentions without a Chinese function character the model glued to a name the document
    also writes without it (:func:`.zh_spans.unglue_names`); a changed span keeps no lexicon concept."""
    spans = unglue_names(text, [(m.start, m.end) for m in merged])
    return [m if (a, b) == (m.start, m.end) else replace(m, start=a, end=b, base=None) for m, (a, b) in zip(merged, spans)]


def _without_mentions(
    merged: list[MergedMention], links: list[MergedLink], drop: set[int]
) -> tuple[list[MergedMention], list[MergedLink]]:
    """The mentions without those at the indexes ``drop``, and the links between the others
    pointing at their new indexes (a link to a dropped mention goes with it).

    Examples
    --------
    >>> ms = [MergedMention(0, 2, "PERSON"), MergedMention(3, 5, "PERSON"), MergedMention(6, 8, "ORG")]
    >>> kept, links = _without_mentions(ms, [MergedLink("AFFILIATED_WITH", 1, 2, (0, 8)),
    ...                                      MergedLink("AFFILIATED_WITH", 0, 2, (0, 8))], {0})
    >>> [m.start for m in kept], [(link.source, link.target) for link in links]
    ([3, 6], [(0, 1)])
    """
    if not drop:
        return merged, links
    new_index = {old: new for new, old in enumerate(i for i in range(len(merged)) if i not in drop)}
    kept_links = [replace(link, source=new_index[link.source], target=new_index[link.target])
                  for link in links if link.source in new_index and link.target in new_index]
    return [m for i, m in enumerate(merged) if i not in drop], kept_links


def _overlaps(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the spans ``taken`` (sorted by start; they may nest).

    Examples
    --------
    >>> _overlaps([(0, 3), (5, 8)], 3, 5), _overlaps([(0, 3), (5, 8)], 4, 6)
    (False, True)
    """
    # every span opening before ``end`` may reach past ``start``, however early it opens
    return any(e > start for _, e in taken[: bisect_left(taken, (end, -1))])


def _evidence(
    doc_id: str,
    span: tuple[int, int],
    sentence_spans: Sequence[tuple[int, int]],
    sentence_starts: Sequence[int],
    sentences: Sequence[Sentence],
    mapped: MappedText,
) -> Evidence:
    """The sentence, or run of sentences, that covers a normalized span, with original offsets."""
    if not sentences:
        ostart, oend = mapped.origin(*span)
        return Evidence(doc_id, ostart, oend, mapped.text[span[0] : span[1]])
    first = max(0, bisect_right(sentence_starts, span[0]) - 1)
    last = max(first, bisect_right(sentence_starts, max(span[0], span[1] - 1)) - 1)
    if first == last:
        sent = sentences[first]
        return Evidence(doc_id, sent.start, sent.end, sent.text)
    text = mapped.text[sentence_spans[first][0] : sentence_spans[last][1]]
    return Evidence(doc_id, sentences[first].start, sentences[last].end, text)
