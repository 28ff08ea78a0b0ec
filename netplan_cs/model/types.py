"""Value types of the plan: addresses, masks, prefixes, VLAN IDs and flags.

Each is parsed once, into netaddr objects or integers, so rules never re-parse
strings. Spellings CloudStack accepts case-insensitively are normalised here.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

import netaddr
from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, PlainSerializer
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from netplan_cs.display import shown
from netplan_cs.spelling import nearest

_WHOLE = re.compile(r"[-+]?[0-9]{1,30}\Z")  # ASCII only: "²".isdigit() is true, int() fails
_FLAG_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def whole_number(text: str) -> int | None:
    """Signed ASCII digits (up to 30 of them) as an int; None for anything else."""
    text = text.strip()
    return int(text) if _WHOLE.match(text) else None


def is_ipv4(text: str) -> bool:
    """A strict dotted quad; False (not ValueError) for text with a NUL byte in it."""
    try:
        return bool(netaddr.valid_ipv4(text, netaddr.INET_PTON))
    except ValueError:
        return False


def ipv4_of(text: str) -> netaddr.IPAddress | None:
    """`text` (blanks around it ignored) as a strict dotted-quad IPv4 address, else None:
    host names are common where an address may stand, so no exception is raised for them."""
    try:  # inet_pton is strict (no shorthands, no leading zeros) and twice netaddr's speed
        packed = socket.inet_pton(socket.AF_INET, text.strip())
    except (OSError, ValueError):
        return None
    return netaddr.IPAddress(int.from_bytes(packed, "big"), 4)


def parse_ipv4(value: Any) -> netaddr.IPAddress:
    """A dotted-quad IPv4 address, strictly (no `10.1` shorthands)."""
    if not isinstance(value, str):
        if isinstance(value, netaddr.IPAddress):
            return value
        raise ValueError(f"expected an IPv4 address such as 192.168.1.10, got {shown(value)}")
    address = ipv4_of(value)
    if address is None:
        raise ValueError(f"{shown(value)} is not an IPv4 address (expected a.b.c.d)")
    return address


def parse_netmask(value: Any) -> netaddr.IPAddress:
    """A contiguous dotted netmask such as 255.255.255.0 (CloudStack takes no /24 here)."""
    if isinstance(value, str) and value.strip().startswith("/"):
        raise ValueError(f"netmask {shown(value)} must be dotted, e.g. 255.255.255.0")
    try:
        mask = parse_ipv4(value)
    except ValueError:
        raise ValueError(f"{shown(value)} is not a netmask (expected e.g. 255.255.255.0)") from None
    if not mask.is_netmask() or int(mask) == 0:
        raise ValueError(f"netmask {value} is not contiguous ones followed by zeros")
    return mask


def parse_cidr(value: Any) -> netaddr.IPNetwork:
    """An IPv4 prefix `a.b.c.d/n`; host bits are kept (rule A001 reports them)."""
    if isinstance(value, netaddr.IPNetwork):
        return value
    if not isinstance(value, str) or "/" not in value:
        raise ValueError(f"expected a CIDR such as 10.1.1.0/24, got {shown(value)}")
    address, _, prefix = value.strip().partition("/")
    bits = whole_number(prefix) if prefix.isascii() and prefix.isdigit() else None
    if bits is None or not 0 <= bits <= 32:
        raise ValueError(f"{shown(value)}: the prefix length must be 0 to 32")
    return netaddr.IPNetwork(f"{parse_ipv4(address)}/{bits}")


def parse_flag(value: Any) -> bool:
    """A boolean; Marvin writes them as strings ("true", "True")."""
    if isinstance(value, bool):
        return value
    flag = _FLAG_WORDS.get(value.strip().lower()) if isinstance(value, str) else None
    if flag is not None:
        return flag
    raise ValueError(f"expected true or false, got {shown(value)}")


def parse_count(value: Any) -> int:
    """A whole number; numeric strings are accepted as Marvin writes them."""
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number, got {shown(value)}")
    if isinstance(value, int):
        return value
    number = whole_number(value) if isinstance(value, str) else None
    if number is not None:
        return number
    raise ValueError(f"expected a whole number, got {shown(value)}")


def parse_vlan_id(value: Any) -> int | str:
    """A VLAN tag: a number, `untagged`, or CloudStack's `vlan://N` form."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("untagged", "vlan://untagged"):
            return "untagged"
        text = text.removeprefix("vlan://")
        number = whole_number(text) if text.isascii() and text.isdigit() else None
        if number is not None:
            return number
        raise ValueError(f"VLAN {shown(value)} must be a number or `untagged`")
    number = parse_count(value)
    if number < 0:
        raise ValueError(f"VLAN {shown(value)} cannot be negative")
    return number


def empty_list() -> list[Any]:
    """A field's fresh empty list. A Python function rather than `list`: pydantic reads every
    default factory's signature, and a builtin's is parsed from text, slowly, at each start."""
    return []


def empty_dict() -> dict[str, Any]:
    """A field's fresh empty mapping (a Python function for the reason `empty_list` gives)."""
    return {}


