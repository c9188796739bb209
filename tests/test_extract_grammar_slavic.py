"""Slavic grammar tables: Russian, Ukrainian, Bulgarian, Serbian, Polish, Czech.

Every sentence was written for these tables (none comes from the labelled eval files). Each
row is (phenomenon, text, expected events); the phenomena are the same in every language:

- aspect: the perfective (признать, визнати, uznać, uznat, признати, Bulgarian призная)
  states an act in the past; the imperfective present (признаёт, визнає, uznaje, uznává,
  признаје, признава) a standing recognition; both assert. The perfective present is a future
  in Russian, Ukrainian, Polish and Czech (uzna, uzná, uznamy) and announces, it does not
  assert. Some forms are both: Polish uznają (present of uznawać, future of uznać), Russian
  признает written without ё, Ukrainian визнає; the time words beside them decide
  (uznają obecnie: present; признает в следующем месяце: future).
- passives: the participle with an agent (Russian/Ukrainian instrumental, Polish `przez`,
  Czech instrumental, Serbian `од стране`, Bulgarian `от`), the Russian reflexive passive
  (`признаётся`), the Polish `została uznana`.
- word order: the verb agrees with its subject and the object carries its case, so the
  subject may follow the verb (`Косово признала Гана`, `Palestynę uznały Kanada i Australia`).
- lists: `и/і/та/i/a/и`, `а также`, `oraz`, `kao i`, `както и`, `включая`, `w tym`.
- withdrawals: a verb of undoing over the recognition noun (отозвать, відкликати, wycofać,
  povući, оттегля, odvolat, pozastavit, заморозить) and cessation (перестала признавать,
  больше не, prestao da priznaje, přestalo uznávat).
- rejects: negation on the verb, by the state speaking (`не признаёт и не признает`, `никогда
  не`, `nie uznaje ani nie uzna`, `ne priznaje`, fused Czech `neuznává`), also over a list;
  `не планира да признае` (no plans) is a refusal too. A journalist's `до сих пор не признала`
  states no refusal.
- not asserted: questions, denials and rumours, future and intention, modals, calls.
- other senses: territorial integrity, `частью`, a referendum found void (`признать …
  недействительным`, `uznać za nieważne`, `uznat za neplatné`).
- reactions: a state that reacts to another's act (recalls an envoy, condemns) is not its actor.
"""

import pytest

from diplowatch.extract import extract


def triples(text, lang):
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


