"""Back up the whole archive to one JSON Lines file, and restore it into an empty database.

The file is a header line (format, version, and each table's columns) followed by one line per
row: `{"model": "interviews.turn", "fields": {...}}`. Every concrete field of every model in the
app is written, found from the models themselves, so a field added later is backed up without
anyone remembering to; many-to-many links are rows of their own tables. Timestamps keep their
microseconds, floats their exact value. A relation to a model outside the archive (an editor's
user account) is written as that model's natural key, never with its password.
"""

import datetime
import decimal
import gzip
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone

from interviews.models import ContentVersion
from interviews.services.content import content_version_bump

FORMAT = "interview-archive"
VERSION = 1
BATCH_SIZE = 2000
# Not archive content: the cache's version is bumped, never restored.
NOT_BACKED_UP = {ContentVersion}


class BackupError(Exception):
    """A backup cannot be read or restored; the message says why. Nothing was written."""


@dataclass
class BackupResult:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def archive_models() -> list[type[models.Model]]:
    """The app's tables, many-to-many ones included, each after the tables it points to."""
    candidates = [
        model
        for model in apps.get_app_config("interviews").get_models(include_auto_created=True)
        if model not in NOT_BACKED_UP
    ]
    ordered: list[type[models.Model]] = []
    pending = list(candidates)
    while pending:
        ready = [
            model
            for model in pending
            if all(
                target in ordered or target is model or target not in candidates
                for target in _relation_targets(model)
            )
        ]
        if not ready:
            raise BackupError(f"Circular relations between {pending}: cannot order the tables.")
        ordered += ready
        pending = [model for model in pending if model not in ready]
    return ordered


def _relation_targets(model) -> list:
    return [f.related_model for f in model._meta.concrete_fields if f.is_relation]


def _columns(model) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def _is_external(f: models.Field, archive: list) -> bool:
    return f.is_relation and f.related_model not in archive


def _encode(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    return value


def _open(path: Path, mode: str) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, mode + "t", encoding="utf-8")
    return path.open(mode, encoding="utf-8")


def _natural_keys(f: models.Field, using: str) -> dict:
    related = f.related_model
    if not hasattr(related, "natural_key"):
        raise BackupError(
            f"{f.model._meta.label}.{f.name} points outside the archive to "
            f"{related._meta.label}, which has no natural key to back it up by."
        )
    return {obj.pk: list(obj.natural_key()) for obj in related._base_manager.using(using)}


def _rows(model, archive: list, using: str) -> Iterator[dict]:
    columns = _columns(model)
    external = {f.attname: _natural_keys(f, using) for f in columns if _is_external(f, archive)}
    names = [f.attname for f in columns]
    queryset = model._base_manager.using(using).order_by("pk").values_list(*names)
    for values in queryset.iterator(chunk_size=BATCH_SIZE):
        row = {}
        for name, value in zip(names, values, strict=True):
            if name in external and value is not None:
                value = external[name][value]
            row[name] = _encode(value)
        yield row


