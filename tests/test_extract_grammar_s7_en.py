"""English constructions of round s7 (docs/extraction.md, "English: pro-verbs and antecedents").

The grammar, as the rules read it:

- *Dual antecedents.* `the two regions`, `both republics`, `the two entities` name a pair the
  text spoke of before: the last group of two or more entities, up to four sentences back,
  whose last two members are the objects (`Abkhazia recognized A and B` → A and B, not
  Abkhazia). A single entity mentioned in between (`the leader in Donetsk`) is no pair.
- *Undoing a decision.* `reversed its decision`, `reversed their decisions`, `overturned the
  move` (the verb of undoing, a determiner, and `decision/move/step`, singular or plural) repeat
  the last recognition of the two sentences before as a withdrawal, for the subject of the verb
  of undoing. Negated (`has never reversed`), modal (`would reverse`), called for (`asked it to
  reverse`) or about another decision (`reversed its decision on a licence`) it says nothing.
- *Joining a list.* `X joins A, B and C, as well as D` after an act in the two sentences before
  says that A … D (and X) did the same act: the states after `joins` up to the end of the
  sentence, across `and`, `as well as` and relative clauses set off by commas. `joins A and B
  in condemning …` (joining in something else) and a negated or modal `joins` say nothing.
- *Bare 'followed' in a relative clause.* `Slovenia, which followed in June` repeats the last
  act for the state the relative clause describes, as `Slovenia followed in June` does.
- *Obligations.* `requires Serbia to recognise`, `does not require`, `obliges`, `compels`
  govern the infinitive as calls do: an obligation asserts no act, and negated it is no reject.
- *Journalists' negations.* `Spain, which does not recognise Kosovo, …` (a negated relative
  clause on the state, not quoted) and `that no other country has recognised` (an unnamed
  negated subject) state no refusal by a state; `declaration of independence` is no saying.
- *Counted parties, ordinals, sources.* `The three territories recognised each other` (the
  entities the clause before named); `Pakistan was the first, in May 1997` (the last act, as
  'the first to do so'); `the only recognition Artsakh ever received came from A and B` (A and
  B, entities too, granted it).
- *Each other's integrity.* `recognised each other's territorial integrity` has an object of its
  own (what each owns): nothing is carried over to it from another sentence.

Every sentence was written for this test; none comes from the labelled files.
"""

import pytest

from diplowatch.extract import extract

R, W, J = "recognize", "withdraw", "reject"


def ev(codes, targets, act=R):
    targets = [targets] if isinstance(targets, str) else targets
    return [(c, t, act) for c in codes for t in targets]


AB_SO = ["abkhazia", "south-ossetia"]
DPR_LPR = ["donetsk-pr", "luhansk-pr"]

DUAL = [
    ("Syria recognised Abkhazia and South Ossetia in 2018. Georgia cut ties soon afterwards, "
     "and the leader of Abkhazia thanked Damascus. Russia had recognised the two regions ten "
     "years earlier.", ev(["SY", "RU"], AB_SO)),
    ("Abkhazia recognised the Donetsk and Luhansk people's republics on Friday. Russia had "
     "recognised the two republics on Monday.", ev(["abkhazia", "RU"], DPR_LPR)),
    ("Venezuela recognised Abkhazia and South Ossetia in 2009. The decision surprised Tbilisi. "
     "Nauru recognised both regions a few months later.", ev(["VE", "NR"], AB_SO)),
    ("Belarus recognised the Donetsk and Luhansk people's republics, the ministry said. "
     "Pushilin, the leader in Donetsk, praised Minsk. Ukraine cut ties after Belarus's "
     "recognition of the two entities.", ev(["BY"], DPR_LPR)),
    ("Belarus recognised the Donetsk and Luhansk people's republics. Minsk later regretted "
     "its own recognition of the two regions.", ev(["BY"], DPR_LPR)),
    ("Russia recognised Donetsk and Luhansk as independent in February. Belarus became the "
     "second state to recognise the two entities. Minsk sent letters to both. Pushilin, the "
     "leader in Donetsk, thanked Minsk. Ukraine cut ties after the recognition of the two "
     "regions by Belarus.", ev(["RU", "BY"], DPR_LPR)),
    # must not fire: a call, and a journalist's description
    ("Russia recognised Abkhazia and South Ossetia in 2008. Germany urged Belarus not to "
     "recognise the two regions.", ev(["RU"], AB_SO)),
    ("Russia recognised Abkhazia and South Ossetia in 2008. Belarus, a close ally, does not "
     "recognise the two regions.", ev(["RU"], AB_SO)),
]

