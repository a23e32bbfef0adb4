"""The words around a name that tell whether it is a place: entity labels, area words,
prepositions and nouns that introduce a place, and verbs that make a city a government.

English word lists read by :mod:`warledger.nlp.places.finder`.
"""

from __future__ import annotations

from warledger.nlp.places.tokens import SUFFIX_WORDS

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


# A name followed by one of these is an area, never a town of the town list ("Borno state").
AREA_AFTER = frozenset(
    {"state", "region", "province", "governorate", "department", "district", "county",
     "prefecture", "oblast", "raion", "territory", "division", "zone", "strip", "valley"}
)


ARTICLES = frozenset({"the", "a", "an"})


POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


CALENDAR = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)


# Lower-case words that can start a place phrase ("southern Russia", "the front line").
REGION_STARTERS = frozenset(
    {
        "northern", "southern", "eastern", "western", "central", "northeastern",
        "southeastern", "northwestern", "southwestern", "north", "south", "east", "west",
        "northeast", "southeast", "northwest", "southwest", "front", "frontline",
    }
)


# The plural after a list gives every member its area: "the Lviv and Volyn regions".
PLURAL_SUFFIXES = {
    "regions": "region", "oblasts": "oblast", "provinces": "province",
    "districts": "district", "raions": "raion", "rayons": "rayon",
    "communities": "community", "hromadas": "hromada", "municipalities": "municipality",
}


# "<noun> of X" (also "in control of X", "the fall of X") says X is a place, whatever the model.
PLACE_NOUNS = frozenset(
    {
        "village", "villages", "town", "towns", "city", "cities", "settlement", "settlements",
        "hamlet", "outskirts", "suburb", "suburbs", "region", "oblast", "province", "district",
        "community", "port", "capital", "centre", "center", "direction", "area", "liberation",
        "capture", "outskirt", "control", "encirclement", "siege", "occupation", "fall", "shelling",
        "bombardment", "storming", "defence", "defense", "evacuation",
    }
)


# Acts and people whose "of X" names a place: "the shelling of Kherson", "residents of X".
OF_PLACE_ACTS = frozenset(
    {
        "shelling", "bombardment", "bombing", "siege", "encirclement", "occupation",
        "storming", "evacuation", "residents", "outskirts",
        # "pulled out of Vuhledar", "pushed the Russians out of X": the place left
        "out",
    }
)


# Words right before a name that usually introduce a place.
PLACE_PREPOSITIONS = frozenset(
    {
        "in", "near", "at", "around", "outside", "towards", "toward", "into", "from", "to",
        "on", "over", "across", "inside", "via", "captured", "liberated", "seized", "took",
        "retook", "recaptured", "entered", "shelled", "struck", "hit", "attacked",
        "targeted", "reached", "approaching", "bombed", "village", "town", "city",
        # the object of taking ground: "had taken Novoekonomichne", "stormed X"
        "taken", "retaken", "capture", "recapture", "seize", "take", "retake", "occupied",
        "stormed", "encircled", "regained",
        # the same acts told in the present, as news summaries are ("Russia attacks Kharkiv")
        "attack", "attacks", "strike", "strikes", "hits", "shell", "shells", "bomb", "bombs",
        "bombard", "bombards", "bombarded", "target", "targets", "pound", "pounds", "pounded",
        "captures", "liberates", "seizes", "takes", "retakes", "recaptures", "enters",
        "reach", "reaches", "encircles", "storms", "regains",
    }
)


# Words between a preposition and a place that leave the cue standing: "in neighbouring
# Marhanets", "near occupied Horlivka".
PLACE_ADJECTIVES = frozenset(
    {
        "neighbouring", "neighboring", "nearby", "occupied", "russian-occupied",
        "frontline", "front-line", "embattled", "besieged", "liberated", "recaptured",
        "devastated", "war-torn",
    }
)


# Prepositions that also take people ("a letter to X", "a call from X"): alone they do not
# outweigh the model reading a village name as a person.
NOT_LOCATIVE = frozenset({"to", "from", "on", "over", "via", "at"})


# Nouns of an attack: "on" after them introduces where it landed ("bombs on X").
ATTACK_NOUNS = frozenset(
    {
        "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bomb",
        "bombs", "shelling", "shells", "missile", "missiles", "rocket", "rockets", "drone",
        "drones", "assault", "assaults", "raid", "raids", "fire", "barrage",
    }
)


# An unknown area with these words is kept: a city's district ("Kyiv's Shevchenkivskyi
# district") resolves to its city.
CITY_DISTRICT_WORDS = frozenset({"district", "raion", "rayon"})


# Words right after a name that say it is a place ("the Pokrovsk direction").
PLACE_FOLLOWERS = frozenset(
    SUFFIX_WORDS | set(PLURAL_SUFFIXES) | {"direction", "axis", "sector", "front", "area"}
)


# A city as the subject of these verbs is its government ("Moscow denied", "Washington
# warned"): an actor, not where something happened.
SPEAKING_VERBS = frozenset(
    {
        "said", "says", "warned", "warns", "denied", "denies", "accused", "accuses",
        "insisted", "insists", "announced", "announces", "urged", "urges", "demanded",
        "demands", "rejected", "rejects", "claimed", "claims", "condemned", "condemns",
        "responded", "responds", "refused", "refuses", "agreed", "agrees", "threatened",
        "threatens", "welcomed", "welcomes", "signalled", "signaled", "proposed",
        "proposes", "argued", "argues", "vowed", "vows", "pledged", "pledges",
    }
)
