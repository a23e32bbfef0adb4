"""The HTTP interface: ``create_app`` builds the FastAPI app (API + dashboard)."""

from warledger.interfaces.api.app import create_app

__all__ = ["create_app"]
