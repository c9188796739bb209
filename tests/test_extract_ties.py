"""Diplomatic ties as acts (diplowatch/extract/ties.py): establishing or restoring relations
with a partially recognized entity recognizes it; a break told from Taipei's side is the
partner's withdrawal of its recognition of Taiwan. One table per construction, in English and
the five languages of the asia_mideast family, with the negative cases (plans, questions,
denials, calls, negation, two states) that must give nothing. Sentences written for this test.
"""

import pytest

from diplowatch.extract import extract

# 建交 / 수교 / إقامة علاقات دبلوماسية / כינון יחסים / ilişki kurmak / establish relations.
ESTABLISHED = [
    ("以色列与科索沃建交。", "zh", [("IL", "XK", "recognize")]),
    ("马拉维与科索沃建立外交关系。", "zh", [("MW", "XK", "recognize")]),
    ("科索沃与马拉维建交。", "zh", [("MW", "XK", "recognize")]),
    ("科索沃外交部宣布，科索沃与以色列正式建交。", "zh", [("IL", "XK", "recognize")]),
    ("巴拉圭与台湾恢复外交关系。", "zh", [("PY", "TW", "recognize")]),
    ("史瓦帝尼與台灣建立外交關係已超過50年。", "zh", [("SZ", "TW", "recognize")]),
    ("이스라엘은 코소보와 수교했다.", "ko", [("IL", "XK", "recognize")]),
    ("말라위는 코소보와 외교 관계를 수립했다.", "ko", [("MW", "XK", "recognize")]),
    ("이스라엘과 코소보는 외교 관계를 맺었다.", "ko", [("IL", "XK", "recognize")]),
    ("أقامت إسرائيل علاقات دبلوماسية مع كوسوفو.", "ar", [("IL", "XK", "recognize")]),
    ("أعلنت غينيا إقامة علاقات دبلوماسية مع كوسوفو.", "ar", [("GN", "XK", "recognize")]),
    ("أعلنت وزارة الخارجية الفلسطينية أن فلسطين وجزر البهاما أقامتا علاقات دبلوماسية.", "ar",
     [("BS", "PS", "recognize")]),
    ("ישראל וקוסובו כוננו יחסים דיפלומטיים.", "he", [("IL", "XK", "recognize")]),
    ("İsrail, Kosova ile diplomatik ilişki kurdu.", "tr", [("IL", "XK", "recognize")]),
    ("Israel established diplomatic relations with Kosovo.", "en", [("IL", "XK", "recognize")]),
    ("Kosovo and Israel established diplomatic relations.", "en", [("IL", "XK", "recognize")]),
    # nothing: plans, questions, denials, calls, and ties between two states
    ("印度计划与科索沃建交。", "zh", []),
    ("有关印度与科索沃建交的报道不实。", "zh", []),
    ("中国和所罗门群岛建交。", "zh", []),
    ("한국은 코소보와 수교할 예정이다.", "ko", []),
    ("인도는 코소보와 수교할까", "ko", []),
    ("تعتزم الهند إقامة علاقات دبلوماسية مع كوسوفو.", "ar", []),
    ("نفت الهند إقامة علاقات دبلوماسية مع كوسوفو.", "ar", []),
    ("הודו תכונן יחסים דיפלומטיים עם קוסובו.", "he", []),
    ("Hindistan, Kosova ile diplomatik ilişki kuracak.", "tr", []),
    ("India plans to establish diplomatic relations with Kosovo.", "en", []),
    ("China urged Paraguay to establish diplomatic relations with Beijing.", "en", []),
    ("Serbia and Montenegro established diplomatic relations in 2006.", "en", []),
    # opening talks (or a door) about ties establishes none
    ("Israel opened talks on diplomatic relations with Kosovo.", "en", []),
    ("Chad opened the way to diplomatic relations with Kosovo.", "en", []),
]

# Taipei as the subject of the break: the state it broke with withdrew its recognition.
BROKEN_BY_TAIPEI = [
    ("台湾外交部宣布与瑙鲁断交。", "zh", [("NR", "TW", "withdraw")]),
    ("台灣外交部宣布與諾魯斷交。", "zh", [("NR", "TW", "withdraw")]),
    ("中华民国与多米尼加断交。", "zh", [("DO", "TW", "withdraw")]),
    ("台湾与萨尔瓦多断交。", "zh", [("SV", "TW", "withdraw")]),
    ("대만은 나우루와 단교했다.", "ko", [("NR", "TW", "withdraw")]),
    ("대만 외교부는 나우루와의 외교 관계를 끊는다고 발표했다.", "ko", [("NR", "TW", "withdraw")]),
    ("أعلنت تايوان قطع علاقاتها الدبلوماسية مع ناورو.", "ar", [("NR", "TW", "withdraw")]),
    ("قطعت تايوان علاقاتها الدبلوماسية مع جزر سليمان.", "ar", [("SB", "TW", "withdraw")]),
    ("טייוואן ניתקה את יחסיה הדיפלומטיים עם נאורו.", "he", [("NR", "TW", "withdraw")]),
    ("טייוואן ניתקה את היחסים עם איי שלמה.", "he", [("SB", "TW", "withdraw")]),
    ("Tayvan, Nauru ile diplomatik ilişkilerini kesti.", "tr", [("NR", "TW", "withdraw")]),
    ("Tayvan, Solomon Adaları ile ilişkilerini kestiğini açıkladı.", "tr",
     [("SB", "TW", "withdraw")]),
    ("Taiwan severed diplomatic ties with Nauru.", "en", [("NR", "TW", "withdraw")]),
    ("Taiwan's foreign ministry said it was ending diplomatic relations with Nauru.", "en",
     [("NR", "TW", "withdraw")]),
    # nothing: negation, a call
    ("台湾不会与巴拉圭断交。", "zh", []),
    ("中国敦促巴拉圭与台湾断交。", "zh", []),
    ("대만은 파라과이와 단교하지 않을 것이라고 밝혔다.", "ko", []),
    ("Taiwan said it would not cut ties with Paraguay.", "en", []),
]

# The partner's own switch keeps both halves; the Beijing half only when the ties with
# Beijing are stated, not intended.
SWITCHES = [
    ("瑙鲁宣布与台湾断交，并与中华人民共和国建交。", "zh",
     [("NR", "TW", "withdraw"), ("NR", "CN", "recognize")]),
    ("도미니카공화국은 대만과 단교하고 중국과 수교했다.", "ko",
     [("DO", "TW", "withdraw"), ("DO", "CN", "recognize")]),
    ("도미니카공화국은 대만과 단교하고 중국과 수교하겠다고 밝혔다.", "ko", [("DO", "TW", "withdraw")]),
    ("巴拉圭总统表示，巴拉圭不会与台湾断交、转而与北京建立外交关系。", "zh", []),
]

CASES = [(name, *row) for name, table in (
    ("established", ESTABLISHED), ("taipei", BROKEN_BY_TAIPEI), ("switch", SWITCHES))
    for row in table]


@pytest.mark.parametrize(("construction", "text", "lang", "expected"), CASES,
                         ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_ties(construction, text, lang, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == set(expected)
