"""Publishing stage: the validated TEI → the HTML edition (and, later, the print edition)."""
