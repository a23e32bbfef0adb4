"""Cleaning keeps the article and drops scraped junk (synthetic snippets, one per behaviour)."""

from __future__ import annotations

import pytest

from warledger.ingest.clean import clean_text


def test_article_text_is_kept_word_for_word() -> None:
    text = "Officials said 12 drones were shot down near the “eastern” border — none hit homes."
    assert clean_text(text) == text


def test_paragraphs_are_lines_and_spacing_is_normalised() -> None:
    text = "  First  paragraph\u00a0here. \r\n\r\n\tSecond paragraph.\u200b\n"
    assert clean_text(text) == "First paragraph here.\nSecond paragraph."


@pytest.mark.parametrize(
    "widget", ["Comments", "0 comments", "Leave a comment", "Leave a Reply", "12 Comments"]
)
def test_comment_widgets_are_dropped(widget: str) -> None:
    text = f"The bridge reopened on Monday after repairs.\n{widget}"
    assert clean_text(text) == "The bridge reopened on Monday after repairs."


@pytest.mark.parametrize("line", ["By Jane Q. Example", "Author avatar", "Jane Example avatar"])
def test_bylines_and_avatars_are_dropped(line: str) -> None:
    text = f"{line}\nThe council voted to rebuild the school."
    assert clean_text(text) == "The council voted to rebuild the school."


def test_a_sentence_that_starts_with_by_is_not_a_byline() -> None:
    text = "By contrast, the northern districts kept their power supply all week."
    assert clean_text(text) == text


def test_find_out_more_tail_glued_after_a_sentence_is_cut() -> None:
    text = "Ministers met twice in one week.. Find out more about the latest grain deal news."
    assert clean_text(text) == "Ministers met twice in one week."


def test_find_out_more_tail_after_a_heading_is_cut() -> None:
    text = "What Comes Next. Find out more about sanctions tips guide.\nBody text follows."
    assert clean_text(text) == "What Comes Next.\nBody text follows."


def test_lower_case_find_out_more_inside_a_sentence_is_kept() -> None:
    text = "Investigators hope to find out more about the cause of the fire."
    assert clean_text(text) == text


def test_cite_and_link_artifacts_are_removed() -> None:
    text = (
        "The plan has ten points [cite: 4, 7]. It was [cite_start]published on Friday "
        "[link to an internal article about earlier plans], officials said."
    )
    assert clean_text(text) == (
        "The plan has ten points. It was published on Friday, officials said."
    )


@pytest.mark.parametrize(
    "promo", ["IN FOCUS: WHY THE MARKETS FELL", "Read more: Ten things to know", "RELATED: Storm"]
)
def test_cross_promotion_headings_are_dropped(promo: str) -> None:
    text = f"Rail traffic resumed at noon.\n{promo}\nFreight trains ran late."
    assert clean_text(text) == "Rail traffic resumed at noon.\nFreight trains ran late."


def test_title_and_lead_repeated_twice_keep_one_lead_and_no_title() -> None:
    text = (
        "Harbour reopens after repairs\n"
        "The harbour reopened on Tuesday, the port authority said.\n"
        "Harbour reopens after repairs\n"
        "The harbour reopened on Tuesday, the port authority said.\n"
        "Ships queued outside the breakwater."
    )
    cleaned = clean_text(text, title="Harbour reopens after repairs")
    assert cleaned == (
        "The harbour reopened on Tuesday, the port authority said.\n"
        "Ships queued outside the breakwater."
    )


def test_closing_call_to_comment_is_dropped() -> None:
    text = "The vote is due next week.\nWhat do you expect? Share your thoughts below."
    assert clean_text(text) == "The vote is due next week."


def test_cleaning_is_idempotent() -> None:
    text = "Headline\nBy Jane Example\nA lead sentence here.. Find out more about things.\nComments"
    once = clean_text(text, title="Headline")
    assert clean_text(once, title="Headline") == once


def test_voa_story_text_is_already_clean(ingest_data) -> None:
    import json

    for line in (ingest_data / "voa_two.jsonl").read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        assert clean_text(story["text"], title=story["title"]) == story["text"]


def test_scraped_seed_articles_lose_their_junk_and_keep_their_text(shared_dir) -> None:
    for path in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        cleaned = clean_text(raw)
        for junk in (
            "Find out more about",
            "[cite",
            "[link to",
            "IN FOCUS:",
            "Share your thoughts",
        ):
            assert junk not in cleaned, (path.name, junk)
        assert "Leave a comment" not in cleaned.splitlines()
        assert len(cleaned) > 0.85 * len(raw), path.name
