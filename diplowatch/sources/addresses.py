"""Which network addresses sources may be fetched from (the SSRF guard's rules)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable

Resolver = Callable[[str, int], Awaitable[list[str]]]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# All global unicast IPv6 is allocated from 2000::/3. Outside it, Python 3.11 still calls some
# addresses global that a local network may route inwards: IPv4-compatible ::a.b.c.d, SIIT
# ::ffff:0:a.b.c.d, the local-use NAT64 prefix 64:ff9b:1::/48.
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")


class AddressRefused(OSError):
    """A name resolved, at connect time, to an address sources may not reach."""


def refused_reason(host: str, address: str) -> str:
    return f"refusing to fetch {host}: it resolves to non-public address {address}"


def is_public_address(address: str) -> bool:
    """True for globally routable unicast addresses (IPv4-mapped/6to4/NAT64 IPv6 unwrapped)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        elif ip not in _GLOBAL_UNICAST_V6:
            return False
    return ip.is_global and not ip.is_multicast


async def resolve(host: str, port: int) -> list[str]:
    """Addresses of ``host`` from the system resolver (loop.getaddrinfo)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})
