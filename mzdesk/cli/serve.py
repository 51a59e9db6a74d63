"""``mzdesk serve``: run the central server (the ``server`` group administers it)."""

from __future__ import annotations

import click

from mzdesk.cli.common import fail
from mzdesk.cli.output import echo
from mzdesk.cli.server import _server_db, _server_url, server_db_option
from mzdesk.core.i18n import text


@click.command()
@server_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址")
@click.option("--port", default=8760, show_default=True, type=int, help="端口")
@click.option(
    "--tls-cert",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="服务器证书（PEM），与 --tls-key 一起：以 HTTPS 提供服务。TLS certificate.",
)
@click.option(
    "--tls-key",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="服务器证书的私钥（PEM）。TLS private key.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    envvar="MZDESK_WORKERS",
    help="服务进程数（大于 1 时需要 PostgreSQL）。Server processes (more than 1 needs PostgreSQL).",
)
@click.option(
    "--pool-size",
    default=None,
    type=click.IntRange(1, 1000),
    envvar="MZDESK_DB_POOL",
    help="每个进程的数据库连接数（默认按 max_connections 与进程数计算）。"
    "Database connections per process (default: from max_connections and --workers).",
)
@click.option(
    "--max-queue",
    default=1000,
    show_default=True,
    type=click.IntRange(0, 100_000),
    help="每个进程最多同时处理的请求，超出时回答 503 busy（0：不限）。"
    "Requests in hand per process before answering 503 busy (0: no limit).",
)
def serve(
    db: str | None,
    host: str,
    port: int,
    tls_cert: str | None,
    tls_key: str | None,
    workers: int,
    pool_size: int | None,
    max_queue: int,
) -> None:
    """运行中心服务器（FastAPI + uvicorn）。Run the central sync server."""
    import os

    from mzdesk.server.app import serve as run
    from mzdesk.server.db import POOL_ENV, plan_pool

    if (tls_cert is None) != (tls_key is None):
        fail(text("cli.serve.tls_pair"))
    url = _server_url(db)
    store = _server_db(db)  # migrate, load the key, and fail early with a clear message
    key_file = store.key_file
    try:
        if not store.postgres:
            if workers > 1:
                fail(text("cli.server.sqlite_one_worker", workers=workers))
            per = pool_size or 0
        else:
            per, limit = plan_pool(store, workers, pool_size)
            if per < 2:
                fail(
                    text(
                        "cli.server.pool_too_small",
                        workers=workers,
                        limit=limit,
                        pool=pool_size or "auto",
                    )
                )
    finally:
        store.close()
    if per:
        os.environ[POOL_ENV] = str(per)
    echo(
        text(
            "cli.server.serving",
            url=f"{'https' if tls_cert else 'http'}://{host}:{port}",
            database=url.split("@")[-1],
            workers=workers,
            pool=per or "-",
        ),
        err=True,
    )
    if key_file is not None:
        echo(text("cli.server.key_file", path=key_file), err=True)
    run(url, host, port, workers, max_queue, ssl_certfile=tls_cert, ssl_keyfile=tls_key)


COMMANDS: tuple[click.Command, ...] = (serve,)
