"""pyvi's word segmenter and part-of-speech tagger, imported without scikit-learn.

pyvi unpickles two ``sklearn_crfsuite.CRF`` models when it is imported. ``sklearn_crfsuite``
imports scikit-learn (and with it ``scipy.stats``: about 1.3 s, more than everything else a
Vietnamese pipeline loads) only to inherit ``sklearn.base.BaseEstimator``, and falls back to a
plain base class when scikit-learn cannot be imported. Tagging never uses the base class, so
:func:`load_pyvi` imports ``sklearn_crfsuite`` with scikit-learn hidden for that one import.
A process that has already imported scikit-learn or ``sklearn_crfsuite`` gets the ordinary
import. Every build process and every worker pays this cost once, so it shows in rebuilds and
in the serial part of a parallel build.

Examples
--------
>>> tokenizer, tagger = load_pyvi()
>>> tagger.postagging(tokenizer.tokenize("Đảng Cộng sản Việt Nam"))[0]
['Đảng', 'Cộng_sản', 'Việt_Nam']
"""

from __future__ import annotations

import sys
from functools import lru_cache
from types import ModuleType

__all__ = ["load_pyvi"]


@lru_cache(maxsize=1)
def load_pyvi() -> tuple[ModuleType, ModuleType]:
    """pyvi's ``ViTokenizer`` and ``ViPosTagger`` modules; see the module docstring for the import."""
    if "sklearn_crfsuite.compat" not in sys.modules and "sklearn" not in sys.modules:
        sys.modules["sklearn"] = None  # type: ignore[assignment]  # makes `import sklearn` raise ImportError
        try:
            import sklearn_crfsuite.compat  # noqa: F401
        finally:
            del sys.modules["sklearn"]
    from pyvi import ViPosTagger, ViTokenizer

    return ViTokenizer, ViPosTagger
