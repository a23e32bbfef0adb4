"""The analyst dashboard: server-rendered pages (Jinja2), SVG charts, a little JS."""

from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
