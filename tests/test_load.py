"""Loaders: plain data, exact positions, duplicate keys, and clear errors for unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netplan_cs.errors import InputError
from netplan_cs.load import read_plan_file
from netplan_cs.load.location import Location

YAML = """\
# a comment
zones:
  - name: zone1
    dns1: 8.8.8.8   # trailing comment
    pods:
      - name: "pod 1"
        vlan: 100-200
        count: 0x10
        flag: True
        empty:
        text: 'quoted: yes'
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_yaml_values_follow_the_yaml_1_2_core_schema(tmp_path: Path) -> None:
    source = read_plan_file(write(tmp_path, "plan.yaml", YAML))
    pod = source.data["zones"][0]["pods"][0]
    assert pod == {"name": "pod 1", "vlan": "100-200", "count": 16, "flag": True,
                   "empty": None, "text": "quoted: yes"}


def test_yaml_positions_point_at_values_and_keys(tmp_path: Path) -> None:
    source = read_plan_file(write(tmp_path, "plan.yaml", YAML))
    assert source.locate(("zones", 0, "dns1")) == Location(4, 11, 4, 18)
    assert source.locate(("zones", 0, "pods", 0, "name")) == Location(6, 15, 6, 22)
    assert source.locate(("zones", 0, "pods")).line == 5
    # a path the file does not hold falls back to its nearest ancestor
    assert source.locate(("zones", 0, "pods", 0, "gateway")).line == 6


def test_yaml_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    source = read_plan_file(write(tmp_path, "plan.yaml", "zones:\n  - name: zöne\n    dns1: x\n"))
    assert source.locate(("zones", 0, "dns1")).column == 11
    source = read_plan_file(write(tmp_path, "p2.yaml", "zones: [{name: é, dns1: x}]\n"))
    assert source.locate(("zones", 0, "dns1")).column == 25


def test_yaml_duplicate_keys_keep_the_last_and_are_reported(tmp_path: Path) -> None:
    source = read_plan_file(write(tmp_path, "plan.yaml", "zones: []\nname: a\nname: b\n"))
    assert source.data["name"] == "b"
    assert source.duplicates == [("name",)]
    assert source.locate(("name",)).line == 3


def test_yaml_aliases_and_merge_keys_expand(tmp_path: Path) -> None:
    text = "base: &b {gateway: 10.0.0.1, netmask: 255.255.255.0}\nzones:\n  - <<: *b\n    name: z\n"
    source = read_plan_file(write(tmp_path, "plan.yaml", text))
    assert source.data["zones"][0] == {"name": "z", "gateway": "10.0.0.1",
                                       "netmask": "255.255.255.0"}


@pytest.mark.parametrize(("content", "message", "line"), [
    ("zones: !!python/object/apply:os.system ['true']\n", "tag", 1),
    ("zones: [1, 2\nname: 3\n", "invalid YAML", 2),
    ("zones: *nowhere\n", "alias", 1),
    ("- a\n- b\n", "expected a mapping", None),  # the whole file: no position
    ("zones: []\n---\nzones: []\n", "several YAML documents", 3),
])
def test_bad_yaml_is_a_located_input_error(tmp_path: Path, content: str, message: str,
                                           line: int | None) -> None:
    with pytest.raises(InputError) as caught:
        read_plan_file(write(tmp_path, "bad.yaml", content))
    assert message in caught.value.message
    assert caught.value.located is (line is not None)
    where = "" if line is None else f":{line}:"
    assert str(caught.value).startswith(f"{tmp_path / 'bad.yaml'}{where}")
    if line is not None:
        assert caught.value.line == line


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        refs = ",".join([f"*{previous}"] * 9)
        lines.append(f"{name}: &{name} [{refs}]")
    with pytest.raises(InputError, match="aliases expand to more than"):
        read_plan_file(write(tmp_path, "laughs.yaml", "\n".join(lines) + "\n"))


MARVIN = """\
# Licensed to the Apache Software Foundation
{
    "zones": [
        {
            "name": "z1",
# an inner comment line
            "clusters": [],
            "clusters": [1]
        }
    ],
    "mgtSvr": [{"mgtSvrIp": "10.0.0.5"}]
}
"""


