"""``mzdesk checklists``: checklist templates — list, show, export and import as files, copy
a shipped one into the home's own version and publish it (docs/checklists.md)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.cli.training import institution_option, json_option, pick_institution
from mzdesk.core.checklists import MAX_TEMPLATE_BYTES, template_to_dict
from mzdesk.core.i18n import text
from mzdesk.core.vocab import InstitutionKind
from mzdesk.store.engine import Store


@click.group()
def checklists() -> None:
    """安全检查表模板：查看、导出、导入、复制为本院版本、发布。Checklist templates."""


def _kind(store: Store, institution_id: uuid.UUID) -> InstitutionKind:
    from mzdesk.services.institutions import list_institutions

    return next(i.kind for i in list_institutions(store) if i.id == institution_id)


def _pick(store: Store, institution_id: uuid.UUID, key: str, version: str | None) -> uuid.UUID:
    """A template by id, or by code (and version when the code has several)."""
    from mzdesk.services.checklists import list_templates

    templates = list_templates(store, institution_id)
    found = [t for t in templates if str(t.id) == key.strip()]
    if not found:
        found = [t for t in templates if t.code.lower() == key.strip().lower()]
        if version is not None:
            found = [t for t in found if t.version == version.strip()]
    if not found:
        fail(text("checklist.not_found", key=key + (f" {version}" if version else "")))
    if len(found) > 1:
        fail(text("cli.checklists.ambiguous", key=key))
    return found[0].id


@checklists.command("list")
@db_option
@institution_option
@json_option
@click.pass_context
def list_(ctx: click.Context, db: Path | None, institution: str | None, as_json: bool) -> None:
    """列出标准检查表和本院版本。List the shipped checklists and the home's versions."""
    from mzdesk.services.checklists import list_templates

    store, actor = open_as_user(ctx, db)
    institution_id, _ = pick_institution(store, actor, institution)
    rows = list_templates(store, institution_id, _kind(store, institution_id))
    if as_json:
        echo(
            json.dumps(
                [
                    {
                        "id": str(t.id),
                        "code": t.code,
                        "version": t.version,
                        "title": t.title,
                        "standard": t.standard,
                        "status": t.status.value,
                        "items": t.items,
                    }
                    for t in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    echo(text("cli.checklists.header"))
    for t in rows:
        echo(f"{t.code}\t{t.version}\t{t.status.label}\t{t.items}\t{t.title}")


@checklists.command("show")
@db_option
@institution_option
@json_option
@click.argument("key")
@click.argument("version", required=False)
@click.pass_context
def show(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    as_json: bool,
    key: str,
    version: str | None,
) -> None:
    """显示检查表的各项（按类别）。Show a checklist's items by section."""
    from mzdesk.core.checklists import severity_label
    from mzdesk.services.checklists import load_version

    store, actor = open_as_user(ctx, db)
    institution_id, _ = pick_institution(store, actor, institution)
    template = load_version(store, _pick(store, institution_id, key, version))
    if as_json:
        echo(json.dumps(template_to_dict(template), ensure_ascii=False, indent=2))
        return
    echo(f"{template.title} {template.version}（{template.status.label}）")
    echo(template.basis)
    for section in template.sections:
        echo(f"\n【{section}】")
        for item in (i for i in template.items if i.section == section):
            clause = (item.basis or "—") + (
                text("checklist.unverified_mark") if item.clause_unverified else ""
            )
            echo(f"{item.code}\t{severity_label(item.major_hazard)}\t{clause}\t{item.text}")


@checklists.command("export")
@db_option
@institution_option
@click.argument("key")
@click.argument("version", required=False)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_context
def export(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    key: str,
    version: str | None,
    out: Path,
) -> None:
    """导出检查表文件（JSON）。Export a checklist as a file."""
    from mzdesk.services.checklist_editing import export_template

    store, actor = open_as_user(ctx, db)
    institution_id, _ = pick_institution(store, actor, institution)
    out.write_bytes(export_template(store, _pick(store, institution_id, key, version)))
    echo(text("cli.checklists.exported", path=out))


@checklists.command("import")
@db_option
@institution_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def import_(ctx: click.Context, db: Path | None, institution: str | None, file: Path) -> None:
    """导入检查表文件为本院草稿。Import a checklist file as the home's draft."""
    from mzdesk.services.checklist_editing import import_template
    from mzdesk.services.checklists import load_version

    store, actor = open_as_user(ctx, db)
    institution_id, _ = pick_institution(store, actor, institution)
    with file.open("rb") as handle:  # never more than the limit in memory
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    new = import_template(store, actor, institution_id, data, file.name)
    template = load_version(store, new)
    echo(
        text(
            "cli.checklists.imported",
            title=template.title,
            version=template.version,
            items=len(template.items),
        )
    )


@checklists.command("copy")
@db_option
@institution_option
@click.argument("key")
@click.argument("version", required=False)
@click.pass_context
def copy(
    ctx: click.Context, db: Path | None, institution: str | None, key: str, version: str | None
) -> None:
    """复制为本院版本（草稿）。Copy a checklist into a draft of the home's own."""
    from mzdesk.services.checklist_editing import copy_template
    from mzdesk.services.checklists import load_version

    store, actor = open_as_user(ctx, db)
    institution_id, _ = pick_institution(store, actor, institution)
    new = copy_template(store, actor, _pick(store, institution_id, key, version), institution_id)
    template = load_version(store, new)
    echo(f"{template.code}\t{template.version}\t{template.status.label}\t{template.id}")


@checklists.command("publish")
@db_option
@institution_option
@click.argument("key")
@click.argument("version")
@click.pass_context
def publish(
    ctx: click.Context, db: Path | None, institution: str | None, key: str, version: str
) -> None:
    """发布本院草稿（发布后不可修改）。Publish a draft (then it never changes)."""
    from mzdesk.services.checklist_editing import publish as publish_draft
    from mzdesk.services.checklists import load_version

    store, actor = open_as_user(ctx, db)
    institution_id, _ = pick_institution(store, actor, institution)
    template_id = _pick(store, institution_id, key, version)
    publish_draft(store, actor, template_id)
    template = load_version(store, template_id)
    echo(f"{template.code}\t{template.version}\t{template.status.label}")


COMMANDS: tuple[click.Command, ...] = (checklists,)
