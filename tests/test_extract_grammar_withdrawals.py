"""Withdrawals of recognition in every wording, by language family (docs/extraction.md,
"Grammar rules", withdrawals).

The grammar, as the rules read it:

- a *verb of undoing* with the recognition noun as its object: revoke, rescind, annul,
  freeze, suspend, retract, take back; `zurücknehmen`, `widerrufen`,
  `aufheben`, `aussetzen`; `annuler`, `retirer`, `revenir sur`; `revocar`, `dar marcha atrás`,
  `dejar sin efecto`; `отозвать`, `відкликати`, `cofnąć`, `odwołać`, `opozvati`…;
- the same verb *after* the noun: the passive (`the recognition … has been withdrawn`) and the
  verb-final participle of German and Dutch (`hat die Anerkennung … zurückgenommen`,
  `heeft de erkenning … ingetrokken`), or a separable particle (`zog … zurück`, `trok … in`);
- a verb of undoing whose object is the *decision* to recognize (`reversed its decision to
  recognize`);
- cessation (`no longer`, `ceased to`: see test_extract_grammar.py, CESSATION).

A verb of undoing in the infinitive asserts only under a governor, as an infinitive trigger
does (a decision, an ordinal, a refusal): "were preparing to withdraw their recognition"
states no withdrawal. A verb of undoing that has its own object and its own clause is no withdrawal of the act
after it ("Georgia withdrew its ambassador after Nicaragua recognized Abkhazia"), and a call,
a hope or a denial of a withdrawal asserts none.

Every sentence was written for this test; none comes from the labelled eval files.
"""

import pytest

from diplowatch.extract import extract

W = "withdraw"

WITHDRAWALS = {
    "germanic": [
        ("Sierra Leone revoked its recognition of Kosovo.", "en", [("SL", "XK", W)]),
        ("Togo rescinded its recognition of Kosovo in 2019.", "en", [("TG", "XK", W)]),
        ("Madagascar annulled its recognition of the Sahrawi Arab Democratic Republic.", "en",
         [("MG", "EH", W)]),
        ("Burundi froze its recognition of the SADR.", "en", [("BI", "EH", W)]),
        ("Haiti suspended its recognition of the SADR last week.", "en", [("HT", "EH", W)]),
        ("Burundi has retracted its recognition of Kosovo.", "en", [("BI", "XK", W)]),
        ("Ghana reversed its decision to recognize Kosovo.", "en", [("GH", "XK", W)]),
        ("Ghana has reversed its 2012 decision to recognise Kosovo.", "en", [("GH", "XK", W)]),
        ("Dominica took back its recognition of Kosovo.", "en", [("DM", "XK", W)]),
        ("Grenada revoked the recognition it had granted Kosovo in 2013.", "en",
         [("GD", "XK", W)]),
        ("Suriname withdrew recognition from Kosovo.", "en", [("SR", "XK", W)]),
        ("Lesotho withdrew its 2014 recognition of Kosovo.", "en", [("LS", "XK", W)]),
        ("Madagascar decided to suspend its recognition of the SADR.", "en", [("MG", "EH", W)]),
        ("Togo derecognized Kosovo in 2019.", "en", [("TG", "XK", W)]),
        ("Papua New Guinea's recognition of Kosovo was revoked in 2020.", "en",
         [("PG", "XK", W)]),
        ("The recognition of Kosovo by Lesotho has been withdrawn.", "en", [("LS", "XK", W)]),
        ("The recognition of Abkhazia by Tuvalu was annulled by a decree.", "en",
         [("TV", "abkhazia", W)]),
        ("Togo zieht seine Anerkennung des Kosovo zurück.", "de", [("TG", "XK", W)]),
        ("Ghana zog die Anerkennung des Kosovo im Jahr 2019 zurück.", "de", [("GH", "XK", W)]),
        ("Burundi hat seine Anerkennung des Kosovo widerrufen.", "de", [("BI", "XK", W)]),
        ("Suriname hat die Anerkennung des Kosovo zurückgenommen.", "de", [("SR", "XK", W)]),
        ("Palau hat die Anerkennung des Kosovo aufgehoben.", "de", [("PW", "XK", W)]),
        ("Madagaskar hat die Anerkennung der Westsahara ausgesetzt.", "de", [("MG", "EH", W)]),
        ("Die Regierung von Palau widerrief die Anerkennung des Kosovo.", "de",
         [("PW", "XK", W)]),
        ("Ghana hat beschlossen, die Anerkennung des Kosovo zurückzuziehen.", "de",
         [("GH", "XK", W)]),
        ("Ghana trok de erkenning van Kosovo in.", "nl", [("GH", "XK", W)]),
        ("Suriname heeft de erkenning van Kosovo ingetrokken.", "nl", [("SR", "XK", W)]),
    ],
    "romance": [
        ("Le Burundi a annulé sa reconnaissance du Kosovo.", "fr", [("BI", "XK", W)]),
        ("Le Togo a retiré sa reconnaissance du Kosovo.", "fr", [("TG", "XK", W)]),
        ("Madagascar a suspendu sa reconnaissance de la RASD.", "fr", [("MG", "EH", W)]),
        ("Le Suriname a révoqué sa reconnaissance du Kosovo.", "fr", [("SR", "XK", W)]),
        ("La Sierra Leone est revenue sur sa reconnaissance du Kosovo.", "fr",
         [("SL", "XK", W)]),
        ("Le Ghana a gelé sa reconnaissance de la RASD.", "fr", [("GH", "EH", W)]),
        ("Le Togo a décidé de retirer sa reconnaissance du Kosovo.", "fr", [("TG", "XK", W)]),
        ("Ecuador retiró su reconocimiento a la RASD.", "es", [("EC", "EH", W)]),
        ("Paraguay anuló su reconocimiento de la RASD.", "es", [("PY", "EH", W)]),
        ("El Salvador congeló su reconocimiento de la RASD.", "es", [("SV", "EH", W)]),
        ("Perú dio marcha atrás en su reconocimiento de la RASD.", "es", [("PE", "EH", W)]),
        ("Colombia dejó sin efecto el reconocimiento de la RASD.", "es", [("CO", "EH", W)]),
        ("Il Burundi ha revocato il riconoscimento del Kosovo.", "it", [("BI", "XK", W)]),
        ("Il Suriname ha annullato il riconoscimento del Kosovo.", "it", [("SR", "XK", W)]),
        ("A Guiné-Bissau revogou o reconhecimento do Kosovo.", "pt", [("GW", "XK", W)]),
        ("São Tomé e Príncipe suspendeu o reconhecimento do Kosovo.", "pt", [("ST", "XK", W)]),
        ("Ghana și-a retras recunoașterea Kosovo.", "ro", [("GH", "XK", W)]),
    ],
    "slavic": [
        ("Суринам отказался от признания Косово.", "ru", [("SR", "XK", W)]),
        ("Бурунди аннулировала признание Косово.", "ru", [("BI", "XK", W)]),
        ("Мадагаскар заморозил признание САДР.", "ru", [("MG", "EH", W)]),
        ("Вануату отозвало своё признание Абхазии.", "ru", [("VU", "abkhazia", W)]),
        ("Гана відкликала визнання Косова.", "uk", [("GH", "XK", W)]),
        ("Суринам скасував визнання Косова.", "uk", [("SR", "XK", W)]),
        ("Палау відмовилася від визнання Косова.", "uk", [("PW", "XK", W)]),
        ("Ghana cofnęła uznanie Kosowa.", "pl", [("GH", "XK", W)]),
        ("Burundi unieważniło uznanie Kosowa.", "pl", [("BI", "XK", W)]),
        ("Palau odwołało uznanie Kosowa.", "pl", [("PW", "XK", W)]),
        ("Togo je povukao priznanje Kosova.", "sr", [("TG", "XK", W)]),
        ("Surinam je poništio priznanje Kosova.", "sr", [("SR", "XK", W)]),
        ("Гренада је опозвала признање Косова.", "sr", [("GD", "XK", W)]),
        ("Palau je zamrznuo priznanje Kosova.", "sr", [("PW", "XK", W)]),
        ("Гана оттегли признаването на Косово.", "bg", [("GH", "XK", W)]),
    ],
    "other": [
        ("Η Γκάνα ανακάλεσε την αναγνώριση του Κοσόβου.", "el", [("GH", "XK", W)]),
    ],
}

