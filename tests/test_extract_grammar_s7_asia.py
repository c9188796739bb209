"""Round s7 for Arabic, Hebrew, Chinese, Korean and Turkish: one table per construction, the
positive rows with the rows where the rule must not fire (no earlier act, a call, a plan, a
journalist's description, another sense).

Every sentence was written for these tests (none comes from the labelled eval files).
"""

import pytest

from diplowatch.extract import extract


def triples(text, lang):
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


# A pro-verb 'joined it / followed it' with a pronoun for the states that acted before: the new
# subject repeats the last act on the last targets (Arabic لحق بـ / انضم إلى + pronoun suffix,
# Hebrew הצטרף אל + pronoun suffix). Without an earlier act, or as a call or plan, nothing.
JOINED = [
    ("اعترفت إسبانيا وأيرلندا بدولة فلسطين أمس، ولحقت بهما سلوفينيا بعد أسبوع.", "ar",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize"), ("SI", "PS", "recognize")]),
    ("أعلنت النرويج اعترافها بدولة فلسطين، وانضمت إليها إسبانيا في اليوم نفسه.", "ar",
     [("NO", "PS", "recognize"), ("ES", "PS", "recognize")]),
    ("سحبت بوروندي اعترافها بكوسوفو، ثم لحقت بها توغو.", "ar",
     [("BI", "XK", "withdraw"), ("TG", "XK", "withdraw")]),
    ("أعلنت النرويج اعترافها بدولة فلسطين، ودعت السويد إلى أن تلحق بها.", "ar",
     [("NO", "PS", "recognize")]),
    ("انضمت إليها سلوفينيا في المعرض التجاري.", "ar", []),
    ("ספרד ואירלנד הכירו במדינה פלסטינית, וסלובניה הצטרפה אליהן כעבור שבוע.", "he",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize"), ("SI", "PS", "recognize")]),
    ("נורבגיה הכירה במדינה פלסטינית, וספרד הצטרפה אליה באותו יום.", "he",
     [("NO", "PS", "recognize"), ("ES", "PS", "recognize")]),
    ("נורבגיה הכירה במדינה פלסטינית, וספרד שוקלת להצטרף אליה.", "he",
     [("NO", "PS", "recognize")]),
    ("סלובניה הצטרפה אליהן לתערוכה.", "he", []),
]

# A cessation word ('artık', '더 이상': no longer) stands before the object in a verb-final
# clause, so it may be far from the verb it qualifies: from the clause start it makes a
# negated verb a withdrawal, not a refusal. Without negation or with a plan, no withdrawal.
CEASE_VERB_FINAL = [
    ("Nauru hükümeti artık Tayvan'ı bağımsız ve egemen bir devlet olarak tanımıyor, dedi.", "tr",
     [("NR", "TW", "withdraw")]),
    ("Dışişleri Bakanlığı, Burundi'nin artık Kosova Cumhuriyeti'ni tanımadığını açıkladı.", "tr",
     [("BI", "XK", "withdraw")]),
    ("Nauru hükümeti artık Tayvan'ı tanımayı düşünüyor.", "tr", []),
    ("Türkiye artık Kosova Cumhuriyeti'ni bağımsız bir devlet olarak tanıyor.", "tr",
     [("TR", "XK", "recognize")]),
    ("나우루 정부는 더 이상 중화민국(대만)을 별개의 주권 국가로 인정하지 않는다고 밝혔다.", "ko",
     [("NR", "TW", "withdraw")]),
    ("부룬디 외교부는 더는 코소보 공화국을 독립 국가로 승인하지 않는다고 발표했다.", "ko",
     [("BI", "XK", "withdraw")]),
    ("부룬디 정부는 더 이상 코소보를 승인하지 않을 계획이라고 밝혔다.", "ko", []),
    ("세르비아 외교부는 코소보를 승인하지 않는다고 밝혔다.", "ko", [("RS", "XK", "reject")]),
]

# A Turkish negated participle ('-mAyAn', 'tanımayan ülkeler': the states that do not recognize)
# qualifies a noun: a description, not a stated refusal (the positive participle 'tanıyan'
# still names recognizers).
NEG_PARTICIPLE = [
    ("Cumhurbaşkanı, Kosova'yı henüz tanımayan ülkelere çağrıda bulundu.", "tr", []),
    ("Bakan, Filistin'i tanımayan hükümetleri eleştirdi.", "tr", []),
    ("Sırbistan Dışişleri Bakanı, Sırbistan'ın Kosova'yı tanımadığını söyledi.", "tr",
     [("RS", "XK", "reject")]),
    ("Türkiye Kosova'yı tanıdı.", "tr", [("TR", "XK", "recognize")]),
]

# A Hebrew place name with a preposition written on it is no verb: 'מסרביה' (from Serbia) is
# neither 'מסרב' (refusing) nor 'מסר' (delivered), so a journalist's negation after it stays a
# description; the verbs themselves still speak and refuse.
HEBREW_NAMES = [
    ("קוסובו, שהתנתקה מסרביה לפני שנים, זכתה לתמיכה אמריקנית. סרביה ובלארוס אינן מכירות בה.",
     "he", []),
    ("ונצואלה אינה מכירה בקוסובו, כך נכתב בעיתון בקראקס.", "he", []),
    ("דובר משרד החוץ מסר כי ספרד אינה מכירה בקוסובו.", "he", [("ES", "XK", "reject")]),
    ("שר החוץ של יוון אמר כי יוון אינה מכירה בקוסובו.", "he", [("GR", "XK", "reject")]),
]

# Arabic verbs of undoing in every person and number ('تسحبا' they two withdraw, 'ألغتا' they
# two cancelled, 'يسحبون'): the recognition noun they govern is withdrawn, not granted. A call to
# withdraw and a plan to withdraw give nothing.
ARABIC_UNDOING = [
    ("وكانت بوروندي وتوغو قد اعترفتا بكوسوفو، قبل أن تسحبا اعترافهما بها.", "ar",
     [("BI", "XK", "recognize"), ("TG", "XK", "recognize"), ("BI", "XK", "withdraw"),
      ("TG", "XK", "withdraw")]),
    ("بوروندي وتوغو ألغتا اعترافهما بكوسوفو.", "ar", [("BI", "XK", "withdraw"), ("TG", "XK", "withdraw")]),
    ("قررت بوروندي وتوغو أن تسحبا اعترافهما بكوسوفو.", "ar",
     [("BI", "XK", "withdraw"), ("TG", "XK", "withdraw")]),
    ("دعت صربيا بوروندي وتوغو إلى أن تسحبا اعترافهما بكوسوفو.", "ar", []),
    ("تدرس بوروندي وتوغو أن تلغيا اعترافهما بكوسوفو.", "ar", []),
]

# Hebrew verbs of undoing in every number and with 'and / that' written on them ('משכו',
# 'ומשכה', 'שביטלה'), and the recognition noun with every possessive suffix ('הכרתן' their,
# 'הכרתנו' our). A verb of undoing whose own object is a later recognition noun undoes that one,
# not the recognition before it. Calls and plans to withdraw give nothing; 'למשך' is 'for a time'.
HEBREW_UNDOING = [
    ("בורונדי וטוגו משכו את הכרתן בקוסובו.", "he", [("BI", "XK", "withdraw"), ("TG", "XK", "withdraw")]),
    ("בורונדי הכירה בקוסובו לפני עשור, ומשכה את הכרתה בשנה שעברה.", "he",
     [("BI", "XK", "recognize"), ("BI", "XK", "withdraw")]),
    ("טוגו, שביטלה את הכרתה בקוסובו, הודיעה על כך אתמול.", "he", [("TG", "XK", "withdraw")]),
    ("סרביה קראה לטוגו לבטל את הכרתה בקוסובו.", "he", []),
    ("טוגו שוקלת לבטל את הכרתה בקוסובו.", "he", []),
    ("טוגו הכירה בקוסובו למשך שנתיים.", "he", [("TG", "XK", "recognize")]),
]

# The Turkish bare infinitive 'tanımak' (to recognize) names a duty, a purpose or a wish, not an
# act; 'bir N değil' (is not a N) denies the predicate noun, not the act. A negated bare
# infinitive under a minister ('söz konusu değil': out of the question) stays a refusal.
TURKISH_INFINITIVE = [
    ("Sırbistan Dışişleri Bakanı, \"Kosova'yı tanımak bizim için bir ödül değil, bir yükümlülüktür\""
     " dedi.", "tr", []),
    ("Cumhurbaşkanı, \"Filistin'i tanımak ahlaki bir görevdir\" dedi.", "tr", []),
    ("Bakan, Kosova'yı tanımak için acele etmeyeceklerini söyledi.", "tr", []),
    ("Sırbistan Dışişleri Bakanı, \"Kosova'yı tanımak söz konusu değil\" dedi.", "tr",
     [("RS", "XK", "reject")]),
    ("Türkiye, Kosova'yı tanıma kararı aldı.", "tr", [("TR", "XK", "recognize")]),
]

# Deferring or withholding a recognition is refusing it for now (a reject when the state speaks):
# Korean 보류/유보 after the noun, Chinese 暂缓/推迟 before the verb, Turkish 'ertele-' after the
# verbal noun, Arabic تأجيل/إرجاء before the noun. A call to defer, or a journalist's words,
# give nothing; a deferral under a decision never reads as the recognition itself.
DEFERRAL = [
    ("일본 외무상은 팔레스타인 국가 승인을 당분간 보류한다고 밝혔다.", "ko", [("JP", "PS", "reject")]),
    ("일본 정부는 팔레스타인 승인을 보류할 방침이라고 밝혔다.", "ko", [("JP", "PS", "reject")]),
    ("일본이 팔레스타인 승인을 보류한 이유는 분명하지 않다.", "ko", []),
    ("한국 정부가 코소보를 승인하는 방안을 보류하기로 가닥을 잡았다고 언론이 전했다.", "ko", []),
    ("이스라엘은 일본에 팔레스타인 승인을 보류하라고 요구했다.", "ko", []),
    ("日本外相表示，日本将推迟承认巴勒斯坦国。", "zh", [("JP", "PS", "reject")]),
    ("日本政府决定暂缓承认巴勒斯坦国。", "zh", []),
    ("以色列敦促日本暂缓承认巴勒斯坦国。", "zh", []),
    ("Japonya Dışişleri Bakanı, Filistin'i tanımayı ertelediklerini söyledi.", "tr",
     [("JP", "PS", "reject")]),
    ("İsrail, Japonya'dan Filistin'i tanımayı ertelemesini istedi.", "tr", []),
    ("أعلنت الحكومة اليابانية تأجيل الاعتراف بدولة فلسطين.", "ar", [("JP", "PS", "reject")]),
    ("قالت الخارجية اليابانية إن اليابان قررت إرجاء الاعتراف بدولة فلسطين.", "ar",
     [("JP", "PS", "reject")]),
    ("طالبت إسرائيل اليابان بتأجيل الاعتراف بدولة فلسطين.", "ar", []),
]

# Turkish vazgeç- (give up) on a recognition or the decision to recognize is a withdrawal, in
# its positive forms; a call to give it up, or 'vazgeçmeyeceğiz' (we will not give it up), is none.
GIVE_UP = [
    ("Burundi, Kosova'yı tanıma kararından vazgeçti.", "tr", [("BI", "XK", "withdraw")]),
    ("Togo, Kosova'yı tanımaktan vazgeçtiğini açıkladı.", "tr", [("TG", "XK", "withdraw")]),
    ("Sırbistan, Togo'dan Kosova'yı tanımaktan vazgeçmesini istedi.", "tr", []),
    ("Bakan, \"Kosova'yı tanıma kararımızdan vazgeçmeyeceğiz\" dedi.", "tr", []),
]

# A negative particle (Arabic لا/لم/لن, Hebrew לא) negates the verb right after it: across a
# comma, 'and that' (وأنها, וכי) or more than four words it is another verb's ('its position has
# not changed, and it recognizes'). Next to the trigger, with an auxiliary or 'never', it refuses.
# A withdrawal 'on condition' (شريطة) is a condition, no act.
PARTICLE = [
    ("أكدت كينيا أن موقفها لم يتغير، وأنها ما زالت تعترف بكوسوفو.", "ar", [("KE", "XK", "recognize")]),
    ("قالت كينيا إن سياستها لم تتبدل وإنها تعترف بكوسوفو.", "ar", [("KE", "XK", "recognize")]),
    ("قالت كينيا إنها لم تكن قد اعترفت بكوسوفو.", "ar", [("KE", "XK", "reject")]),
    ("قالت كينيا إنها لا تعترف ولن تعترف بكوسوفو.", "ar", [("KE", "XK", "reject")]),
    ("משרד החוץ של קניה אמר כי עמדתה לא השתנתה וכי קניה מכירה בקוסובו.", "he",
     [("KE", "XK", "recognize")]),
    ("שר החוץ של קניה אמר כי קניה לא הכירה מעולם בקוסובו.", "he", [("KE", "XK", "reject")]),
    ('وقال الوزير إن جورجيا مستعدة لاستئناف العلاقات مع دمشق "شريطة" إلغاء هذا الاعتراف، وإنه'
     " عندها فقط يمكن الحديث عن ذلك.", "ar", []),
]

CASES = [(name, *row) for name, table in (
    ("joined", JOINED), ("cease_verb_final", CEASE_VERB_FINAL),
    ("neg_participle", NEG_PARTICIPLE), ("hebrew_names", HEBREW_NAMES),
    ("arabic_undoing", ARABIC_UNDOING), ("hebrew_undoing", HEBREW_UNDOING),
    ("turkish_infinitive", TURKISH_INFINITIVE), ("deferral", DEFERRAL), ("give_up", GIVE_UP),
    ("particle", PARTICLE))
    for row in table]


@pytest.mark.parametrize(("phenomenon", "text", "lang", "expected"), CASES,
                         ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_grammar_rule(phenomenon, text, lang, expected):
    assert triples(text, lang) == set(expected)