# Russian: aspect pairs признать/признавать; the reflexive passive признаётся; the short
# participle признан(а) with an instrumental agent; negation не before the verb, ни … ни over a
# list; the nominal признание … со стороны; free word order with case.
RU = [
    ("aspect", "Никарагуа признала независимость Абхазии и Южной Осетии.",
     [("NI", "abkhazia", "recognize"), ("NI", "south-ossetia", "recognize")]),
    ("aspect", "Венесуэла признаёт Абхазию с 2009 года.", [("VE", "abkhazia", "recognize")]),
    ("word order", "Косово признала Гана.", [("GH", "XK", "recognize")]),
    ("word order", "Палестину признали Испания, Ирландия и Норвегия.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize"), ("NO", "PS", "recognize")]),
    ("passive", "Абхазия была признана Россией в 2008 году.", [("RU", "abkhazia", "recognize")]),
    ("names", "Испания и Ирландия признали палестинское государство.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize")]),
    ("apart from", "Кроме России, Абхазию пока признала только Никарагуа.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
    ("apart from", "Кроме России, Абхазию и Южную Осетию признала только Никарагуа.",
     [("RU", "abkhazia", "recognize"), ("RU", "south-ossetia", "recognize"),
      ("NI", "abkhazia", "recognize"), ("NI", "south-ossetia", "recognize")]),
    ("passive", "Абхазия была признана Россией в 2008 году, после войны с Грузией.",
     [("RU", "abkhazia", "recognize")]),
    ("passive", "Косово признано Сербией не было.", []),
    ("reflexive passive", "Абхазия признаётся Россией, Никарагуа и Венесуэлой.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
      ("VE", "abkhazia", "recognize")]),
    ("noun", "Признание Абхазии со стороны Никарагуа вызвало протест Грузии.",
     [("NI", "abkhazia", "recognize")]),
    ("lists", "Косово признали более ста государств, включая Японию и Канаду.",
     [("JP", "XK", "recognize"), ("CA", "XK", "recognize")]),
    ("withdraw", "Парагвай заморозил признание САДР.", [("PY", "EH", "withdraw")]),
    ("withdraw", "Парагвай приостановил признание САДР.", [("PY", "EH", "withdraw")]),
    ("reject", "«Белоруссия не признаёт ни Косово, ни Абхазию», — заявил министр.",
     [("BY", "XK", "reject"), ("BY", "abkhazia", "reject")]),
    ("negated list", "Казахстан не признаёт Абхазию, Южную Осетию и Приднестровье, заявил "
     "президент.", [("KZ", "abkhazia", "reject"), ("KZ", "south-ossetia", "reject"),
                    ("KZ", "transnistria", "reject")]),
    ("other sense", "Турция признаёт Крым частью Украины.", []),
    ("other sense", "Россия признаёт паспорта, выданные в ДНР.", []),
    ("other sense", "Суд признал выборы в Абхазии недействительными.", []),
    ("admit", "Кремль признаёт, что Абхазию признали лишь пять стран.", []),
    ("admit", "Россия заявила, что признаёт Абхазию.", [("RU", "abkhazia", "recognize")]),
    ("genitive", "Абхазия и Южная Осетия провозгласили независимость. Решение Сухуми и Цхинвали "
     "признали Никарагуа, Венесуэла и Науру.",
     [(a, e, "recognize") for a in ("NI", "VE", "NR") for e in ("abkhazia", "south-ossetia")]),
    ("genitive", "В марте 2009 года Никарагуа признала Абхазию.", [("NI", "abkhazia", "recognize")]),
    ("genitive", "Правительство Никарагуа признало Абхазию.", [("NI", "abkhazia", "recognize")]),
    ("genitive", "Решение Никарагуа признать Абхазию удивило Грузию.",
     [("NI", "abkhazia", "recognize")]),
    ("condition", "Если Казахстан признает Косово, Сербия отзовёт посла.", []),
    ("not a name", "Признанный лидер оппозиции посетил Абхазию.", []),
    ("not a name", "Абхазия признательна России за поддержку.", []),
    ("lists", "Абхазию признали Россия и Никарагуа, а также Венесуэла.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
      ("VE", "abkhazia", "recognize")]),
    ("withdraw", "Суринам отозвал признание Косова в 2017 году.", [("SR", "XK", "withdraw")]),
    ("gapping", "Россия признала Абхазию в 2008 году, а Науру — в 2009-м.",
     [("RU", "abkhazia", "recognize"), ("NR", "abkhazia", "recognize")]),
    ("gapping", "Россия признала Абхазию, а Белоруссия — нет.", [("RU", "abkhazia", "recognize")]),
    ("pro-verb", "Россия признала Абхазию в 2008 году; с тех пор примеру Москвы последовали "
     "Никарагуа и Венесуэла.", [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
                               ("VE", "abkhazia", "recognize")]),
    ("gapping", "Мальта признала Палестину в 1988 году, а Швеция — в 2014-м.",
     [("MT", "PS", "recognize"), ("SE", "PS", "recognize")]),
    ("gapping", "Болгария признала Палестину в 1988 году. Румыния и Польша сделали этот шаг тогда "
     "же, а Швеция — в 2014-м.", [("BG", "PS", "recognize"), ("RO", "PS", "recognize"),
                                   ("PL", "PS", "recognize"), ("SE", "PS", "recognize")]),
    ("withdraw", "Вануату перестала признавать Абхазию.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Тувалу больше не признаёт Южную Осетию.",
     [("TV", "south-ossetia", "withdraw")]),
    ("reject", "«Россия не признаёт и не признает Косово», — заявил Лавров.",
     [("RU", "XK", "reject")]),
    ("reject", "Казахстан никогда не признавал Абхазию, заявил министр иностранных дел.",
     [("KZ", "abkhazia", "reject")]),
    ("refusal", "Румыния отказалась признать Косово, заявил премьер.", [("RO", "XK", "reject")]),
    ("withdraw", "Россия отказалась от признания Абхазии.", [("RU", "abkhazia", "withdraw")]),
    ("antecedent", "Сухуми признал ДНР в феврале. Большая часть мирового сообщества считает "
     "Абхазию грузинской территорией: кроме России, её независимость признали только Никарагуа "
     "и Сирия.", [("abkhazia", "donetsk-pr", "recognize"), ("RU", "abkhazia", "recognize"),
                  ("NI", "abkhazia", "recognize"), ("SY", "abkhazia", "recognize")]),
    ("journalist", "Сербия до сих пор не признала Косово.", []),
    ("denial", "МИД Армении опроверг сообщения о признании Арменией ДНР.", []),
    ("denial", "Информация о том, что Таджикистан признал Абхазию, не соответствует "
     "действительности, заявили в МИД.", []),
    ("question", "Признает ли Казахстан Косово?", []),
    ("rumour", "Россия выбила из Сирии заявление о якобы признании ДНР.", []),
    ("future", "Бразилия намерена признать Палестину.", []),
    ("future", "Чили может признать Палестину в этом году.", []),
    ("future", "Словения признала бы Палестину вместе с Испанией.", []),
    ("process", "По словам посла, фактическое признание Абхазии Белоруссией уже идёт.", []),
    ("future", "Мексика собирается признать Палестину в следующем месяце.", []),
    ("future", "Мексика признает Палестину в следующем месяце.", []),
    ("future", "Перу признает Палестину в ближайшие дни, сообщил министр.", []),
    ("call", "Госдума призвала Путина признать ДНР и ЛНР.", []),
    ("goal", "Сербия ведёт кампанию за отзыв признания Косова.", []),
    ("goal", "Косово добивается признания со стороны Испании.", []),
    ("goal", "Сербия выступает против признания Косова.", []),
    ("other sense", "Турция признаёт территориальную целостность Грузии.", []),
    ("other sense", "Сербия признала референдум недействительным.", []),
    ("reaction", "Грузия отозвала посла из Никарагуа после того, как Никарагуа признала "
     "Абхазию.", [("NI", "abkhazia", "recognize")]),
    ("reaction", "Грузия осудила признание Абхазии.", []),
    ("reaction", "МИД России приветствовал решение Никарагуа признать Абхазию.",
     [("NI", "abkhazia", "recognize")]),
    ("reaction", "Грузия разорвала отношения с Сирией из-за признания Абхазии.", []),
    ("reaction", "Грузия осудила российское признание Абхазии.",
     [("RU", "abkhazia", "recognize")]),
    ("reaction", "Тбилиси раскритиковал решение Никарагуа признать Абхазию.",
     [("NI", "abkhazia", "recognize")]),
]

