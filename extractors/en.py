"""English entity extraction as the spaCy component ``en.kg_entities``.

Capitalised word sequences (joined by ``of``, ``and``, ``for``, ``the``, ``von`` …) become
entities, typed by an organization head word (``Academy``, ``Ministry``, ``Council`` …), CLDR
country names (PLACE), a title before them (``President``, ``Dr.``) or the shape of a romanized
Chinese name (``SONG Dawei``) for PERSON. A CRF model trained on UNER English EWT
(``extractors/models/en_ner``, see :mod:`.ner_model`) outranks these rules. Acronyms in parentheses after an
organization (``Chinese Academy of Sciences (CAS)``) are ORG too; the policy lexicon gives TERMs.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("SONG Dawei is a researcher at the Chinese Academy of Sciences (CAS) in China.")
>>> [(s.text, s.label_) for s in doc.spans["kg"]]
[('SONG Dawei', 'PERSON'), ('Chinese Academy of Sciences', 'ORG'), ('CAS', 'ORG'), ('China', 'PLACE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from .base import Candidate, EntityExtractor
from .en_headlines import headline_pieces, in_lines, title_case_lines
from .ner_model import load_ner
from .place_words import PLACE_WORDS
from .places import territory_names
from .segment import is_abbreviation, split_sentences
from .storms import after_storm_word
from .surnames import is_known_place, is_major_place

__all__ = ["EnglishEntityExtractor", "make_en_entities", "end_before_lowercase", "DATE_WORDS", "NAME_CONNECTORS",
           "ORG_WORDS", "PERSON_TITLES", "PLACE_WORDS", "RANK_WORDS", "after_ranks"]

ORG_WORDS = frozenset(
    "University Academy Institute Institutes Ministry Department Council Committee Party Office Bank Company "
    "Group Organization Organisation Center Centre Commission Agency Association Government Court Congress "
    "Parliament Assembly Union Federation Corporation Inc Ltd Limited Holdings Foundation Fund Times Post News "
    "Press School College Bureau Administration Army Police Club League Network Board Authority Senate "
    "Society Forum Museum Hospital Airlines Airways Council Cabinet Secretariat Directorate Tribunal Conference "
    "Colloquium Symposium Alliance Coalition Institution Examiner Herald Tribune Journal Gazette Chronicle "
    "Telegraph Observer Magazine".split()
)
#: Last words of a document's title: a capitalised run ending in one names a work (``the Government Work
#: Report``, ``the Clean Air Act``, ``the Paris Agreement``), though it may hold an organization word.
DOCUMENT_WORDS = frozenset(
    "Report Plan Programme Outline Law Act Strategy Declaration Treaty Accord Agreement Charter Constitution "
    "Manifesto Guidelines Opinions Decision Resolution Directive Regulations Statute Bill".split()
)
PERSON_TITLES = (
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "President", "Prime Minister", "Minister", "Senator", "Governor",
    "Secretary", "Chairman", "General", "King", "Queen", "Pope", "Judge", "Sir", "Lady", "Chancellor",
)
#: The CRF model (extractors/models/en_ner) outranks capitalisation rules, not the lexicon.
MODEL_PRIORITY = 2
RULE_PRIORITY = 1
#: Months and weekdays: capitalised, and no names.
DATE_WORDS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday".split()
)
_NOT_NAMES = frozenset(
    "I The A An In On At For Of And But Or If As By To From With This That These Those It He She We They His Her "
    "Its Our Their Abstract Keywords E-mail Email Hence However".split()
) | DATE_WORDS
_CONNECTORS = r"(?:of|and|for|the|on|de|von|van|der|la|du|al|bin)"
#: Words that end a company's name after a comma (``Google, Inc.``): a run they open is no name.
_COMPANY_SUFFIXES = frozenset("Inc Ltd Corp Co LLC Plc PLC GmbH".split())
#: Lower-case words that may stand inside a name (``Committee on Foreign Affairs``, ``Newcastle upon
#: Tyne``, ``Leonardo da Vinci``); any other lower-case word ends one (``… Prevention warned``).
NAME_CONNECTORS = frozenset(
    "of and for the on in at to upon over without against sans am de del della di da das dos do du des la le les "
    "von van der den zu al el bin ibn y e & a an".split()
)
#: Organization words that end place names too (West Bank, Soviet Union).
_PLACE_ORG_WORDS = frozenset({"Bank", "Union"})
_CONJUNCTS = re.compile(r" and (?:the )?")
_WORD = r"[A-Z][\w’'\-]*\.?"
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_CONNECTORS}\s+)*{_WORD})*")
_RUN_WORD = re.compile(r"(?<=\s)\S+")  # the words of a run after its first
#: Job and rank words: a capitalised run made of them is a role, not a name.
ROLE_WORDS = frozenset(
    "Senior Junior Economist Researcher Distinguished Director Co-Director Professor Associate Assistant Chairman "
    "Chairwoman Head Member Deputy Vice Chief Editor Secretary Officer Fellow Lecturer Supervisory Board Leader "
    "Executive Manager Spokesman Spokeswoman Analyst Reporter Correspondent Ambassador Commissioner".split()
)
#: Ranks and forms of address written before a name, often abbreviated without a dot as British
#: papers do (``Det Insp Bob Blemmings``, ``Ch Supt``, ``Cllr``): never part of the name.
_RANK_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof Det Det. Insp Insp. Sgt Sgt. Supt Supt. Ch Cllr Cpl Cpl. Lt Lt. Col Col. Capt Capt. Maj "
    "Maj. Gen. Adm Adm. Cmdr Rev Rev. Sen. Rep. Gov.".split()
)
#: The same written out; since they also open names, :func:`after_ranks` keeps one before a place alone.
RANK_WORDS = _RANK_ABBREVIATIONS | frozenset(
    "Detective Inspector Sergeant Constable Superintendent Lieutenant Colonel Captain Corporal Councillor "
    "Reverend".split()
)
#: A description written as one hyphenated word before a name (``Mother-of-three``, ``Father-of-two``):
#: a capital, then lower-case parts only; names keep capitals after their hyphens (``Jean-Luc``).
_DESCRIPTOR = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")
_TITLE_WORDS = frozenset(w for t in PERSON_TITLES for w in t.split()) | _RANK_ABBREVIATIONS
#: Words right before a person's name, however they are written (``Prof``, ``Professor``, ``Det Insp``).
_NAME_OPENERS = RANK_WORDS | {"Professor"}
#: Words a capitalised run sheds from its front: no name, a title, a rank.
_LEADING_NOT_NAME = _NOT_NAMES | _TITLE_WORDS | _NAME_OPENERS
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ueng|ang|eng|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ing|ua|uo|ui|un"
             r"|ve|ue|a|o|e|i|u|v)")
_PINYIN_WORD = re.compile(f"(?:{_SYLLABLE}){{1,2}}")


def romanized_chinese_name(span: str) -> bool:
    """Whether ``span`` is a Chinese name romanized surname first with the surname in capitals: a
    pinyin syllable or two, then a capitalised given name of one or two (``SONG Dawei``,
    ``OUYANG Xiu``); not two words that only look so (``GE Guarantee``, ``MSN Explorer``).

    >>> [romanized_chinese_name(s) for s in ("SONG Dawei", "OUYANG Xiu", "GE Guarantee", "MSN Explorer", "Song Dawei")]
    [True, True, False, False, False]
    """
    words = span.split()
    return len(words) == 2 and len(words[0]) >= 2 and words[0].isupper() and words[1].istitle() \
        and all(_PINYIN_WORD.fullmatch(w.lower()) for w in words)


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)(?![\w'’-])")


def with_last_name(text: str, start: int, end: int) -> int:
    """The end of a person's name of two words or more, over one more capitalised word right after
    it that is a census last name and ends the run (``Christine Blasey`` + ``Ford``).

    >>> t = "an allegation from Christine Blasey Ford that he"
    >>> t[19:with_last_name(t, 19, 35)]
    'Christine Blasey Ford'
    """
    from .vi_gazetteers import english_gazetteer

    nxt = _NEXT_WORD.match(text, end)
    if nxt is None or " " not in text[start:end].strip() or _NEXT_WORD.match(text, nxt.end()):
        return end
    gazetteer = english_gazetteer()
    word = nxt.group(1).lower()
    return nxt.end() if word in gazetteer.people and word not in gazetteer.first else end


def capitalised_runs(text: str) -> list[tuple[int, str]]:
    """``(start, run)`` for each run of capitalised words (:data:`_RUN`), cut where a sentence ends
    inside it: after a full stop that ends no abbreviation or initial, or before a word that opens
    sentences (``He``, ``The``). Abbreviations and initials stay inside (``Capt. Spastic``,
    ``Google Inc.``, ``J. M. Keynes``).

    >>> [run for _, run in capitalised_runs("Chairman of China COSCO Holdings Company Limited. He has long worked at Google Inc. He")]
    ['Chairman of China COSCO Holdings Company Limited.', 'He', 'Google Inc.', 'He']
    >>> [run for _, run in capitalised_runs("Research Center. Zhang Wei wrote to J. M. Keynes and Capt. Spastic")]
    ['Research Center.', 'Zhang Wei', 'J. M. Keynes and Capt. Spastic']
    """
    out = []
    for m in _RUN.finditer(text):
        start = m.start()
        for word in _RUN_WORD.finditer(m.group()):
            before = m.group()[: word.start()].rstrip()
            last = before.rsplit(None, 1)[-1] if before else ""
            if last.endswith(".") and (not is_abbreviation(last) or word.group() in _NOT_NAMES):
                out.append((start, text[start : m.start() + len(before)]))
                start = m.start() + word.start()
        out.append((start, text[start : m.end()]))
    return out


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a line or a sentence, where any word is capitalised."""
    before = text[:start].rstrip(" \t\"'“‘")
    return not before or before[-1] in "\n.!?:"