def test_marvin_comment_lines_keep_line_numbers(tmp_path: Path) -> None:
    source = read_plan_file(write(tmp_path, "zone.cfg", MARVIN))
    assert source.syntax == "json"
    assert source.data["zones"][0]["clusters"] == [1]
    assert source.locate(("zones", 0, "name")) == Location(5, 21, 5, 25)
    assert source.locate(("mgtSvr", 0, "mgtSvrIp")).line == 11
    assert source.duplicates == [("zones", 0, "clusters")]
    assert source.locate(("zones", 0, "clusters")).line == 8


def test_invalid_json_is_located(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_plan_file(write(tmp_path, "zone.cfg", '{\n  "zones": []\n  "x": 1\n}\n'))
    assert (caught.value.line, caught.value.column) == (3, 3)
    assert "invalid JSON" in caught.value.message


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"zones: []\x00\x01", "binary"),
    (b"zones:\n  - name: \xff\xfe\n", "not UTF-8"),
])
def test_unreadable_content_is_an_input_error(tmp_path: Path, content: bytes,
                                              message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_plan_file(write(tmp_path, "plan.yaml", content))


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_plan_file(tmp_path / "absent.yaml")
    with pytest.raises(InputError, match="directory"):
        read_plan_file(tmp_path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    source = read_plan_file(write(tmp_path, "plan.yaml", b"\xef\xbb\xbfzones: []\nname: x\n"))
    assert source.data == {"zones": [], "name": "x"}
    assert source.locate(("name",)).line == 2


def test_yaml_tree_calls_rapidyaml_swig_functions_as_its_proxy_does() -> None:
    """The loader calls ryml's SWIG functions with `Tree.this` (ten times faster than the
    proxy's methods); an upgrade of rapidyaml that changes them must fail here first."""
    import ryml

    from netplan_cs.load import yaml_tree

    source = bytearray(b'a: &x {b: "1", c: [2, ~]}\nd: *x\n? e\n: !!str f\n')
    tree = ryml.parse_in_place(source)
    handle = tree.this
    calls = [(yaml_tree._TYPE, tree.type), (yaml_tree._FIRST_CHILD, tree.first_child),
             (yaml_tree._NEXT_SIBLING, tree.next_sibling), (yaml_tree._PARENT, tree.parent)]
    views = [(yaml_tree._KEY, tree.key, ryml.KEY), (yaml_tree._VAL, tree.val, ryml.VAL)]
    seen = 0
    for node, _depth in ryml.walk(tree):
        seen += 1
        for fast, proxy in calls:
            assert fast(handle, node) == proxy(node)
        for fast_view, proxy_view, bit in views:
            if tree.type(node) & bit:
                assert bytes(fast_view(handle, node) or b"") == bytes(proxy_view(node) or b"")
    assert seen == tree.size() == 8


JSON_SYNTAX_CASES = [
    # text, our message's start, offset reported (the same on every CPython release)
    ('{"zones": [\n  {"name": "z1",}\n]}', "a comma before a closing bracket", 27),
    ("[1, 2,]", "a comma before a closing bracket", 5),
    ('{"zones": [\n  {"name": "z1"', "the file ends before the JSON is complete", 27),
    ('{"a": }', "found '}' where a value was expected", 6),
    ('{"a": 1 "b": 2}', "found '\"' where ',' or a closing bracket was expected", 8),
    ("{a: 1}", "found 'a' where a key in double quotes was expected", 1),
    ('{"a": tru}', "found 't' where a value was expected", 6),
    ('{"a": 1}}', "found '}' after the end of the JSON document", 8),
]


@pytest.mark.parametrize(("text", "message", "offset"), JSON_SYNTAX_CASES)
def test_json_syntax_errors_are_told_in_our_words(text: str, message: str, offset: int) -> None:
    """CPython's JSON messages and offsets differ by release (3.13 changed them); ours do not."""
    from netplan_cs.load.json_tree import json_problem

    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    problem, at = json_problem(text, caught.value.pos)
    assert problem.startswith(message)
    assert caught.value.msg not in problem
    assert at == offset
