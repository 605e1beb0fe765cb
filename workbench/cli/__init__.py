"""The command line: thin commands over the core, one module per command group.

Each module exposes ``register(subparsers)``; business logic stays in the core.
"""
