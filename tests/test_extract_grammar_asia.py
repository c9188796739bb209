"""Grammar of Chinese, Arabic, Korean, Hebrew and Turkish for precision: the constructions
that mention a recognition without asserting one, one table per phenomenon, each with the
languages of the family where it applies and the negative cases that must give nothing.

Every sentence was written for these tests (none comes from the labelled eval files). The
positive rows keep the rule honest: a rule that silenced everything would fail them.
"""

import pytest

from diplowatch.extract import extract


def triples(text, lang):
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


# Denials and rumours: the act they mention is not asserted, and a denial is no reject.
DENIALS = [
    ("白俄罗斯外交部否认白俄罗斯已承认阿布哈兹。", "zh", []),
    ("关于多哥已承认南奥塞梯的传言是谣言。", "zh", []),
    ("斐济政府澄清说，斐济从未承认科索沃。", "zh", []),
    ("所谓秘鲁承认索马里兰的消息纯属虚构。", "zh", []),
    ("有媒体称老挝承认了科索沃，但老挝外交部予以否认。", "zh", []),
    ("外交部发言人说，关于乌干达撤回对科索沃承认的说法是不实的。", "zh", []),
    ("نفت وزارة الخارجية البيلاروسية أن تكون بيلاروسيا قد اعترفت بأبخازيا.", "ar", []),
    ("الأنباء عن اعتراف توغو بأوسيتيا الجنوبية مجرد شائعات.", "ar", []),
    ("نفى المتحدث باسم الحكومة الفيجية أن تكون فيجي اعترفت بكوسوفو.", "ar", []),
    ("وصفت الحكومة التقارير حول اعتراف البيرو بأرض الصومال بأنها كاذبة.", "ar", []),
    ("벨라루스 외무부는 벨라루스가 압하지야를 승인했다는 보도를 부인했다.", "ko", []),
    ("토고가 남오세티야를 승인했다는 소문은 사실이 아니다.", "ko", []),
    ("피지 정부는 코소보를 승인한 적이 없다고 해명했다.", "ko", []),
    ("페루가 소말릴란드를 승인했다는 것은 가짜 뉴스라고 정부가 밝혔다.", "ko", []),
]