# A verb of undoing with its own object, or in another clause, withdraws nothing; calls,
# hopes, and denials of a withdrawal assert none.
NOT_WITHDRAWALS = {
    "germanic": [
        ("Georgia withdrew its ambassador after Nicaragua recognized Abkhazia.", "en",
         [("NI", "abkhazia", "recognize")]),
        ("Tbilisi suspended the talks when Nauru recognized Abkhazia.", "en",
         [("NR", "abkhazia", "recognize")]),
        ("The recognition of Kosovo by Kenya was welcomed in Pristina.", "en",
         [("KE", "XK", "recognize")]),
        ("Serbia urged Ghana to withdraw its recognition of Kosovo.", "en", []),
        ("Serbia hopes more states will revoke their recognition of Kosovo.", "en", []),
        ("Rumours that Ghana revoked its recognition of Kosovo are false.", "en", []),
        ("Serbien forderte Ghana auf, die Anerkennung des Kosovo zurückzuziehen.", "de", []),
        ("Das Parlament hob das Gesetz auf, nachdem Ghana das Kosovo anerkannt hatte.", "de",
         [("GH", "XK", "recognize")]),
        ("Belgrade says two states, one of them a neighbour of Kenya, were preparing to "
         "withdraw their recognition of Kosovo.", "en", []),
        ("Belgrad erwartet, dass zwei Staaten, einer davon in Afrika, bald die Anerkennung "
         "des Kosovo zurückzuziehen gedenken.", "de", []),
    ],
    "romance": [
        ("La Serbie a demandé au Ghana de retirer sa reconnaissance du Kosovo.", "fr", []),
        ("Marruecos retiró a su embajador cuando Panamá reconoció a la RASD.", "es",
         [("PA", "EH", "recognize")]),
    ],
    "slavic": [
        ("Сербия призвала Гану отозвать признание Косово.", "ru", []),
        ("Президент сказал, что два государства, одно из которых граничит с Кенией, "
         "собираются отказаться от признания Косово.", "ru", []),
        ("Predsednik očekuje da će nekoliko država, među kojima je i jedna iz Azije, "
         "povući priznanje Kosova.", "sr", []),
        ("Vlada Srbije pozvala je Ganu da povuče priznanje Kosova.", "sr", []),
        ("Gruzja odwołała ambasadora, gdy Nauru uznało Abchazję.", "pl",
         [("NR", "abkhazia", "recognize")]),
    ],
}

TABLES = {"withdrawals": WITHDRAWALS, "not_withdrawals": NOT_WITHDRAWALS}


def _cases():
    for name, families in TABLES.items():
        for family, rows in families.items():
            for i, (text, lang, expected) in enumerate(rows):
                yield pytest.param(text, lang, expected, id=f"{name}-{family}-{lang}-{i}")


@pytest.mark.parametrize(("text", "lang", "expected"), list(_cases()))
def test_withdrawal_grammar(text, lang, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == set(expected)
