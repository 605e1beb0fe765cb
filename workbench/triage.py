"""The screening pipeline: path -> Draft -> claims -> verdicts (shared by the CLI and the GUI)."""
