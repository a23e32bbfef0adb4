"""URLs and feeds over real HTTP on loopback: articles, feeds, errors, timeouts, safety."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from warledger.errors import InputError
from warledger.ingest.readers import iter_raw, web
from warledger.ingest.readers.web import Fetcher, FetchError, check_public

pytestmark = pytest.mark.network


def fetcher(**kwargs) -> Fetcher:
    options = {"allow_private": True, "timeout": 2.0, "retries": 1, "backoff": 0.0}
    return Fetcher(**{**options, **kwargs})


def read_all(sources: list[str], f: Fetcher) -> tuple[list, list[InputError]]:
    docs, errors = [], []
    for item in iter_raw(sources, fetcher=f):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_article_url_is_fetched_and_extracted(local_site, ingest_data: Path) -> None:
    local_site.serve("/world/drones.html", body=(ingest_data / "article.html").read_bytes())
    with fetcher() as f:
        docs, errors = read_all([local_site.url("/world/drones.html")], f)
    assert errors == []
    (doc,) = docs
    assert "grain terminal" in doc.text
    assert doc.url == local_site.url("/world/drones.html")
    assert doc.source == "127.0.0.1"  # no --source: the URL's host names the outlet
    assert doc.published == "2025-04-20"


def test_feed_items_pages_are_fetched_and_a_dead_item_is_reported(
    local_site, ingest_data: Path
) -> None:
    feed = (ingest_data / "feed.xml").read_text(encoding="utf-8").replace("{base}", local_site.base)
    local_site.serve("/feed.xml", body=feed.encode(), content_type="application/rss+xml")
    local_site.serve("/article.html", body=(ingest_data / "article.html").read_bytes())
    local_site.serve(
        "/no_date_article.html", body=(ingest_data / "no_date_article.html").read_bytes()
    )
    with fetcher() as f:
        docs, errors = read_all([local_site.url("/feed.xml")], f)
    assert [d.title for d in docs] == [
        "Drones strike port city overnight",
        "Talks on prisoner exchange resume",
    ]
    # The page without a date takes the feed item's date.
    assert docs[1].published == "2025-04-21T09:00:00Z"
    assert [(e.origin, e.reason) for e in errors] == [
        (local_site.url("/missing"), "HTTP 404 Not Found")
    ]


def test_404_is_not_retried(local_site) -> None:
    with fetcher(retries=2) as f, pytest.raises(FetchError, match="HTTP 404"):
        f.fetch(local_site.url("/gone"))
    assert local_site.hits["/gone"] == 1


def test_500_is_retried_then_reported(local_site) -> None:
    local_site.serve("/broken", status=500, body=b"oops")
    with fetcher(retries=2) as f, pytest.raises(FetchError, match="HTTP 500"):
        f.fetch(local_site.url("/broken"))
    assert local_site.hits["/broken"] == 3


def test_slow_response_times_out(local_site) -> None:
    local_site.serve("/slow", body=b"<p>late</p>", delay=1.5)
    with fetcher(timeout=0.3, retries=0) as f, pytest.raises(FetchError, match="timed out"):
        f.fetch(local_site.url("/slow"))


def test_response_over_the_size_cap_is_refused(local_site) -> None:
    local_site.serve("/big", body=b"x" * 5000)
    with fetcher(max_bytes=1000) as f, pytest.raises(FetchError, match="cap"):
        f.fetch(local_site.url("/big"))


def test_user_agent_is_sent(local_site) -> None:
    url = local_site.serve("/ua", b"ok", content_type="text/plain")
    with fetcher(user_agent="warledger-test/1") as f:
        f.fetch(url)
    assert local_site.user_agents == ["warledger-test/1"]


def test_loopback_is_refused_without_allow_private(local_site) -> None:
    local_site.serve("/a", body=b"<p>hi</p>")
    with Fetcher(allow_private=False) as f:
        docs, errors = read_all([local_site.url("/a")], f)
    assert docs == []
    assert "non-public address 127.0.0.1" in errors[0].reason
    assert local_site.hits.get("/a") is None  # refused before any request


def test_redirect_to_a_private_address_is_refused(local_site, monkeypatch) -> None:
    real_blocked = web._blocked

    def loopback_counts_as_public(address: str) -> bool:
        return address != "127.0.0.1" and real_blocked(address)

    monkeypatch.setattr(web, "_blocked", loopback_counts_as_public)
    url = local_site.serve("/hop", status=302, headers={"Location": "http://10.0.0.1/x"})
    with (
        Fetcher(allow_private=False, retries=0) as f,
        pytest.raises(FetchError, match=r"10\.0\.0\.1"),
    ):
        f.fetch(url)
    assert local_site.hits["/hop"] == 1


def test_a_name_that_rebinds_to_loopback_never_reaches_it(local_site, monkeypatch) -> None:
    # DNS rebinding: the name answers a public address when checked and loopback on the
    # next lookup. The name is resolved once and the connection goes to the checked
    # address, so the request can never be delivered to the private one.
    port = int(local_site.base.rsplit(":", 1)[1])
    answers = iter(["93.184.215.14", "127.0.0.1", "127.0.0.1", "127.0.0.1"])
    lookups: list[str] = []

    def rebinding(host, port_, *args, **kwargs):
        if host[0].isdigit():  # an address literal is its own answer
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (host, port_))]
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port_))]

    local_site.serve("/secret", body=b"<p>internal</p>")
    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with Fetcher(allow_private=False, retries=0, timeout=0.5) as f, pytest.raises(FetchError):
        f.fetch(f"http://rebind.example:{port}/secret")
    assert local_site.hits.get("/secret") is None
    assert lookups == ["rebind.example"]


def test_the_checked_address_is_connected_to_with_the_url_host_header(
    local_site, monkeypatch
) -> None:
    port = int(local_site.base.rsplit(":", 1)[1])

    def resolves_to_loopback(host, port_, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port_))]

    local_site.serve("/story", body=b"<p>Kyiv said talks would resume.</p>")
    monkeypatch.setattr(socket, "getaddrinfo", resolves_to_loopback)
    with fetcher() as f:
        page = f.fetch(f"http://news.example:{port}/story")
    assert page.url == f"http://news.example:{port}/story"
    assert local_site.hosts == [f"news.example:{port}"]


def test_a_slow_drip_response_stops_at_the_overall_deadline(local_site) -> None:
    # 40 bytes, one every 0.1 s: each read is quick, the whole takes 4 s.
    url = local_site.serve("/drip", body=b"<p>" + b"x" * 33 + b"</p>", drip=0.1)
    with fetcher(deadline=1.0, timeout=5.0) as f, pytest.raises(FetchError, match="deadline"):
        f.fetch(url)


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.7", "169.254.169.254", "::1", "fe80::1"]
)
def test_private_loopback_and_link_local_addresses_are_refused(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(FetchError, match="non-public"):
        check_public(f"http://{host}/")


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_getaddrinfo(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(FetchError, match=r"10\.0\.0\.5"):
        check_public("https://news.example/story")
