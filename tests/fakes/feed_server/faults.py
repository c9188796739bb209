"""The faults the feed server can inject: slow, failing, reset, huge, dripping and redirecting
answers, for the next N requests or all of them."""

from __future__ import annotations

import asyncio
import socket
import struct
from dataclasses import dataclass

from aiohttp import web


@dataclass
class Fault:
    delay: float = 0.0
    status: int | None = None
    retry_after: str | None = None
    reset: bool = False
    huge: int = 0
    drip: float = 0.0
    drip_chunk: int = 16
    redirect: str | None = None
    redirect_status: int = 302
    times: int | None = None


def reset_connection(request: web.Request) -> web.StreamResponse:
    """Drop the connection with a TCP RST, before any response byte."""
    transport = request.transport
    sock = transport.get_extra_info("socket") if transport else None
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    if transport is not None:
        transport.abort()
    return web.Response(status=500)


async def stream(
    request: web.Request,
    body: bytes,
    *,
    total: int | None = None,
    chunk: int = 65536,
    pause: float = 0.0,
    headers: dict[str, str] | None = None,
) -> web.StreamResponse:
    """Write ``body`` in chunks (repeated up to ``total`` bytes), pausing between chunks."""
    response = web.StreamResponse(headers=headers)
    await response.prepare(request)
    sent, limit = 0, total if total is not None else len(body)
    try:
        while sent < limit:
            piece = body[sent % len(body) :][:chunk][: limit - sent]
            await response.write(piece)
            sent += len(piece)
            if pause:
                await asyncio.sleep(pause)
        await response.write_eof()
    except (ConnectionError, RuntimeError):
        pass  # the client gave up, as it should
    return response