# A negation under a speaker of the state is a reject; the same negation told by a journalist
# (no speaker) is a description and gives nothing; one negation covers a whole list.
NEGATION = [
    ("格鲁吉亚外交部表示，格鲁吉亚不承认阿布哈兹和南奥塞梯的独立。", "zh",
     [("GE", "abkhazia", "reject"), ("GE", "south-ossetia", "reject")]),
    ("阿塞拜疆总统说，阿塞拜疆绝不承认所谓的“阿尔察赫共和国”。", "zh", [("AZ", "artsakh", "reject")]),
    ("美国总统说，美国暂时不会承认索马里兰。", "zh", [("US", "somaliland", "reject")]),
    ("乌兹别克斯坦外交部表示，乌兹别克斯坦不承认阿布哈兹、南奥塞梯和德涅斯特河沿岸。", "zh",
     [("UZ", "abkhazia", "reject"), ("UZ", "south-ossetia", "reject"),
      ("UZ", "transnistria", "reject")]),
    ("泰国并未承认科索沃。", "zh", []),
    ("迄今为止，印度尼西亚仍未承认以色列。", "zh", []),
    ("埃及和约旦都不承认阿布哈兹。", "zh", []),
    ("西班牙、希腊、罗马尼亚、斯洛伐克和塞浦路斯不承认科索沃。", "zh", []),
    ("قال وزير الخارجية الجورجي إن جورجيا لا تعترف باستقلال أبخازيا وأوسيتيا الجنوبية.", "ar",
     [("GE", "abkhazia", "reject"), ("GE", "south-ossetia", "reject")]),
    ("أعلنت الحكومة الإسبانية أنها لا تعترف بكوسوفو.", "ar", [("ES", "XK", "reject")]),
    ("قال الرئيس الأمريكي إن الولايات المتحدة لن تعترف بأرض الصومال في الوقت الحالي.", "ar",
     [("US", "somaliland", "reject")]),
    ("قال وزير الخارجية الأوزبكي إن أوزبكستان لا تعترف بأبخازيا وأوسيتيا الجنوبية وترانسنيستريا.",
     "ar", [("UZ", "abkhazia", "reject"), ("UZ", "south-ossetia", "reject"),
            ("UZ", "transnistria", "reject")]),
    ("لم تعترف تايلاند بكوسوفو.", "ar", []),
    ("لا تعترف مصر والأردن بأبخازيا.", "ar", []),
    ("لا تعترف إسبانيا واليونان ورومانيا وسلوفاكيا وقبرص بكوسوفو.", "ar", []),
    ("조지아 외무부는 압하지야와 남오세티야의 독립을 인정하지 않는다고 밝혔다.", "ko",
     [("GE", "abkhazia", "reject"), ("GE", "south-ossetia", "reject")]),
    ("스페인 정부는 코소보를 승인하지 않겠다고 발표했다.", "ko", [("ES", "XK", "reject")]),
    ("미국 대통령은 당분간 소말릴란드를 승인하지 않겠다고 말했다.", "ko",
     [("US", "somaliland", "reject")]),
    ("일본 외무상은 현시점에서 팔레스타인을 승인하지 않겠다고 밝혔다.", "ko", [("JP", "PS", "reject")]),
    ("우즈베키스탄 외무부는 압하지야, 남오세티야, 트란스니스트리아를 승인하지 않는다고 밝혔다.", "ko",
     [("UZ", "abkhazia", "reject"), ("UZ", "south-ossetia", "reject"),
      ("UZ", "transnistria", "reject")]),
    ("태국은 코소보를 승인하지 않았다.", "ko", []),
    ("이집트와 요르단은 압하지야를 인정하지 않는다.", "ko", []),
    ("스페인, 그리스, 루마니아, 슬로바키아, 키프로스는 코소보를 승인하지 않았다.", "ko", []),
]

# Questions, direct or embedded, with or without a question mark: Chinese 吗 / 是否, Arabic
# هل / ما إذا, Korean -ㄹ까 / -ㄹ지 / -는지 / -는가 on the verb itself.
QUESTIONS = [
    ("智利会承认索马里兰吗", "zh", []),
    ("记者问，智利是否会承认索马里兰。", "zh", []),
    ("泰国是否承认科索沃仍不清楚。", "zh", []),
    ("日本承认巴勒斯坦国了吗？", "zh", []),
    ("هل ستعترف تشيلي بأرض الصومال", "ar", []),
    ("تساءل الصحفي عما إذا كانت تشيلي ستعترف بأرض الصومال.", "ar", []),
    ("ليس واضحا ما إذا كانت تايلاند تعترف بكوسوفو.", "ar", []),
    ("칠레는 소말릴란드를 승인할까", "ko", []),
    ("기자들은 칠레가 소말릴란드를 승인할지 물었다.", "ko", []),
    ("태국이 코소보를 승인했는지는 분명하지 않다.", "ko", []),
    ("일본은 팔레스타인을 승인하는가", "ko", []),
    ("우간다가 코소보를 승인했는지 확인되지 않았다.", "ko", []),
]