# Ukrainian: визнати/визнавати; the impersonal визнано and the participle визнана with an
# instrumental agent; відкликати визнання; ніколи не; lists with і/та/й, а також.
UK = [
    ("aspect", "Гана визнала Косово у 2012 році.", [("GH", "XK", "recognize")]),
    ("aspect", "Венесуела визнає Абхазію з 2009 року.", [("VE", "abkhazia", "recognize")]),
    ("word order", "Палестину визнала Португалія.", [("PT", "PS", "recognize")]),
    ("word order", "Абхазію визнали Росія, Нікарагуа і Венесуела.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
      ("VE", "abkhazia", "recognize")]),
    ("passive", "Абхазія була визнана Росією у 2008 році.", [("RU", "abkhazia", "recognize")]),
    ("passive", "Косово визнано Ізраїлем у 2020 році.", [("IL", "XK", "recognize")]),
    ("noun", "Визнання Косова з боку Гани відбулося у 2012 році.", [("GH", "XK", "recognize")]),
    ("names", "Іспанія та Ірландія визнали палестинську державу.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize")]),
    ("apart from", "Нагадаємо, що, крім Росії, Абхазію поки визнала лише Нікарагуа.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
    ("apart from", "Крім Росії, Абхазію та Південну Осетію визнала лише Нікарагуа.",
     [("RU", "abkhazia", "recognize"), ("RU", "south-ossetia", "recognize"),
      ("NI", "abkhazia", "recognize"), ("NI", "south-ossetia", "recognize")]),
    ("lists", "Косово визнали США, Франція та Німеччина, а також Японія.",
     [("US", "XK", "recognize"), ("FR", "XK", "recognize"), ("DE", "XK", "recognize"),
      ("JP", "XK", "recognize")]),
    ("withdraw", "Суринам відкликав визнання Косова.", [("SR", "XK", "withdraw")]),
    ("gapping", "Росія визнала Абхазію у 2008 році, а Нікарагуа — того ж року.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
    ("pro-verb", "Росія визнала Абхазію у 2008 році. Її приклад наслідували Нікарагуа і "
     "Венесуела.", [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
                    ("VE", "abkhazia", "recognize")]),
    ("withdraw", "Вануату перестала визнавати Абхазію.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Вануату більше не визнає Абхазію.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Панама призупинила визнання Західної Сахари.", [("PA", "EH", "withdraw")]),
    ("reject", "Україна ніколи не визнає так званих ДНР і ЛНР, заявив міністр закордонних "
     "справ.", [("UA", "donetsk-pr", "reject"), ("UA", "luhansk-pr", "reject")]),
    ("reject", "Молдова не визнає Косово, заявив прем'єр-міністр.", [("MD", "XK", "reject")]),
    ("negated list", "Україна не визнає ні Косово, ні Абхазію, заявив міністр.",
     [("UA", "XK", "reject"), ("UA", "abkhazia", "reject")]),
    ("refusal", "Румунія відмовилася визнати Косово, заявив прем'єр.", [("RO", "XK", "reject")]),
    ("antecedent", "Сухумі визнав ДНР у лютому. Більша частина світу вважає Абхазію "
     "грузинською територією: крім Росії, її незалежність визнали лише Нікарагуа та Сирія.",
     [("abkhazia", "donetsk-pr", "recognize"), ("RU", "abkhazia", "recognize"),
      ("NI", "abkhazia", "recognize"), ("SY", "abkhazia", "recognize")]),
    ("owner", "Рішення уряду Гани визнати Косово було помилковим, заявили в Белграді.",
     [("GH", "XK", "recognize")]),
    ("owner", "Рішення попереднього уряду Гани визнати Косово було хибним, заявили в Белграді.",
     [("GH", "XK", "recognize")]),
    ("genitive", "Абхазія та Південна Осетія проголосили незалежність. Рішення Сухумі й Цхінвалі "
     "визнали Нікарагуа, Венесуела й Науру.",
     [(a, e, "recognize") for a in ("NI", "VE", "NR") for e in ("abkhazia", "south-ossetia")]),
    ("genitive", "Рішення Нікарагуа визнати Абхазію здивувало Грузію.",
     [("NI", "abkhazia", "recognize")]),
    ("journalist", "Іспанія досі не визнала Косово.", []),
    ("denial", "МЗС Вірменії спростувало повідомлення про визнання Вірменією ДНР.", []),
    ("question", "Чи визнає Бразилія Косово?", []),
    ("rumour", "Росія вичавила з Сирії заяву про нібито визнання ДНР.", []),
    ("future", "Бразилія має намір визнати Палестину.", []),
    ("future", "Словенія визнала би Палестину разом з Іспанією.", []),
    ("future", "Чилі може визнати Палестину цього року.", []),
    ("future", "Мексика визнає Палестину наступного місяця.", []),
    ("aspect", "Мексика визнає Палестину з 2023 року.", [("MX", "PS", "recognize")]),
    ("process", "За словами посла, визнання Абхазії Білоруссю вже триває.", []),
    ("call", "Президент закликав Молдову визнати Косово.", []),
    ("goal", "Сербія домагається відкликання визнання Косова.", []),
    ("goal", "Косово прагне визнання з боку Іспанії.", []),
    ("other sense", "Україна визнає територіальну цілісність Грузії.", []),
    ("other sense", "Суд визнав вибори в Абхазії незаконними.", []),
    ("reaction", "Грузія розірвала відносини з Нікарагуа після того, як Нікарагуа визнала "
     "Абхазію.", [("NI", "abkhazia", "recognize")]),
    ("reaction", "Грузія засудила визнання Абхазії.", []),
    ("reaction", "Грузія відкликала посла з Нікарагуа через визнання Абхазії.", []),
    ("reaction", "Грузія засудила російське визнання Абхазії.", [("RU", "abkhazia", "recognize")]),
]

# Polish: uznać/uznawać; uzna, uznamy are perfective futures; the passive została uznana
# przez; wycofać uznanie, przestać uznawać; nie … ani …; lists with i, oraz, w tym.
PL = [
    ("aspect", "Polska uznała Kosowo w 2008 roku.", [("PL", "XK", "recognize")]),
    ("aspect", "Wenezuela uznaje Abchazję od 2009 roku.", [("VE", "abkhazia", "recognize")]),
    ("aspect", "Kosowo uznają obecnie Stany Zjednoczone i Francja.",
     [("US", "XK", "recognize"), ("FR", "XK", "recognize")]),
    ("aspect", "Abchazję uznają do dziś Rosja, Wenezuela i Nikaragua.",
     [("RU", "abkhazia", "recognize"), ("VE", "abkhazia", "recognize"),
      ("NI", "abkhazia", "recognize")]),
    ("future", "Hiszpania i Irlandia uznają Palestynę 28 maja.", []),
    ("word order", "Abchazję uznały Rosja i Nikaragua, a także Naddniestrze.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
    ("word order", "Rosja uznała Abchazję, a także Osetię Południową.",
     [("RU", "abkhazia", "recognize"), ("RU", "south-ossetia", "recognize")]),
    ("predicate", "Nauru to kolejne państwo, które uznało Palestynę.", [("NR", "PS", "recognize")]),
    ("predicate", "Kolejne państwa uznały Palestynę.", []),
    ("switch", "Nauru to następne państwo, które wycofało uznanie Tajwanu na rzecz uznania Chin.",
     [("NR", "TW", "withdraw"), ("NR", "CN", "recognize")]),
    ("word order", "Palestynę uznały Hiszpania, Irlandia i Norwegia.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize"), ("NO", "PS", "recognize")]),
    ("passive", "Kosowo zostało uznane przez Ghanę w 2012 roku.", [("GH", "XK", "recognize")]),
    ("names", "Hiszpania i Irlandia uznały państwo palestyńskie.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize")]),
    ("passive", "Abchazja została uznana przez Rosję i Nikaraguę.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
    ("noun", "Uznanie Kosowa przez Polskę nastąpiło w 2008 roku.", [("PL", "XK", "recognize")]),
    ("lists", "Kosowo uznało ponad sto państw, w tym Japonia i Kanada.",
     [("JP", "XK", "recognize"), ("CA", "XK", "recognize")]),
    ("lists", "Kosowo uznały Stany Zjednoczone, Francja oraz Niemcy.",
     [("US", "XK", "recognize"), ("FR", "XK", "recognize"), ("DE", "XK", "recognize")]),
    ("withdraw", "Surinam wycofał uznanie Kosowa.", [("SR", "XK", "withdraw")]),
    ("gapping", "Francja uznała Kosowo w lutym 2008 roku, a Polska — tydzień później.",
     [("FR", "XK", "recognize"), ("PL", "XK", "recognize")]),
    ("gapping", "Francja uznała Kosowo, a Słowacja — nie.", [("FR", "XK", "recognize")]),
    ("pro-verb", "Rosja uznała Abchazję w 2008 roku, a w jej ślady poszły Nikaragua i Wenezuela.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
      ("VE", "abkhazia", "recognize")]),
    ("withdraw", "Vanuatu przestało uznawać Abchazję.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Vanuatu już nie uznaje Abchazji.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Panama zawiesiła uznanie Sahary Zachodniej.", [("PA", "EH", "withdraw")]),
    ("reject", "Słowacja nie uznaje ani nie uzna Kosowa — oświadczył premier.",
     [("SK", "XK", "reject")]),
    ("reject", "Rumunia nie uznaje Kosowa, Abchazji ani Osetii Południowej — podkreślił "
     "minister.", [("RO", "XK", "reject"), ("RO", "abkhazia", "reject"),
                   ("RO", "south-ossetia", "reject")]),
    ("refusal", "Rumunia odmówiła uznania Kosowa, oświadczył premier.", [("RO", "XK", "reject")]),
    ("negated list", "Uzbekistan nie uznaje Abchazji, Osetii Południowej ani Naddniestrza — "
     "podkreślił minister.", [("UZ", "abkhazia", "reject"), ("UZ", "south-ossetia", "reject"),
                              ("UZ", "transnistria", "reject")]),
    ("journalist", "Hiszpania wciąż nie uznała Kosowa.", []),
    ("denial", "Rząd zdementował informacje o uznaniu Abchazji przez Białoruś.", []),
    ("question", "Czy Grecja uzna Palestynę?", []),
    ("rumour", "Białoruś rzekomo uznała Abchazję.", []),
    ("future", "Hiszpania zamierza uznać Palestynę.", []),
    ("future", "Brazylia może uznać Palestynę jeszcze w tym roku.", []),
    ("future", "Meksyk uzna Palestynę w przyszłym miesiącu.", []),
    ("process", "Według ambasadora uznanie Abchazji przez Białoruś już trwa.", []),
    ("call", "Parlament wezwał rząd do uznania Palestyny.", []),
    ("goal", "Serbia zabiega o wycofanie uznania Kosowa.", []),
    ("goal", "Kosowo zabiega o uznanie przez Hiszpanię.", []),
    ("goal", "Serbia sprzeciwia się uznaniu Kosowa.", []),
    ("other sense", "Serbia uznała referendum w Kosowie za nieważne.", []),
    ("other sense", "Polska uznaje integralność terytorialną Gruzji.", []),
    ("other sense", "Polska uznaje paszporty wydane w Kosowie.", []),
    ("admit", "Rosja twierdzi, że Abchazję uznało tylko pięć państw.", []),
    ("condition", "Jeśli Słowacja uzna Kosowo, Serbia odwoła ambasadora.", []),
    ("reaction", "Gruzja potępiła uznanie Abchazji przez Nikaraguę.",
     [("NI", "abkhazia", "recognize")]),
    ("reaction", "Gruzja potępiła rosyjskie uznanie Abchazji.", [("RU", "abkhazia", "recognize")]),
    ("reaction", "Gruzja odwołała ambasadora z Nikaragui po tym, jak Nikaragua uznała Abchazję.",
     [("NI", "abkhazia", "recognize")]),
    ("reaction", "Prezydent Serbii podziękował Ghanie za wycofanie uznania Kosowa.",
     [("GH", "XK", "withdraw")]),
]

