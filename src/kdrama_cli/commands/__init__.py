"""One module per group of commands; each defines plain click commands that cli.py registers."""