# Future, plans, intention, readiness, expectation, promises and conditions: no act yet.
FUTURE = [
    ("斯洛文尼亚拟于下周承认巴勒斯坦国。", "zh", []),
    ("比利时计划在年底前承认巴勒斯坦国。", "zh", []),
    ("马耳他表示将在适当时候承认巴勒斯坦国。", "zh", []),
    ("新西兰正准备承认巴勒斯坦国。", "zh", []),
    ("葡萄牙有意承认巴勒斯坦国。", "zh", []),
    ("法国总统宣布法国将于9月承认巴勒斯坦国。", "zh", []),
    ("澳大利亚政府打算承认巴勒斯坦国。", "zh", []),
    ("芬兰考虑承认巴勒斯坦国。", "zh", []),
    ("比利时即将承认巴勒斯坦国。", "zh", []),
    ("英国表示，如果以色列不停火，英国将承认巴勒斯坦国。", "zh", []),
    ("ستعترف سلوفينيا بدولة فلسطين الأسبوع المقبل.", "ar", []),
    ("سوف تعترف بلجيكا بدولة فلسطين قبل نهاية العام.", "ar", []),
    ("تعتزم مالطا الاعتراف بدولة فلسطين.", "ar", []),
    ("أعلن الرئيس الفرنسي أن فرنسا ستعترف بدولة فلسطين في سبتمبر.", "ar", []),
    ("تخطط الحكومة الأسترالية للاعتراف بدولة فلسطين.", "ar", []),
    ("تدرس فنلندا الاعتراف بدولة فلسطين.", "ar", []),
    ("قالت نيوزيلندا إنها مستعدة للاعتراف بدولة فلسطين.", "ar", []),
    # a modal right before أن governs its subjunctive
    ("من المتوقع أن تعترف البرتغال بدولة فلسطين.", "ar", []),
    ("يمكن أن تعترف النمسا بدولة فلسطين.", "ar", []),
    ("أعربت اليابان عن نيتها الاعتراف بدولة فلسطين.", "ar", []),
    ("قال رئيس الوزراء البريطاني إن بريطانيا ستعترف بدولة فلسطين ما لم توقف إسرائيل الحرب.",
     "ar", []),
    ("وعد الرئيس الإندونيسي بأن تعترف إندونيسيا بإسرائيل قريبا.", "ar", []),
    ("슬로베니아는 다음 주 팔레스타인을 국가로 승인할 계획이다.", "ko", []),
    ("벨기에는 연말까지 팔레스타인을 승인하기로 했다.", "ko", []),
    ("몰타는 팔레스타인 국가를 승인할 방침이다.", "ko", []),
    ("프랑스 대통령은 9월에 팔레스타인을 국가로 승인하겠다고 발표했다.", "ko", []),
    ("호주 정부는 팔레스타인 국가 승인을 추진하고 있다.", "ko", []),
    ("핀란드는 팔레스타인 승인을 검토하고 있다.", "ko", []),
    ("뉴질랜드는 팔레스타인을 승인할 준비가 돼 있다고 말했다.", "ko", []),
    ("포르투갈도 팔레스타인을 승인할 것으로 예상된다.", "ko", []),
    ("영국은 이스라엘이 휴전하지 않으면 팔레스타인을 승인하겠다고 밝혔다.", "ko", []),
    # a decision taken is an act (the positive row of the table)
    ("قررت الحكومة المصرية الاعتراف بكوسوفو.", "ar", [("EG", "XK", "recognize")]),
    ("이집트 정부는 코소보를 승인하기로 결정했다.", "ko", [("EG", "XK", "recognize")]),
]

# Other senses: a territory as part of a state, the one-China principle, sovereignty of a
# state over a territory, results, a mistake, a question about recognition.
OTHER_SENSES = [
    ("越南承认台湾是中国领土不可分割的一部分。", "zh", []),
    ("越南承认一个中国原则。", "zh", []),
    ("巴基斯坦重申坚定奉行一个中国政策。", "zh", []),
    ("中方赞赏尼日利亚政府承认一个中国原则。", "zh", []),
    ("美国承认摩洛哥对西撒哈拉的主权。", "zh", []),
    ("俄罗斯承认克里米亚公投结果。", "zh", []),
    ("塞尔维亚承认了在科索沃问题上的错误。", "zh", []),
    ("印度外交部说，承认巴勒斯坦国的问题仍在讨论中。", "zh", []),
    ("تعترف الولايات المتحدة بسيادة المغرب على الصحراء الغربية.", "ar", []),
    ("اعترفت روسيا بنتائج الاستفتاء في القرم.", "ar", []),
    ("اعترفت فيتنام بأن تايوان جزء لا يتجزأ من أراضي الصين.", "ar", []),
    ("تعترف باكستان بمبدأ الصين الواحدة.", "ar", []),
    ("اعترفت صربيا بخطئها في ملف كوسوفو.", "ar", []),
    ("미국은 서사하라에 대한 모로코의 주권을 인정했다.", "ko", []),
    ("러시아는 크림반도 주민투표 결과를 인정했다.", "ko", []),
    ("베트남은 대만이 중국 영토의 일부라고 인정했다.", "ko", []),
    ("파키스탄은 하나의 중국 원칙을 인정한다고 밝혔다.", "ko", []),
    ("세르비아는 코소보 문제에서 실수를 인정했다.", "ko", []),
    ("ABD, Batı Sahra üzerindeki Fas egemenliğini tanıdı.", "tr", []),
]

