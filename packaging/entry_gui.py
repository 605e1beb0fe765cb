"""Frozen entry point of ``workbench-gui`` (the desktop app); see launcher.py."""

import sys

from launcher import launch


def main() -> int:
    from workbench.ui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(launch(main))
