"""简报 / Briefing: the one-page monthly briefing of a released month on screen, printable, with its
archived Word and PDF files. Imports dashboard shared modules and etl; never another page."""
