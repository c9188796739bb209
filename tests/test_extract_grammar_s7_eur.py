"""German, Dutch and Greek, round of 7 Dec 2026: constructions the earlier tables did not reach.
Every sentence was written for this test; none comes from a labelled file.

1. *The predicative 'als'* (German, Dutch): 'X hat A und B als unabhängige Staaten anerkannt'.
   In verb-final order the predicate noun of the object stands right before the participle; a
   plural generic noun after 'als' ('als Staaten', 'als onafhankelijke staten') is that
   predicate, not a generic subject, and must not end the subject search. A generic noun with
   no 'als' before it ('viele Staaten haben … anerkannt') still ends it.

2. *Bare 'followed'* (German 'folgte/folgten', Dutch 'volgde/volgden', Greek
   'ακολούθησε/ακολούθησαν'): a state as the subject of an intransitive 'followed', before the
   verb or right after it (V2 inversion: 'Eine Woche später folgte Slowenien'), with nothing
   after it but a time adverbial ('eine Woche später', 'een maand later', 'im Juni', 'λίγο
   αργότερα') and the end of the clause, repeats the last act of the two sentences before, like
   'did so'. It does not fire with an object ('folgte der Debatte', 'volgde de onderhandelingen'),
   a negation ('folgte nicht'), a modal ('wird folgen', 'zal volgen'), or with no act before.

3. *The step, and who took it before* (all languages; the words German 'diesen Schritt', Dutch
   'die/deze/dezelfde stap', Greek 'αυτό το βήμα', 'το ίδιο βήμα'): a pro-verb repeats the last
   act for its subject, and an after-group in its clause ('nach Russland und Nauru', 'na
   Moskou en Managua', 'μετά τη Ρωσία') is a background actor of that act, as it is beside a
   recognition verb ('the fifth state to take this step, after Russia and Nauru'). A negated or
   planned step has neither subject nor background, and a step that is the object of a verb of
   reaction ('Israel kritisierte diesen Schritt', 'veroordeelde die stap', 'καταδίκασε αυτό το
   βήμα') is no act of the reacting subject.

   The step with the definite article or 'the same' ('den Schritt', 'de stap', 'hetzelfde', 'το
   ίδιο') is a pro-verb only with a verb of taking or doing in its clause ('vollzogen', 'ging',
   'zette', 'deden', 'gedaan', 'έκανε'): 'prüft den Schritt' is no act. Dutch 'hetzelfde' must end
   its phrase ('op hetzelfde moment' is a time).

   German 'kam … hinzu' ('joined': 'am Montag kamen Frankreich und Belgien hinzu',
   'ist Slowenien hinzugekommen', 'bevor Malta dazukam') is a pro-verb of the same kind: the
   stem with its particle ending the clause, or the one-word participle or subordinate form.
   'Hinzu kam, dass …' (moreover) has the particle first and is none. (Not read: two main
   clauses joined by a comma only, 'erkannte Spanien … an, am Montag kamen sechs Staaten
   hinzu': the comma opens no clause, and the subject search finds Spain.)

4. *Konjunktiv I of reported speech* (German): 'Bukarest erkenne das Kosovo nicht an' — the
   ministry's words reported; 'erkenne … an' is the recognition verb like 'erkennt … an', and a
   negated one after a verb of saying ('erklärte', 'äußerte sich') is a reject. 'erkenne, dass'
   (to perceive) has no entity as object; a condition ('wenn') makes it hypothetical.
6. *Greek masculine names in -ας/-ης* ('ο Καναδάς'): the accusative and the genitive drop the
   final ς ('τον Καναδά', 'του Καναδά'), and the name is found in both, so a list 'τον Καναδά
   και την Αυστραλία' after 'μετά' keeps all its members. The genitive owner of a decision
   ('η απόφαση του Καναδά να αναγνωρίσει') acts; of a proposal it does not.

7. *Albanian doubt and advocacy*: the perfect 'ka mohuar' (has denied) is a denial like
   'mohoi'; 'fushatë' (a campaign) for withdrawals is advocacy, like Russian 'ведёт кампанию';
   'akuzoi … se' (accused … of) reports an act in doubt.

5. *'That is what the minister said'* (German, Dutch): a sentence that opens with the
   demonstrative 'Das/Dies', 'Dat/Dit' and a verb of saying ('Das bekräftigte der
   Außenminister', 'Dat zei minister X') attributes the sentence before it to its speaker. When
   the speaker speaks for a state (a minister, the government, a spokesman) and the sentence
   names no other state, a negated act before it is the state's own refusal: a reject. Another
   state's minister ('der serbische Außenminister'), a speaker who speaks for no state ('een
   analist', 'die Opposition') or no verb of saying ('Dat is al jaren zo') leave it the
   journalist's description.
"""

import pytest

from diplowatch.extract import extract