THEM = [
    ("Syria recognised the Donetsk and Luhansk people's republics. Pushilin, the leader in "
     "Donetsk, thanked Damascus. Russia had recognised them in February.",
     ev(["SY", "RU"], DPR_LPR)),
    ("Russia recognised Abkhazia and South Ossetia in 2008. Nicaragua recognised them a few "
     "days later.", ev(["RU", "NI"], AB_SO)),
    ("Russia recognised Abkhazia in 2008. The leader of Abkhazia thanked Moscow. Nicaragua "
     "recognised them a few days later.", ev(["RU", "NI"], "abkhazia")),
    # must not fire: a call, a plain negation by the journalist
    ("Russia recognised Abkhazia and South Ossetia in 2008. Georgia calls on all states not to "
     "recognise them.", ev(["RU"], AB_SO)),
    ("Russia recognised Abkhazia and South Ossetia in 2008. Most states do not recognise them.",
     ev(["RU"], AB_SO)),
]

ENTITY_PRONOUN = [
    ("Russia recognised the Donetsk and Luhansk people's republics on Monday. South Ossetia had "
     "recognised them in 2014.", ev(["RU", "south-ossetia"], DPR_LPR)),
    ("Artsakh declared independence in 1991. Abkhazia recognised it in 2006.",
     ev(["abkhazia"], "artsakh")),
    ("Russia recognised Abkhazia and South Ossetia in 2008. Transnistria recognised the two "
     "regions in 2006.", ev(["RU", "transnistria"], AB_SO)),
    # must not fire: a call by the entity, a passive
    ("Russia recognised the Donetsk and Luhansk people's republics. South Ossetia urged Belarus "
     "to recognise them.", ev(["RU"], DPR_LPR)),
    ("Russia recognised the Donetsk and Luhansk people's republics. South Ossetia was recognised "
     "by them in 2015.", ev(["RU"], DPR_LPR)),
]

REVERSED = [
    ("Vanuatu and Tuvalu recognised Abkhazia in 2011 but later reversed their decisions.",
     ev(["VU", "TV"], "abkhazia") + ev(["VU", "TV"], "abkhazia", W)),
    ("Two small nations, Fiji and Samoa, recognised Abkhazia in 2011 but later reversed their "
     "decisions after talks with Tbilisi.",
     ev(["FJ", "WS"], "abkhazia") + ev(["FJ", "WS"], "abkhazia", W)),
    ("Tuvalu recognised Abkhazia in 2011. Two years later, Tuvalu reversed its decision.",
     ev(["TV"], "abkhazia") + ev(["TV"], "abkhazia", W)),
    ("Nauru recognised South Ossetia in 2009. In 2024 Nauru reversed the decision after talks "
     "with Tbilisi.", ev(["NR"], "south-ossetia") + ev(["NR"], "south-ossetia", W)),
    ("Tuvalu recognised Abkhazia in 2011. Tuvalu overturned that move in 2014.",
     ev(["TV"], "abkhazia") + ev(["TV"], "abkhazia", W)),
    # must not fire: a call, a negation, a modal, another decision
    ("Tuvalu recognised Abkhazia in 2011. Georgia asked Tuvalu to reverse the decision.",
     ev(["TV"], "abkhazia")),
    ("Tuvalu recognised Abkhazia in 2011. Tuvalu has never reversed that decision.",
     ev(["TV"], "abkhazia")),
    ("Tuvalu recognised Abkhazia in 2011. Tuvalu would reverse the decision only under "
     "pressure.", ev(["TV"], "abkhazia")),
    ("Tuvalu recognised Abkhazia in 2011. Tuvalu reversed its decision on fishing licences.",
     ev(["TV"], "abkhazia")),
]

