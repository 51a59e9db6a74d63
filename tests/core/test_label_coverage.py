"""Every field a person can see in the audit trail, the sync page or an error has a label in
the one table (zh and en): none shows as its key."""

from mzdesk.core.i18n import set_language
from mzdesk.core.labels import FIELDS, TABLE_FIELDS, TABLES, field_label, table_label
from mzdesk.store.values import synced_columns, synced_tables

# Bookkeeping a person never sees as a field.
TECHNICAL = {
    "id",
    "institution_id",
    "created_at",
    "updated_at",
    "server_rev",
    "search_terms",
    "name_initials",
}


def test_every_synced_table_and_field_has_a_label():
    missing_tables = sorted(set(synced_tables()) - set(TABLES))
    missing_fields = sorted(
        f"{table}.{field}"
        for table in synced_tables()
        for field in synced_columns(table)
        if field not in TECHNICAL and field not in FIELDS and (table, field) not in TABLE_FIELDS
    )
    assert missing_tables == [] and missing_fields == []


def test_labels_exist_in_both_languages():
    try:
        for language in ("zh", "en"):
            set_language(language)
            for table in synced_tables():
                assert table_label(table) != table or language == "en"
                for field in synced_columns(table):
                    if field not in TECHNICAL:
                        assert field_label(field, table).strip()
    finally:
        set_language("zh")