# Any state's recognition, opposed: no state acts, and opposing it is no reject.
ANY_STATE = [
    ("中国外交部发言人表示，中方坚决反对任何国家承认索马里兰。", "zh", []),
    ("قالت الخارجية الصينية إن الصين تعارض بشدة اعتراف أي دولة بأرض الصومال.", "ar", []),
    ("중국 외교부는 어떤 국가의 소말릴란드 승인에도 단호히 반대한다고 밝혔다.", "ko", []),
    ("欧盟呼吁各成员国承认巴勒斯坦国。", "zh", []),
    ("目前已有超过140个国家承认巴勒斯坦国。", "zh", []),
    ("تعترف أكثر من 140 دولة بدولة فلسطين.", "ar", []),
    ("140여 개국이 팔레스타인을 국가로 승인했다.", "ko", []),
]

# A reaction to another state's act: the reacting state does not act; where the act's owner
# is named it is the actor, where it is not (an unknown name) nothing is guessed.
REACTIONS = [
    ("巴勒斯坦欢迎西班牙承认巴勒斯坦国。", "zh", [("ES", "PS", "recognize")]),
    ("رحبت فلسطين باعتراف إسبانيا بدولة فلسطين.", "ar", [("ES", "PS", "recognize")]),
    ("팔레스타인은 스페인의 팔레스타인 국가 승인을 환영했다.", "ko", [("ES", "PS", "recognize")]),
    ("استدعت إسرائيل سفيرها احتجاجا على اعتراف المدينة بدولة فلسطين.", "ar", []),
    ("قطعت جورجيا علاقاتها مع الحكومة الجديدة إثر اعترافها بأبخازيا.", "ar", []),
    ("سحبت إسرائيل سفيرها ردا على الاعتراف بدولة فلسطين.", "ar", []),
]

# Chinese noun phrases end in their head: a name before 的 owns another noun (no subject), and
# a clause before 的 + a name describes that name (its partner after 与 is no object of the
# main verb; mutual recognition inside it is between the partner and the head).
OWNERS_AND_RELATIVES = [
    ("中国代表表示，中方尊重塞尔维亚的主权和领土完整，不承认科索沃。", "zh", [("CN", "XK", "reject")]),
    ("中方尊重塞尔维亚的立场，不承认科索沃，外交部发言人说。", "zh", [("CN", "XK", "reject")]),
    ("尼加拉瓜的外交部宣布承认阿布哈兹。", "zh", [("NI", "abkhazia", "recognize")]),
    ("委内瑞拉的政府承认了南奥塞梯。", "zh", [("VE", "south-ossetia", "recognize")]),
    ("以色列承认了与台湾保持外交关系的索马里兰。", "zh", [("IL", "somaliland", "recognize")]),
    ("以色列正式承认与台湾相互承认的索马里兰。", "zh",
     [("IL", "somaliland", "recognize"), ("TW", "somaliland", "recognize"),
      ("somaliland", "TW", "recognize")]),
    ("台湾与索马里兰相互承认。", "zh",
     [("TW", "somaliland", "recognize"), ("somaliland", "TW", "recognize")]),
    ("阿布哈兹与南奥塞梯相互承认。", "zh",
     [("abkhazia", "south-ossetia", "recognize"), ("south-ossetia", "abkhazia", "recognize")]),
    ("北韩承认顿涅茨克人民共和国与卢甘斯克人民共和国的独立。", "zh",
     [("KP", "donetsk-pr", "recognize"), ("KP", "luhansk-pr", "recognize")]),
]