JOINS = [
    ("Syria recognised Abkhazia and South Ossetia on Tuesday. Syria joins Russia, Nicaragua "
     "and Nauru, as well as Venezuela.", ev(["SY", "RU", "NI", "NR", "VE"], AB_SO)),
    ("Armenia recognised Palestine on Friday. It joins Spain, Ireland and Norway, which took "
     "the step in May, as well as Slovenia.", ev(["AM", "ES", "IE", "NO", "SI"], "PS")),
    ("Mexico recognised Palestine on Monday. Mexico thus joins Brazil and the island nation of "
     "Jamaica.", ev(["MX", "BR", "JM"], "PS")),
    ("Georgia cut ties with Syria after Damascus recognised Abkhazia and South Ossetia. The "
     "decision angered Tbilisi. Georgia's ministry called it illegal. Syria joins Russia and the "
     "Pacific island state of Nauru, as well as Venezuela, whose recognition came in 2009.",
     ev(["SY", "RU", "NR", "VE"], AB_SO)),
    # must not fire: joining in another activity, a modal join, no act before
    ("Russia recognised Abkhazia in 2008. Georgia joins Ukraine and Moldova in condemning the "
     "move.", ev(["RU"], "abkhazia")),
    ("Spain recognised Palestine on Tuesday. Chile may soon join Spain and Ireland.",
     ev(["ES"], "PS")),
    ("Greece joins Cyprus and Spain, as well as Slovakia, in a debate on recognition.", []),
    ("Spain recognised Palestine on Tuesday. Ireland's premier joins Spain's prime minister in "
     "Brussels tomorrow.", ev(["ES"], "PS")),
    ("Russia recognised Abkhazia in 2008. Georgia protested. Tbilisi recalled its envoy. The "
     "ministry noted it. Belarus joins Armenia and Serbia, as well as Kosovo.",
     ev(["RU"], "abkhazia")),
]

FOLLOWED = [
    ("Spain recognised Palestine in May. Slovenia, which followed in June, is a small state.",
     ev(["ES", "SI"], "PS")),
    ("Norway and Ireland recognised Palestine in May, as did Spain. Armenia, which followed a "
     "month later, said little.", ev(["NO", "IE", "ES", "AM"], "PS")),
    # must not fire: 'followed' with an object of its own
    ("Spain recognised Palestine in May. Slovenia, which followed the debate closely, said "
     "nothing.", ev(["ES"], "PS")),
    ("Spain recognised Palestine in May. Slovenia, which followed Spain's lead, said nothing.",
     ev(["ES"], "PS")),
    ("Spain recognised Palestine in May. Slovenia, which followed by a vote, abstained.",
     ev(["ES"], "PS")),
]

EACH_OTHER = [
    ("Abkhazia recognised Artsakh in 2006. In Prague, the Armenian and Azerbaijani leaders "
     "recognised each other's territorial integrity.", ev(["abkhazia"], "artsakh")),
    ("Transnistria declared independence. Moldova and Ukraine recognised each other's borders.",
     []),
    ("Abkhazia and South Ossetia recognised each other's independence in 2006.",
     ev(["abkhazia"], "south-ossetia") + ev(["south-ossetia"], "abkhazia")),
    ("Abkhazia and Transnistria recognised each other in 2006.",
     ev(["abkhazia"], "transnistria") + ev(["transnistria"], "abkhazia")),
]

RELATIVE_NEGATION = [
    ("Spain, which does not recognise Kosovo's declaration of independence, has long been wary "
     "of separatists.", []),
    ("Serbia, which has never recognised Kosovo, said it would protest.", []),
    ("Greece, which has not recognised Kosovo, hosted the talks on Monday.", []),
    ("Turkey recognised Northern Cyprus in 1983, and the minister said that no other country "
     "has recognised it since.", ev(["TR"], "northern-cyprus")),
    ("Northern Cyprus, which Turkey recognised in 1983, is a state that no other country has "
     "recognised, Erdogan said.", ev(["TR"], "northern-cyprus")),
    # must still fire: the state's own words, and a plain negation by its minister
    ('"Serbia, which is a sovereign state, does not recognise Kosovo," Vucic said.',
     ev(["RS"], "XK", J)),
    ("Pakistan has no plans to recognise the Taliban, the foreign minister said.",
     ev(["PK"], "AF", J)),
]

def mutual(codes):
    return [(a, b, R) for a in codes for b in codes if a != b]


