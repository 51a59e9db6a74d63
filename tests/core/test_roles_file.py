import pytest

from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Permission, RolesFileError, parse_role, parse_roles

ADMIN = {"code": "admin", "zh": "管理员", "en": "administrator", "permissions": ["*"]}


def test_a_valid_document_gives_roles_with_their_permissions():
    roles = parse_roles(
        {"roles": [ADMIN, {"code": "x", "zh": "甲", "en": "x", "permissions": ["beds.edit"]}]}
    )
    assert roles["x"].permissions == {Permission.BEDS_EDIT}
    assert roles["admin"].grants(Permission.USERS_MANAGE)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({}, "list 'roles'"),
        (
            {"roles": [ADMIN, {"code": "x", "zh": "甲", "en": "x", "permissions": ["fly"]}]},
            "roles\\[1\\]: unknown permission 'fly'",
        ),
        ({"roles": [ADMIN, ADMIN]}, "duplicate"),
        ({"roles": [{"code": "x", "zh": "甲", "en": "x", "permissions": []}]}, "'admin'"),
        ({"roles": [ADMIN, {"code": "", "zh": "甲", "en": "x", "permissions": []}]}, "required"),
    ],
)
def test_a_bad_document_is_refused_naming_the_entry(document, message):
    with pytest.raises(RolesFileError, match=message):
        parse_roles(document)


def test_a_role_is_given_by_code_or_label():
    assert parse_role("业务人员").code == "staff"
    assert parse_role("read-only").code == "readonly"
    assert parse_role(" admin ").code == "admin"
    with pytest.raises(ValidationError, match="没有角色「boss」"):
        parse_role("boss")
