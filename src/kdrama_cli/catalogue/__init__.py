"""The catalogue: the data's shape (models, vocabularies), finding, reading, validating and merging
dataset files, and the importers that generate them (Netflix). The lowest layer: it imports no
other part of kdrama."""
