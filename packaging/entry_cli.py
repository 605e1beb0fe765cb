"""Frozen entry point of ``workbench`` (the command line); see launcher.py."""

import sys

from launcher import launch


def main() -> int:
    from workbench.cli.main import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(launch(main))
