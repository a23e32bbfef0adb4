from warledger.eval.textmatch import contains_phrase, word_share

PHRASE = "Russian drones struck an apartment block in Odesa"  # 6 content words


def test_exact_phrase_inside_a_longer_sentence_matches():
    assert contains_phrase("Overnight, Russian drones struck an apartment block in Odesa.", PHRASE)


def test_case_quotes_and_accents_do_not_matter():
    assert contains_phrase("Ukraine’s “primary task”", 'ukraine\'s "primary task"')
    assert contains_phrase("The Café reopened", "the cafe reopened")


def test_five_of_six_content_words_in_any_order_is_most_of_the_phrase():
    evidence = "In Odesa an apartment block was struck by Russian missiles"  # no "drones"
    assert word_share(PHRASE, evidence) == 5 / 6
    assert contains_phrase(evidence, PHRASE)


def test_four_of_six_content_words_is_not_enough():
    evidence = "An apartment block in Odesa was damaged"  # apartment, block, odesa (+ none)
    assert word_share(PHRASE, evidence) == 3 / 6
    assert not contains_phrase(evidence, PHRASE)
    evidence = "Russian drones hit a block in Odesa"  # russian, drones, block, odesa = 4/6
    assert not contains_phrase(evidence, PHRASE)


def test_empty_evidence_never_matches():
    assert not contains_phrase("", PHRASE)
