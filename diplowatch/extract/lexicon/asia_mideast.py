"""Arabic, Hebrew, Chinese, Korean and Turkish: the family's lexicons (one module per
language: ar.py, he.py, zh.py, ko.py, tr.py), their hedges, and the verb-final languages.

Entries are folded like text tokens (Arabic and Hebrew vowel points and the hamza seat
removed: 'أعلن' is looked up as 'اعلن'). '*' = prefix; spaces = phrase. Chinese is
tokenised one Han character at a time, so a Chinese entry ('承认') is a phrase of its
characters; a prefix mark means nothing there.

How each language says it, and where the rules look:
- Arabic: verb first or subject first ('اعترفت روسيا بكوسوفو', 'روسيا اعترفت بكوسوفو'); the
  object of اعترف takes the preposition ب, written on the name. Negation before the verb:
  لا (present), لم (past), لن (future), and the noun عدم ('non-'). The future prefix س- is
  written on the verb ('ستعترف'), so those forms are listed as future triggers.
- Hebrew: subject first; הכיר ב…; negation לא / אין (אינה מכירה); the future is a prefix
  conjugation (תכיר, יכיר) listed as future triggers; prepositions are written on the name.
- Chinese: subject, (negation 不/未/没有), verb, object: '俄罗斯承认科索沃独立'. '对…的承认'
  is the noun. Taiwan's ties: 断交 (break), 建交 (establish), 邦交 (formal ties).
- Korean and Turkish put the verb last: subject and object come before it, negation and
  modality after it (Korean '승인하지 않았다', '승인할 계획이다'; Turkish '-ma-' inside the
  verb: 'tanımadı', and 'tanımayı planlıyor'). ``neg_self`` lists the verb forms that carry
  their own negation; the rules look for modals and calls after the verb in these two.
"""

from .ar import CUES as _AR
from .he import CUES as _HE
from .ko import CUES as _KO
from .tr import CUES as _TR
from .zh import CUES as _ZH

LEX = {"ar": _AR, "he": _HE, "zh": _ZH, "ko": _KO, "tr": _TR}
HEDGES = {"ar": ("اشارة",), "he": ("איתות",), "zh": ("信号", "信號"), "ko": ("신호*",),
          "tr": ("sinyal*",)}
# Languages whose verb comes last: modality, calls and negation follow the verb.
VERB_FINAL = frozenset({"ko", "tr"})
