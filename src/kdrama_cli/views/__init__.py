"""Views: Rich renderables, the ``--json`` documents and the console, built from answers. They never
read files and never ask questions of the catalogue themselves."""
