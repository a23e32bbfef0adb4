"""The peace process as registers over consolidated events and stated positions:
ceasefires (with violations inside their windows), talks rounds, proposals and the
positions matrix. Pure functions over plain data; the CLI and the web call them."""

from warledger.ledger.peace.ceasefires import (
    Allegation,
    Ceasefire,
    CeasefireRegister,
    build_register,
    group_ceasefires,
)
from warledger.ledger.peace.positions import (
    Cell,
    PositionsMatrix,
    Statement,
    matrix_from_records,
    positions_matrix,
)
from warledger.ledger.peace.proposals import Proposal, Response, list_points, proposals_register
from warledger.ledger.peace.talks import TalksRound, talks_rounds

__all__ = [
    "Allegation",
    "Ceasefire",
    "CeasefireRegister",
    "Cell",
    "PositionsMatrix",
    "Proposal",
    "Response",
    "Statement",
    "TalksRound",
    "build_register",
    "group_ceasefires",
    "list_points",
    "matrix_from_records",
    "positions_matrix",
    "proposals_register",
    "talks_rounds",
]
