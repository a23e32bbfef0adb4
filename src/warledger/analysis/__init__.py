"""Analyses over the ledger as plain data: timelines, strikes around diplomacy, ceasefire
compliance and coverage health. Each is a pure function over consolidated events (or
publication records) returning a result with ``to_dict``; ``charts`` draws them and
``data`` loads their inputs from a store, live or from a snapshot."""
