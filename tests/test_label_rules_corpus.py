"""The L rules over the upstream Marvin corpus: no error on these working configs."""

from __future__ import annotations

from collections import Counter

from netplan_cs.engine.findings import Severity
from netplan_cs.engine.registry import load_rules, select
from netplan_cs.engine.run import lint_paths
from tests.conftest import SAMPLES, corpus_files, needs_corpus


@needs_corpus
def test_label_rules_on_the_corpus() -> None:
    rules = select(load_rules(), ["L"], [])
    result = lint_paths([*corpus_files(), SAMPLES / "nested-kvm-lab.yaml"], rules)
    assert [f"{f.file}:{f.line} {f.rule} {f.message}" for f in result.findings
            if f.severity is Severity.ERROR] == []
    # every L001 is a traffic type without a label for its zone's hypervisor (36 in 15
    # files); every L006 a XenServer cluster of an SG zone that cannot declare the pack
    assert Counter(f.rule for f in result.findings) == {"L001": 36, "L006": 5}
    assert {f.severity for f in result.findings if f.rule == "L006"} == {Severity.WARNING}