# Korean and Turkish: a recognition noun with its owner in the genitive is another state's act,
# presupposed; the negation of the verb governing it (not following, not accepting, not
# supporting) is no reject by anyone, and a trigger verb whose object is that noun is no act.
OWNED_NOUNS = [
    ("미국은 이스라엘의 소말릴란드 승인을 따르지 않겠다고 밝혔다.", "ko", [("IL", "somaliland", "recognize")]),
    ("세르비아는 몬테네그로의 코소보 승인을 받아들이지 않는다고 밝혔다.", "ko",
     [("ME", "XK", "recognize")]),
    ("조지아는 니카라과의 압하지야 승인을 인정하지 않는다고 밝혔다.", "ko",
     [("NI", "abkhazia", "recognize")]),
    ("일본의 팔레스타인 승인은 아직 이뤄지지 않았다.", "ko", []),
    ("ABD, İsrail'in Somaliland'ı tanımasını desteklemediğini açıkladı.", "tr",
     [("IL", "somaliland", "recognize")]),
    ("Sırbistan, Karadağ'ın Kosova'yı tanımasını kabul etmediğini söyledi.", "tr",
     [("ME", "XK", "recognize")]),
]

# Turkish puts negation, future and ability inside the verb (-mA-, -mAz, -(y)AcAk, -(y)Abil-)
# and its question particle after it (mı); Hebrew negates with לא / אינה before the verb and
# says the future with the prefix conjugation or עתידה ל-. Negation under a speaker is a
# reject, without one nothing; futures, plans, questions and denials give nothing.
# Chinese: after 是 with an ordinal or 'only' ('the first / the only state that …'), the
# relative clause before 的 is the subject's predicate: the subject did it. Without it the
# clause only describes 'the states that …'.
PREDICATE_RELATIVES = [
    ("土耳其是唯一承认北塞浦路斯土耳其共和国的国家。", "zh", [("TR", "northern-cyprus", "recognize")]),
    ("中国是最早承认巴勒斯坦国的国家之一。", "zh", [("CN", "PS", "recognize")]),
    ("朝鲜是继俄罗斯和叙利亚之后第三个承认顿涅茨克人民共和国的国家。", "zh",
     [("KP", "donetsk-pr", "recognize"), ("RU", "donetsk-pr", "recognize"),
      ("SY", "donetsk-pr", "recognize")]),
    ("以色列是首个承认索马里兰的联合国会员国。", "zh", [("IL", "somaliland", "recognize")]),
    ("取消承认科索沃的国家已增加到7个。", "zh", []),
    ("这些是承认科索沃的国家。", "zh", []),
    ("承认科索沃的国家中有一些后来撤回了承认。", "zh", []),
]

# A number of unnamed states ('28 دولة', '28 מדינות', '28个国家', '28개국') is a generic
# subject: it names no actor, and the subject search stops there (never the speaker's state);
# states listed after it ('من بينها', among them) act.
COUNTED = [
    ("قالت صربيا إن 28 دولة سحبت اعترافها بكوسوفو، من بينها توغو وغانا.", "ar",
     [("TG", "XK", "withdraw"), ("GH", "XK", "withdraw")]),
    ("أعلنت الخارجية الفلسطينية أن 147 دولة تعترف بدولة فلسطين.", "ar", []),
    ("ישראל אמרה כי 28 מדינות ביטלו את הכרתן בקוסובו.", "he", []),
    ("塞尔维亚外长说，迄今已有28个国家撤销了对科索沃的承认。", "zh", []),
    ("세르비아 외무장관은 28개국이 코소보 승인을 철회했다고 말했다.", "ko", []),
    ("أصبحت كوريا الشمالية ثالث دولة تعترف بدونيتسك ولوغانسك بعد روسيا وسوريا.", "ar",
     [("KP", "donetsk-pr", "recognize"), ("KP", "luhansk-pr", "recognize"),
      ("RU", "donetsk-pr", "recognize"), ("RU", "luhansk-pr", "recognize"),
      ("SY", "donetsk-pr", "recognize"), ("SY", "luhansk-pr", "recognize")]),
    ("في عام 2008 اعترفت روسيا باستقلال أبخازيا.", "ar", [("RU", "abkhazia", "recognize")]),
]