def in_post_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is common words only before a role word: the first words of a post
    (``Party Leadership Group Member``, ``Supervisory Board Chairman``), not a body's name (``IBM Chairman``).

    >>> t = "Board Member, Party Leadership Group Member, and IBM Chairman"
    >>> in_post_title(t, 14, 36), in_post_title(t, 49, 52)
    (True, False)
    """
    from .vi_gazetteers import english_gazetteer

    after = text[end : end + 30].split(maxsplit=1)
    if not after or after[0].rstrip(",;.") not in ROLE_WORDS or after[0].rstrip(",;.") in ORG_WORDS:
        return False
    gazetteer = english_gazetteer()
    return all(w.lower() in gazetteer.common and w.lower() not in gazetteer.people for w in text[start:end].split())


def after_ranks(text: str, start: int, end: int) -> int:
    """Where the name in ``text[start:end]`` begins once the ranks and descriptions before it are
    left out (``Det Insp``, ``Mother-of-three``): a last name alone stays (``Captain Halkett`` is
    Halkett), a known place alone does not (``Captain London`` may be a name, a ship or a team;
    London alone is a city).

    >>> t = "Det Insp Bob Blemmings and Captain Halkett"
    >>> t[after_ranks(t, 0, 22):22], t[after_ranks(t, 27, 42):42], after_ranks("Captain London", 0, 14)
    ('Bob Blemmings', 'Halkett', 0)
    >>> after_ranks("Det  Insp Bob Blemmings", 0, 23), after_ranks("Mother-of-three Willoughby", 0, 26)
    (0, 16)
    """
    words = text[start:end].split(" ")
    # only ranks followed by one plain space, so the name never starts on whitespace
    while len(words) > 1 and (words[0] in RANK_WORDS or _DESCRIPTOR.fullmatch(words[0])) and words[1][:1].strip():
        if len(words) == 2 and is_major_place(words[1]):  # CLDR in four languages, states, large cities
            break
        start += len(words[0]) + 1
        words = words[1:]
    return start


class EnglishEntityExtractor(EntityExtractor):
    """Finds PERSON, ORG, PLACE, WORK and TERM spans in English."""

    lang = "en"

    def candidates(self, doc: Doc) -> list[Candidate]:
        text = doc.text
        cands = self.lexicon_candidates(text, "en")
        places = territory_names("en")
        model = load_ner("en")
        # sentence by sentence, as the model was trained: over a whole paragraph it reads worse
        predicted = [(start + a, start + b, label) for start, end in split_sentences(text, "en")
                     for a, b, label in model.predict(text[start:end])]
        for s, e, label in predicted:
            e = end_before_date(text, s, end_before_lowercase(text, s, e))
            if label == "PERSON":
                s, e = after_ranks(text, s, e), with_last_name(text, s, e)
                if after_storm_word(text, s):
                    continue  # "Hurricane Rosa": a storm (storms.py drops its other mentions in a document)
            elif text.startswith("The ", s) and not is_known_place(text[s:e]):
                s += 4  # "The Committee on Foreign Affairs"; "The Hague" and "The Bronx" are names whole
            if label == "ORG" and in_post_title(text, s, e):
                continue
            if label == "ORG" and _names_document(text[s:e].split()):
                label = "WORK"  # "the Government Work Report": a document, whatever body it names
            last = text[s:e].split()[-1:]
            # "Evelyn Street", "Tony Macaroni Arena": a place word that is no common surname
            if label == "PERSON" and last and last[0] in PLACE_WORDS and not _common_surname(last[0]):
                label = "PLACE"
            elif label in ("PLACE", "PERSON") and _org_headed(text[s:e], places):
                label = "ORG"  # "University of Delaware", "Disaster Research Center"
            if e > s:
                cands.append(Candidate(s, e, label, MODEL_PRIORITY))
        for run_start, run in capitalised_runs(text):
            span = run.rstrip(".")
            start, end = run_start, run_start + len(span)
            words = span.split()
            while words and words[0] in _LEADING_NOT_NAME:  # "The Chinese Academy", "President X", "Professor X"
                start += len(words[0]) + 1
                words = words[1:]
            if words and words[0].rstrip(".") in _COMPANY_SUFFIXES:
                continue  # "Google, Inc. of Mountain View": the end of the name before the comma, no name
            if "of" in words[1:] and all(w in ROLE_WORDS for w in words[: words.index("of")]):
                # "Director of the Social Development Research Department": the body, not the post
                of = words.index("of")
                cut = of + 2 if words[of + 1 : of + 2] == ["the"] else of + 1
                start += len(" ".join(words[:cut])) + 1
                words = words[cut:]
            while len(words) > 2 and words[-1] in DATE_WORDS and words[-2] in ("on", "in"):  # "… Court on Monday"
                words = words[:-2]
            if len(words) > 2 and romanized_chinese_name(" ".join(words[:2])):  # "SONG Dawei Senior Economist"
                # above the model, which reads the run as one organization or cuts the capitals off
                cands.append(Candidate(start, start + len(" ".join(words[:2])), "PERSON", MODEL_PRIORITY + 1))
                start += len(" ".join(words[:2])) + 1
                words = words[2:]
            if not words:
                continue
            span = " ".join(words)
            end = start + len(span)
            if text[start:end] != span:  # whitespace other than one space inside; keep exact offsets
                continue
            if any(part in places for part in _CONJUNCTS.split(span)):
                continue  # "Israel and the West Bank": a list of names, not one
            if _glues_model_names(text, start, end, predicted):
                continue  # "Fox News Channel and MSNBC", "Jeremy Corbyn's Labour Party": the model's names
            if (bodies := _listed_organizations(span)) is not None:
                cands += [Candidate(start + a, start + b, "ORG", MODEL_PRIORITY) for a, b in bodies]
                continue  # "Fox News Channel and MSNBC": two organizations, each whole on its own
            owner = next((e for s, e, lab in predicted if s == start and lab in ("PERSON", "PLACE")
                          and _POSSESSIVE.match(text, e) and e < end), None)
            if owner is not None:  # "China's State Council": the council, not China
                cut = _POSSESSIVE.match(text, owner).end()
                words = text[cut:end].split(" ")
                start, span = cut, text[cut:end]
                if len(words) < 2:
                    continue
            label = self._classify(text, start, words, places)
            if label:
                # a run holding an organization word ties with the model, so the longer span wins
                cands.append(Candidate(start, end, label, MODEL_PRIORITY if label == "ORG" else RULE_PRIORITY))
                after = _ACRONYM.match(text, end + 1) if label == "ORG" else None
                if after:
                    cands.append(Candidate(after.start(1), after.end(1), "ORG", MODEL_PRIORITY))
        headlines = title_case_lines(text)
        if headlines:  # capitals say nothing there: names of several words need more
            cands = [replace(c, start=a, end=b, label=lab) for c in cands
                     for a, b, lab in (headline_pieces(text, c.start, c.end, c.label, org_words=ORG_WORDS)
                                       if not c.concept and in_lines(c.start, c.end, headlines)
                                       else [(c.start, c.end, c.label)])]
        return cands

    @staticmethod
    def _classify(text: str, start: int, words: list[str], places: dict[str, str]) -> str | None:
        span = " ".join(words)
        before = text[max(0, start - 20) : start].rstrip()
        if words[-1] in ROLE_WORDS and words[-1] not in ORG_WORDS:
            return None  # "Board Member", "Party Leadership Group Member": a post
        if _names_document(words):
            return "WORK"
        if any(w.strip(".") in ORG_WORDS for w in words) and len(words) >= 2:
            return "ORG"
        if span in places or is_known_place(span) and not _sentence_start(text, start):
            return "PLACE"  # a country, or a place of the gazetteers the model left out (Birkenhead)
        if any(w in ROLE_WORDS for w in words):
            return None
        if any(before.endswith(t) for t in PERSON_TITLES) and len(words) <= 4:
            return "PERSON"  # "Dr. Ford"
        if before.rsplit(" ", 1)[-1] in _NAME_OPENERS and len(words) <= 3 and all(w[:1].isupper() for w in words):
            return "PERSON"  # "Prof Czeisler", "Professor Czeisler"; not "Professor of Medicine"
        if romanized_chinese_name(span):
            return "PERSON"
        return None


def _names_document(words: list[str]) -> bool:
    """Whether a name of two words or more ends in a document's word (:data:`DOCUMENT_WORDS`).

    >>> _names_document(["Government", "Work", "Report"]), _names_document(["Report"])
    (True, False)
    """
    return len(words) >= 2 and words[-1] in DOCUMENT_WORDS


_POSSESSIVE = re.compile(r"['’]s? ")
#: What may stand between two names a capitalised run glues together.
_GLUE = re.compile(r"(?:\s|,|\band\b|\bthe\b|\bof\b|['’]s?)*")


_ACRONYM_WORD = re.compile(r"[A-Z][A-Z&\-]*[A-Z]")


def _listed_organizations(span: str) -> list[tuple[int, int]] | None:
    """The parts of a run ``A and B`` when each is an organization on its own (an organization word
    or an acronym), as offsets into ``span``; None for one name (``Marks and Spencer``,
    ``Department of Health and Human Services``).

    >>> _listed_organizations("Fox News Channel and MSNBC"), _listed_organizations("Marks and Spencer")
    ([(0, 16), (21, 26)], None)
    """
    parts = _CONJUNCTS.split(span)
    if len(parts) < 2 or not all(_ACRONYM_WORD.fullmatch(p) or any(w in ORG_WORDS for w in p.split()) for p in parts):
        return None
    out, pos = [], 0
    for part in parts:
        pos = span.index(part, pos)
        out.append((pos, pos + len(part)))
        pos += len(part)
    return out


def _glues_model_names(text: str, start: int, end: int, predicted: list[tuple[int, int, str]]) -> bool:
    """Whether the model found two names or more inside ``text[start:end]`` and only connectors
    (``and``, ``the``, ``of``, a possessive) stand between and around them.

    >>> t = "on Fox News Channel and MSNBC."
    >>> _glues_model_names(t, 3, 29, [(3, 19, "ORG"), (24, 29, "ORG")]), _glues_model_names(t, 3, 29, [(3, 19, "ORG")])
    (True, False)
    """
    inside = sorted((s, e) for s, e, _ in predicted if start <= s and e <= end)
    if len(inside) < 2:
        return False
    pos, gaps = start, []
    for s, e in inside:
        gaps.append(text[pos:s])
        pos = max(pos, e)
    gaps.append(text[pos:end])
    return all(_GLUE.fullmatch(gap) for gap in gaps)


def _org_headed(name: str, places: dict[str, str]) -> bool:
    """Whether ``name`` opens or ends with an organization word (``University of Delaware``,
    ``Disaster Research Center``) and is no country (``European Union``, ``West Bank``: the words
    that also name places, Bank and Union, do not count)."""
    words = name.split()
    if len(words) < 2 or name in places:
        return False
    return any(w.strip(".,") in ORG_WORDS and w not in _PLACE_ORG_WORDS for w in (words[0], words[-1]))


def _common_surname(word: str) -> bool:
    """Whether ``word`` is a common English surname (Hill, Park, Lane) by the model's gazetteer."""
    return load_ner("en").featurizer.last.get(word.lower()) == "a"