def archive_export(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write the whole archive to `path` (gzipped when it ends in .gz), in one consistent read."""
    archive = archive_models()
    result = BackupResult(path=path)
    with transaction.atomic(using=using), _open(path, "w") as out:
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported": timezone.now().isoformat(),
            "tables": {m._meta.label_lower: [f.attname for f in _columns(m)] for m in archive},
        }
        out.write(json.dumps(header) + "\n")
        for model in archive:
            label = model._meta.label_lower
            result.rows[label] = 0
            for row in _rows(model, archive, using):
                out.write(json.dumps({"model": label, "fields": row}, ensure_ascii=False) + "\n")
                result.rows[label] += 1
    return result


def _header(line: str, path: Path) -> dict:
    try:
        header = json.loads(line)
    except json.JSONDecodeError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path} is not an Interview Archive backup.")
    if header.get("version") != VERSION:
        raise BackupError(
            f"{path} is a version {header.get('version')!r} backup; this archive reads "
            f"version {VERSION} only. Restore it with the release that wrote it."
        )
    return header


class _Table:
    """How one table's rows are read back: its fields, and the external keys to resolve."""

    def __init__(self, model, columns: list[str], archive: list, using: str, path: Path):
        fields = {f.attname: f for f in _columns(model)}
        unknown = sorted(set(columns) - set(fields))
        if unknown:
            raise BackupError(
                f"{path}: {model._meta.label} has no field {', '.join(unknown)} any more; "
                "restoring would drop that data."
            )
        missing = [
            f
            for name, f in fields.items()
            if name not in columns and not f.has_default() and not f.null
        ]
        if missing:
            raise BackupError(
                f"{path}: the backup has no value for {model._meta.label}."
                f"{', '.join(f.attname for f in missing)}, which has no default."
            )
        self.model = model
        self.fields = [fields[name] for name in columns]
        # Fields newer than the backup are inserted with their defaults.
        self.insert_fields = list(fields.values())
        self.external = {f.attname: f for f in self.fields if _is_external(f, archive)}
        self.using = using
        self.accounts: dict[tuple, int] = {}

    def _account(self, f: models.Field, key: list) -> int:
        """An external row by natural key; a user missing here becomes an inactive account."""
        cache_key = (f.attname, *key)
        if cache_key not in self.accounts:
            manager = f.related_model._default_manager.db_manager(self.using)
            try:
                self.accounts[cache_key] = manager.get_by_natural_key(*key).pk
            except f.related_model.DoesNotExist:
                user_model = get_user_model()
                if f.related_model is not user_model:
                    raise BackupError(
                        f"{f.related_model._meta.label} {key} is not in this database."
                    ) from None
                user = user_model(**{user_model.USERNAME_FIELD: key[0]}, is_active=False)
                user.set_unusable_password()
                user.save(using=self.using)
                self.accounts[cache_key] = user.pk
        return self.accounts[cache_key]

    def instance(self, values: dict) -> models.Model:
        obj = self.model()
        for f in self.fields:
            value = values.get(f.attname)
            if value is not None:
                value = (
                    self._account(f, value) if f.attname in self.external else f.to_python(value)
                )
            setattr(obj, f.attname, value)
        return obj


def _insert(table: _Table, batch: list) -> None:
    # raw=True keeps the stored `created`/`modified` instead of stamping the time of the restore.
    table.model._base_manager.using(table.using)._insert(
        batch, fields=table.insert_fields, raw=True, using=table.using
    )


def archive_import(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Restore a backup into an empty archive, all or nothing. Re-index afterwards."""
    archive = archive_models()
    labels = {m._meta.label_lower: m for m in archive}
    occupied = {m._meta.label: m._base_manager.using(using).count() for m in archive}
    if any(occupied.values()):
        found = ", ".join(f"{n} {label}" for label, n in occupied.items() if n)
        raise BackupError(f"The archive is not empty ({found}); restore into an empty database.")

    result = BackupResult(path=path)
    try:
        with _open(path, "r") as lines, transaction.atomic(using=using):
            header = _header(next(lines, ""), path)
            tables = {}
            for label, columns in header.get("tables", {}).items():
                if label not in labels:
                    raise BackupError(f"{path} holds {label}, which this archive does not have.")
                tables[label] = _Table(labels[label], columns, archive, using, path)
                result.rows[label] = 0
            batches: dict[str, list] = defaultdict(list)
            order = list(tables)
            for number, line in enumerate(lines, start=2):
                try:
                    record = json.loads(line)
                    label, values = record["model"], record["fields"]
                    batch = batches[label]
                    batch.append(tables[label].instance(values))
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise BackupError(
                        f"{path}, line {number}: not a row of a known table."
                    ) from exc
                except Exception as exc:
                    if isinstance(exc, BackupError):
                        raise
                    raise BackupError(f"{path}, line {number}: {exc}") from exc
                # Rows come table by table, parents first: flush earlier tables before later ones.
                for earlier in order[: order.index(label)]:
                    if batches[earlier]:
                        _insert(tables[earlier], batches.pop(earlier))
                if len(batch) >= BATCH_SIZE:
                    _insert(tables[label], batches.pop(label))
                result.rows[label] += 1
            for label in order:
                if batches.get(label):
                    _insert(tables[label], batches.pop(label))
            _sequences_reset(using, archive)
            content_version_bump(using=using)
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
        raise BackupError(f"{path} cannot be read ({exc}); nothing was restored.") from exc
    return result


def _sequences_reset(using: str, archive: list) -> None:
    """Rows came with their ids: move PostgreSQL's id counters past them."""
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), archive)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
