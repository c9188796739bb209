"""Georgian: the grammar of აღიარება ('recognize', 'recognition') as the rules read it, then a
sentence for each row. Every sentence was written for this test (none comes from the labelled
eval files).

| form | example | subject case | the rules |
| --- | --- | --- | --- |
| present (series I) | აღიარებს, აღიარებენ, ვაღიარებთ | nominative (რუსეთი) | an act (a standing recognition) |
| aorist (series II) | აღიარა, აღიარეს, ვაღიარეთ | ergative -მა/-მ (რუსეთმა) | an act |
| perfect, evidential (series III) | უღიარებია, უღიარებიათ, გვიღიარებია | dative -ს (ვენესუელას) | an act (prefix უ-, its own stem in the pre-filter) |
| optative | აღიაროს, აღიარონ | after უნდა ('must'), a call, რომ of purpose | asserts nothing (``future``) |
| masdar (verbal noun) | აღიარება, -ის, -ას, -ით, -ამ | its owner in the genitive | a noun trigger |
| passive participle | აღიარებული, აღიარებულია, იქნა აღიარებული | agent: genitive + მიერ before it | the agent acts (agents._agent_before) |
| negation | არ, ვერ ('cannot'), არასოდეს ('never') before the verb | | a reject when the state speaks |
| 'no longer' | აღარ აღიარებს | | a withdrawal (cessation) |
| 'not yet' | ჯერ არ უღიარებია | | no event |
| modality | აპირებს ('intends'), გეგმავს ('plans'), შეიძლება ('may'), მზადაა ('ready') | | no event |
| withdrawal | აღიარების გაწვევა / გაიწვია, გააუქმა, შეაჩერა | | withdraw |
| denial | ცრუა ('is false'), ჭორი ('rumour'), თითქოს ('supposedly') | | no event |

Names carry their case ending, so two names side by side are two roles, not a list
('ნიკარაგუამ აფხაზეთი': the ergative subject and its object); a genitive name before a noun is
its owner, not the subject.

| more | example | the rules |
| --- | --- | --- |
| free word order | სამხრეთ ოსეთი აღიარეს ვენესუელამ და ნაურუმ (object first, ergative subjects after the verb) | a name in the ergative in the clause is the subject wherever it stands (ergative.py); the nominative beside an aorist is its object |
| the aorist of ცნობა | ცნო, ცნეს | like აღიარა |
| postpositions | რუსეთის შემდეგ ('after Russia'), რუსეთის გარდა ('apart from Russia') after the genitive | background actors of the same act |
| contrast | ', ცხინვალმა კი … ცნო' ('and Tskhinvali … recognized') | კი after the first words opens a new clause at the comma |
| 'so-called' | ე.წ. before a name | an abbreviation: it ends no sentence and does not break a list |
| opposition | აღიარების წინააღმდეგია ('is against recognition'), after the noun | a negation: a reject only when the state speaks |
| a statement | ამის შესახებ განცხადება … გააკეთა ('made a statement about this') | a verb of saying: the negation is the state's refusal |
| another sense | კანონიერად ცნო ('deemed lawful') | no act |
"""

import pytest

from diplowatch.extract import extract

