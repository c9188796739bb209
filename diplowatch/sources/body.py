"""Reading a response body under a size cap, decoding its content-coding as it comes.

The body is decoded here rather than by httpx, whose decoders expand a chunk in full before
anyone can count it; the cap counts decoded bytes as they are produced.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator

import httpx

from diplowatch.sources.fetch_errors import FetchError


async def read_capped(response: httpx.Response, host: str, max_bytes: int) -> bytes:
    """The body, decoded here rather than by httpx: its decoders expand a chunk in full
    before anyone can count it (a 204 kB gzip bomb became 296 MiB). The cap counts decoded
    bytes as they are produced, and at most one content-coding layer is accepted."""
    too_big = f"response from {host} is larger than {_size(max_bytes)} (cut off)"
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(too_big)
    decoder = _Decoder(response.headers.get("content-encoding", ""), host)
    chunks: list[bytes] = []
    size = 0
    async for raw in _raw(response):
        for chunk in decoder.feed(raw, max_bytes - size + 1):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(too_big)
            chunks.append(chunk)
    return b"".join(chunks)


async def _raw(response: httpx.Response) -> AsyncIterator[bytes]:
    """The undecoded body; a response built with its content already read (a test's mock
    transport answering twice) gives that content."""
    if response.is_stream_consumed:
        yield response.content
        return
    async for raw in response.aiter_raw():
        yield raw


class _Decoder:
    """identity, gzip or deflate, decoded with a bound on the output of every step."""

    def __init__(self, header: str, host: str) -> None:
        codings = [c.strip().lower() for c in header.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1:
            raise FetchError(f"refusing the response from {host}: it is encoded {len(codings)} "
                             f"times over ({header.strip()[:60]}); one content-coding is accepted")
        self.coding = codings[0] if codings else "identity"
        if self.coding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"refusing the response from {host}: unsupported content-coding "
                             f"{self.coding[:30]!r} (gzip and deflate are accepted)")
        self._zlib: zlib._Decompress | None = None

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        """Decoded pieces of ``data``, none longer than ``room`` at the time it is made."""
        if self.coding == "identity":
            yield data
            return
        if self._zlib is None:
            wbits = 16 + zlib.MAX_WBITS if self.coding != "deflate" else (
                zlib.MAX_WBITS if data[:1] and data[0] & 0x0F == 8 else -zlib.MAX_WBITS)
            self._zlib = zlib.decompressobj(wbits)  # deflate: zlib-wrapped or raw, as sent
        try:
            while data:
                piece = self._zlib.decompress(data, max(1, room))
                yield piece
                room -= len(piece)
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"the {self.coding} body is corrupt ({exc})") from None


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB" if n >= 1024 * 1024 else f"{n} bytes"