# Czech: uznat/uznávat (the long á of the imperfective and of the noun uznání); uzná is a
# perfective future; negation is written on the verb (neuznává, neuznal, neuznáme); the
# passive bylo uznáno with an instrumental agent; odvolat, pozastavit uznání; přestat uznávat.
CS = [
    ("aspect", "Česko uznalo Kosovo v roce 2008.", [("CZ", "XK", "recognize")]),
    ("aspect", "Venezuela uznává Abcházii od roku 2009.", [("VE", "abkhazia", "recognize")]),
    ("word order", "Kosovo uznala Ghana.", [("GH", "XK", "recognize")]),
    ("passive", "Kosovo bylo uznáno Izraelem v roce 2020.", [("IL", "XK", "recognize")]),
    ("passive", "Palestina je uznána Švédskem.", [("SE", "PS", "recognize")]),
    ("noun", "Uznání Kosova ze strany Izraele přišlo v roce 2020.", [("IL", "XK", "recognize")]),
    ("names", "Španělsko a Irsko uznaly palestinský stát.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize")]),
    ("lists", "Kosovo uznaly Spojené státy, Francie a Německo.",
     [("US", "XK", "recognize"), ("FR", "XK", "recognize"), ("DE", "XK", "recognize")]),
    ("predicate", "Nauru je další stát, který uznal Palestinu.", [("NR", "PS", "recognize")]),
    ("predicate", "Nauru se stalo dalším státem, který uznal Palestinu.",
     [("NR", "PS", "recognize")]),
    ("predicate", "Další státy uznaly Palestinu.", []),
    ("withdraw", "Surinam odvolal uznání Kosova.", [("SR", "XK", "withdraw")]),
    ("gapping", "Francie uznala Kosovo v únoru 2008, a Česko — v květnu.",
     [("FR", "XK", "recognize"), ("CZ", "XK", "recognize")]),
    ("withdraw", "Paraguay pozastavil uznání Abcházie.", [("PY", "abkhazia", "withdraw")]),
    ("withdraw", "Vanuatu přestalo uznávat Abcházii.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Vanuatu už neuznává Abcházii.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Panama zmrazila uznání Západní Sahary.", [("PA", "EH", "withdraw")]),
    ("reject", "Slovensko neuznává Kosovo, uvedl ministr zahraničí.", [("SK", "XK", "reject")]),
    ("negated list", "Slovensko neuznává Kosovo ani Abcházii, uvedl ministr.",
     [("SK", "XK", "reject"), ("SK", "abkhazia", "reject")]),
    ("refusal", "Rumunsko odmítlo uznat Kosovo, uvedl premiér.", [("RO", "XK", "reject")]),
    ("reject", "Slovenská vláda neuznává Kosovo, uvedl mluvčí.", [("SK", "XK", "reject")]),
    ("reject", "„Nikdy neuznáme nezávislost Kosova,“ řekl prezident Srbska.",
     [("RS", "XK", "reject")]),
    ("journalist", "Španělsko dosud neuznalo Kosovo.", []),
    ("question", "Uzná Slovensko Kosovo?", []),
    ("rumour", "Bělorusko údajně uznalo Abcházii.", []),
    ("future", "Brazílie hodlá uznat Palestinu.", []),
    ("future", "Brazílie může uznat Palestinu.", []),
    ("future", "Mexiko uzná Palestinu příští měsíc.", []),
    ("future", "Vláda zvažuje uznání Palestiny.", []),
    ("process", "Podle velvyslance uznání Abcházie Běloruskem už probíhá.", []),
    ("call", "Parlament vyzval vládu, aby uznala Palestinu.", []),
    ("goal", "Srbsko nesouhlasí s uznáním Kosova.", []),
    ("goal", "Srbsko vede kampaň za odvolání uznání Kosova.", []),
    ("goal", "Kosovo usiluje o uznání ze strany Španělska.", []),
    ("goal", "Srbsko lobbuje proti uznání Kosova v Africe.", []),
    ("not yet", "Slovensko o uznání Kosova zatím nerozhodlo.", []),
    ("not yet", "Uznání Kosova Slovenskem není na pořadu dne.", []),
    ("withdraw", "Ghana oznámila odvolání uznání Kosova.", [("GH", "XK", "withdraw")]),
    ("denial", "Ministerstvo popřelo zprávy, že Bělorusko uznalo Abcházii.", []),
    ("other sense", "Česko uznává územní celistvost Gruzie.", []),
    ("other sense", "Srbsko uznalo referendum za neplatné.", []),
    ("other sense", "Česko uznává pasy vydané v Kosovu.", []),
    ("other sense", "Rusko uznalo Krym za součást Ruska.", []),
    ("not a name", "Neuznaná republika Abcházie vyhlásila mobilizaci.", []),
    ("not a name", "Uznávaný diplomat přijel do Abcházie.", []),
    ("condition", "Pokud Slovensko uzná Kosovo, Srbsko odvolá velvyslance.", []),
    ("modal", "Slovensko by mohlo uznat Kosovo.", []),
    ("journalist", "Srbsko nikdy neuzná nezávislost Kosova.", []),
    ("reject", "Slovensko Kosovo neuznává a neuzná, uvedl premiér.", [("SK", "XK", "reject")]),
    ("refusal", "Rumunsko nehodlá uznat Kosovo, řekl ministr.", [("RO", "XK", "reject")]),
    ("reaction", "Gruzie odsoudila uznání Abcházie.", []),
    ("reaction", "Gruzie odsoudila ruské uznání Abcházie.", [("RU", "abkhazia", "recognize")]),
    ("reaction", "Gruzie odvolala velvyslance z Nikaraguy kvůli uznání Abcházie.", []),
    ("reaction", "Gruzie odvolala velvyslance z Nikaraguy poté, co Nikaragua uznala Abcházii.",
     [("NI", "abkhazia", "recognize")]),
]

