import pytest

from newsbook.resources import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources.load()
