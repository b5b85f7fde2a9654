"""teiedition: archival transcripts → TEI P5 → validated, published edition."""

__version__ = "0.1.0"
