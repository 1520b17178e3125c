"""Run kdrama as ``python -m kdrama_cli``."""

from kdrama_cli.launch import main

if __name__ == "__main__":
    main()
