"""Child process for the crash test: prefetches many names slowly into a cache directory,
announcing each committed batch on stdout, until it is killed."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx

from reader.tools.stubwiki import StubPage, StubWiki
from reader.wiki.cache import Cache
from reader.wiki.client import WikiClient
from reader.wiki.service import LookupService


async def main(cache_dir: Path) -> None:
    wiki = StubWiki()
    names = [f"Ort {i:03d}" for i in range(400)]
    for name in names:
        wiki.add("de", StubPage(name, f"{name} ist ein Ort. Er liegt am Fluss.", "Ort"))
    inner = wiki.transport()

    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05)
        return inner.handle_request(request)

    service = LookupService(WikiClient("https://{lang}.wiki.test/w/api.php",
                                       transport=httpx.MockTransport(slow)),
                            Cache(cache_dir))
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        print(done, flush=True)

    await service.prefetch(names, "de", progress=progress)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