# 'No longer' with a negated verb is a withdrawal, not a reject: Arabic لن … بعد الآن / لم تعد,
# Hebrew אינה מכירה עוד / כבר לא, Korean 더 이상 … 않는다, Turkish artık, Chinese 不再; Hebrew
# עוד לא is 'not yet' (nothing).
CESSATION = [
    ("أعلنت كينيا أنها لن تعترف بعد الآن بالجمهورية الصحراوية.", "ar", [("KE", "EH", "withdraw")]),
    ("قالت غانا إنها لم تعد تعترف بالجمهورية الصحراوية.", "ar", [("GH", "EH", "withdraw")]),
    ("أعلنت توغو أنها لن تعترف بعد الآن بكوسوفو.", "ar", [("TG", "XK", "withdraw")]),
    ("טוגו הודיעה כי אינה מכירה עוד בקוסובו.", "he", [("TG", "XK", "withdraw")]),
    ("טוגו הודיעה כי היא כבר לא מכירה בקוסובו.", "he", [("TG", "XK", "withdraw")]),
    ("ספרד עוד לא הכירה בקוסובו, אמר השר.", "he", []),
    ("토고는 더 이상 코소보를 승인하지 않는다고 발표했다.", "ko", [("TG", "XK", "withdraw")]),
    ("Kenya, Sahra Arap Demokratik Cumhuriyeti'ni artık tanımadığını açıkladı.", "tr",
     [("KE", "EH", "withdraw")]),
    ("肯尼亚宣布不再承认阿拉伯撒哈拉民主共和国。", "zh", [("KE", "EH", "withdraw")]),
]

