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
]

@pytest.mark.parametrize(("text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_georgian_grammar(text, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, "ka")} == set(expected)
