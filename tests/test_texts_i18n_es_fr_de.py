"""Spanish, French and German (texts/i18n.py): their catalogues' plural forms, what the
catalogue check catches in them, names and dates, and a conversation and an alert in each,
through the real PTB Application and the fake Bot API (fixtures of test_texts_i18n.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from diplowatch import texts
from diplowatch.delivery import Sender, SendPolicy, telegram_send
from diplowatch.names import display
from diplowatch.store import chats
from diplowatch.texts import i18n, wording
from tests import test_texts_i18n as base
from tests.fakes.bot_api import parse_html
from tests.test_texts_i18n import NOW, po_catalogue, post, problems

ask, deps = base.ask, base.deps  # the fixtures: a deps with the seed, a chat through PTB
NEW = ("es", "fr", "de")


@pytest.mark.parametrize(("language", "expression"), [
    ("es", "(n != 1)"), ("fr", "(n > 1)"), ("de", "(n != 1)")])
def test_two_plural_forms_and_french_counts_zero_as_one(language, expression):
    catalogue = po_catalogue(language)
    assert (catalogue.num_plurals, catalogue.plural_expr) == (2, expression)
    forms = [i18n.translations(language).ngettext("(+{n} other)", "(+{n} others)", n)
             for n in (0, 1, 2)]
    singular, plural = {"es": ("(+{n} más)",) * 2, "fr": ("(+{n} autre)", "(+{n} autres)"),
                        "de": ("(+{n} weiterer)", "(+{n} weitere)")}[language]
    assert forms == [singular if language == "fr" else plural, singular, plural]


def test_the_check_catches_a_gap_in_a_new_catalogue():
    catalogue = po_catalogue("fr")
    catalogue.delete(texts.START)
    catalogue.get(texts.SLOW_DOWN).string = ""
    entry = catalogue.get(texts.TOO_LONG)
    entry.string = entry.string.replace("{limit}", "")
    plural = catalogue.get(("{n} UN member", "{n} UN members"))
    plural.string = plural.string[:1]
    found = sorted(problems(catalogue))
    assert [line.split(":")[0] for line in found] == [
        "missing", "placeholders differ", "untranslated", "untranslated"], found
    assert "'One command per second" in found[2] and "'{n} UN member'" in found[3]


@pytest.mark.parametrize(("language", "names"), [
    ("es", ["Corea del Norte", "Rusia", "Estados Unidos", "Abjasia", "a la República Popular de Donetsk"]),
    ("fr", ["Corée du Nord", "Russie", "États-Unis", "Abkhazie", "la République populaire de Donetsk"]),
    ("de", ["Nordkorea", "Russland", "Vereinigte Staaten", "Abchasien", "die Volksrepublik Donezk"]),
])
def test_names_a_newspaper_writes(language, names):
    with i18n.speaking(language):
        shown = [wording.name(code, actor=True) for code in ("KP", "RU", "US")]
        shown += [wording.name("abkhazia"), format(wording.name("donetsk-pr"), "acc")]
    assert shown == names
    assert display("SY", lang=language) == {"es": "Siria", "fr": "Syrie", "de": "Syrien"}[language]


@pytest.mark.parametrize(("language", "day", "month"), [
    ("es", "4 de marzo de 2008", "marzo de 2008"), ("fr", "4 mars 2008", "mars 2008"),
    ("de", "4. März 2008", "März 2008")])
def test_dates_in_the_language(language, day, month):
    with i18n.speaking(language):
        assert (wording.day("2008-03-04"), wording.day("2008-03-04", "month")) == (day, month)
        assert wording.moment(NOW) == {"es": "25 de noviembre de 2026, 06:00 UTC",
                                       "fr": "25 novembre 2026, 06:00 UTC",
                                       "de": "25. November 2026, 06:00 UTC"}[language]


CONVERSATION = {
    "es": ("diplowatch sigue las declaraciones oficiales",
           "Suscrito: reconocimientos de la República Popular de Donetsk. Gestione sus "
           "suscripciones con /subscriptions.",
           ["Kosovo", "Reconocen: 99 Estados miembros de la ONU (cuenta el último acto fechado "
                      "de cada Estado)."],
           "• 26 de agosto de 2008 — reconoce a Abjasia · fuente"),
    "fr": ("diplowatch suit les déclarations officielles",
           "Abonnement enregistré : reconnaissances de la République populaire de Donetsk. Pour "
           "gérer vos abonnements : /subscriptions.",
           ["Kosovo", "Reconnaissance par 99 États membres de l'ONU (le dernier acte daté de "
                      "chaque État fait foi)."],
           "• 26 août 2008 — reconnaissance de l'Abkhazie · source"),
    "de": ("diplowatch verfolgt offizielle Erklärungen",
           "Abonniert: Anerkennungen der Volksrepublik Donezk. Verwalten mit /subscriptions.",
           ["Kosovo", "Anerkannt von 99 UN-Mitgliedstaaten (es zählt der letzte datierte Akt "
                      "jedes Staates)."],
           "• 26. August 2008 — erkennt Abchasien an · Quelle"),
}


@pytest.mark.parametrize("language", NEW)
async def test_a_conversation_in_the_users_language(ask, language):
    start, subscribed, summary, russia = CONVERSATION[language]
    code = {"es": "es-419", "fr": "fr-CA", "de": "de-AT"}[language]  # a regional variant
    assert (await ask("/start", language_code=code)).startswith(start)
    assert await ask("/subscribe dpr", language_code=code) == subscribed
    assert (await ask("/recognized kosovo", language_code=code)).splitlines()[:2] == summary
    assert (await ask("/recognizes russia", language_code=code)).splitlines()[2] == russia


async def test_an_unknown_language_code_falls_back(ask):
    assert (await ask("/start", language_code="de-CH")).startswith("diplowatch verfolgt")
    assert (await ask("/start", language_code="pt")).startswith("diplowatch watches")
    assert (await ask("/start", language_code="pt-BR")).startswith("diplowatch watches")


async def test_language_switches_to_spanish_french_and_german(ask, deps):
    assert await ask("/language es", language_code="en") == (
        "Hecho: este chat recibe ahora sus respuestas en el idioma elegido (Español).")
    assert (await ask("/start", language_code="de")).startswith("diplowatch sigue")
    assert await ask("/language fr", language_code="en") == (
        "C'est fait : ce chat reçoit désormais ses réponses dans la langue choisie (Français).")
    assert await ask("/language de", language_code="en") == (
        "Erledigt: Dieser Chat erhält seine Antworten jetzt auf Deutsch.")
    assert chats.chat_language(deps.db, 2002) == "de"
    assert await ask("/language pt", language_code="en") == (
        "Die Sprache „pt“ gibt es noch nicht. Wählen Sie eine von en, ru, uk, es, fr, de, "
        "z. B. /language de")
    assert (await ask("/language", language_code="en")).startswith(
        "Dieser Chat erhält seine Antworten auf Deutsch. Zur Auswahl: /language en (English), ")


ALERTS = {
    "es": ["🟢 Togo reconoce a la República Popular de Donetsk — el 4.º Estado miembro de la ONU "
           "en hacerlo, después de Rusia (21 de febrero de 2022), Siria (29 de junio de 2022) y "
           "Corea del Norte (13 de julio de 2022)", "Anunciado por el Gobierno de Togo (mfa-tg)."],
    "fr": ["🟢 Togo : reconnaissance de la République populaire de Donetsk — le 4e État membre de "
           "l'ONU à le faire, après : Russie (21 février 2022), Syrie (29 juin 2022) et Corée du "
           "Nord (13 juillet 2022)", "Annoncé par le gouvernement (Togo, mfa-tg)."],
    "de": ["🟢 Togo erkennt die Volksrepublik Donezk an — der 4. UN-Mitgliedstaat, der dies tut, "
           "nach Russland (21. Februar 2022), Syrien (29. Juni 2022) und Nordkorea (13. Juli "
           "2022)", "Bekanntgegeben von der Regierung von Togo (mfa-tg)."],
}
WITHDRAWN = {
    "es": "🔴 Togo retira su reconocimiento de la República Popular de Donetsk — 3 Estados "
          "miembros de la ONU mantienen el reconocimiento",
    "fr": "🔴 Togo : retrait de la reconnaissance de la République populaire de Donetsk — 3 États "
          "membres de l'ONU maintiennent leur reconnaissance",
    "de": "🔴 Togo zieht die Anerkennung der Volksrepublik Donezk zurück — 3 UN-Mitgliedstaaten "
          "halten an der Anerkennung fest",
}


async def test_alerts_in_spanish_french_and_german(ask, deps, bot_api, monkeypatch):
    chat_of = {"es": 601, "fr": 602, "de": 603}
    for language, chat in chat_of.items():
        await ask("/subscribe dpr", language_code=language, chat=chat)
    deps.db.execute("INSERT INTO sources (name, kind, url, interval, official, settings) VALUES"
                    " ('mfa-tg', 'rss', 'https://mfa-tg.example/feed', 300, 1, '{\"state\": \"TG\"}')")
    post(deps.db, monkeypatch, 1, "recognize", source="mfa-tg", at=NOW)
    post(deps.db, monkeypatch, 2, "withdraw", source="mfa-tg", at=NOW + timedelta(hours=1))
    async with bot_api.bot() as bot:
        sender = Sender(deps.db, telegram_send(bot), policy=SendPolicy(rate=1000, private_interval=0))
        await sender.drain_once(now=NOW + timedelta(hours=2))
    for language, chat in chat_of.items():
        [alert] = [parse_html(m.text) for m in bot_api.sent_messages(chat)[1:]]  # merged
        assert alert.splitlines()[:2] == ALERTS[language]
        assert f"\n{WITHDRAWN[language]}\n" in alert
        assert alert.endswith({"es": "25 de noviembre de 2026, 07:00 UTC", "fr": "25 novembre 2026, "
                               "07:00 UTC", "de": "25. November 2026, 07:00 UTC"}[language])
