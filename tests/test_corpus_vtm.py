"""The VLAN, physical-network and management rules over the real Marvin corpus and the samples.

Every error pinned here was read and confirmed against CloudStack's behaviour; a new error
on these configs is a false alarm until shown otherwise.
"""

from __future__ import annotations

from collections import Counter

from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_paths
from tests.conftest import SAMPLES, corpus_files, needs_corpus

RULES = [rule for rule in load_rules() if rule.id[0] in "VTM"]

CONFIRMED_ERRORS = {
    # pre-3.0 dialect: no physical networks, so no Management and no Public traffic; the
    # zone cannot be enabled ("Unable to find the default physical network with traffic=...")
    ("apache__cloudstack__test__integration__smoke-simulator__simulator-smoke.cfg", 4, "T007"),
    ("apache__cloudstack__test__integration__smoke-simulator__simulator-smoke.cfg", 4, "T008"),
    # the only guest physical network has no `vlan` (and no isolationmethods: VLAN by default)
    ("apache__cloudstack__tools__marvin__marvin__misc__build__asf_test.cfg", 28, "V009"),
}


@needs_corpus
def test_corpus_errors_are_the_confirmed_ones() -> None:
    result = lint_paths(corpus_files(), RULES)
    errors = {(f.file.rsplit("/", 1)[-1], f.line, f.rule) for f in result.findings
              if str(f.severity) == "error"}
    assert errors == CONFIRMED_ERRORS


@needs_corpus
def test_corpus_warnings_snapshot() -> None:
    result = lint_paths(corpus_files(), RULES)
    counts = Counter((f.rule, str(f.severity)) for f in result.findings)
    assert counts == Counter({("M003", "warning"): 29, ("M005", "warning"): 8,
                              ("M006", "warning"): 4, ("T007", "error"): 1,
                              ("T008", "error"): 1, ("V009", "error"): 1})


def test_samples_are_clean() -> None:
    result = lint_paths(sorted(SAMPLES.glob("*.yaml")), RULES)
    assert result.errors == []
    assert [f"{f.file}:{f.line}: {f.rule} {f.message}" for f in result.findings] == []
