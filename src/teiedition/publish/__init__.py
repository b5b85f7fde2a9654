"""Publishing stage: the validated TEI → the HTML edition, the print edition and the exports."""

# The exports `teiedition export` offers, here so that the command line knows them without
# loading the exporters.
EXPORT_FORMATS = ("tei-corpus", "bundle", "entities", "citations", "text")