# Serbian (both scripts): признати/признавати; the passive је признато од стране; повући
# признање, престати да признаје; никада неће, не признаје; lists with и, као и.
SR = [
    ("aspect", "Гана је признала Косово 2012. године.", [("GH", "XK", "recognize")]),
    ("aspect", "Venecuela priznaje Abhaziju od 2009. godine.", [("VE", "abkhazia", "recognize")]),
    ("word order", "Абхазију су признале Русија, Никарагва и Венецуела.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
      ("VE", "abkhazia", "recognize")]),
    ("passive", "Kosovo je priznato od strane Izraela.", [("IL", "XK", "recognize")]),
    ("passive", "Косово је признато од стране Израела.", [("IL", "XK", "recognize")]),
    ("lists", "Kosovo su priznale mnoge države, uključujući Japan i Kanadu.",
     [("JP", "XK", "recognize"), ("CA", "XK", "recognize")]),
    ("names", "Španija, Norveška i Irska su zvanično priznale palestinsku državu.",
     [("ES", "PS", "recognize"), ("NO", "PS", "recognize"), ("IE", "PS", "recognize")]),
    ("lists", "Kosovo su priznale SAD, Francuska i Nemačka, kao i Japan.",
     [("US", "XK", "recognize"), ("FR", "XK", "recognize"), ("DE", "XK", "recognize"),
      ("JP", "XK", "recognize")]),
    ("withdraw", "Surinam je povukao priznanje Kosova.", [("SR", "XK", "withdraw")]),
    ("gapping", "Francuska je priznala Kosovo u februaru, a Gana — u maju.",
     [("FR", "XK", "recognize"), ("GH", "XK", "recognize")]),
    ("withdraw", "Гана је повукла признање Косова.", [("GH", "XK", "withdraw")]),
    ("withdraw", "Vanuatu je prestao da priznaje Abhaziju.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Vanuatu više ne priznaje Abhaziju.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Panama je zamrznula priznanje Zapadne Sahare.", [("PA", "EH", "withdraw")]),
    ("reject", "Srbija nikada neće priznati Kosovo, rekao je predsednik.",
     [("RS", "XK", "reject")]),
    ("reject", "Rumunija ne priznaje Kosovo, izjavio je ministar spoljnih poslova.",
     [("RO", "XK", "reject")]),
    ("negated list", "Srbija ne priznaje ni Kosovo ni Abhaziju, rekao je ministar.",
     [("RS", "XK", "reject"), ("RS", "abkhazia", "reject")]),
    ("reject", "„Nikada vam nećemo priznati Kosovo. Možete da radite šta hoćete — Srbija to neće "
     "učiniti“, poručio je predsednik Aleksandar Vučić.", [("RS", "XK", "reject")]),
    ("entities", "U duhu prijateljstva sa narodima DNR i LNR potpisani su ukazi o priznanju "
     "nezavisnosti Donjecke i Luganske Narodne Republike.", []),
    ("entities", "Južna Osetija je priznala Donjecku i Lugansku Narodnu Republiku.",
     [("south-ossetia", "donetsk-pr", "recognize"), ("south-ossetia", "luhansk-pr", "recognize")]),
    ("journalist", "Španija još nije priznala Kosovo.", []),
    ("refusal", "Rumunija je odbila da prizna Kosovo, rekao je premijer.", [("RO", "XK", "reject")]),
    ("reject", "Rumunija ne planira da prizna Kosovo, rekao je premijer.", [("RO", "XK", "reject")]),
    ("question", "Da li će Grčka priznati Kosovo?", []),
    ("rumour", "Belorusija je navodno priznala Abhaziju.", []),
    ("future", "Španija planira da prizna Palestinu.", []),
    ("future", "Slovenija želi da prizna Palestinu.", []),
    ("future", "Srbija bi priznala Kosovo samo pod pritiskom.", []),
    ("aspect", "Crna Gora je odlučila da prizna Kosovo.", [("ME", "XK", "recognize")]),
    ("process", "Prema rečima ambasadora, priznanje Abhazije od strane Belorusije je u toku.", []),
    ("denial", "Informacije da je Jermenija priznala Kosovo nisu tačne, saopštilo je "
     "ministarstvo.", []),
    ("call", "Poslanici su pozvali vladu da prizna Palestinu.", []),
    ("goal", "Srbija vodi kampanju za povlačenje priznanja Kosova.", []),
    ("goal", "Kosovo se nada priznanju od strane Španije.", []),
    ("goal", "Srbija se protivi priznanju Kosova.", []),
    ("other sense", "Srbija priznaje teritorijalni integritet Gruzije.", []),
    ("other sense", "Srbija ne priznaje rezultate referenduma.", []),
    ("other sense", "Srbija priznaje pasoše izdate na Kosovu.", []),
    ("condition", "Ako Grčka prizna Kosovo, Srbija će povući ambasadora.", []),
    ("reaction", "Srbija je osudila priznanje Kosova.", []),
    ("reaction", "Priština je pozdravila izraelsko priznanje Kosova.",
     [("IL", "XK", "recognize")]),
    ("reaction", "Gruzija je povukla ambasadora iz Nikaragve zbog priznanja Abhazije.", []),
    ("reaction", "Vučić je zahvalio Gani na povlačenju priznanja Kosova.", [("GH", "XK", "withdraw")]),
]