_ON_DATE = re.compile(r"\s(?:on|in)\s(?:" + "|".join(sorted(DATE_WORDS)) + r")$")


def end_before_date(text: str, start: int, end: int) -> int:
    """The end of the name ``text[start:end]`` without a date after it (``… Assembly on Saturday``).

    >>> s = "told the U.N. General Assembly on Saturday that"
    >>> s[9 : end_before_date(s, 9, 42)]
    'U.N. General Assembly'
    """
    found = _ON_DATE.search(text, start, end)
    return found.start() if found and " " in text[start : found.start()].strip() else end


def end_before_lowercase(text: str, start: int, end: int) -> int:
    """The end of the name ``text[start:end]`` before a lower-case word, other than one of
    :data:`NAME_CONNECTORS`, that capitalised words follow: two names glued by a verb
    (``… Prevention warned Mexicans``). A lower-case word at the end is the name's head
    (``Doda district``, ``US army``), and a name written in lower case is left as it is.

    >>> s = "The National Center for Disaster Prevention warned Mexicans to stay away."
    >>> s[4 : end_before_lowercase(s, 4, 59)]
    'National Center for Disaster Prevention'
    >>> [end_before_lowercase(s, 0, len(s)) == len(s) for s in ("Committee on Foreign Affairs", "Doda district")]
    [True, True]
    """
    if not text[start : start + 1].isupper():
        return end
    words = list(re.finditer(r"\S+", text[start:end]))
    kept = start
    for i, m in enumerate(words):
        word = m.group()
        if word.lower() in NAME_CONNECTORS:
            continue
        if word.islower() and len(word) > 1 and any(w.group()[0].isupper() for w in words[i + 1 :]):
            return kept if kept > start else end
        kept = start + m.end()
    return end


@English.factory(
    "kg_entities",
    assigns=["doc.spans"],
    default_config={"spans_key": "kg", "lexicon_paths": []},
)
def make_en_entities(nlp: Language, name: str, spans_key: str, lexicon_paths: Iterable[str]) -> EnglishEntityExtractor:
    """spaCy factory for ``spacy.blank("en").add_pipe("kg_entities")``."""
    return EnglishEntityExtractor(nlp.vocab, name, spans_key=spans_key, lexicon_paths=lexicon_paths)