R, W, J = "recognize", "withdraw", "reject"

PREDICATIVE = [
    ("de", "Nicaragua hat Südossetien und Abchasien als unabhängige Staaten anerkannt.",
     {("NI", "abkhazia", R), ("NI", "south-ossetia", R)}),
    ("de", "Nauru hat die beiden Regionen Abchasien und Südossetien als souveräne Staaten "
     "anerkannt.", {("NR", "abkhazia", R), ("NR", "south-ossetia", R)}),
    ("de", "Venezuela erkannte Abchasien und Südossetien als unabhängige Staaten an.",
     {("VE", "abkhazia", R), ("VE", "south-ossetia", R)}),
    ("nl", "Nicaragua heeft Abchazië en Zuid-Ossetië als onafhankelijke staten erkend.",
     {("NI", "abkhazia", R), ("NI", "south-ossetia", R)}),
    # a generic subject without 'als' still ends the search: no actor
    ("de", "Viele Staaten haben Abchasien nicht anerkannt.", set()),
    ("nl", "Veel landen hebben Abchazië erkend.", set()),
    # the predicate does not make a call an act
    ("de", "Georgien forderte Russland auf, Abchasien nicht als Staat anzuerkennen.", set()),
]

FOLLOWED = [
    ("de", "Spanien erkannte Palästina im Mai an. Slowenien folgte eine Woche später.",
     {("ES", "PS", R), ("SI", "PS", R)}),
    ("de", "Spanien und Irland erkannten Palästina an; im Juni folgte Slowenien.",
     {("ES", "PS", R), ("IE", "PS", R), ("SI", "PS", R)}),
    ("de", "Burundi zog seine Anerkennung des Kosovo zurück. Togo folgte kurz darauf.",
     {("BI", "XK", W), ("TG", "XK", W)}),
    ("nl", "Noorwegen erkende Palestina in mei. Slovenië volgde een maand later.",
     {("NO", "PS", R), ("SI", "PS", R)}),
    ("nl", "Spanje erkende Palestina; kort daarna volgde Ierland.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("el", "Η Ισπανία αναγνώρισε την Παλαιστίνη. Ακολούθησε η Σλοβενία.",
     {("ES", "PS", R), ("SI", "PS", R)}),
    ("el", "Η Ρωσία αναγνώρισε την Αμπχαζία και η Νικαράγουα ακολούθησε λίγο αργότερα.",
     {("RU", "abkhazia", R), ("NI", "abkhazia", R)}),
    # an object after the verb: another sense of 'follow'
    ("de", "Spanien erkannte Palästina an. Slowenien folgte der Debatte aufmerksam.",
     {("ES", "PS", R)}),
    ("nl", "Spanje erkende Palestina. Slovenië volgde de onderhandelingen op de voet.",
     {("ES", "PS", R)}),
    # negation and modality: no act
    ("de", "Spanien erkannte Palästina an. Österreich folgte nicht.", {("ES", "PS", R)}),
    ("nl", "Spanje erkende Palestina. België zal later volgen.", {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Deutschland wird bald folgen.", {("ES", "PS", R)}),
    # no act before: nothing to repeat
    ("de", "Ein Treffen in Brüssel folgte. Slowenien folgte eine Woche später.", set()),
]

STEP = [
    ("de", "Syrien hat Abchasien anerkannt. Nach Russland und Nauru hat nun auch Syrien diesen "
     "Schritt getan.", {("SY", "abkhazia", R), ("RU", "abkhazia", R), ("NR", "abkhazia", R)}),
    ("de", "Syrien hat Abchasien anerkannt. Syrien ist damit nach Russland und Nauru der dritte "
     "Staat, der diesen Schritt geht.",
     {("SY", "abkhazia", R), ("RU", "abkhazia", R), ("NR", "abkhazia", R)}),
    ("nl", "Nauru heeft Abchazië erkend. Het is daarmee het derde land dat die stap zet, na "
     "Rusland en Nicaragua.", {("NR", "abkhazia", R), ("RU", "abkhazia", R), ("NI", "abkhazia", R)}),
    ("nl", "Spanje erkende Palestina. Ook Ierland zette deze stap.", {("ES", "PS", R), ("IE", "PS", R)}),
    ("el", "Η Συρία αναγνώρισε την Αμπχαζία. Είναι το τρίτο κράτος που προχωρά σε αυτό το βήμα, "
     "μετά τη Ρωσία και τη Νικαράγουα.",
     {("SY", "abkhazia", R), ("RU", "abkhazia", R), ("NI", "abkhazia", R)}),
    # the step not taken, or only planned: no act, and no background either
    ("nl", "Spanje erkende Palestina. België zet die stap niet, net als Duitsland.", {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Österreich will diesen Schritt nach Deutschland gehen.",
     {("ES", "PS", R)}),
    ("el", "Η Ισπανία αναγνώρισε την Παλαιστίνη. Η Ελλάδα δεν προχωρά σε αυτό το βήμα.",
     {("ES", "PS", R)}),
    # the step as the object of a reaction: the subject reacts, it takes no step
    ("de", "Spanien erkannte Palästina an. Israel kritisierte diesen Schritt scharf.",
     {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Die Palästinenser begrüßten den gleichen Schritt "
     "Irlands.", {("ES", "PS", R)}),
    ("nl", "Spanje erkende Palestina. Israël veroordeelde die stap meteen.", {("ES", "PS", R)}),
    ("el", "Η Ισπανία αναγνώρισε την Παλαιστίνη. Το Ισραήλ καταδίκασε αυτό το βήμα.",
     {("ES", "PS", R)}),
]

SAID_THIS = [
    ("nl", "België zal Palestina voorlopig niet erkennen. Dat verklaarde de minister van "
     "Buitenlandse Zaken dinsdag in Brussel.", {("BE", "PS", J)}),
    ("de", "Belgien wird Palästina vorerst nicht als Staat anerkennen. Das bekräftigte der "
     "Außenminister am Montag.", {("BE", "PS", J)}),
    ("de", "Spanien erkennt das Kosovo nicht an. Dies erklärte die Regierung in Madrid.",
     {("ES", "XK", J)}),
    ("nl", "Spanje erkent Kosovo niet. Dit verklaarde de woordvoerder van de regering.",
     {("ES", "XK", J)}),
    # another state's minister says it: a description, no reject
    ("de", "Spanien erkennt das Kosovo nicht an. Das sagte der serbische Außenminister.", set()),
    ("nl", "Spanje erkent Kosovo niet. Dat zei de Servische president.", set()),
    # no speaker who speaks for a state, or no verb of saying
    ("nl", "Spanje erkent Kosovo niet. Dat zei een analist in Brussel.", set()),
    ("de", "Spanien erkennt das Kosovo nicht an. Das kritisierte die Opposition.", set()),
    ("nl", "Spanje erkent Kosovo niet. Dat is al jaren zo.", set()),
]

TAKEN = [
    ("de", "Spanien erkannte Palästina an. Am Sonntag hatten Irland, Norwegen und Malta den "
     "Schritt vollzogen.", {("ES", "PS", R), ("IE", "PS", R), ("NO", "PS", R), ("MT", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Irland ging den Schritt schon im Mai.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("nl", "Ghana heeft zijn erkenning van Kosovo ingetrokken. Eerder deden onder meer Togo, "
     "Burundi en Suriname hetzelfde.",
     {("GH", "XK", W), ("TG", "XK", W), ("BI", "XK", W), ("SR", "XK", W)}),
    ("nl", "Spanje erkende Palestina. Ierland zette de stap een week eerder.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("nl", "Spanje erkende Palestina. Ierland heeft hetzelfde gedaan.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    ("el", "Η Ισπανία αναγνώρισε την Παλαιστίνη. Η Ιρλανδία έκανε το ίδιο.",
     {("ES", "PS", R), ("IE", "PS", R)}),
    # 'the step' without a verb of taking, negated or planned; 'the same' before a noun
    ("de", "Spanien erkannte Palästina an. Irland prüft den Schritt noch.", {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Österreich hat den Schritt nicht vollzogen.",
     {("ES", "PS", R)}),
    ("nl", "Spanje erkende Palestina. België wil de stap later zetten.", {("ES", "PS", R)}),
    ("nl", "Spanje erkende Palestina. Ierland deed op hetzelfde moment een oproep.",
     {("ES", "PS", R)}),
    ("el", "Η Ισπανία αναγνώρισε την Παλαιστίνη. Η Ελλάδα δεν έκανε το ίδιο.", {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Irland ging das gleiche Risiko ein.", {("ES", "PS", R)}),
    ("el", "Η Ισπανία αναγνώρισε την Παλαιστίνη. Η Ιρλανδία έκανε το ίδιο λάθος.",
     {("ES", "PS", R)}),
]

KONJUNKTIV = [
    ("de", "Das rumänische Außenministerium erklärte, Bukarest erkenne das Kosovo nicht an.",
     {("RO", "XK", J)}),
    ("de", "Der Sprecher sagte, Chile erkenne Palästina als Staat an.", {("CL", "PS", R)}),
    ("de", "Ähnlich äußerte sich das rumänische Außenministerium: Bukarest erkenne das Kosovo "
     "nicht an.", {("RO", "XK", J)}),
    ("de", "Die Slowakei erkennt das Kosovo nicht an, sagte der Minister. Ähnlich äußerte sich "
     "das rumänische Außenministerium: Bukarest erkenne die Unabhängigkeit „weder jetzt noch in "
     "Zukunft“ an.", {("SK", "XK", J), ("RO", "XK", J)}),
    # 'erkennen' in its other sense (to perceive), and a condition
    ("de", "Spanien erkenne, dass das Kosovo ein Problem sei, sagte der Minister.", set()),
    ("de", "Der Minister sagte, Chile erkenne Palästina erst an, wenn ein Abkommen vorliege.",
     set()),
    # 'außer' (apart from) is no verb of saying
    ("de", "Außer Spanien erkennt nur Zypern das Kosovo nicht an.", set()),
]

JOINED = [
    ("de", "Spanien erkannte Palästina an. Am Montag kamen Frankreich und Belgien hinzu.",
     {("ES", "PS", R), ("FR", "PS", R), ("BE", "PS", R)}),
    ("de", "Am Sonntag erkannte Spanien Palästina an; am Montag kamen sechs weitere Staaten "
     "hinzu, darunter Frankreich und Belgien.", {("ES", "PS", R), ("FR", "PS", R), ("BE", "PS", R)}),
    ("de", "Irland erkannte Palästina an. Später ist auch Slowenien hinzugekommen.",
     {("IE", "PS", R), ("SI", "PS", R)}),
    ("de", "Spanien erkannte Palästina an, bevor Malta dazukam.", {("ES", "PS", R), ("MT", "PS", R)}),
    # no state joins, the joining is negated or only expected, or 'hinzu' opens the sentence
    ("de", "Spanien erkannte Palästina an. Am Montag kamen neue Sanktionen hinzu.", {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Österreich kam nicht hinzu.", {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Bald könnten Malta und Slowenien hinzukommen.",
     {("ES", "PS", R)}),
    ("de", "Spanien erkannte Palästina an. Hinzu kam, dass Israel seinen Botschafter abberief.",
     {("ES", "PS", R)}),
]

GREEK_MASCULINE = [
    ("el", "Μετά τον Καναδά και την Αυστραλία, η Γαλλία αναγνώρισε την Παλαιστίνη.",
     {("CA", "PS", R), ("AU", "PS", R), ("FR", "PS", R)}),
    ("el", "Ο Καναδάς αναγνώρισε την Παλαιστίνη.", {("CA", "PS", R)}),
    # the genitive owns the decision (an act), a proposal asserts nothing
    ("el", "Η απόφαση του Καναδά να αναγνωρίσει την Παλαιστίνη ανακοινώθηκε χθες.",
     {("CA", "PS", R)}),
    ("el", "Η πρόταση του Καναδά να αναγνωριστεί η Παλαιστίνη συζητήθηκε χθες.", set()),
    ("el", "Η Γαλλία, ο Καναδάς και η Μάλτα αναγνώρισαν την Παλαιστίνη.",
     {("FR", "PS", R), ("CA", "PS", R), ("MT", "PS", R)}),
    # a name in the accusative is the object, not the subject
    ("el", "Η κυβέρνηση δεν ακολουθεί τον Καναδά, που αναγνώρισε την Παλαιστίνη.",
     {("CA", "PS", R)}),
    ("el", "Ο πρωθυπουργός δεν αναγνωρίζει την Παλαιστίνη, είπε στον Καναδά.", set()),
]

ALBANIAN = [
    ("sq", "Gana e ka tërhequr njohjen e Kosovës.", {("GH", "XK", W)}),
    ("sq", "Togo e ka tërhequr njohjen e Kosovës, tha ministri.", {("TG", "XK", W)}),
    # the perfect participle of 'deny' ('ka mohuar') denies like the aorist 'mohoi'
    ("sq", "Ministria e Jashtme e Ganës ka mohuar se Gana e ka tërhequr njohjen e Kosovës.", set()),
    # a campaign for withdrawals is advocacy, no act
    ("sq", "Serbia vazhdon fushatën e saj për tërheqjen e njohjeve të Kosovës.", set()),
    ("sq", "Serbia pranoi të pezullojë fushatën për tërheqjen e njohjeve të Kosovës.", set()),
    # an accusation reports in doubt
    ("sq", "Opozita e akuzoi qeverinë serbe se e kishte njohur Kosovën në heshtje.", set()),
]

CASES = ([("predicative", *c) for c in PREDICATIVE] + [("albanian", *c) for c in ALBANIAN] + [("greek_masc", *c) for c in GREEK_MASCULINE] + [("joined", *c) for c in JOINED] + [("konjunktiv", *c) for c in KONJUNKTIV] + [("taken", *c) for c in TAKEN] + [("followed", *c) for c in FOLLOWED]
         + [("step", *c) for c in STEP] + [("said_this", *c) for c in SAID_THIS])


@pytest.mark.parametrize(("rule", "lang", "text", "events"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_the_constructions_of_the_round(rule, lang, text, events):
    assert {(e.actor, e.target, e.act) for e in extract(text, lang)} == events
