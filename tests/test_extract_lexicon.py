"""The compiled lexicons: every field in every language, phrase tagging (lexicon/)."""

from diplowatch.extract.lexicon import FIELDS, RAW, get_lexicon, tag_tokens


def test_every_lexicon_defines_every_field():
    for lang, fields in RAW.items():
        assert set(FIELDS) <= set(fields), lang


def test_phrase_tagging():
    tags = tag_tokens(["they", "called", "on", "others"], get_lexicon("en"))
    assert "call" in tags[1] and "call" in tags[2]
