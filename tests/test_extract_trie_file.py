"""The saved gazetteer trie (extract/trie_file.py): current, refused when stale, same answers."""

import marshal

import pytest

from diplowatch.extract import gazetteer, trie_file
from diplowatch.extract.extractor import extract
from diplowatch.extract.gazetteer import DATA_FILE, TRIE_FILE, _load_data

SOURCE = DATA_FILE.read_bytes()


def _unpacked(root: dict) -> dict:
    return {token: root[token] for token in root}


def test_the_saved_trie_is_the_one_built_from_the_checked_in_json():
    """A curated edit must come with a rebuild (python -m diplowatch.extract.build_gazetteer)."""
    saved = trie_file.load(TRIE_FILE, SOURCE)
    assert saved is not None, "gazetteer.trie is stale or unreadable: rebuild the gazetteer"
    assert _unpacked(saved) == trie_file.build(_load_data()["keys"])


def test_branches_are_unpacked_only_when_read():
    saved = trie_file.load(TRIE_FILE, SOURCE)
    assert saved is not None
    assert all(isinstance(dict.__getitem__(saved, token), bytes) for token in saved)
    branch = saved["kosovo"]
    assert trie_file.END in branch
    assert isinstance(dict.__getitem__(saved, "kosovo"), dict)
    assert isinstance(dict.__getitem__(saved, "abkhazia"), bytes)
    assert saved.get("no-such-token") is None


@pytest.mark.parametrize("damage", ["missing", "truncated", "garbage", "other json",
                                    "other format", "other marshal", "not a dict"])
def test_a_file_that_does_not_fit_is_refused(tmp_path, damage):
    trie = trie_file.build({"kosovo": ["entity", ["kosovo"], None, False]})
    good = trie_file.dump(trie, b"{}")
    path = tmp_path / "gazetteer.trie"
    source = b"{}"
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\xff\x00not marshal")
    elif damage == "other json":
        path.write_bytes(good)
        source = b'{"keys": {}}'
    elif damage in ("other format", "other marshal"):
        saved = marshal.loads(good)
        saved["format" if damage == "other format" else "marshal"] += 1
        path.write_bytes(marshal.dumps(saved))
    elif damage == "not a dict":
        path.write_bytes(marshal.dumps(["branches"]))
    assert trie_file.load(path, source) is None
    path.write_bytes(good)
    assert trie_file.load(path, b"{}") is not None  # the same file, undamaged, is taken


def test_the_extractor_answers_the_same_without_the_saved_trie(tmp_path, monkeypatch):
    texts = ["North Korea recognizes the independence of the Donetsk People's Republic.",
             "Россия признала независимость Абхазии и Южной Осетии.",
             "Le Ghana a retiré sa reconnaissance de la RASD.",
             "台湾与尼加拉瓜断交。"]
    saved = [extract(text) for text in texts]
    monkeypatch.setattr(gazetteer, "TRIE_FILE", tmp_path / "absent.trie")
    gazetteer.load_trie.cache_clear()
    try:
        assert not isinstance(gazetteer.load_trie(), trie_file.Branches)
        assert [extract(text) for text in texts] == saved
    finally:
        gazetteer.load_trie.cache_clear()
    assert any(saved), "the texts must give events, or the comparison proves nothing"
