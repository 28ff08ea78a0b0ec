"""The rate resolver agrees with an independent, table-driven oracle of CloudStack's rules."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from netplan_cs.facts.rates import resolve_rates
from netplan_cs.model.build import build_plan

DEFAULT_MBPS = 200
ABSENT = object()

# What CloudStack does with an offering's networkrate, by offering kind and kind of value
# (createServiceOffering rejects negatives, createNetworkOffering stores them as 0, the
# nw_rate column holds at most 65535; the resolver shows a rejected rate as unset).
OFFERING_RULE = {
    ("service", "unset"): "inherit", ("service", "zero"): "unlimited",
    ("service", "positive"): "own", ("service", "negative"): "inherit",
    ("service", "too-big"): "inherit",
    ("network", "unset"): "inherit", ("network", "zero"): "unlimited",
    ("network", "positive"): "own", ("network", "negative"): "unlimited",
    ("network", "too-big"): "inherit",
}
# Which offering and which setting scopes decide each NIC class (NetworkModelImpl.getNetworkRate)
NIC_RULE = {
    "user-vm-default": ("service", "vm.network.throttling.rate", ("global",)),
    "user-vm-additional": ("network", "network.throttling.rate", ("zone", "global")),
    "router-guest": ("network", "network.throttling.rate", ("zone", "global")),
    "router-public": ("network", "network.throttling.rate", ("zone", "global")),
}


def kind_of(rate: int | None) -> str:
    if rate is None:
        return "unset"
    if rate == 0:
        return "zero"
    if rate < 0:
        return "negative"
    return "too-big" if rate > 65535 else "positive"


def setting_value(raw: Any) -> int:
    """A present setting's value: a whole non-negative number, or CloudStack's default."""
    if type(raw) is int and 0 <= raw < 2**31:
        return raw
    if type(raw) is str and raw.strip().isascii() and raw.strip().isdigit():
        return int(raw.strip()) if int(raw.strip()) < 2**31 else DEFAULT_MBPS
    return DEFAULT_MBPS


def oracle(nic: str, rates: dict[str, int | None], scopes: dict[str, dict[str, Any]]) -> Any:
    kind, setting, order = NIC_RULE[nic]
    action = OFFERING_RULE[(kind, kind_of(rates[kind]))]
    if action == "unlimited":
        return None
    if action == "own":
        return rates[kind]
    value = DEFAULT_MBPS
    for scope in order:
        if setting in scopes[scope]:
            value = setting_value(scopes[scope][setting])
            break
    return None if value == 0 else value


setting_raw = st.one_of(
    st.just(ABSENT), st.sampled_from([-1, 0, 1, 65535, 65536, "-1", "+5"]),
    st.integers(-10, 100_000), st.integers(2**31 - 2, 2**31 + 1),
    st.integers(0, 5000).map(str), st.sampled_from(["abc", "-5", "1.5", " 300 ", "0", "", "²"]),
    st.booleans(), st.floats(0, 10, allow_nan=False))
offering_rate = st.one_of(st.none(), st.sampled_from([-1, 0, 1, 65535, 65536]),
                          st.integers(-100, 70_000))


@settings(max_examples=400, deadline=None)
@given(global_net=setting_raw, global_vm=setting_raw, zone_net=setting_raw, zone_vm=setting_raw,
       service_rate=offering_rate, network_rate=offering_rate)
def test_resolver_matches_the_oracle(global_net: Any, global_vm: Any, zone_net: Any,
                                     zone_vm: Any, service_rate: int | None,
                                     network_rate: int | None) -> None:
    def present(**values: Any) -> dict[str, Any]:
        return {f"{k.replace('_', '.')}.throttling.rate": v for k, v in values.items()
                if v is not ABSENT}

    global_settings = present(network=global_net, vm_network=global_vm)
    zone_settings = present(network=zone_net, vm_network=zone_vm)
    service: dict[str, Any] = {"name": "S"}
    network: dict[str, Any] = {"name": "N", "guestiptype": "Isolated"}
    if service_rate is not None:
        service["networkrate"] = service_rate
    if network_rate is not None:
        network["networkrate"] = network_rate
    plan, problems, _ = build_plan({
        "settings": global_settings,
        "zones": [{"name": "z", "networktype": "Advanced", "dns1": "8.8.8.8",
                   "internaldns1": "8.8.4.4", "settings": zone_settings}],
        "offerings": {"service": [service], "network": [network]}})
    assert plan is not None and problems == []
    table = resolve_rates(plan)
    scopes = {"global": global_settings, "zone": zone_settings}
    rates = {"service": service_rate, "network": network_rate}
    for row in table.by_zone[0]:
        if row.nic in NIC_RULE:
            expected = oracle(row.nic, rates, scopes)
            assert row.effective_mbps == expected, (row.nic, row.via)
            assert row.kvm_kbps == (None if expected is None else expected * 125)
        else:
            assert row.unlimited, row
    assert [row.nic for row in table.by_zone[0] if row.nic in NIC_RULE] == list(NIC_RULE)
