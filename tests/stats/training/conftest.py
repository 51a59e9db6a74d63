import pytest

from tests.helpers.training_staff import D, make_staff

__all__ = ["D"]


@pytest.fixture
def staff(store):
    return make_staff(store)
