"""Command-line interface: thin doors onto the library."""
