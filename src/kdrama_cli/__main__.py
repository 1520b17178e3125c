"""Run kdrama as ``python -m kdrama_cli``."""

from kdrama_cli.cli import main

if __name__ == "__main__":
    main()