def _any_case(word: str) -> str:
    """A regular expression for `word` in any case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.upper() != c.lower() else re.escape(c)
                   for c in word)


class Unrecognised(str):
    """A closed-set value P001 has reported, put back so the rest of its element is still
    linted (a cluster with a misspelt hypervisor keeps its hosts). Loaders only make plain
    strings, so a plan file can never produce one."""


class UnknownChoiceError(ValueError):
    """A value outside its closed set; `keep` says the model may keep it as Unrecognised."""

    def __init__(self, message: str, keep: bool) -> None:
        super().__init__(message)
        self.keep = keep


@dataclass(frozen=True)
class OneOf:
    """A value from a closed set CloudStack reads in any case.

    With `normalise`, the model stores the canonical spelling and refuses anything else
    (P001) with the nearest one; without, the value is kept as written for a rule to judge
    (P007). With `keep`, a refused value is reported and then kept as Unrecognised, for a
    field whose element would otherwise go with it. Either way the JSON Schema carries the
    set as an enum, so an editor offers it.
    """

    choices: tuple[tuple[str, str], ...]  # (spelling in any case, canonical spelling)
    what: str
    normalise: bool = True
    keep: bool = False

    @classmethod
    def of(cls, choices: dict[str, str] | tuple[str, ...], what: str,
           normalise: bool = True, keep: bool = False) -> OneOf:
        pairs = choices.items() if isinstance(choices, dict) else ((c, c) for c in choices)
        return cls(tuple((key.lower(), canon) for key, canon in pairs), what, normalise, keep)

    @cached_property
    def canonical(self) -> list[str]:
        return sorted({canon for _, canon in self.choices})

    @cached_property
    def _lookup(self) -> dict[str, str]:
        return dict(self.choices)

    def _check(self, value: Any) -> Any:
        if self.keep and isinstance(value, Unrecognised):
            return str(value)
        canon = self._lookup.get(value.strip().lower()) if isinstance(value, str) else None
        if canon is not None:
            return canon
        hint = nearest(value, self.canonical) if isinstance(value, str) else None
        guess = f" (did you mean {hint}?)" if hint else ""
        raise UnknownChoiceError(f"unknown {self.what} {shown(value)}{guess}; expected one of "
                            f"{', '.join(self.canonical)}", self.keep and isinstance(value, str))

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        inner = handler(source)
        if not self.normalise:
            return inner
        return core_schema.no_info_before_validator_function(self._check, inner)

    def __get_pydantic_json_schema__(self, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        spellings = sorted({key for key, _ in self.choices})  # keys are lower case
        return {"type": "string",
                "anyOf": [{"enum": self.canonical},
                          {"pattern": "^(" + "|".join(map(_any_case, spellings)) + ")$"}],
                "description": f"{self.what}: one of {', '.join(self.canonical)} (any case)"}


_as_str = PlainSerializer(str, return_type=str)
IPv4 = Annotated[netaddr.IPAddress, BeforeValidator(parse_ipv4), _as_str]
Netmask = Annotated[netaddr.IPAddress, BeforeValidator(parse_netmask), _as_str]
Cidr = Annotated[netaddr.IPNetwork, BeforeValidator(parse_cidr), _as_str]
Flag = Annotated[bool, BeforeValidator(parse_flag)]
Count = Annotated[int, BeforeValidator(parse_count)]
VlanId = Annotated[int | str, BeforeValidator(parse_vlan_id)]

HYPERVISORS = {"kvm": "KVM", "xenserver": "XenServer", "xcpng": "XenServer", "vmware": "VMware",
               "hyperv": "Hyperv", "simulator": "Simulator", "baremetal": "BareMetal",
               "lxc": "LXC", "ovm3": "Ovm3"}
Hypervisor = Annotated[str, OneOf.of(HYPERVISORS, "hypervisor", keep=True)]
_lower_in_files = PlainSerializer(str.lower, return_type=str, when_used="json")  # the README's form
ZoneType = Annotated[str, OneOf.of({"basic": "Basic", "advanced": "Advanced"}, "zone type"),
                     _lower_in_files]
TrafficKind = Annotated[str, OneOf.of(
    {"management": "Management", "guest": "Guest", "public": "Public", "storage": "Storage"},
    "traffic type"), _lower_in_files]
BroadcastDomain = Annotated[str, OneOf.of({"zone": "ZONE", "pod": "POD"},
                                          "broadcast domain range")]
GuestIpType = Annotated[str, OneOf.of(
    {"isolated": "Isolated", "shared": "Shared", "l2": "L2"}, "guest IP type")]
SWITCH_VENDORS = ("cisco-ios", "arista-eos", "junos")  # the trunks snippet formats
SwitchVendor = Annotated[str, OneOf.of(SWITCH_VENDORS, "switch vendor")]

# Kept as written and judged by P007, which says what CloudStack does with each:
# PhysicalNetwork.IsolationMethod plus the NSX, Tungsten Fabric and Netris plugins' methods
ISOLATION_METHODS = ("VLAN", "L3", "GRE", "STT", "BCF_SEGMENT", "MIDO", "SSP", "VXLAN", "ODL",
                     "L3VPN", "VSP", "VCS", "TF", "NSX", "NETRIS")
IsolationMethod = Annotated[str, OneOf.of(ISOLATION_METHODS, "isolation method",
                                          normalise=False)]
# ScopeType values a primary storage pool can have (REGION and GLOBAL belong to image stores)
STORAGE_SCOPES = ("cluster", "zone", "host")
StorageScope = Annotated[str, OneOf.of(STORAGE_SCOPES, "storage scope", normalise=False)]
SYSTEM_VM_TYPES = ("domainrouter", "consoleproxy", "secondarystoragevm",
                   "internalloadbalancervm")  # createServiceOffering's systemvmtype
SystemVmType = Annotated[str, OneOf.of(SYSTEM_VM_TYPES, "system VM type", normalise=False)]
