"""The translation table, by area: each module holds ``MESSAGES`` (code → (Chinese, English)),
and :mod:`mzdesk.core.i18n` joins them."""
