"""Counts with their hedges: the qualifier is as much part of the fact as the number."""

from __future__ import annotations

import pytest

from warledger.nlp.numbers import find_counts, parse_count, word_value


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier"),
    [
        ("54", 54, "exact"),
        ("at least five", 5, "at_least"),
        ("more than 14,000", 14000, "more_than"),
        ("over 100", 100, "more_than"),
        ("nearly 300", 300, "at_most"),
        ("almost 20", 20, "at_most"),
        ("about 40", 40, "about"),
        ("some 300", 300, "about"),
        ("up to 300", 300, "up_to"),
        ("as many as 30", 30, "up_to"),
        ("no fewer than 12", 12, "at_least"),
        ("100 or more", 100, "at_least"),
        ("two people killed", 2, "exact"),
        ("thirteen injured", 13, "exact"),
        ("1.5 million", 1_500_000, "exact"),
        ("3,000", 3000, "exact"),
        ("a dozen", 12, "exact"),
        ("fifty-four drones", 54, "exact"),
        ("one hundred and twenty", 120, "exact"),
    ],
)
def test_parse_count(phrase, value, qualifier):
    count = parse_count(phrase)
    assert count is not None
    assert (count.value, count.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    "phrase", ["dozens", "hundreds of drones", "a 54-year-old woman", "$873 billion", "no one"]
)
def test_vague_or_non_counts_give_none(phrase):
    assert parse_count(phrase) is None


def test_count_keeps_its_words():
    count = parse_count("more than 14,000 troops")
    assert count is not None
    assert count.text == "more than 14,000"


def test_find_counts_in_a_sentence():
    text = (
        "Russia launched 54 drones at Odesa on October 24, of which 38 were intercepted; "
        "a 26-year-old man and at least five other civilians were hurt during a 30-day truce."
    )
    found = [(text[s:e], c.value, c.qualifier) for s, e, c in find_counts(text)]
    assert found == [("54", 54, "exact"), ("38", 38, "exact"), ("at least five", 5, "at_least")]


def test_word_value():
    assert word_value("twenty-one") == 21
    assert word_value("two thousand five hundred") == 2500
    assert word_value("drones") is None


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier"),
    [
        ("more than four dozen minerals", 48, "more_than"),
        ("between 1,500 and 3,000 troops", 1500, "at_least"),
        ("two or three drones", 2, "at_least"),
        ("10-15 people", 10, "at_least"),
    ],
)
def test_ranges_and_dozens(phrase, value, qualifier):
    count = parse_count(phrase)
    assert count is not None
    assert (count.value, count.qualifier) == (value, qualifier)


def test_a_change_from_one_figure_to_another_is_two_figures():
    text = "Attacks rose from 88 in 2023 to 388 in 2024."
    assert [c.value for _, _, c in find_counts(text)] == [88, 388]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout fell 2 percentage points.",
        "The blast was about 6 kilometers from the station.",
        "Olena Marchuk, 29, said the windows shattered.",
        "Diplomats from the Group of Seven met in Quebec.",
    ],
)
def test_measures_ages_and_names_are_not_counts(text):
    assert find_counts(text) == []
