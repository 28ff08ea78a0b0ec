"""The one-scan helpers that find P004's and S001's few candidates among a plan's values
agree with a search of each value on its own, whatever the values hold."""

from __future__ import annotations

import re

from netplan_cs.load.walk import holding, scalars_where, strings_and_keys
from netplan_cs.model.placeholders import hinted, is_placeholder
from netplan_cs.model.secrets import url_password_signs
from netplan_cs.model.suspects import suspect_scalars

_ONE_BY_ONE = re.compile(r"[x\[<]|change|todo|fixme|tbd", re.IGNORECASE)
TEXTS = ["", "10.1.1.1", "10.x.x.x", "a\0x", "\0", "ab", "Xen", "", "CHANGEME", "tbd",
         "x", "[A]", "<b>", "ı", "İX", "ſ", "rbd://a:K@m/p", "@", "to\0do", "fix", "me", ""]


def test_holding_finds_each_text_holding_a_word() -> None:
    words = ("x", "@", "do")
    assert holding(TEXTS, words) == {t for t in TEXTS if any(w in t for w in words)}
    assert holding([], words) == set()
    assert holding(["", ""], words) == set()


def test_hinted_agrees_with_a_case_blind_search_of_each_text() -> None:
    assert hinted(TEXTS) == {t for t in TEXTS if _ONE_BY_ONE.search(t)}
    ascii_only = [t for t in TEXTS if t.isascii()]
    assert hinted(ascii_only) == {t for t in ascii_only if _ONE_BY_ONE.search(t)}


def test_is_placeholder_still_sees_placeholders() -> None:
    assert [is_placeholder(v) for v in (" 10.X.x.1 ", "10.1.1.1", "[HOST]", 7, "todo")] == [
        True, False, True, False, True]


def test_url_password_signs() -> None:
    assert url_password_signs(TEXTS) == {"rbd://a:K@m/p", "@"}


def test_strings_and_keys() -> None:
    data = {"a": ["x", 1, {"b": None, "c": "y"}], "d": "z", 4: [[True, "w"]]}
    assert strings_and_keys(data) == (["x", "y", "z", "w"], {"a", "b", "c", "d", 4})


def test_suspects_are_every_value_either_rule_could_flag_in_document_order() -> None:
    data = {"hosts": [{"url": "http://u:pw@h", "password": 12, "name": "h1"},
                      {"url": "http://h2", "password": "${PW}", "ip": "10.x.x.x"}],
            "note": "Xen", "other": "10.x.x.x"}
    assert suspect_scalars(data) == [
        (("hosts", 0, "url"), "http://u:pw@h"), (("hosts", 0, "password"), 12),
        (("hosts", 1, "password"), "${PW}"), (("hosts", 1, "ip"), "10.x.x.x"),
        (("note",), "Xen"), (("other",), "10.x.x.x")]
    assert suspect_scalars({"a": ["10.1.1.1", {"b": 3}]}) == []
    assert scalars_where(data, lambda key, _: key == "name") == [(("hosts", 0, "name"), "h1")]