TURKISH = [
    ("Gürcistan Dışişleri Bakanı, Gürcistan'ın Abhazya'yı tanımadığını söyledi.", 'tr', [('GE', 'abkhazia', 'reject')]),
    ("Sırbistan Cumhurbaşkanı, Sırbistan Kosova'yı tanımaz dedi.", 'tr', [('RS', 'XK', 'reject')]),
    ("Azerbaycan Cumhurbaşkanı, Azerbaycan'ın Dağlık Karabağ Cumhuriyeti'ni asla tanımayacağını açıkladı.", 'tr', [('AZ', 'artsakh', 'reject')]),
    ("Yunanistan hükümeti KKTC'yi tanımadığını yineledi.", 'tr', [('GR', 'northern-cyprus', 'reject')]),
    ("İspanya hükümeti, Kosova'yı tanımamaya devam edeceğini bildirdi.", 'tr', [('ES', 'XK', 'reject')]),
    ("Gürcistan, Abhazya ve Güney Osetya'yı tanımıyor.", 'tr', []),
    ("Mısır Kosova'yı tanımamıştı.", 'tr', []),
    ("Slovenya gelecek hafta Filistin'i tanıyacak.", 'tr', []),
    ("Belçika'nın yıl sonuna kadar Filistin'i tanıyacağı bildirildi.", 'tr', []),
    ("Malta, Filistin Devleti'ni tanımaya hazırlanıyor.", 'tr', []),
    ("Avustralya hükümeti Filistin'i tanımayı düşünüyor.", 'tr', []),
    ("Fransa Cumhurbaşkanı, Fransa'nın eylülde Filistin'i tanıyacağını açıkladı.", 'tr', []),
    ("Portekiz'in Filistin'i tanıması bekleniyor.", 'tr', []),
    ("Finlandiya Filistin'i tanıyabilir.", 'tr', []),
    ("Yeni Zelanda Filistin'i tanımak istiyor.", 'tr', []),
    ("Şili Somaliland'ı tanıyacak mı?", 'tr', []),
    ("Tayland Kosova'yı tanıdı mı", 'tr', []),
    ("Belarus Dışişleri Bakanlığı, Abhazya'yı tanıdığı yönündeki haberleri yalanladı.", 'tr', []),
    ("Togo'nun Güney Osetya'yı tanıdığı iddiası asılsız.", 'tr', []),
    ("Türkiye, Kosova'yı 2008'de tanıdı.", 'tr', [('TR', 'XK', 'recognize')]),
    ("Kenya Kosova'yı tanıdığını açıkladı.", 'tr', [('KE', 'XK', 'recognize')]),
    ("Togo, Kosova'yı tanıma kararını geri çektiğini açıkladı.", 'tr', [('TG', 'XK', 'withdraw')]),
]
HEBREW = [
    ('שר החוץ הגאורגי אמר כי גאורגיה אינה מכירה בעצמאות אבחזיה.', 'he', [('GE', 'abkhazia', 'reject')]),
    ("נשיא אזרבייג'ן אמר שאזרבייג'ן לא תכיר לעולם בארצח.", 'he', [('AZ', 'artsakh', 'reject')]),
    ('ממשלת ספרד הודיעה כי היא אינה מכירה בקוסובו.', 'he', [('ES', 'XK', 'reject')]),
    ('דובר משרד החוץ הסיני אמר כי סין אינה מכירה בסומלילנד.', 'he', [('CN', 'somaliland', 'reject')]),
    ('גאורגיה אינה מכירה באבחזיה.', 'he', []),
    ('מצרים לא הכירה בקוסובו.', 'he', []),
    ('סלובניה עתידה להכיר במדינה הפלסטינית בשבוע הבא.', 'he', []),
    ('בלגיה מתכוונת להכיר במדינה הפלסטינית.', 'he', []),
    ('מלטה מתכננת להכיר במדינה פלסטינית.', 'he', []),
    ('ממשלת אוסטרליה שוקלת הכרה במדינה פלסטינית.', 'he', []),
    ('נשיא צרפת הודיע כי צרפת תכיר במדינה הפלסטינית בספטמבר.', 'he', []),
    ('צפוי כי פורטוגל תכיר במדינה הפלסטינית.', 'he', []),
    ('פינלנד עשויה להכיר במדינה הפלסטינית.', 'he', []),
    ('ניו זילנד מוכנה להכיר במדינה פלסטינית.', 'he', []),
    ("האם צ'ילה תכיר בסומלילנד", 'he', []),
    ('משרד החוץ הבלארוסי הכחיש את הדיווחים כי בלארוס הכירה באבחזיה.', 'he', []),
    ('השמועות על הכרת טוגו בדרום אוסטיה אינן נכונות.', 'he', []),
    ('טורקיה הכירה בקוסובו ב-2008.', 'he', [('TR', 'XK', 'recognize')]),
    ('קניה הודיעה כי הכירה בקוסובו.', 'he', [('KE', 'XK', 'recognize')]),
    ('טוגו ביטלה את הכרתה בקוסובו.', 'he', [('TG', 'XK', 'withdraw')]),
]

CASES = [(name, *row) for name, table in (
    ("denial", DENIALS), ("negation", NEGATION), ("question", QUESTIONS), ("future", FUTURE),
    ("other_sense", OTHER_SENSES), ("any_state", ANY_STATE), ("reaction", REACTIONS),
    ("owner_relative", OWNERS_AND_RELATIVES), ("owned_noun", OWNED_NOUNS),
    ("turkish", TURKISH), ("hebrew", HEBREW), ("predicate", PREDICATE_RELATIVES),
    ("counted", COUNTED), ("cessation", CESSATION))
    for row in table]


@pytest.mark.parametrize(("phenomenon", "text", "lang", "expected"), CASES,
                         ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_grammar_rule(phenomenon, text, lang, expected):
    assert triples(text, lang) == set(expected)
