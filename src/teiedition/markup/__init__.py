"""Mark-up stage: a `Transcript` → a TEI P5 document."""
