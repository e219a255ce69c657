import pytest

from newsbook.lexicons import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources.load()
