"""The one exception type the command line turns into a one-line message."""


class InputError(Exception):
    """Bad input: the message says what is wrong and what to do, in one line."""