CASES = [
 ("რუსეთმა აფხაზეთის დამოუკიდებლობა აღიარა.", [("RU", "abkhazia", "recognize")]),
 ("ნიკარაგუამ აფხაზეთი და სამხრეთ ოსეთი აღიარა.", [("NI", "abkhazia", "recognize"),("NI", "south-ossetia", "recognize")]),
 ("სირია აღიარებს აფხაზეთს.", [("SY", "abkhazia", "recognize")]),
 ("ვენესუელას უღიარებია აფხაზეთი.", [("VE", "abkhazia", "recognize")]),
 ("ვენესუელას და ნაურუს უღიარებიათ აფხაზეთი.", [("VE", "abkhazia", "recognize"),("NR", "abkhazia", "recognize")]),
 ("საქართველოს მთავრობამ განაცხადა, რომ არ აღიარებს კოსოვოს.", [("GE", "XK", "reject")]),
 ("ვანუატუ აღარ აღიარებს აფხაზეთს.", [("VU", "abkhazia", "withdraw")]),
 ("ტუვალუმ აფხაზეთის აღიარება გაიწვია.", [("TV", "abkhazia", "withdraw")]),
 ("ბელარუსი აპირებს აფხაზეთის აღიარებას.", []),
 ("ბელარუსმა უნდა აღიაროს აფხაზეთი.", []),
 ("აფხაზეთი მოუწოდებს ბელარუსს, აღიაროს მისი დამოუკიდებლობა.", []),
 ("აღიარებს თუ არა ბელარუსი აფხაზეთს?", []),
 ("აფხაზეთი რუსეთის მიერ 2008 წელს იქნა აღიარებული.", [("RU", "abkhazia", "recognize")]),
 ("რუსეთის მიერ აფხაზეთის აღიარება საერთაშორისო სამართლის დარღვევაა.", [("RU", "abkhazia", "recognize")]),
 ("ბელარუსს ჯერ არ უღიარებია აფხაზეთი.", []),
 ("ცნობები, თითქოს ბელარუსმა აფხაზეთი აღიარა, ცრუა.", []),
 ("საქართველო არასოდეს აღიარებს აფხაზეთის დამოუკიდებლობას, განაცხადა პრემიერ-მინისტრმა.", [("GE", "abkhazia", "reject")]),
 # a plain negation with no one speaking is a description, not a refusal
 ("ბელარუსი აფხაზეთს არ აღიარებს.", []),
 # the ergative subject after the verb; the nominative before an aorist is the object
 ("სამხრეთ ოსეთი აღიარეს ვენესუელამ და ნაურუმ.", [("VE", "south-ossetia", "recognize"), ("NR", "south-ossetia", "recognize")]),
 ("აფხაზეთი აღიარა რუსეთმა.", [("RU", "abkhazia", "recognize")]),
 ("აფხაზეთი და სამხრეთ ოსეთი ნიკარაგუამ ცნო.", [("NI", "abkhazia", "recognize"), ("NI", "south-ossetia", "recognize")]),
 ("დონეცკის დამოუკიდებლობა აფხაზეთმა აღიარა.", [("abkhazia", "donetsk-pr", "recognize")]),
 # after a comma an ergative name is the next verb's subject, not this one's
 ("აფხაზეთის ლიდერმა დონეცკის დამოუკიდებლობა აღიარა, ცხინვალმა კი ლუგანსკი ცნო.", [("abkhazia", "donetsk-pr", "recognize"), ("south-ossetia", "luhansk-pr", "recognize")]),
 ("რუსეთის პრეზიდენტმა აფხაზეთის დამოუკიდებლობა აღიარა, ნიკარაგუამ კი სამხრეთ ოსეთი ცნო.", [("RU", "abkhazia", "recognize"), ("NI", "south-ossetia", "recognize")]),
 # present tense: nominative subject, dative object
 ("ვენესუელა და ნიკარაგუა აფხაზეთს აღიარებენ.", [("VE", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
 # postpositions 'after' and 'apart from' give background actors
 ("რუსეთის შემდეგ აფხაზეთი ნიკარაგუამ აღიარა.", [("RU", "abkhazia", "recognize"), ("NI", "abkhazia", "recognize")]),
 ("რუსეთის გარდა აფხაზეთს მხოლოდ სირია აღიარებს.", [("RU", "abkhazia", "recognize"), ("SY", "abkhazia", "recognize")]),
 # 'so-called' (ე.წ.) inside a list of genitives
 ("სირიამ აფხაზეთისა და ე.წ. სამხრეთ ოსეთის დამოუკიდებლობა აღიარა.", [("SY", "abkhazia", "recognize"), ("SY", "south-ossetia", "recognize")]),
 # a statement made by the ministry: the negation is a refusal
 ("თურქეთი აფხაზეთს არ ცნობს, – ამის შესახებ განცხადება საგარეო საქმეთა სამინისტრომ გააკეთა.", [("TR", "abkhazia", "reject")]),
 # being against recognition, as described, is no act; 'deemed lawful' is another sense
 ("სერბეთი კოსოვოს აღიარების წინააღმდეგია.", []),
 ("სასამართლომ კოსოვოს დამოუკიდებლობის გამოცხადება კანონიერად ცნო.", []),
 ("ნაურუმ აფხაზეთის აღიარება უკან გაიწვია.", [("NR", "abkhazia", "withdraw")]),
 # ვერ ('cannot') negates like არ
 ("საქართველო ვერ ცნობს კოსოვოს დამოუკიდებლობას, განაცხადა მინისტრმა.", [("GE", "XK", "reject")]),
]

@pytest.mark.parametrize(("text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_georgian_grammar(text, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, "ka")} == set(expected)
