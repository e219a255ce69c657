"""Reading text: a file's bytes to an `Article` (plain text, a wire record), its layout
(headline, body, furniture) and its parse. Nothing here knows about stances or dates."""
