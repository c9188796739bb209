"""The languages added for Central and South-East Europe and the Caucasus (bg cs el hu ro
nl sq ka hy): a recognition, a withdrawal or a rejection in each, said the way the grammar
says it, and the questions and calls that must give nothing. Sentences written for this test."""

import pytest

from diplowatch.extract import extract

# (language, sentence, the events it states)
CASES = [
    # Bulgarian: perfective aorist "призна", present "признава" under negation "не".
    ("bg", "Никарагуа призна независимостта на Абхазия.", {("NI", "abkhazia", "recognize")}),
    ("bg", "България не признава Косово, заяви министърът.", {("BG", "XK", "reject")}),
    # Czech: l-participle "uznala" agreeing with a feminine country name.
    ("cs", "Keňa uznala Kosovo.", {("KE", "XK", "recognize")}),
    # Greek: aorist "αναγνώρισε", negated present "δεν αναγνωρίζει", with the article.
    ("el", "Η Κένυα αναγνώρισε το Κοσσυφοπέδιο.", {("KE", "XK", "recognize")}),
    ("el", "Η Ελλάδα δεν αναγνωρίζει το Κοσσυφοπέδιο, δήλωσε ο υπουργός.",
     {("GR", "XK", "reject")}),
    # Hungarian: preverb "el-" split from the verb under negation ("nem ismeri el").
    ("hu", "Kenya elismerte Koszovó függetlenségét.", {("KE", "XK", "recognize")}),
    ("hu", "Románia nem ismeri el Koszovót, mondta a miniszter.", {("RO", "XK", "reject")}),
    # Romanian: compound perfect "a recunoscut", negation "nu recunoaște".
    ("ro", "Kenya a recunoscut independența Kosovo.", {("KE", "XK", "recognize")}),
    ("ro", "România nu recunoaște Kosovo, a declarat ministrul.", {("RO", "XK", "reject")}),
    # Dutch: present "erkent", perfect with the participle at the end ("heeft … erkend").
    ("nl", "Nederland erkent Kosovo.", {("NL", "XK", "recognize")}),
    ("nl", "Kenia heeft Kosovo erkend.", {("KE", "XK", "recognize")}),
    # Albanian: aorist "njohu", withdrawal "tërhoqi njohjen".
    ("sq", "Kenia njohu Kosovën.", {("KE", "XK", "recognize")}),
    ("sq", "Gana tërhoqi njohjen e Kosovës.", {("GH", "XK", "withdraw")}),
    # Albanian: 'mosnjohje' (non-recognition) is negative in itself; 'së' is the genitive
    # article, not 'se' (that); a denial ('mohoi') and the admirative mood ('paskan': so it is
    # claimed) assert nothing.
    ("sq", "Ministri tha se Spanja i përmbahet qëndrimit të mosnjohjes së Kosovës.",
     {("ES", "XK", "reject")}),
    ("sq", "Kenia njohu pavarësinë e Republikës së Kosovës.", {("KE", "XK", "recognize")}),
    ("sq", "Ministria mohoi se Gana e ka tërhequr njohjen e Kosovës.", set()),
    ("sq", "Sipas Beogradit, disa shtete e paskan tërhequr njohjen e Kosovës.", set()),
    # Georgian: a name in the genitive owns a noun or stands before a postposition ('რუსეთის
    # მიერ', by Russia): the ergative name is the actor; a genitive before a government noun
    # in the ergative stands for its state.
    ("ka", "რუსეთის მიერ ოკუპირებულმა აფხაზეთმა დონეცკის დამოუკიდებლობა აღიარა.",
     {("abkhazia", "donetsk-pr", "recognize")}),
    ("ka", "რუსეთის პრეზიდენტმა აფხაზეთის დამოუკიდებლობა აღიარა.",
     {("RU", "abkhazia", "recognize")}),
    # Georgian: ergative actor "-მ", aorist "აღიარა".
    ("ka", "ნიკარაგუამ აღიარა აფხაზეთის დამოუკიდებლობა.", {("NI", "abkhazia", "recognize")}),
    # Armenian: perfect "ճանաչել է", Armenian full stop.
    ("hy", "Ռուսաստանը ճանաչել է Աբխազիայի անկախությունը։", {("RU", "abkhazia", "recognize")}),
    # Questions state nothing.
    ("nl", "Heeft Nederland Kosovo erkend?", set()),
    # A call on someone else to recognize is not a recognition (complementizer "aby").
    ("cs", "Priština vyzvala Srbsko, aby uznalo Kosovo.", set()),
]


@pytest.mark.parametrize(("lang", "text", "events"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_sentence_states_what_it_says(lang, text, events):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == events


@pytest.mark.parametrize(("lang", "text", "events"), [c for c in CASES if c[2]],
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES) if c[2]])
def test_without_a_language_hint(lang, text, events):
    assert {(e.actor, e.target, e.act) for e in extract(text)} == events