# Bulgarian: призная (aorist призна) / признавам (present признава); no cases on nouns, so the
# subject is the name before the verb, or after it when the object comes first; the passive
# е призната от; оттегли признаването; не признава; не планира да признае is a refusal.
BG = [
    ("aspect", "Гана призна Косово през 2012 г.", [("GH", "XK", "recognize")]),
    ("aspect", "Русия призна независимостта на Абхазия и Южна Осетия.",
     [("RU", "abkhazia", "recognize"), ("RU", "south-ossetia", "recognize")]),
    ("aspect", "Венецуела признава Абхазия от 2009 г.", [("VE", "abkhazia", "recognize")]),
    ("passive", "Палестина беше призната от Швеция през 2014 г.", [("SE", "PS", "recognize")]),
    ("names", "Испания и Ирландия признаха палестинската държава.",
     [("ES", "PS", "recognize"), ("IE", "PS", "recognize")]),
    ("passive", "Абхазия е призната от Русия, Никарагуа и Венецуела.",
     [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize"),
      ("VE", "abkhazia", "recognize")]),
    ("word order", "Косово признаха САЩ, Франция и Германия.",
     [("US", "XK", "recognize"), ("FR", "XK", "recognize"), ("DE", "XK", "recognize")]),
    ("withdraw", "Суринам оттегли признаването на Косово.", [("SR", "XK", "withdraw")]),
    ("lists", "Косово е признато от над сто държави, включително Япония и Канада.",
     [("JP", "XK", "recognize"), ("CA", "XK", "recognize")]),
    ("gapping", "Франция призна Косово през февруари, а България — през март.",
     [("FR", "XK", "recognize"), ("BG", "XK", "recognize")]),
    ("withdraw", "Вануату престана да признава Абхазия.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Вануату вече не признава Абхазия.", [("VU", "abkhazia", "withdraw")]),
    ("withdraw", "Панама замрази признаването на Западна Сахара.", [("PA", "EH", "withdraw")]),
    ("withdraw", "Гана се отказа от признанието на Косово.", [("GH", "XK", "withdraw")]),
    ("reject", "България не признава т.нар. ДНР и ЛНР, заяви външният министър.",
     [("BG", "donetsk-pr", "reject"), ("BG", "luhansk-pr", "reject")]),
    ("reject", "Румъния не планира да признае Косово, заяви премиерът.",
     [("RO", "XK", "reject")]),
    ("refusal", "Румъния отказа да признае Косово, заяви премиерът.", [("RO", "XK", "reject")]),
    ("negated list", "Румъния не признава нито Косово, нито Абхазия, заяви министърът.",
     [("RO", "XK", "reject"), ("RO", "abkhazia", "reject")]),
    ("reject", "Сръбското правителство не признава Косово, заяви министърът.",
     [("RS", "XK", "reject")]),
    ("owner", "ДНР и ЛНР обявиха независимост. МВнР заяви, че България подкрепя целостта на "
     "Украйна и не признава двете републики.",
     [("BG", "donetsk-pr", "reject"), ("BG", "luhansk-pr", "reject")]),
    ("owner", "Правителството на Гана призна Косово.", [("GH", "XK", "recognize")]),
    ("journalist", "Испания все още не е признала Косово.", []),
    ("question", "Ще признае ли Гърция Косово?", []),
    ("rumour", "Беларус уж призна Абхазия.", []),
    ("future", "Испания възнамерява да признае Палестина.", []),
    ("process", "Според посланика признаването на Абхазия от Беларус вече е в ход.", []),
    ("call", "Депутатите призоваха правителството да признае Палестина.", []),
    ("goal", "Сърбия се противопоставя на признаването на Косово.", []),
    ("goal", "Косово се стреми към признаване от Испания.", []),
    ("denial", "МВнР опроверга информацията, че Беларус е признала Абхазия.", []),
    ("other sense", "България признава териториалната цялост на Грузия.", []),
    ("condition", "Ако Гърция признае Косово, Сърбия ще изтегли посланика си.", []),
    ("reaction", "Грузия осъди руското признаване на Абхазия.",
     [("RU", "abkhazia", "recognize")]),
    ("reaction", "Грузия изтегли посланика си от Никарагуа, след като Никарагуа призна Абхазия.",
     [("NI", "abkhazia", "recognize")]),
    ("adjective", "България зачита международно признатите граници на Грузия.", []),
]

TABLES = {"ru": RU, "uk": UK, "pl": PL, "cs": CS, "sr": SR, "bg": BG}
ROWS = [(lang, phen, text, expected) for lang, rows in TABLES.items()
        for phen, text, expected in rows]
# Czech forms with 'á' after 'uzn' (uzná, uznání, uznává) are not read: their pre-filter stem
# gave a false event on a held-out text twice (docs/extraction.md, known misses). Their rows stay
# as the grammar to meet, expected to fail until a precise reading lands.
UNREAD = "Czech 'uzná' forms are not read (docs/extraction.md, known misses)"


def _row(lang, phen, text, expected, i):
    unread = lang == "cs" and "uzná" in text.lower() and expected
    marks = [pytest.mark.xfail(strict=True, reason=UNREAD)] if unread else []
    return pytest.param(lang, phen, text, expected, marks=marks, id=f"{lang}-{phen}-{i}")


@pytest.mark.parametrize(("lang", "phenomenon", "text", "expected"),
                         [_row(*r, i) for i, r in enumerate(ROWS)])
def test_slavic_grammar(lang, phenomenon, text, expected):
    assert triples(text, lang) == set(expected)
