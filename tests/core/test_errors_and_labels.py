from mzdesk.core.errors import FieldProblem, StateError, ValidationError
from mzdesk.core.i18n import set_language
from mzdesk.core.labels import field_label, table_label


def test_validation_errors_name_fields_by_their_labels_never_their_keys():
    """Defect: dialogs showed ``id_number：…`` and ``number：…``."""
    error = ValidationError(
        [
            FieldProblem("id_number", "field.required"),
            FieldProblem("number", "field.required"),
            FieldProblem("contacts.0.phone", "field.phone", {"value": "12"}),
        ]
    )
    text = str(error)
    assert "id_number" not in text and "number：" not in text
    assert text.startswith("身份证号：必填；编号：必填；联系人1 联系电话：")


def test_errors_follow_the_language_when_shown():
    error = StateError("user.bad_login")
    problem = ValidationError.single("birth_date", "field.required")
    set_language("en")
    try:
        assert str(error) == "wrong user name or password"
        assert str(problem) == "date of birth: required"
    finally:
        set_language("zh")
    assert str(error) == "用户名或密码不正确"


def test_labels_by_table_and_unknown_keys():
    assert field_label("name", "residents") == "姓名"
    assert field_label("name", "institutions") == "机构名称"
    assert field_label("name") == "名称"
    assert table_label("hazards") == "隐患"
    assert field_label("no_such_field") == "no_such_field"


def test_coded_errors_are_translated_and_keep_their_code():
    import errno

    from mzdesk.core.bundle import BundleError
    from mzdesk.core.errors import os_error_text

    error = BundleError("bundle.signature")
    assert error.code == "bundle.signature" and "伪造" in str(error)
    missing = OSError(errno.ENOENT, "No such file or directory")
    assert os_error_text(missing) == "文件或文件夹不存在"
    set_language("en")
    try:
        assert str(error).startswith("the bundle cannot be decrypted and verified: it was altered")
        assert os_error_text(missing) == "the file or folder does not exist"
    finally:
        set_language("zh")


def test_message_codes_are_unique_across_the_areas_tables():
    import importlib
    import pkgutil

    import mzdesk.core.messages
    from mzdesk.core.i18n import MESSAGES

    tables = [
        importlib.import_module(info.name)
        for info in pkgutil.iter_modules(mzdesk.core.messages.__path__, "mzdesk.core.messages.")
    ]
    assert len(tables) >= 6
    assert sum(len(t.MESSAGES) for t in tables) == len(MESSAGES)
