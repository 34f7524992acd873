"""Words that end place names, in English and in Chinese: no dependencies, so that the graph side
can type a name without loading the extractors' pipelines.

>>> "Street" in PLACE_WORDS, "西弗吉尼亚州".endswith(PLACE_ENDINGS)
(True, True)
"""

from __future__ import annotations

__all__ = ["PLACE_ENDINGS", "PLACE_WORDS", "ZH_COMPASS"]

#: Last (or first) words of place names: a name ending in one is a place (``Evelyn Street``).
PLACE_WORDS = frozenset(
    "Plaza Square Street Road Avenue Boulevard Lane Park Bridge River Lake Island Islands Bay Beach Coast Mountain "
    "Mountains Mount Valley Canyon Desert Peninsula Strait Sea Ocean Gulf Hill Hills Heights Falls Harbor Harbour "
    "Port Airport Station County Province City Town Village District Punta Playa Calle Río Rio Monte Sierra Isla "
    "Lago Cerro Colonia Crescent Mews Terrace Gardens Drive Arena Stadium Rim".split()
)
#: Words that end a place name (simplified).
PLACE_ENDINGS = ("州", "省", "市", "县", "郡", "镇", "村", "岛", "港", "湾", "河", "湖", "山", "街", "路", "区",
                 "广场", "公园", "机场", "大桥", "海滩", "监狱", "体育场", "球场", "火山", "半岛", "海峡", "沙漠", "峡谷",
                 "平原", "高原", "盆地", "地区", "大街", "大道")
#: Compass words that open a part of a place in Chinese (东贝尔法斯特, East Belfast; 北爱尔兰).
ZH_COMPASS = "东西南北"
