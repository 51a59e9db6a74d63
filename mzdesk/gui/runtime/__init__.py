"""Process-wide GUI machinery: the single-writer worker, tasks and async slots,
the error hook, fonts and translators."""
