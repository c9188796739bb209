"""Bad input in every supported language (all 24): the same act survives markup, invisible and
right-to-left characters, capitals, junk around it, a second language and a 1 MB text."""

import pytest

from diplowatch.extract import extract

# (language, one plain recognition in it, the event) — written for this test.
BASE = [
    ("en", "Burundi has recognized the Republic of Kosovo.", ("BI", "XK", "recognize")),
    ("ru", "Никарагуа признала независимость Абхазии.", ("NI", "abkhazia", "recognize")),
    ("uk", "Сирія визнала незалежність Абхазії.", ("SY", "abkhazia", "recognize")),
    ("es", "Colombia reconoció al Estado de Palestina.", ("CO", "PS", "recognize")),
    ("fr", "Le Sénégal a reconnu l'État de Palestine.", ("SN", "PS", "recognize")),
    ("de", "Schweden hat Palästina als Staat anerkannt.", ("SE", "PS", "recognize")),
    ("pt", "Portugal reconheceu o Kosovo.", ("PT", "XK", "recognize")),
    ("it", "L'Ecuador ha ritirato il riconoscimento della RASD.", ("EC", "EH", "withdraw")),
    ("pl", "Surinam wycofał uznanie Kosowa.", ("SR", "XK", "withdraw")),
    ("sr", "Гренада је повукла признање Косова.", ("GD", "XK", "withdraw")),
    ("bg", "Никарагуа призна независимостта на Абхазия.", ("NI", "abkhazia", "recognize")),
    ("cs", "Keňa uznala Kosovo.", ("KE", "XK", "recognize")),
    ("el", "Η Κένυα αναγνώρισε το Κοσσυφοπέδιο.", ("KE", "XK", "recognize")),
    ("hu", "Kenya elismerte Koszovó függetlenségét.", ("KE", "XK", "recognize")),
    ("ro", "Kenya a recunoscut independența Kosovo.", ("KE", "XK", "recognize")),
    ("nl", "Kenia heeft Kosovo erkend.", ("KE", "XK", "recognize")),
    ("sq", "Gana tërhoqi njohjen e Kosovës.", ("GH", "XK", "withdraw")),
    ("ka", "ნიკარაგუამ აღიარა აფხაზეთის დამოუკიდებლობა.", ("NI", "abkhazia", "recognize")),
    ("hy", "Ռուսաստանը ճանաչել է Աբխազիայի անկախությունը։", ("RU", "abkhazia", "recognize")),
    ("ar", "اعترفت نيكاراغوا باستقلال أبخازيا.", ("NI", "abkhazia", "recognize")),
    ("he", "גואטמלה הכירה בקוסובו.", ("GT", "XK", "recognize")),
    ("zh", "尼加拉瓜承认阿布哈兹独立。", ("NI", "abkhazia", "recognize")),
    ("ko", "니카라과는 압하지야의 독립을 승인했다.", ("NI", "abkhazia", "recognize")),
    ("tr", "Nikaragua, Abhazya'nın bağımsızlığını tanıdı.", ("NI", "abkhazia", "recognize")),
]
IDS = [b[0] for b in BASE]


def triples(text, lang=None):
    return {(e.actor, e.target, e.act) for e in extract(text, lang)}


def _insert_invisible(text: str) -> str:
    words = text.split(" ")
    return " ".join(w[:2] + "\u200b" + w[2:] + "\u00ad" if len(w) > 4 else w for w in words)


TRANSFORMS = {
    "html": lambda t: f"<div><p>{t.replace(' ', ' <b></b>', 1)}</p><script>x()</script></div>",
    "invisible": _insert_invisible,
    "rtl_marks": lambda t: "\u202b" + t + "\u202c\u200f",
    "caps": str.upper,
    "junk_around": lambda t: bytes(range(32, 256)).decode("latin-1") * 20 + "\n\n" + t + "\n\n"
    + "\ufffd\x00\x01" * 200,
    "second_language": lambda t: "Heavy rain fell across the region on Tuesday. " + t
    + " 当天下午天气晴朗。",
}


@pytest.mark.parametrize(("lang", "text", "event"), BASE, ids=IDS)
@pytest.mark.parametrize("name", list(TRANSFORMS))
def test_the_act_survives(lang, text, event, name):
    assert triples(TRANSFORMS[name](text), lang) == {event}


@pytest.mark.parametrize(("lang", "text", "event"), BASE, ids=IDS)
def test_without_a_language_hint(lang, text, event):
    assert triples(text) == {event}


@pytest.mark.parametrize(("lang", "text", "event"), BASE, ids=IDS)
def test_a_megabyte_of_prose_around_it(lang, text, event):
    filler = ("The committee discussed the budget and the weather. " * 20000)[:1_000_000]
    assert triples(filler + " " + text, lang) == {event}


@pytest.mark.parametrize("lang", IDS)
@pytest.mark.parametrize("text", ["", "\u200b\u200b", "<p></p>", "\x00" * 100, "?" * 5000])
def test_empty_and_degenerate(lang, text):
    assert extract(text, lang) == []