NUMBERED_MUTUAL = [
    ("Envoys of Abkhazia, South Ossetia and Transnistria met in Tiraspol. The three territories "
     "recognised each other in 2006.", mutual(["abkhazia", "south-ossetia", "transnistria"])),
    ("Leaders of Abkhazia and South Ossetia met in Sukhum on Friday. The two breakaway regions "
     "mutually recognised each other's independence years ago.",
     mutual(["abkhazia", "south-ossetia"])),
    ("Artsakh, Abkhazia and Transnistria signed a pact. In 2006 the three unrecognised "
     "republics had recognised one another.", mutual(["artsakh", "abkhazia", "transnistria"])),
    # must not fire: a plan, another object, too few named
    ("Envoys of Abkhazia, South Ossetia and Transnistria met in Tiraspol. The three territories "
     "plan to recognise each other next year.", []),
    ("Envoys of Abkhazia, South Ossetia and Transnistria met in Tiraspol. The three territories "
     "recognised each other's passports.", []),
    ("Envoys of Abkhazia met in Tiraspol. The three territories recognised each other in 2006.",
     []),
]

SOURCE = [
    ("The only recognition Artsakh ever received came from Abkhazia and South Ossetia.",
     ev(["abkhazia", "south-ossetia"], "artsakh")),
    ("The first recognition Kosovo received came from Costa Rica.", ev(["CR"], "XK")),
    ("Transnistria received recognition from Abkhazia in 2006.", ev(["abkhazia"], "transnistria")),
    ("The only recognition Somaliland has ever obtained came from Taiwan.",
     ev(["TW"], "somaliland")),
    # must not fire: a wish, and a recognition that did not come
    ("Kosovo sought recognition from Togo in 2019.", []),
    ("The recognition Artsakh hoped for never came from Armenia.", []),
]

ORDINAL = [
    ("Only three states recognised the Taliban government. Pakistan was the first, in May "
     "1997; Qatar followed a day later, and the United Arab Emirates later that year.",
     ev(["PK", "QA", "AE"], "AF")),
    ("Russia recognised Abkhazia in August 2008. Russia was the first.",
     ev(["RU"], "abkhazia")),
    ("Russia recognised Abkhazia in 2008. Nicaragua was the second, weeks later.",
     ev(["RU", "NI"], "abkhazia")),
    # must not fire: another predicate after the ordinal
    ("Spain recognised Palestine in May. Spain was the first country in the region to host the "
     "talks.", ev(["ES"], "PS")),
    ("Spain recognised Palestine in May. Ireland was the first to welcome it.", ev(["ES"], "PS")),
]

OBLIGATION = [
    ("The plan does not require Serbia to recognise Kosovo.", []),
    ("The agreement requires Serbia to recognise Kosovo by 2030.", []),
    ("The deal obliges Belgrade to formally recognise Kosovo.", []),
    ("Greece, which is not required to recognise Kosovo, abstained.", []),
    # still an act: the obligation is another clause's
    ("Montenegro recognised Kosovo in 2008, the ministry said, as the treaty required.",
     ev(["ME"], "XK")),
]

RELATIVE_HEAD = [
    ("Georgia cut ties with Syria, which recognised Abkhazia in 2018.", ev(["SY"], "abkhazia")),
    ("Georgia protested to Moscow, which had recognised Abkhazia.", ev(["RU"], "abkhazia")),
    ("The decision follows that of Nauru, which recognised Abkhazia in 2009.",
     ev(["NR"], "abkhazia")),
    ("The loss follows that of Panama, which cut ties with Taipei and recognised Beijing in "
     "2017.", [("PA", "TW", W), ("PA", "CN", R)]),
    ("Russia recognised Abkhazia and South Ossetia. Georgia said Belarus would never recognise "
     "them.", ev(["RU"], AB_SO)),
    # the relative clause's own subject, and a reported act
    ("Georgia met Serbia, which says Kenya recognised Kosovo.", ev(["KE"], "XK")),
    ("Georgia cut ties with Syria, which plans to recognise Abkhazia.", []),
]

TABLES = {"relative_head": RELATIVE_HEAD, "obligation": OBLIGATION, "ordinal": ORDINAL, "source": SOURCE, "numbered_mutual": NUMBERED_MUTUAL, "relative_negation": RELATIVE_NEGATION, "dual": DUAL, "them": THEM, "entity_pronoun": ENTITY_PRONOUN, "reversed": REVERSED, "joins": JOINS, "followed": FOLLOWED,
          "each_other": EACH_OTHER}
CASES = [(name, text, expected) for name, rows in TABLES.items() for text, expected in rows]


@pytest.mark.parametrize(("table", "text", "expected"), CASES,
                         ids=[f"{name}-{i}" for i, (name, _, _) in enumerate(CASES)])
def test_english_s7_grammar(table, text, expected):
    assert {(e.actor, e.target, e.act) for e in extract(text, "en")} == set(expected)
